#pragma once
// Splitting mail text into messages: an mbox file (RFC 4155 "From " separator lines, mboxrd/mboxo
// quoting) or a single RFC 5322 message. Pure text work, no GMime, so it is testable on its own.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::activities_detail {

struct MailMessageText {
  std::string text;            // the message, ">From " quoting undone; no separator line
  std::size_t line = 1;        // line of the file where the message starts (its separator, if any)
  std::string separator_date;  // the date part of the mbox "From " line; empty without one
};

// True when the text's first line is an mbox "From " separator.
bool looks_like_mbox(std::string_view text) noexcept;

// The messages of `text`: with looks_like_mbox, split at every "From " line that starts the text or
// follows a blank line, each message's ">From " lines (any number of '>') losing one '>' and its
// trailing blank lines dropped; otherwise the whole text as one message starting at line 1.
std::vector<MailMessageText> split_mail_text(std::string_view text);

}  // namespace parley::activities_detail
