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

std::string_view transcript_name(std::optional<TranscriptFormat> format) noexcept {
  return format ? format_name(*format) : std::string_view("transcript");
}

// File signatures of what is sent by mistake instead of a transcript: recordings, documents, images.
struct Signature {
  std::size_t offset;
  std::string_view bytes;
  std::string_view what;
};
constexpr Signature kSignatures[] = {
    {0, "\x89PNG\r\n\x1A\n", "a PNG image"},
    {0, "\xFF\xD8\xFF", "a JPEG image"},
    {0, "GIF8", "a GIF image"},
    {0, "%PDF-", "a PDF document"},
    {0, "PK\x03\x04", "a ZIP archive (or a .docx or .xlsx document)"},
    {0, "\x1F\x8B", "a gzip archive"},
    {8, "WAVE", "a WAV audio file"},  // after "RIFF" and the size (checked below)
    {0, "ID3", "an MP3 audio file"},
    {0, "\xFF\xFB", "an MP3 audio file"},
    {0, "\xFF\xF3", "an MP3 audio file"},
    {0, "\xFF\xF2", "an MP3 audio file"},
    {0, "OggS", "an Ogg audio file"},
    {0, "fLaC", "a FLAC audio file"},
    {4, "ftyp", "an MP4 or M4A media file"},
    {0, "\x1A\x45\xDF\xA3", "a WebM or Matroska media file"},
    {0, std::string_view("SQLite format 3\0", 16), "an SQLite database"},
};

// UTF-16 text of ASCII characters: every other byte of its first code units is NUL.
std::optional<std::string_view> utf16_byte_order(std::string_view content) noexcept {
  const std::size_t window = std::min<std::size_t>(content.size(), 64) & ~std::size_t{1};
  if (window < 4) return std::nullopt;
  bool little = true, big = true;
  for (std::size_t i = 0; i < window; i += 2) {
    little = little && content[i] != '\0' && content[i + 1] == '\0';
    big = big && content[i] == '\0' && content[i + 1] != '\0';
  }
  if (little) return "little-endian";
  if (big) return "big-endian";
  return std::nullopt;
}

// Binary data and UTF-16 text are named as what they are, before any UTF-8 check would call them
// invalid UTF-8: no transcript format (JSON included) holds a NUL byte.
void reject_binary(std::string_view content, std::string_view source,
                   std::optional<TranscriptFormat> format) {
  for (const std::string_view mark : {std::string_view("\xFF\xFE"), std::string_view("\xFE\xFF")}) {
    if (content.starts_with(mark)) {
      throw Error(
          ErrorCode::invalid_utf8,
          fmt::format("{}:1: UTF-16 text (byte order mark {:02X} {:02X}), not UTF-8: convert it to UTF-8",
                      source, static_cast<unsigned char>(mark[0]), static_cast<unsigned char>(mark[1])));
    }
  }
  for (const Signature& signature : kSignatures) {
    if (content.substr(std::min(signature.offset, content.size())).starts_with(signature.bytes) &&
        (signature.bytes != "WAVE" || content.starts_with("RIFF"))) {
      readers::fail_at_line(
          source, 1,
          fmt::format("{}: this is binary data, not a {} file", signature.what, transcript_name(format)));
    }
  }
  const std::size_t nul = content.find('\0');
  if (nul == std::string_view::npos) return;
  if (const auto order = utf16_byte_order(content)) {
    throw Error(ErrorCode::invalid_utf8,
                fmt::format("{}:1: UTF-16 text ({}), not UTF-8: convert it to UTF-8", source, *order));
  }
  readers::fail_at_line(source, line_of_offset(content, nul),
                        fmt::format("NUL byte: this is binary data, not a {} file", transcript_name(format)));
}

std::size_t count_replacement_characters(std::string_view text) noexcept {
  std::size_t count = 0;
  for (std::size_t at = text.find("\xEF\xBF\xBD"); at != std::string_view::npos;
       at = text.find("\xEF\xBF\xBD", at + 3)) {
    ++count;
  }
  return count;
}

CheckedInput check_input(std::string_view content, std::string_view source,
                         std::optional<TranscriptFormat> format, const ReadOptions& options,
                         readers::WarningList& warnings) {
  if (content.size() > options.max_input_bytes) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("{}: {} bytes, more than the limit of {} (ReadOptions::max_input_bytes)", source,
                            content.size(), options.max_input_bytes));
  }
  reject_binary(content, source, format);
  CheckedInput input;
  std::size_t skipped = 0;
  if (content.starts_with("\xEF\xBB\xBF")) skipped = 3;  // UTF-8 byte order mark
  input.text = content.substr(skipped);
  const std::size_t bad = find_invalid_utf8(input.text);
  if (bad == std::string_view::npos) return input;
  const std::string where =
      fmt::format("byte 0x{:02X} at offset {}", static_cast<unsigned char>(input.text[bad]), bad + skipped);
  const std::size_t line = line_of_offset(content, bad + skipped);
  if (options.invalid_utf8 == InvalidUtf8::error) {
    throw Error(ErrorCode::invalid_utf8, fmt::format("{}:{}: invalid UTF-8 ({})", source, line, where));
  }
  input.storage = repair_utf8(input.text);
  const std::size_t replaced =
      count_replacement_characters(input.storage) - count_replacement_characters(input.text);
  warnings.at_line(line, fmt::format("{} invalid UTF-8 {} replaced with U+FFFD; the first is {}", replaced,
                                     replaced == 1 ? "sequence" : "sequences", where));
  input.text = input.storage;
  return input;
}

bool is_json_format(TranscriptFormat format) noexcept {
  return format == TranscriptFormat::parley_json || format == TranscriptFormat::amazon_transcribe ||
         format == TranscriptFormat::assemblyai || format == TranscriptFormat::deepgram;
}

Call parse_checked(std::string_view text, std::optional<TranscriptFormat> format, std::string_view source,
                   const ReadOptions& options, readers::WarningList& warnings) {
  Call call;
  if (!format) {
    // JSON first: a one-line JSON document may well contain "-->" in its text.
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const bool json_object = first != std::string_view::npos && text[first] == '{';
    if (!json_object) format = readers::sniff_format(text);
    if (!format && json_object) {
      const nlohmann::json document = parse_json_text(text, source);
      format = detect_json_document_format(document);
      if (!format) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("{}: a JSON document in none of the known transcript forms (parley-json, "
                                "amazon-transcribe, assemblyai, deepgram); name the format",
                                source));
      }
      return readers::finish_call(call_from_json_value(document, *format, source, options, warnings), source,
                                  options);
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
    call = call_from_json_value(document, *format, source, options, warnings);
  } else {
    switch (*format) {
      case TranscriptFormat::webvtt: call = readers::read_webvtt(text, source, options, warnings); break;
      case TranscriptFormat::srt: call = readers::read_srt(text, source, options, warnings); break;
      default: call = readers::read_rttm(text, source, options, warnings); break;
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

ReadResult parse_transcript_with_warnings(std::string_view content, TranscriptFormat format,
                                          std::string_view source_name, const ReadOptions& options) {
  options.validate();
  readers::WarningList warnings(source_name, options.max_warnings);
  const CheckedInput input = check_input(content, source_name, format, options, warnings);
  Call call = parse_checked(input.text, format, source_name, options, warnings);
  return ReadResult{std::move(call), warnings.take()};
}

ReadResult read_transcript_with_warnings(const std::string& path, const ReadOptions& options,
                                         std::optional<TranscriptFormat> format) {
  options.validate();
  const std::string content = read_file(path, options.max_input_bytes);
  if (!format) format = format_from_path(path);
  readers::WarningList warnings(path, options.max_warnings);
  const CheckedInput input = check_input(content, path, format, options, warnings);
  Call call = parse_checked(input.text, format, path, options, warnings);
  return ReadResult{std::move(call), warnings.take()};
}

Call parse_transcript(std::string_view content, TranscriptFormat format, std::string_view source_name,
                      const ReadOptions& options) {
  return parse_transcript_with_warnings(content, format, source_name, options).call;
}

Call read_transcript(const std::string& path, const ReadOptions& options,
                     std::optional<TranscriptFormat> format) {
  return read_transcript_with_warnings(path, options, format).call;
}

}  // namespace parley
