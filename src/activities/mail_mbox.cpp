#include "activities/mail_mbox.hpp"

#include <cstring>

namespace parley::activities_detail {
namespace {

constexpr std::string_view separator_prefix = "From ";

// The line starting at `begin`, without its LF or CR LF.
std::string_view line_at(std::string_view text, std::size_t begin, std::size_t& next) noexcept {
  const void* newline = std::memchr(text.data() + begin, '\n', text.size() - begin);
  const std::size_t end = newline == nullptr
                              ? text.size()
                              : static_cast<std::size_t>(static_cast<const char*>(newline) - text.data());
  next = newline == nullptr ? text.size() : end + 1;
  std::string_view line = text.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// ">From ", ">>From "...: a body line an mboxrd writer quoted.
bool is_quoted_from(std::string_view line) noexcept {
  const std::size_t quotes = line.find_first_not_of('>');
  return quotes != 0 && quotes != std::string_view::npos && line.substr(quotes).starts_with(separator_prefix);
}

// "From sender@example.com Mon Dec  7 10:00:00 2026" -> "Mon Dec  7 10:00:00 2026".
std::string separator_date_of(std::string_view line) {
  line.remove_prefix(separator_prefix.size());
  const std::size_t sender_begin = line.find_first_not_of(" \t");
  if (sender_begin == std::string_view::npos) return {};
  const std::size_t sender_end = line.find_first_of(" \t", sender_begin);
  if (sender_end == std::string_view::npos) return {};
  const std::size_t date_begin = line.find_first_not_of(" \t", sender_end);
  if (date_begin == std::string_view::npos) return {};
  return std::string(line.substr(date_begin));
}

void drop_trailing_blank_lines(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (!text.empty()) text.push_back('\n');
}

}  // namespace

bool looks_like_mbox(std::string_view text) noexcept { return text.starts_with(separator_prefix); }

std::vector<MailMessageText> split_mail_text(std::string_view text) {
  std::vector<MailMessageText> messages;
  if (!looks_like_mbox(text)) {
    messages.push_back({std::string(text), 1, {}});
    return messages;
  }
  std::size_t position = 0;
  std::size_t line_number = 0;
  bool previous_blank = true;  // the start of the text counts as after a blank line
  while (position < text.size()) {
    std::size_t next = 0;
    const std::string_view line = line_at(text, position, next);
    ++line_number;
    if (previous_blank && line.starts_with(separator_prefix)) {
      if (!messages.empty()) drop_trailing_blank_lines(messages.back().text);
      messages.push_back({{}, line_number, separator_date_of(line)});
    } else {
      std::string& message = messages.back().text;
      if (is_quoted_from(line)) {
        message.append(text.substr(position + 1, next - position - 1));
      } else {
        message.append(text.substr(position, next - position));
      }
    }
    previous_blank = line.empty();
    position = next;
  }
  if (!messages.empty()) drop_trailing_blank_lines(messages.back().text);
  return messages;
}

}  // namespace parley::activities_detail
