// WebVTT and SRT: blocks of timed cues with speaker voice tags or "Name:" prefixes.
#include "readers/reader_support.hpp"

namespace parley::readers {
namespace {

bool has_arrow(std::string_view line) noexcept { return line.find("-->") != std::string_view::npos; }

bool all_digits(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Whether every line left is blank (the file ended). Reads only up to the first line that is not.
bool rest_is_blank(LineCursor cursor) noexcept {
  while (auto line = cursor.next()) {
    if (!is_blank(*line)) return false;
  }
  return true;
}

// A cue or subtitle whose block the file ends in (a file cut short loses at most its last cue).
constexpr std::string_view kTruncated = "is skipped (truncated file?)";

// Whether a code point is CJK punctuation, kana, an ideograph or a full-width form, which
// Chinese and Japanese write without spaces between them.
bool is_cjk(char32_t cp) noexcept {
  return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// The three-byte UTF-8 sequence at text[at], decoded (CJK code points all take three bytes).
char32_t three_byte_code_point(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  if (at + 3 > text.size() || (byte(0) & 0xF0) != 0xE0) return 0;
  return (char32_t{byte(0)} & 0x0F) << 12 | (char32_t{byte(1)} & 0x3F) << 6 | (char32_t{byte(2)} & 0x3F);
}

bool is_cjk_before(std::string_view text, std::size_t end) noexcept {
  return end >= 3 && is_cjk(three_byte_code_point(text, end - 3));
}
bool is_cjk_at(std::string_view text, std::size_t at) noexcept {
  return is_cjk(three_byte_code_point(text, at));
}

struct CueTiming {
  Milliseconds start_ms = 0;
  Milliseconds end_ms = 0;
};

// "start --> end [settings]"; settings (align:start position:10%, SRT's X1: ...) are ignored.
CueTiming parse_timing(std::string_view line, std::size_t line_number, std::string_view source) {
  const std::size_t arrow = line.find("-->");
  const std::string_view start_text = trim(line.substr(0, arrow));
  const std::string_view after = trim(line.substr(arrow + 3));
  const std::string_view end_text = after.substr(0, after.find_first_of(" \t"));
  if (start_text.empty()) {
    fail_at_line(source, line_number, fmt::format("cue timing '{}' has no start time", excerpt(line)));
  }
  const auto start = parse_clock_time(start_text);
  if (!start)
    fail_at_line(source, line_number, fmt::format("bad timestamp '{}' in cue timing", excerpt(start_text)));
  if (end_text.empty()) {
    fail_at_line(source, line_number, fmt::format("truncated cue timing '{}': no end time", excerpt(line)));
  }
  const auto end = parse_clock_time(end_text);
  if (!end)
    fail_at_line(source, line_number, fmt::format("bad timestamp '{}' in cue timing", excerpt(end_text)));
  if (*end < *start) {
    fail_at_line(source, line_number,
                 fmt::format("cue ends at {} before it starts at {}", end_text, start_text));
  }
  return {*start, *end};
}

// Turns one cue's text lines into segments: one per speaker the cue names, in order.
class CueAssembler {
 public:
  CueAssembler(Call& call, const ReadOptions& options, std::string_view source,
               std::string_view no_speaker_message)
      : call_(call),
        options_(options),
        source_(source),
        no_speaker_message_(no_speaker_message),
        speakers_(call, options, source) {}

  void begin(const CueTiming& timing) {
    timing_ = timing;
    text_.clear();
    speaker_ = {};
    voice_seen_ = false;
    piece_line_ = 0;
    segments_ = 0;
  }

  // Returns the unterminated tag that hid the rest of the line, or "".
  std::string_view add_line(std::string_view line, std::size_t line_number) {
    line_number_ = line_number;
    if (piece_line_ == 0) piece_line_ = line_number;
    const std::size_t join = text_.size();
    append_separator(text_);
    std::string_view rest = line;
    // SRT override blocks such as {\an8} may come before a "Name:" prefix.
    while (rest.starts_with("{\\")) {
      const std::size_t close = rest.find('}');
      if (close == std::string_view::npos) break;
      rest.remove_prefix(close + 1);
    }
    std::string_view name;
    std::string_view after;
    if (options_.speaker_name_prefixes && !voice_seen_ && !rest.starts_with('<') &&
        split_speaker_prefix(rest, name, after)) {
      switch_speaker(name);
      rest = after;
    }
    const std::string_view dropped = append_cue_line(rest, text_, [this](std::string_view voice) {
      voice_seen_ = true;
      switch_speaker(voice);
    });
    // Chinese and Japanese lines join without a space: "...李伟。" + "请问..." is one sentence.
    if (join > 0 && join + 1 < text_.size() && text_[join] == ' ' && is_cjk_before(text_, join) &&
        is_cjk_at(text_, join + 1)) {
      text_.erase(join, 1);
    }
    return dropped;
  }

  // Whether the cue made at least one segment.
  bool finish() {
    flush();
    return segments_ > 0;
  }

 private:
  void switch_speaker(std::string_view name) {
    if (name == speaker_) return;
    flush();
    speaker_ = name;
    piece_line_ = line_number_;
  }

  void flush() {
    trim_trailing_space(text_);
    if (text_.empty()) return;  // a cue (or the part of it before a voice tag) with no words
    const std::uint32_t speaker = speakers_.index(
        speaker_, [&] { return fmt::format("{}:{}: {}", source_, piece_line_, no_speaker_message_); });
    Segment& segment = call_.segments.emplace_back();
    segment.speaker = speaker;
    segment.start_ms = timing_.start_ms;
    segment.end_ms = timing_.end_ms;
    segment.text.assign(text_);
    text_.clear();
    ++segments_;
  }

  Call& call_;
  const ReadOptions& options_;
  std::string_view source_;
  std::string_view no_speaker_message_;
  SpeakerTable speakers_;
  CueTiming timing_;
  std::string text_;  // reused from cue to cue
  std::string_view speaker_;
  bool voice_seen_ = false;
  std::size_t line_number_ = 0;
  std::size_t piece_line_ = 0;
  std::size_t segments_ = 0;  // of the current cue
};

// Reads the text lines of a cue up to a blank line, the next cue's timing line or the end.
// `srt` also ends the cue at a subtitle number followed by a timing line (a missing blank line).
// Returns false, adding nothing, when the file ends after the timing line (a cut file).
bool read_cue_text(LineCursor& cursor, CueAssembler& cue, std::size_t timing_line, bool srt,
                   WarningList& warnings) {
  bool any_text = false;
  while (true) {
    const LineCursor before = cursor;  // to give back the line that ends the cue
    const auto line = cursor.next();
    if (!line) break;
    if (is_blank(*line) || has_arrow(*line)) {
      cursor = before;
      break;
    }
    if (srt && all_digits(*line)) {
      if (auto after = cursor.peek(); after && has_arrow(*after)) {
        cursor = before;
        break;
      }
    }
    any_text = true;
    const std::string_view dropped = cue.add_line(*line, cursor.line_number());
    if (!dropped.empty()) {
      warnings.at_line(cursor.line_number(),
                       cursor.peek() ? fmt::format("unterminated tag '{}': the rest of the line is dropped",
                                                   excerpt(dropped))
                                     : fmt::format("the file ends inside the tag '{}': the rest of the line "
                                                   "is dropped (truncated file?)",
                                                   excerpt(dropped)));
    }
  }
  if (!any_text && rest_is_blank(cursor)) return false;
  if (!cue.finish())
    warnings.at_line(timing_line, srt ? "subtitle has no text: skipped" : "cue has no text: skipped");
  return true;
}

// The timing of a cue, or nullopt when it is malformed on the last line of the file (a cut file).
std::optional<CueTiming> parse_timing_unless_cut(std::string_view line, std::size_t line_number,
                                                 std::string_view source, const LineCursor& cursor) {
  try {
    return parse_timing(line, line_number, source);
  } catch (const Error&) {
    if (rest_is_blank(cursor)) return std::nullopt;
    throw;
  }
}

// Whether a line could be the start of a timing line cut short ("00:03.0", "00:03.000 --").
bool is_cut_timing(std::string_view line) noexcept {
  return !line.empty() && line[0] >= '0' && line[0] <= '9' &&
         line.find_first_not_of("0123456789:.,- \t>") == std::string_view::npos;
}

bool is_skipped_vtt_block(std::string_view line) noexcept {
  return !has_arrow(line) && (starts_with_word(line, "NOTE") || starts_with_word(line, "STYLE") ||
                              starts_with_word(line, "REGION"));
}

}  // namespace

Call read_webvtt(std::string_view content, std::string_view source, const ReadOptions& options,
                 WarningList& warnings) {
  Call call;
  LineCursor cursor(content);
  const auto first = cursor.next();
  if (!first || !starts_with_word(*first, "WEBVTT")) {
    fail_at_line(source, 1,
                 fmt::format("missing 'WEBVTT' header (found '{}'){}", excerpt(first.value_or("")),
                             other_format_hint(content, TranscriptFormat::webvtt)));
  }
  // Header lines ("Kind: captions", "Language: en-US") up to the first blank line or cue timing.
  while (auto peeked = cursor.peek()) {
    if (is_blank(*peeked) || has_arrow(*peeked)) break;
    cursor.next();
    if (peeked->starts_with("Language:")) call.language = std::string(trim(peeked->substr(9)));
  }
  CueAssembler cue(call, options, source, "cue has no speaker (no <v> voice tag or 'Name:' prefix)");
  while (auto line = cursor.next()) {
    if (is_blank(*line)) continue;
    const std::size_t block_line = cursor.line_number();
    if (is_skipped_vtt_block(*line)) {
      while (auto peeked = cursor.peek()) {
        if (is_blank(*peeked)) break;
        cursor.next();
      }
      continue;
    }
    std::string_view timing_text = *line;
    std::size_t timing_line = block_line;
    if (!has_arrow(*line)) {
      // A cue identifier ("1", "a3f-17"), then the timing line.
      const auto next = cursor.next();
      if (!next || (is_blank(*next) && rest_is_blank(cursor))) {
        warnings.at_line(
            block_line,
            fmt::format("the file ends after cue identifier '{}', with no timing line: the cue {}",
                        excerpt(*line), kTruncated));
        break;
      }
      if (is_blank(*next)) {
        fail_at_line(
            source, block_line,
            fmt::format("cue '{}' has no timing line (truncated cue or stray text)", excerpt(*line)));
      }
      if (!has_arrow(*next)) {
        if (is_cut_timing(*next) && rest_is_blank(cursor)) {
          warnings.at_line(cursor.line_number(),
                           fmt::format("the file ends inside the timing line of cue '{}': the cue {}",
                                       excerpt(*line), kTruncated));
          break;
        }
        fail_at_line(
            source, cursor.line_number(),
            fmt::format("expected a cue timing line ('start --> end') after cue identifier '{}', found '{}'",
                        excerpt(*line), excerpt(*next)));
      }
      timing_text = *next;
      timing_line = cursor.line_number();
    }
    const auto timing = parse_timing_unless_cut(timing_text, timing_line, source, cursor);
    if (timing) cue.begin(*timing);
    if (!timing || !read_cue_text(cursor, cue, timing_line, false, warnings)) {
      warnings.at_line(
          timing_line,
          fmt::format("the file ends after the cue timing, with no text: the cue {}", kTruncated));
      break;
    }
  }
  return call;
}

Call read_srt(std::string_view content, std::string_view source, const ReadOptions& options,
              WarningList& warnings) {
  Call call;
  LineCursor cursor(content);
  CueAssembler cue(call, options, source, "subtitle has no speaker (no 'Name:' prefix)");
  bool first_block = true;
  while (auto line = cursor.next()) {
    if (is_blank(*line)) continue;
    const std::size_t block_line = cursor.line_number();
    std::string_view timing_text = *line;
    std::size_t timing_line = block_line;
    if (!has_arrow(*line)) {
      const std::string_view number = trim(*line);
      if (!all_digits(number)) {
        fail_at_line(
            source, block_line,
            fmt::format("expected a subtitle number or a timing line ('start --> end'), found '{}'{}",
                        excerpt(*line),
                        first_block ? other_format_hint(content, TranscriptFormat::srt) : ""));
      }
      const auto next = cursor.next();
      if (!next || (is_blank(*next) && rest_is_blank(cursor))) {
        warnings.at_line(block_line,
                         fmt::format("the file ends after subtitle number {}, with no timing line: the "
                                     "subtitle {}",
                                     number, kTruncated));
        break;
      }
      if (is_blank(*next)) {
        fail_at_line(source, block_line, fmt::format("subtitle {} has no timing line", number));
      }
      if (!has_arrow(*next)) {
        if (is_cut_timing(*next) && rest_is_blank(cursor)) {
          warnings.at_line(cursor.line_number(),
                           fmt::format("the file ends inside the timing line of subtitle {}: the subtitle {}",
                                       number, kTruncated));
          break;
        }
        fail_at_line(
            source, cursor.line_number(),
            fmt::format("expected a timing line ('start --> end') after subtitle number {}, found '{}'",
                        number, excerpt(*next)));
      }
      timing_text = *next;
      timing_line = cursor.line_number();
    }
    first_block = false;
    const auto timing = parse_timing_unless_cut(timing_text, timing_line, source, cursor);
    if (timing) cue.begin(*timing);
    if (!timing || !read_cue_text(cursor, cue, timing_line, true, warnings)) {
      warnings.at_line(timing_line, fmt::format("the file ends after the timing line, with no text: the "
                                                "subtitle {}",
                                                kTruncated));
      break;
    }
  }
  return call;
}

}  // namespace parley::readers
