// Entry points of the readers: format names and detection, file reading, input checks
// (size, BOM, UTF-8, binary data), dispatch to each format's reader, and final validation.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "model/ascii.hpp"
#include "model/enum_names.hpp"
#include "parley/text.hpp"
#include "readers/reader_support.hpp"
#include "readers/readers_json.hpp"

namespace parley {
namespace {

using detail::equals_ascii_case_insensitive;

// Names and aliases, compared ignoring ASCII case.
constexpr detail::EnumName<TranscriptFormat> format_names[] = {
    {TranscriptFormat::webvtt, "webvtt"},
    {TranscriptFormat::srt, "srt"},
    {TranscriptFormat::rttm, "rttm"},
    {TranscriptFormat::parley_json, "parley-json"},
    {TranscriptFormat::amazon_transcribe, "amazon-transcribe"},
    {TranscriptFormat::assemblyai, "assemblyai"},
    {TranscriptFormat::deepgram, "deepgram"},
    {TranscriptFormat::webvtt, "vtt"},
    {TranscriptFormat::parley_json, "parley_json"},
    {TranscriptFormat::parley_json, "parley"},
    {TranscriptFormat::parley_json, "json"},
    {TranscriptFormat::amazon_transcribe, "amazon_transcribe"},
    {TranscriptFormat::amazon_transcribe, "transcribe"},
    {TranscriptFormat::amazon_transcribe, "aws"},
};

std::size_t line_of_offset(std::string_view text, std::size_t offset) noexcept {
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Input after the checks every format shares; `storage` holds it when bytes had to be replaced.
struct CheckedInput {
  std::string storage;
  std::string_view text;
};

CheckedInput check_input(std::string_view content, std::string_view source, const ReadOptions& options) {
  if (content.size() > options.max_input_bytes) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("{}: {} bytes, more than the limit of {} (ReadOptions::max_input_bytes)", source,
                            content.size(), options.max_input_bytes));
  }
  CheckedInput input;
  std::size_t skipped = 0;
  if (content.starts_with("\xEF\xBB\xBF")) skipped = 3;  // UTF-8 byte order mark
  input.text = content.substr(skipped);
  std::size_t bad = find_invalid_utf8(input.text);
  if (bad == std::string_view::npos) return input;
  if (options.invalid_utf8 == InvalidUtf8::error) {
    throw Error(ErrorCode::invalid_utf8,
                fmt::format("{}:{}: invalid UTF-8 (byte 0x{:02X} at offset {})", source,
                            line_of_offset(content, bad + skipped),
                            static_cast<unsigned char>(input.text[bad]), bad + skipped));
  }
  // Replace each ill-formed sequence (a bad byte and the continuation bytes after it) by U+FFFD.
  std::string_view rest = input.text;
  input.storage.reserve(rest.size() + 16);
  while (bad != std::string_view::npos) {
    input.storage.append(rest.substr(0, bad));
    input.storage.append("\xEF\xBF\xBD");
    std::size_t next = bad + 1;
    while (next < rest.size() && (static_cast<unsigned char>(rest[next]) & 0xC0) == 0x80) ++next;
    rest.remove_prefix(next);
    bad = find_invalid_utf8(rest);
  }
  input.storage.append(rest);
  input.text = input.storage;
  return input;
}

void reject_binary(std::string_view text, std::string_view source, std::optional<TranscriptFormat> format) {
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    readers::fail_at_line(source, line_of_offset(text, nul),
                          fmt::format("NUL byte: this is binary data, not a {} file",
                                      format ? format_name(*format) : std::string_view("transcript")));
  }
}

bool is_json_format(TranscriptFormat format) noexcept {
  return format == TranscriptFormat::parley_json || format == TranscriptFormat::amazon_transcribe ||
         format == TranscriptFormat::assemblyai || format == TranscriptFormat::deepgram;
}

// The format of checked text whose extension did not tell, or nullopt.
std::optional<TranscriptFormat> sniff_text_format(std::string_view text) noexcept {
  readers::LineCursor cursor(text);
  std::optional<std::string_view> first;
  while ((first = cursor.next()) && readers::is_blank(*first)) {
  }
  if (!first) return std::nullopt;
  const std::string_view line = readers::trim(*first);
  if (readers::starts_with_word(line, "WEBVTT")) return TranscriptFormat::webvtt;
  if (readers::starts_with_word(line, "SPEAKER") || line.starts_with(";;")) return TranscriptFormat::rttm;
  if (line.find("-->") != std::string_view::npos) return TranscriptFormat::srt;
  if (!line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (const auto second = cursor.next(); second && second->find("-->") != std::string_view::npos) {
      return TranscriptFormat::srt;
    }
  }
  return std::nullopt;
}

Call parse_checked(std::string_view text, std::optional<TranscriptFormat> format, std::string_view source,
                   const ReadOptions& options) {
  Call call;
  // No transcript format (JSON included) holds a raw NUL byte: binary data is named as such.
  reject_binary(text, source, format);
  if (!format) {
    // JSON first: a one-line JSON document may well contain "-->" in its text.
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const bool json_object = first != std::string_view::npos && text[first] == '{';
    if (!json_object) format = sniff_text_format(text);
    if (!format && json_object) {
      const nlohmann::json document = parse_json_text(text, source);
      format = detect_json_document_format(document);
      if (!format) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("{}: a JSON document in none of the known transcript forms (parley-json, "
                                "amazon-transcribe, assemblyai, deepgram); name the format",
                                source));
      }
      return readers::finish_call(call_from_json_value(document, *format, source, options), source, options);
    }
    if (!format) {
      throw Error(
          ErrorCode::invalid_argument,
          fmt::format("{}: cannot tell the transcript format from the file name or content; name the format",
                      source));
    }
  }
  if (is_json_format(*format)) {
    const nlohmann::json document = parse_json_text(text, source);
    // A document of another known kind fails with a clearer message than a missing field would give.
    if (const auto detected = detect_json_document_format(document); detected && *detected != *format) {
      throw Error(ErrorCode::parse, fmt::format("{}: this is {} JSON, not {}", source, format_name(*detected),
                                                format_name(*format)));
    }
    call = call_from_json_value(document, *format, source, options);
  } else {
    switch (*format) {
      case TranscriptFormat::webvtt: call = readers::read_webvtt(text, source, options); break;
      case TranscriptFormat::srt: call = readers::read_srt(text, source, options); break;
      default: call = readers::read_rttm(text, source, options); break;
    }
  }
  return readers::finish_call(std::move(call), source, options);
}

// A file descriptor closed on scope exit.
class FileHandle {
 public:
  explicit FileHandle(int fd) noexcept : fd_(fd) {}
  ~FileHandle() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileHandle(const FileHandle&) = delete;
  FileHandle& operator=(const FileHandle&) = delete;
  int get() const noexcept { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void fail_io(std::string_view verb, const std::string& path, int error_number) {
  throw Error(ErrorCode::io, fmt::format("cannot {} '{}': {}", verb, path, std::strerror(error_number)));
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  FileHandle file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) fail_io("open", path, errno);
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) fail_io("stat", path, errno);
  if (S_ISDIR(status.st_mode)) fail_io("read", path, EISDIR);
  if (S_ISREG(status.st_mode) && static_cast<std::uint64_t>(status.st_size) > max_bytes) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("{}: {} bytes, more than the limit of {} (ReadOptions::max_input_bytes)", path,
                            static_cast<std::uint64_t>(status.st_size), max_bytes));
  }
  std::string content;
  if (S_ISREG(status.st_mode)) content.reserve(static_cast<std::size_t>(status.st_size));
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(file.get(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      fail_io("read", path, errno);
    }
    if (got == 0) break;
    // Pipes and special files have no size up front: stop as soon as they pass the limit.
    if (content.size() + static_cast<std::size_t>(got) > max_bytes) {
      throw Error(
          ErrorCode::limit_exceeded,
          fmt::format("{}: more than the limit of {} bytes (ReadOptions::max_input_bytes)", path, max_bytes));
    }
    content.append(buffer, static_cast<std::size_t>(got));
  }
  return content;
}

}  // namespace

std::string_view format_name(TranscriptFormat format) noexcept {
  return detail::name_of(format_names, format);
}

std::optional<TranscriptFormat> parse_format_name(std::string_view name) noexcept {
  return detail::parse_name(format_names, name, detail::NameCase::ascii_insensitive);
}

std::optional<TranscriptFormat> format_from_path(std::string_view path) noexcept {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find_first_of("/\\", dot) != std::string_view::npos)
    return std::nullopt;
  const std::string_view extension = path.substr(dot + 1);
  if (equals_ascii_case_insensitive(extension, "vtt") || equals_ascii_case_insensitive(extension, "webvtt")) {
    return TranscriptFormat::webvtt;
  }
  if (equals_ascii_case_insensitive(extension, "srt")) return TranscriptFormat::srt;
  if (equals_ascii_case_insensitive(extension, "rttm")) return TranscriptFormat::rttm;
  return std::nullopt;
}

std::optional<TranscriptFormat> detect_json_format(std::string_view content) noexcept {
  try {
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    const nlohmann::json document = nlohmann::json::parse(content.begin(), content.end(), nullptr, false);
    if (document.is_discarded()) return std::nullopt;
    return detect_json_document_format(document);
  } catch (...) {
    return std::nullopt;  // out of memory: "cannot tell"
  }
}

Call parse_transcript(std::string_view content, TranscriptFormat format, std::string_view source_name,
                      const ReadOptions& options) {
  const CheckedInput input = check_input(content, source_name, options);
  return parse_checked(input.text, format, source_name, options);
}

Call read_transcript(const std::string& path, const ReadOptions& options,
                     std::optional<TranscriptFormat> format) {
  const std::string content = read_file(path, options.max_input_bytes);
  const CheckedInput input = check_input(content, path, options);
  if (!format) format = format_from_path(path);
  return parse_checked(input.text, format, path, options);
}

}  // namespace parley
