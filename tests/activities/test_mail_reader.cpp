// The mail reader (read_mail, read_mail_message) on hand-written, real-world-shaped messages in
// tests/data/activities/mail/. Expected instants are worked out by hand from the Date headers.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "activities/mail_mbox.hpp"
#include "parley/activities.hpp"
#include "parley/error.hpp"
#include "parley/utf8.hpp"

using parley::ActivityDirection;
using parley::ActivityReadOptions;
using parley::ActivityReadResult;

namespace {

const std::filesystem::path mail_dir = std::filesystem::path(PARLEY_TEST_DATA_DIR) / "activities" / "mail";

// UTC milliseconds of a time in November 2026, counted by hand: 1970-01-01 to 2026-01-01 is
// 56 * 365 + 14 leap days (1972...2024) = 20454 days; January to October 2026 is
// 31+28+31+30+31+30+31+31+30+31 = 304 days; so 1 November 2026 is day 20758.
constexpr std::int64_t nov_2026_ms(int day, int hour, int minute, int second) {
  return ((std::int64_t{20758} + day - 1) * 86400 + hour * 3600 + minute * 60 + second) * 1000;
}
static_assert(nov_2026_ms(3, 12, 5, 9) == 1793707509000);  // `date -u -d '2026-11-03 12:05:09' +%s`

ActivityReadOptions contoso() {
  ActivityReadOptions options;
  options.our_side.domains = {"contoso.com"};
  return options;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A small message from a customer to Dana with the given extra headers and subject.
std::string customer_message(const std::string& extra_headers, const std::string& subject) {
  return "Message-ID: <t@fabrikam.com>\nDate: Mon, 9 Nov 2026 09:00:00 +0000\n"
         "From: Marco Rossi <marco.rossi@fabrikam.com>\nTo: dana@contoso.com\n" +
         extra_headers + "Subject: " + subject + "\n\nBody.\n";
}

}  // namespace

TEST_CASE("mail: multipart/alternative with an attachment, sides by our domain and subdomains") {
  ActivityReadOptions options = contoso();
  options.linking.ids_by_email = {{"Dana@Contoso.com", "u-dana"}};
  options.linking.account_from_customer_domain = true;
  const ActivityReadResult result = parley::read_mail(mail_dir / "multipart-attachment.eml", options);
  REQUIRE(result.errors.empty());
  REQUIRE(result.activities.size() == 1);
  const parley::Activity& mail = result.activities[0];
  CHECK(mail.type == parley::ActivityType::email);
  CHECK(mail.id == "CAF3k2mR9.7301@mail.fabrikam.com");
  CHECK(mail.message_id == "CAF3k2mR9.7301@mail.fabrikam.com");
  CHECK(mail.subject == "Signed order form for the pilot");
  CHECK(mail.timestamp_ms == nov_2026_ms(3, 12, 5, 9));  // 14:05:09 +0200 = 12:05:09 UTC
  CHECK(mail.direction == ActivityDirection::received);
  CHECK(mail.initiator_id == "marco.rossi@fabrikam.com");  // no linking entry: the address, lowercased
  CHECK(mail.owner_id == "u-dana");                        // our first recipient
  // Dana appears twice (To, and Cc as DANA@contoso.com): once, with her first display name;
  // ana@eu.contoso.com is ours through the subdomain.
  REQUIRE(mail.our_side.size() == 2);
  CHECK(mail.our_side[0].id == "u-dana");
  CHECK(mail.our_side[0].display_name == "Dana Berg");
  CHECK(mail.our_side[0].email == "dana@contoso.com");
  CHECK(mail.our_side[1].id == "ana@eu.contoso.com");
  CHECK(mail.our_side[1].display_name == "Ana Lund");
  REQUIRE(mail.customer_side.size() == 2);
  CHECK(mail.customer_side[0].email == "marco.rossi@fabrikam.com");  // the sender first
  CHECK(mail.customer_side[0].display_name == "Marco Rossi");
  CHECK(mail.customer_side[1].email == "lars@fabrikam.com");
  CHECK(mail.customer_side[1].display_name.empty());
  CHECK(mail.account_id == "fabrikam.com");  // the customer's domain rule
  CHECK_FALSE(mail.automatic_reply);
  CHECK(mail.attachment_count == 1);  // the PDF; the two alternative bodies are not attachments
  CHECK_FALSE(mail.tracked);
  CHECK(mail.engagement.empty());
  CHECK(mail.duration_ms == 0);
  CHECK(mail.thread_id.empty());
  CHECK(mail.in_reply_to.empty());
  CHECK(mail.references.empty());
}

TEST_CASE("mail: attachments are counted: named parts, attachment dispositions, enclosed messages") {
  // mixed: related (html body + inline logo with a name), a CSV with a bare "attachment"
  // disposition, an inline text part without a name, a forwarded message with its own PDF.
  const std::string message =
      "From: Marco Rossi <marco.rossi@fabrikam.com>\nTo: dana@contoso.com\n"
      "Date: Tue, 03 Nov 2026 14:05:09 +0200\nMessage-ID: <att@fabrikam.com>\nSubject: Files\n"
      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"m\"\n\n"
      "--m\nContent-Type: multipart/related; boundary=\"r\"\n\n"
      "--r\nContent-Type: text/html; charset=utf-8\n\n<p>See the files.</p>\n"
      "--r\nContent-Type: image/png; name=\"logo.png\"\nContent-Disposition: inline\n"
      "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--\n"
      "--m\nContent-Type: text/csv\nContent-Disposition: attachment\n\na,b\n1,2\n"
      "--m\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline\n\nP.S.\n"
      "--m\nContent-Type: message/rfc822\n\n"
      "From: lars@fabrikam.com\nTo: marco.rossi@fabrikam.com\nSubject: Quote\n"
      "Date: Mon, 02 Nov 2026 09:00:00 +0100\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"f\"\n\n"
      "--f\nContent-Type: text/plain\n\nThe quote.\n"
      "--f\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"quote.pdf\"\n\n%PDF\n"
      "--f--\n"
      "--m--\n";
  const ActivityReadResult result = parley::read_mail_message(message, "files.eml", contoso());
  REQUIRE(result.errors.empty());
  REQUIRE(result.activities.size() == 1);
  CHECK(result.activities[0].attachment_count == 3);  // logo.png, the CSV, the forward (not its PDF)

  const ActivityReadResult plain = parley::read_mail_message(
      "From: marco.rossi@fabrikam.com\nTo: dana@contoso.com\nDate: Tue, 03 Nov 2026 14:05:09 +0200\n"
      "Subject: Hi\n\nNo files.\n",
      "plain.eml", contoso());
  REQUIRE(plain.activities.size() == 1);
  CHECK(plain.activities[0].attachment_count == 0);
}

TEST_CASE("mail: encoded words (B and Q, UTF-8 and ISO-8859-1) and folded Subject and To") {
  const ActivityReadResult result = parley::read_mail(mail_dir / "encoded-words.eml", contoso());
  REQUIRE(result.errors.empty());
  REQUIRE(result.activities.size() == 1);
  const parley::Activity& mail = result.activities[0];
  // "Re: " + B "Tilbud på" + Q " licenser til København" (the space between two encoded words
  // goes, the '_' inside the second is a space) + the folded line "and Aarhus".
  CHECK(mail.subject == "Re: Tilbud på licenser til København and Aarhus");
  CHECK(mail.timestamp_ms == nov_2026_ms(2, 21, 30, 0));  // 16:30 -0500 = 21:30 UTC
  REQUIRE(mail.customer_side.size() == 1);
  CHECK(mail.customer_side[0].display_name == "Søren Ærø");   // ISO-8859-1 Q: =F8 ø, =C6 Æ
  REQUIRE(mail.our_side.size() == 2);                         // the To list folded over two lines
  CHECK(mail.our_side[0].display_name == "Олена Ковальчук");  // UTF-8 B
  CHECK(mail.our_side[0].email == "olena@contoso.com");
  CHECK(mail.our_side[1].display_name == "Dana Berg");
  CHECK(mail.owner_id == "olena@contoso.com");
}

TEST_CASE("mail: non-UTF-8 charsets (raw Latin-1, Windows-1252, KOI8-U, GB2312) come out as UTF-8") {
  const ActivityReadResult result = parley::read_mail(mail_dir / "charsets.eml", contoso());
  REQUIRE(result.errors.empty());
  REQUIRE(result.activities.size() == 1);
  const parley::Activity& mail = result.activities[0];
  // Raw 0xFC is Latin-1 ü; Windows-1252 0x80 €, 0x96 –, 0x93 “, 0x94 ”.
  CHECK(mail.subject == "Angebot für € 100 – “Pilot”");
  CHECK(parley::is_valid_utf8(mail.subject));
  CHECK(mail.timestamp_ms == nov_2026_ms(10, 8, 0, 0));  // GMT
  REQUIRE(mail.customer_side.size() == 2);
  CHECK(mail.customer_side[0].display_name == "René Müller");  // raw 0xE9, 0xFC in the From header
  CHECK(mail.customer_side[1].display_name == "王伟");         // GB2312 B
  REQUIRE(mail.our_side.size() == 1);
  CHECK(mail.our_side[0].display_name == "Олена");  // KOI8-U B
  for (const auto& party : mail.customer_side) CHECK(parley::is_valid_utf8(party.display_name));

  // An unknown charset and bytes that are no text in any charset still give valid UTF-8.
  const ActivityReadResult odd = parley::read_mail_message(
      "Date: Mon, 9 Nov 2026 09:00:00 +0000\nFrom: =?x-unknown?Q?Jos=E9?= <jose@fabrikam.com>\n"
      "To: dana@contoso.com\nSubject: \xc3\x28 \xf0\x28\x8c\x28\n\nx\n",
      "odd.eml", contoso());
  REQUIRE(odd.activities.size() == 1);
  CHECK(parley::is_valid_utf8(odd.activities[0].subject));
  REQUIRE(odd.activities[0].customer_side.size() == 1);
  CHECK(odd.activities[0].customer_side[0].display_name.starts_with("Jos"));
  CHECK(parley::is_valid_utf8(odd.activities[0].customer_side[0].display_name));
  // Raw bytes in the sender's address: GMime reads no address there, an error in valid UTF-8.
  const ActivityReadResult bad_address = parley::read_mail_message(
      "Date: Mon, 9 Nov 2026 09:00:00 +0000\nFrom: Jose <\xff\xfe@fabrikam.com>\nTo: dana@contoso.com\n\nx\n",
      "bad-address.eml", contoso());
  REQUIRE(bad_address.errors.size() == 1);
  CHECK(bad_address.errors[0].message.ends_with("has no email address"));
  CHECK(parley::is_valid_utf8(bad_address.errors[0].message));
}

TEST_CASE("mail: an mbox with a malformed message, a missing Date, replies, automatic replies") {
  const std::filesystem::path path = mail_dir / "inbox.mbox";
  const ActivityReadResult result = parley::read_mail(path, contoso());
  // 8 messages: message 3 has no sender address (error), message 7 is between colleagues (skipped).
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].file == path.string());
  CHECK(result.errors[0].where == "message 3 (line 24)");  // `grep -n '^From ' inbox.mbox`
  CHECK(result.errors[0].message == "From 'Marco Rossi' has no email address");
  CHECK(result.skipped == 1);
  REQUIRE(result.activities.size() == 6);
  const auto& a = result.activities;

  CHECK(a[0].id == "m1@fabrikam.com");
  CHECK(a[0].timestamp_ms == nov_2026_ms(5, 15, 20, 0));  // 10:20 EST (-0500) = 15:20 UTC
  CHECK(a[0].direction == ActivityDirection::received);

  // No Date header: the separator's "Thu Nov  5 16:02:41 2026", read as UTC.
  CHECK(a[1].id == "m2@contoso.com");
  CHECK(a[1].timestamp_ms == nov_2026_ms(5, 16, 2, 41));
  CHECK(a[1].direction == ActivityDirection::sent);
  CHECK(a[1].initiator_id == "dana@contoso.com");
  CHECK(a[1].owner_id == "dana@contoso.com");
  CHECK(a[1].in_reply_to == "m1@fabrikam.com");
  CHECK(a[1].references == std::vector<std::string>{"m1@fabrikam.com"});

  CHECK(a[2].id == "m4@fabrikam.com");
  CHECK(a[2].timestamp_ms == nov_2026_ms(6, 8, 0, 0));  // GMT
  CHECK(a[2].in_reply_to == "m2@contoso.com");
  CHECK(a[2].references == std::vector<std::string>{"m0@fabrikam.com", "m1@fabrikam.com", "m2@contoso.com"});
  CHECK_FALSE(a[2].automatic_reply);

  CHECK(a[3].id == "m5@fabrikam.com");  // Auto-Submitted: auto-replied
  CHECK(a[3].automatic_reply);
  CHECK(a[3].timestamp_ms == nov_2026_ms(6, 9, 0, 5));  // 10:00:05 +0100

  CHECK(a[4].id == "m6@fabrikam.pl");  // no header, a Polish out-of-office subject
  CHECK(a[4].subject == "Odpowiedź automatyczna: Spotkanie");
  CHECK(a[4].automatic_reply);
  CHECK(a[4].timestamp_ms == nov_2026_ms(6, 11, 30, 0));  // 12:30 +0100

  CHECK(a[5].id == "m8@fabrikam.com");  // Precedence: bulk is a newsletter, not an automatic reply
  CHECK_FALSE(a[5].automatic_reply);
  CHECK(a[5].timestamp_ms == nov_2026_ms(7, 7, 0, 0));
}

TEST_CASE("mail: mbox splitting undoes >From quoting and keeps separator lines and dates") {
  const std::string text = file_text(mail_dir / "inbox.mbox");
  const auto messages = parley::activities_detail::split_mail_text(text);
  REQUIRE(messages.size() == 8);
  CHECK(messages[0].line == 1);
  CHECK(messages[1].line == 14);
  CHECK(messages[7].line == 73);
  CHECK(messages[1].separator_date == "Thu Nov  5 16:02:41 2026");
  CHECK(messages[0].text.find("\nFrom our side the budget is approved.\n") != std::string::npos);
  CHECK(messages[0].text.find("\n>From the quoted thread") != std::string::npos);  // ">>From" loses one '>'
  CHECK(messages[0].text.find(">From our side") == std::string::npos);
  CHECK(
      messages[0].text.ends_with("fixed for 40 seats?\n"));  // the blank line before the next separator goes
  CHECK(messages[0].text.starts_with("Message-ID: <m1@fabrikam.com>\n"));

  // "From " inside a paragraph (no blank line before it) is body text, not a separator.
  const auto two = parley::activities_detail::split_mail_text(
      "From a@b.c Mon Nov  9 09:00:00 2026\nSubject: x\n\nline\nFrom here on\n\nFrom c@d.e Mon Nov  9 "
      "10:00:00 2026\n"
      "Subject: y\n\nz\n");
  REQUIRE(two.size() == 2);
  CHECK(two[0].text == "Subject: x\n\nline\nFrom here on\n");
  CHECK(two[1].line == 7);

  const auto single = parley::activities_detail::split_mail_text("From: a@b.c\n\nbody\n");
  REQUIRE(single.size() == 1);
  CHECK(single[0].separator_date.empty());
}

TEST_CASE("mail: a missing Date falls back to Received, and with no other date is an error") {
  const ActivityReadResult received = parley::read_mail(mail_dir / "received-only.eml", contoso());
  REQUIRE(received.activities.size() == 1);
  // The latest of 09:15:02 +0100, 09:14:58 +0100 and 08:14:50 +0000 is 08:15:02 UTC.
  CHECK(received.activities[0].timestamp_ms == nov_2026_ms(4, 8, 15, 2));

  const std::filesystem::path path = mail_dir / "no-date.eml";
  const ActivityReadResult result = parley::read_mail(path, contoso());
  CHECK(result.activities.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].file == path.string());
  CHECK(result.errors[0].where == "message 1 (line 1)");
  CHECK(result.errors[0].message == "no Date header and no other date (mbox separator, Received)");

  // An invalid Date (year 99999) with nothing to fall back on: the error quotes it.
  const ActivityReadResult far = parley::read_mail_message(
      "From: marco.rossi@fabrikam.com\nTo: dana@contoso.com\nDate: Mon, 9 Nov 99999 09:00:00 +0000\n\nx\n",
      "far.eml", contoso());
  REQUIRE(far.errors.size() == 1);
  CHECK(far.errors[0].message ==
        "Date 'Mon, 9 Nov 99999 09:00:00 +0000' is not an RFC 5322 date and there is no other date "
        "(mbox separator, Received)");
}

TEST_CASE("mail: obsolete and military zones (RFC 5322 4.3)") {
  const auto at = [](const std::string& date) {
    const ActivityReadResult result = parley::read_mail_message(
        "From: marco.rossi@fabrikam.com\nTo: dana@contoso.com\nDate: " + date + "\n\nx\n", "zone.eml",
        contoso());
    REQUIRE(result.activities.size() == 1);
    return result.activities[0].timestamp_ms;
  };
  CHECK(at("Mon, 9 Nov 2026 09:00:00 UT") == nov_2026_ms(9, 9, 0, 0));
  CHECK(at("Mon, 9 Nov 2026 09:00:00 PDT") == nov_2026_ms(9, 16, 0, 0));          // -0700
  CHECK(at("Mon, 9 Nov 2026 09:00:00 CST") == nov_2026_ms(9, 15, 0, 0));          // -0600
  CHECK(at("Mon, 9 Nov 2026 09:00:00 +0530 (IST)") == nov_2026_ms(9, 3, 30, 0));  // a comment after the zone
  CHECK(at("9 Nov 2026 09:00 -0000") == nov_2026_ms(9, 9, 0, 0));                 // no weekday, no seconds
  CHECK(at("Mon, 9 Nov 26 09:00:00 +0100") == nov_2026_ms(9, 8, 0, 0));           // a two-digit year
  // Military zones other than Z mean -0000: "A" is not read as +0100.
  CHECK(at("Mon, 9 Nov 2026 09:00:00 A") == nov_2026_ms(9, 9, 0, 0));
  CHECK(at("Mon, 9 Nov 2026 09:00:00 Z") == nov_2026_ms(9, 9, 0, 0));
}

TEST_CASE("mail: a message without Message-ID gets the same digest id every time, from .eml or mbox") {
  const std::string message =
      "Date: Mon, 9 Nov 2026 09:00:00 +0000\nFrom: marco.rossi@fabrikam.com\nTo: dana@contoso.com\n"
      "Subject: No id\n\nFrom the start of this body.\n";
  const ActivityReadResult first = parley::read_mail_message(message, "a.eml", contoso());
  const ActivityReadResult second = parley::read_mail_message(message, "b.eml", contoso());
  REQUIRE(first.activities.size() == 1);
  REQUIRE(second.activities.size() == 1);
  const std::string& id = first.activities[0].id;
  CHECK(id.starts_with("sha256:"));
  CHECK(id.size() == 7 + 64);  // "sha256:" and 32 bytes in hex
  CHECK(second.activities[0].id == id);
  CHECK(first.activities[0].message_id.empty());

  // The same message in an mbox (separator, quoted "From ", CR LF line ends, a trailing blank line).
  std::string mbox = "From marco.rossi@fabrikam.com Mon Nov  9 09:00:00 2026\r\n";
  for (char c : message) {
    if (c == '\n') mbox += '\r';
    mbox += c;
  }
  mbox.replace(mbox.find("\r\nFrom the start"), 2, "\r\n>");
  mbox += "\r\n";
  const ActivityReadResult boxed = parley::read_mail_message(mbox, "box.mbox", contoso());
  REQUIRE(boxed.activities.size() == 1);
  CHECK(boxed.activities[0].id == id);

  // Another body is another id.
  std::string other = message;
  other.replace(other.find("start"), 5, "end");
  CHECK(parley::read_mail_message(other, "c.eml", contoso()).activities.at(0).id != id);
}

TEST_CASE("mail: automatic replies by header and by out-of-office subject in the seeds' languages") {
  const auto automatic = [](const std::string& headers, const std::string& subject) {
    const ActivityReadResult result =
        parley::read_mail_message(customer_message(headers, subject), "t.eml", contoso());
    REQUIRE(result.activities.size() == 1);
    return result.activities[0].automatic_reply;
  };
  CHECK(automatic("Auto-Submitted: auto-generated\n", "Delivery report"));
  CHECK(automatic("Auto-Submitted: auto-replied; owner-email=\"x@y.z\"\n", "Re: pricing"));
  CHECK_FALSE(automatic("Auto-Submitted: no\n", "Re: pricing"));
  CHECK(automatic("X-Autoreply: yes\n", "Re: pricing"));
  CHECK(automatic("X-Autorespond: Re: pricing\n", "Re: pricing"));
  CHECK(automatic("Precedence: auto_reply\n", "Re: pricing"));
  CHECK_FALSE(automatic("Precedence: junk\n", "Re: pricing"));
  CHECK_FALSE(automatic("Precedence: list\n", "Re: pricing"));

  CHECK(automatic("", "Automatic reply: Re: pricing"));
  CHECK(automatic("", "OUT OF OFFICE: back Monday"));  // ASCII letters in any case
  CHECK(automatic("", "AUTO: Dana is away"));
  CHECK(automatic("", "Autosvar: Møde torsdag"));                  // Danish
  CHECK(automatic("", "Fraværende: Møde torsdag"));                // Danish
  CHECK(automatic("", "Poza biurem"));                             // Polish, the whole subject
  CHECK(automatic("", "Автоматична відповідь: Зустріч"));          // Ukrainian
  CHECK(automatic("", "自动回复: 会议"));                          // Chinese
  CHECK(automatic("", "자동 회신: 회의"));                         // Korean
  CHECK(automatic("", "Abwesenheitsnotiz: Termin"));               // German
  CHECK(automatic("", "Automatische Antwort: Termin"));            // German
  CHECK_FALSE(automatic("", "Re: Automatic reply: Re: pricing"));  // a person answering one
  CHECK_FALSE(automatic("", "Autosvarer og regler"));              // a longer word
  CHECK_FALSE(automatic("", "Outlook tips"));
}

TEST_CASE("mail: messages without a customer or without anyone of ours are skipped") {
  // A colleague on a subdomain writing to a customer: ours, sent.
  const ActivityReadResult sent = parley::read_mail_message(
      "Date: Mon, 9 Nov 2026 09:00:00 +0000\nFrom: Ana <ana@eu.contoso.com>\nTo: bob@notcontoso.com\n\nx\n",
      "s.eml", contoso());
  REQUIRE(sent.activities.size() == 1);
  CHECK(sent.activities[0].direction == ActivityDirection::sent);
  CHECK(sent.activities[0].owner_id == "ana@eu.contoso.com");
  REQUIRE(sent.activities[0].customer_side.size() == 1);
  CHECK(sent.activities[0].customer_side[0].email == "bob@notcontoso.com");  // not a subdomain

  // Colleagues only, and customers only (an undisclosed group of ours is flattened: still nobody).
  const ActivityReadResult skipped = parley::read_mail_message(
      "From dana@contoso.com Mon Nov  9 09:00:00 2026\nFrom: dana@contoso.com\nTo: Team: "
      "ana@eu.contoso.com;\n\nx\n\n"
      "From a@fabrikam.com Mon Nov  9 10:00:00 2026\nFrom: a@fabrikam.com\nTo: b@fabrikam.com, "
      "undisclosed:;\n\ny\n",
      "internal.mbox", contoso());
  CHECK(skipped.activities.empty());
  CHECK(skipped.errors.empty());
  CHECK(skipped.skipped == 2);

  // Our address outside our domains, through OurSide::addresses.
  ActivityReadOptions options = contoso();
  options.our_side.addresses = {"dana.private@gmail.com"};
  const ActivityReadResult personal = parley::read_mail_message(
      "Date: Mon, 9 Nov 2026 09:00:00 +0000\nFrom: a@fabrikam.com\nTo: Dana <Dana.Private@Gmail.com>\n\nx\n",
      "p.eml", options);
  REQUIRE(personal.activities.size() == 1);
  CHECK(personal.activities[0].owner_id == "dana.private@gmail.com");
}

TEST_CASE("mail: a folder reads its .eml files sorted by name, nothing else") {
  const ActivityReadResult result = parley::read_mail(mail_dir / "folder", contoso());
  CHECK(result.errors.empty());
  REQUIRE(result.activities.size() == 2);
  CHECK(result.activities[0].id == "folder-1@fabrikam.com");               // 01-first.eml
  CHECK(result.activities[0].timestamp_ms == nov_2026_ms(11, 16, 45, 0));  // 17:45 +0100
  CHECK(result.activities[1].id == "folder-2@contoso.com");                // 02-reply.eml
  CHECK(result.activities[1].in_reply_to == "folder-1@fabrikam.com");
  CHECK(result.activities[1].timestamp_ms == nov_2026_ms(12, 9, 0, 0));  // 10:00 +0100

  CHECK_THROWS_AS(parley::read_mail(mail_dir / "no-such-folder", contoso()), parley::Error);
}

TEST_CASE("mail: bad input is an error naming the file and message, never a crash") {
  // Empty, blank.
  for (const std::string_view text : {std::string_view(), std::string_view("\n\r\n  \n")}) {
    const ActivityReadResult result = parley::read_mail_message(text, "empty.eml", contoso());
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].file == "empty.eml");
    CHECK(result.errors[0].message == "the file is empty: no message in it");
  }

  // Binary garbage (NUL bytes, invalid UTF-8, a PNG signature).
  std::string garbage("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\x01\x02", 20);
  for (int i = 0; i < 200; ++i) garbage.push_back(static_cast<char>((i * 37 + 11) % 256));
  const ActivityReadResult binary = parley::read_mail_message(garbage, "logo.png", contoso());
  CHECK(binary.activities.empty());
  REQUIRE(binary.errors.size() == 1);
  CHECK(binary.errors[0].where == "message 1 (line 1)");
  CHECK(binary.errors[0].message.starts_with("not an RFC 5322 message"));
  CHECK(parley::is_valid_utf8(binary.errors[0].message));

  // A message cut inside its headers: no Date left. Cut inside its attachment: still read.
  const ActivityReadResult cut_headers = parley::read_mail_message(
      "Message-ID: <x@fabrikam.com>\nFrom: marco.rossi@fabrikam.com\nTo: dana@contoso.com\nDa", "cut.eml",
      contoso());
  REQUIRE(cut_headers.errors.size() == 1);
  CHECK(cut_headers.errors[0].message ==
        "not an RFC 5322 message: GMime finds no header block it can read (binary data, or headers cut off)");
  const ActivityReadResult cut_date = parley::read_mail_message(
      "From: marco.rossi@fabrikam.com\nTo: dana@contoso.com\nDate: Mon, 9 No", "cut-date.eml", contoso());
  REQUIRE(cut_date.errors.size() == 1);
  CHECK(cut_date.errors[0].message ==
        "Date 'Mon, 9 No' is not an RFC 5322 date and there is no other date (mbox separator, Received)");
  const std::string multipart = file_text(mail_dir / "multipart-attachment.eml");
  const std::string cut = multipart.substr(0, multipart.find("Y29kZT4"));
  const ActivityReadResult cut_body = parley::read_mail_message(cut, "cut-body.eml", contoso());
  CHECK(cut_body.errors.empty());
  REQUIRE(cut_body.activities.size() == 1);
  CHECK(cut_body.activities[0].subject == "Signed order form for the pilot");

  // A huge header (a 300,000-byte folded subject) is read whole.
  std::string subject;
  for (int i = 0; i < 10000; ++i) subject += "word word word\r\n ";
  subject += "end";
  const ActivityReadResult huge =
      parley::read_mail_message(customer_message("", subject), "huge.eml", contoso());
  REQUIRE(huge.activities.size() == 1);
  CHECK(huge.activities[0].subject.size() == 10000 * 15 + 3);  // "word word word " per fold, then "end"

  // An mbox whose second message is garbage: the first and third are read.
  const ActivityReadResult mixed = parley::read_mail_message(
      "From a Mon Nov  9 09:00:00 2026\nFrom: a@fabrikam.com\nTo: dana@contoso.com\n\nok\n\n"
      "From b Mon Nov  9 09:01:00 2026\n\x01\x02\xff not a header\n\n"
      "From c Mon Nov  9 09:02:00 2026\nFrom: c@fabrikam.com\nTo: dana@contoso.com\n\nok\n",
      "mixed.mbox", contoso());
  CHECK(mixed.activities.size() == 2);
  REQUIRE(mixed.errors.size() == 1);
  CHECK(mixed.errors[0].where == "message 2 (line 7)");

  // A separator with nothing after it.
  const ActivityReadResult bare = parley::read_mail_message(
      "From a Mon Nov  9 09:00:00 2026\n\nFrom b Mon Nov  9 09:01:00 2026\nFrom: b@fabrikam.com\nTo: "
      "dana@contoso.com\n"
      "\nok\n",
      "bare.mbox", contoso());
  CHECK(bare.activities.size() == 1);
  REQUIRE(bare.errors.size() == 1);
  CHECK(bare.errors[0].where == "message 1 (line 1)");
  CHECK(bare.errors[0].message == "the message is empty");

  // The size limit names the file.
  ActivityReadOptions small = contoso();
  small.max_file_bytes = 100;
  const std::filesystem::path path = mail_dir / "multipart-attachment.eml";
  const ActivityReadResult limited = parley::read_mail(path, small);
  CHECK(limited.activities.empty());
  REQUIRE(limited.errors.size() == 1);
  CHECK(limited.errors[0].file == path.string());
  CHECK(limited.errors[0].message.ends_with("more than the limit of 100 (max_file_bytes)"));
}

TEST_CASE("mail: several threads read at once (GMime set up once)") {
  const std::filesystem::path path = mail_dir / "inbox.mbox";
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    threads.emplace_back(
        [&counts, &path, i] { counts[i] = parley::read_mail(path, contoso()).activities.size(); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::size_t count : counts) CHECK(count == 6);  // as in the mbox case above
}
