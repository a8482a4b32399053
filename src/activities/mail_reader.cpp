// RFC 5322 mail onto Activity with GMime (docs/mail.md documents every field and rule).
#include <fmt/format.h>
#include <gmime/gmime.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "activities/linking.hpp"
#include "activities/mail_mbox.hpp"
#include "model/ascii.hpp"
#include "parley/activities.hpp"
#include "parley/error.hpp"
#include "parley/utf8.hpp"

namespace parley {
namespace {

using activities_detail::MailMessageText;

// ---- GMime set-up and ownership -------------------------------------------------------------

struct GObjectUnref {
  void operator()(void* object) const noexcept { g_object_unref(object); }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GDateTimeUnref {
  void operator()(GDateTime* date) const noexcept { g_date_time_unref(date); }
};
using GDateTimePtr = std::unique_ptr<GDateTime, GDateTimeUnref>;

struct GMimeReferencesFree {
  void operator()(GMimeReferences* references) const noexcept { g_mime_references_free(references); }
};
using GMimeReferencesPtr = std::unique_ptr<GMimeReferences, GMimeReferencesFree>;

// Raw 8-bit header bytes and unknown charsets are tried as these, in order; Windows-1252 before
// ISO-8859-1 so that 0x80-0x9F come out as the characters Western mail clients meant (€, “, ”).
// GMime keeps the candidate with the fewest bytes it could not convert.
constexpr std::array<const char*, 4> fallback_charsets = {"utf-8", "windows-1252", "iso-8859-1", nullptr};

// GMime is initialised once per process, by whichever thread reads mail first, and never shut down
// (the host may use GMime itself). The parser options are shared read-only afterwards.
GMimeParserOptions* parser_options() {
  static std::once_flag once;
  static GMimeParserOptions* options = nullptr;
  std::call_once(once, [] {
    g_mime_init();
    options = g_mime_parser_options_new();
    std::array<const char*, 4> charsets = fallback_charsets;
    g_mime_parser_options_set_fallback_charsets(options, charsets.data());
  });
  return options;
}

// ---- Text helpers ---------------------------------------------------------------------------

// Text as UTF-8: what GMime's charset conversion left invalid becomes U+FFFD.
std::string utf8_text(const char* text) {
  if (text == nullptr) return {};
  std::string_view view(text);
  if (is_valid_utf8(view)) return std::string(view);
  return repair_utf8(view);
}

// Folded or padded header text as one line: every run of spaces, tabs, CR and LF is one space.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

std::string_view trimmed(std::string_view text) noexcept {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// A short quote of a header value for an error message.
std::string quoted(std::string_view value) {
  std::string line = one_line(value);
  if (line.size() > 60) {
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line.resize(cut);
    line += "...";
  }
  return fmt::format("'{}'", repair_utf8(line));
}

// "sha256:" and the hex SHA-256 of the message with CR LF read as LF and trailing line ends
// dropped, so the same message from an .eml file and from an mbox gets the same id.
std::string message_digest(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> checksum(g_checksum_new(G_CHECKSUM_SHA256),
                                                                  &g_checksum_free);
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\r' && text[i + 1] == '\n') {
      g_checksum_update(checksum.get(), reinterpret_cast<const guchar*>(text.data() + begin),
                        static_cast<gssize>(i - begin));
      begin = i + 1;
    }
  }
  g_checksum_update(checksum.get(), reinterpret_cast<const guchar*>(text.data() + begin),
                    static_cast<gssize>(text.size() - begin));
  return fmt::format("sha256:{}", g_checksum_get_string(checksum.get()));
}

// ---- Dates ----------------------------------------------------------------------------------

// RFC 5322 4.3: the one-letter military zones other than "Z" were defined with the wrong sign in
// RFC 822, so they mean "-0000" (UTC, offset unknown). GMime reads them by their letter; this
// rewrites such a zone before GMime sees the date.
std::string with_military_zone_as_utc(std::string_view date) {
  std::string_view body = trimmed(date);
  if (!body.empty() && body.back() == ')') {  // a trailing comment such as "(EST)"
    const std::size_t open = body.rfind('(');
    if (open != std::string_view::npos) body = trimmed(body.substr(0, open));
  }
  const std::size_t space = body.find_last_of(" \t");
  if (space == std::string_view::npos || space + 2 != body.size()) return std::string(date);
  const char zone = detail::ascii_lower(body.back());
  if (zone < 'a' || zone > 'z' || zone == 'z') return std::string(date);
  return fmt::format("{} -0000", body.substr(0, space));
}

// A date as UTC milliseconds, with GMime's RFC 5322 date parser (numeric zones, the obsolete zone
// names UT, GMT, EST...PDT; no zone = UTC); std::nullopt when it is no date.
std::optional<std::int64_t> parse_mail_date(std::string_view date) {
  if (trimmed(date).empty()) return std::nullopt;
  const std::string text = with_military_zone_as_utc(date);
  const GDateTimePtr parsed(g_mime_utils_header_decode_date(text.c_str()));
  if (parsed == nullptr) return std::nullopt;
  return std::int64_t{g_date_time_to_unix(parsed.get())} * 1000 +
         g_date_time_get_microsecond(parsed.get()) / 1000;
}

// The latest date among the Received headers (the date follows the last ';').
std::optional<std::int64_t> latest_received_date(GMimeObject* message) {
  std::optional<std::int64_t> latest;
  GMimeHeaderList* headers = g_mime_object_get_header_list(message);
  const int count = g_mime_header_list_get_count(headers);
  for (int i = 0; i < count; ++i) {
    GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
    if (!detail::equals_ascii_case_insensitive(g_mime_header_get_name(header), "Received")) continue;
    const char* value = g_mime_header_get_value(header);
    if (value == nullptr) continue;
    const std::string_view text(value);
    const std::size_t semicolon = text.rfind(';');
    if (semicolon == std::string_view::npos) continue;
    const std::optional<std::int64_t> date = parse_mail_date(text.substr(semicolon + 1));
    if (date && (!latest || *date > *latest)) latest = date;
  }
  return latest;
}

// ---- Automatic replies ----------------------------------------------------------------------

// Subject prefixes of out-of-office and auto-responder messages, in the seeds' languages and the
// common mail clients' wording. ASCII letters match in any case; the rest byte for byte.
constexpr std::array<std::string_view, 15> automatic_reply_subjects = {
    "Automatic reply",         // English (Outlook)
    "Auto:",                   // English (Lotus Notes, some gateways)
    "Out of office",           // English
    "Autoreply",               // English (Unix vacation programs)
    "Autosvar",                // Danish
    "Automatisk svar",         // Danish (Outlook)
    "Fraværende",              // Danish
    "Odpowiedź automatyczna",  // Polish (Outlook)
    "Poza biurem",             // Polish
    "Автоматична відповідь",   // Ukrainian (Outlook)
    "自动回复",                // Chinese (Outlook)
    "자동 회신",               // Korean (Outlook)
    "Abwesenheitsnotiz",       // German
    "Automatische Antwort",    // German (Outlook)
    "Out of the office",       // English
};

bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool has_automatic_reply_subject(std::string_view subject) noexcept {
  for (const std::string_view phrase : automatic_reply_subjects) {
    if (subject.size() < phrase.size()) continue;
    if (!detail::equals_ascii_case_insensitive(subject.substr(0, phrase.size()), phrase)) continue;
    // A whole word: "Autosvar:" and "Autosvar" match, "Autosvarer" does not.
    if (subject.size() == phrase.size() || !is_ascii_letter(subject[phrase.size()])) return true;
  }
  return false;
}

std::string header_value(GMimeObject* object, const char* name) {
  const char* value = g_mime_object_get_header(object, name);
  return value == nullptr ? std::string() : std::string(trimmed(value));
}

bool is_automatic_reply(GMimeObject* message, std::string_view subject) {
  // RFC 3834: any Auto-Submitted value but "no" (parameters after ';' aside).
  const std::string auto_submitted = header_value(message, "Auto-Submitted");
  if (!auto_submitted.empty()) {
    const std::string_view keyword =
        trimmed(std::string_view(auto_submitted).substr(0, auto_submitted.find(';')));
    if (!detail::equals_ascii_case_insensitive(keyword, "no")) return true;
  }
  if (g_mime_object_get_header(message, "X-Autoreply") != nullptr) return true;
  if (g_mime_object_get_header(message, "X-Autorespond") != nullptr) return true;
  // Only auto_reply: "bulk", "junk" and "list" mark newsletters and mailing lists, which are
  // not answers to anyone.
  if (detail::equals_ascii_case_insensitive(header_value(message, "Precedence"), "auto_reply")) return true;
  return has_automatic_reply_subject(subject);
}

// ---- Addresses ------------------------------------------------------------------------------

struct MailAddress {
  std::string display_name;
  std::string email;  // lowercased
};

// Mailboxes of a list in order, groups flattened; entries without an '@' are not addresses.
void append_mailboxes(InternetAddressList* list, std::vector<MailAddress>& out) {
  if (list == nullptr) return;
  const int count = internet_address_list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      append_mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out);
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(address)) continue;
    const std::string email = utf8_text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
    if (email.find('@') == std::string::npos) continue;
    out.push_back({one_line(utf8_text(internet_address_get_name(address))), detail::ascii_lowered(email)});
  }
}

// Attachments (docs/mail.md): a part whose Content-Disposition is "attachment", a leaf part with
// a file name (inline images included), and an enclosed message (a forward as attachment). The
// parts inside an enclosed message belong to it and are not counted again.
std::uint32_t count_attachments(GMimeMessage* message) {
  std::uint32_t count = 0;
  g_mime_message_foreach(
      message,
      [](GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
        if (GMIME_IS_MULTIPART(part)) return;
        GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(part);
        const bool attached = disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
        const bool named = GMIME_IS_PART(part) && g_mime_part_get_filename(GMIME_PART(part)) != nullptr;
        if (attached || named || GMIME_IS_MESSAGE_PART(part)) ++*static_cast<std::uint32_t*>(data);
      },
      &count);
  return count;
}

// ---- One message ----------------------------------------------------------------------------

struct MessageContext {
  std::string_view file;
  std::size_t number = 1;  // 1-based, in the file
  const ActivityReadOptions& options;
  ActivityReadResult& result;

  void error(const MailMessageText& message, std::string what) const {
    result.errors.push_back(
        {std::string(file), fmt::format("message {} (line {})", number, message.line), std::move(what)});
  }
};

void read_message(const MailMessageText& text, const MessageContext& context) {
  GMimeParserOptions* options = parser_options();
  const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.text.data(), text.text.size()));
  const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  if (message == nullptr) {
    context.error(text, text.text.find_first_not_of(" \t\r\n") == std::string::npos
                            ? "the message is empty"
                            : "not an RFC 5322 message: GMime finds no header block it can read "
                              "(binary data, or headers cut off)");
    return;
  }
  GMimeObject* object = GMIME_OBJECT(message.get());

  // The sender: From's first mailbox.
  std::vector<MailAddress> addresses;
  append_mailboxes(g_mime_message_get_from(message.get()), addresses);
  if (addresses.empty()) {
    const char* from = g_mime_object_get_header(object, "From");
    context.error(text, from == nullptr ? std::string("no From header")
                                        : fmt::format("From {} has no email address", quoted(from)));
    return;
  }
  append_mailboxes(g_mime_message_get_to(message.get()), addresses);
  append_mailboxes(g_mime_message_get_cc(message.get()), addresses);
  append_mailboxes(g_mime_message_get_bcc(message.get()), addresses);

  // The time: Date, else the mbox separator's date, else the latest Received date.
  const char* date_header = g_mime_object_get_header(object, "Date");
  std::optional<std::int64_t> timestamp_ms;
  if (date_header != nullptr) timestamp_ms = parse_mail_date(date_header);
  if (!timestamp_ms && !text.separator_date.empty()) timestamp_ms = parse_mail_date(text.separator_date);
  if (!timestamp_ms) timestamp_ms = latest_received_date(object);
  if (!timestamp_ms) {
    context.error(text, date_header == nullptr
                            ? std::string("no Date header and no other date (mbox separator, Received)")
                            : fmt::format("Date {} is not an RFC 5322 date and there is no other date "
                                          "(mbox separator, Received)",
                                          quoted(date_header)));
    return;
  }

  Activity activity;
  activity.type = ActivityType::email;
  activity.timestamp_ms = *timestamp_ms;
  activity.subject = one_line(utf8_text(g_mime_message_get_subject(message.get())));
  activity.automatic_reply = is_automatic_reply(object, activity.subject);
  activity.attachment_count = count_attachments(message.get());

  activity.message_id = utf8_text(g_mime_message_get_message_id(message.get()));
  activity.id = activity.message_id.empty() ? message_digest(text.text) : activity.message_id;
  if (const char* in_reply_to = g_mime_object_get_header(object, "In-Reply-To")) {
    const GMimeReferencesPtr ids(g_mime_references_parse(options, in_reply_to));
    if (ids != nullptr && g_mime_references_length(ids.get()) > 0)
      activity.in_reply_to = utf8_text(g_mime_references_get_message_id(ids.get(), 0));
  }
  if (const char* references = g_mime_object_get_header(object, "References")) {
    const GMimeReferencesPtr ids(g_mime_references_parse(options, references));
    const int count = ids == nullptr ? 0 : g_mime_references_length(ids.get());
    for (int i = 0; i < count; ++i)
      activity.references.push_back(utf8_text(g_mime_references_get_message_id(ids.get(), i)));
  }

  // Parties: each address once (its first mention), the sender first, then To, Cc and Bcc.
  const ActivityLinking& linking = context.options.linking;
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    const MailAddress& address = addresses[i];
    const auto seen =
        std::find_if(addresses.begin(), addresses.begin() + static_cast<std::ptrdiff_t>(i),
                     [&](const MailAddress& earlier) { return earlier.email == address.email; });
    if (seen != addresses.begin() + static_cast<std::ptrdiff_t>(i)) continue;
    ActivityParty party{activities_detail::party_id(linking, address.email), address.display_name,
                        address.email, ""};
    (context.options.our_side.contains(address.email) ? activity.our_side : activity.customer_side)
        .push_back(std::move(party));
  }
  // Not a customer interaction: nobody of ours (someone else's mail), or nobody else (colleagues
  // writing to each other).
  if (activity.our_side.empty() || activity.customer_side.empty()) {
    ++context.result.skipped;
    return;
  }
  const bool sender_is_ours = context.options.our_side.contains(addresses.front().email);
  activity.direction = sender_is_ours ? ActivityDirection::sent : ActivityDirection::received;
  activity.initiator_id = activities_detail::party_id(linking, addresses.front().email);
  activity.owner_id = activity.our_side.front().id;  // the sender when ours, else our first recipient
  activities_detail::link_records(activity, linking);
  context.result.activities.push_back(std::move(activity));
}

// Every message of one file's (or buffer's) text.
void read_mail_text(std::string_view text, std::string_view name, const ActivityReadOptions& options,
                    ActivityReadResult& result) {
  if (text.size() > options.max_file_bytes) {
    result.errors.push_back({std::string(name), "",
                             fmt::format("the file is {} bytes, more than the limit of {} (max_file_bytes)",
                                         text.size(), options.max_file_bytes)});
    return;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    result.errors.push_back({std::string(name), "", "the file is empty: no message in it"});
    return;
  }
  const std::vector<MailMessageText> messages = activities_detail::split_mail_text(text);
  for (std::size_t i = 0; i < messages.size(); ++i) {
    read_message(messages[i], MessageContext{name, i + 1, options, result});
  }
}

void read_mail_file(const std::filesystem::path& path, const ActivityReadOptions& options,
                    ActivityReadResult& result) {
  const std::string name = path.string();
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) {
    result.errors.push_back({name, "", fmt::format("cannot read the file: {}", error.message())});
    return;
  }
  if (size > options.max_file_bytes) {
    result.errors.push_back({name, "",
                             fmt::format("the file is {} bytes, more than the limit of {} (max_file_bytes)",
                                         size, options.max_file_bytes)});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
    result.errors.push_back({name, "", "cannot read the file"});
    return;
  }
  read_mail_text(text, name, options, result);
}

}  // namespace

ActivityReadResult read_mail(const std::filesystem::path& path, const ActivityReadOptions& options) {
  ActivityReadResult result;
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status))
    throw Error(ErrorCode::io,
                fmt::format("cannot read mail from '{}': no such file or folder", path.string()));
  if (!std::filesystem::is_directory(status)) {
    read_mail_file(path, options, result);
    return result;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    if (entry.path().extension() == ".eml" && entry.is_regular_file(error)) files.push_back(entry.path());
  }
  if (error)
    throw Error(ErrorCode::io,
                fmt::format("cannot list the folder '{}': {}", path.string(), error.message()));
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.filename().string() < b.filename().string(); });
  for (const std::filesystem::path& file : files) read_mail_file(file, options, result);
  return result;
}

ActivityReadResult read_mail_message(std::string_view message, std::string_view name,
                                     const ActivityReadOptions& options) {
  ActivityReadResult result;
  read_mail_text(message, name, options, result);
  return result;
}

}  // namespace parley
