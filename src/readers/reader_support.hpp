#pragma once
// Private pieces shared by the transcript readers: error messages, line iteration, time parsing,
// cue text cleaning and word grouping. Nothing here allocates per line or per word except the text
// a Segment or WordTiming keeps.
#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/error.hpp"
#include "parley/model.hpp"
#include "parley/readers.hpp"

namespace parley::readers {

// "<source>:<line>: <what>" as ErrorCode::parse.
[[noreturn]] void fail_at_line(std::string_view source, std::size_t line, std::string_view what);

// A read's warnings, up to ReadOptions::max_warnings; those beyond are counted.
class WarningList {
 public:
  WarningList(std::string_view source, std::size_t limit) : source_(source), limit_(limit) {}
  void at_line(std::size_t line, std::string message) { add(line, {}, std::move(message)); }
  void at_path(std::string json_path, std::string message) {
    add(0, std::move(json_path), std::move(message));
  }
  void about_input(std::string message) { add(0, {}, std::move(message)); }
  // The warnings, with a last one saying how many more there were beyond the limit.
  std::vector<ReadWarning> take();

 private:
  void add(std::size_t line, std::string json_path, std::string message);

  std::string_view source_;
  std::size_t limit_;
  std::size_t not_listed_ = 0;
  std::vector<ReadWarning> warnings_;
};

// A line quoted in a message: at most 60 bytes, cut on a UTF-8 boundary.
std::string excerpt(std::string_view line);

// The format text looks like from its first lines (WEBVTT, SPEAKER or ";;", a timing line or a
// subtitle number then one), or from its top-level keys for a JSON object; std::nullopt if none.
std::optional<TranscriptFormat> sniff_format(std::string_view text) noexcept;
// For an error about text read as `expected`: ": the content looks like srt; read it as srt
// (--input-format srt)" when it looks like another format, else "".
std::string other_format_hint(std::string_view text, TranscriptFormat expected);

// Reads lines from text without copying: CR LF and LF both end a line, a last line without a
// newline is a line, trailing spaces and tabs are dropped. Line numbers start at 1.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) noexcept : text_(text) {}
  // The next line, or std::nullopt at the end of the text.
  std::optional<std::string_view> next() noexcept;
  // Number of the line next() returned last.
  std::size_t line_number() const noexcept { return line_number_; }
  // Looks at the next line without consuming it.
  std::optional<std::string_view> peek() const noexcept;

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_number_ = 0;
};

std::string_view trim(std::string_view text) noexcept;
inline bool is_blank(std::string_view line) noexcept { return trim(line).empty(); }
bool starts_with_word(std::string_view line, std::string_view word) noexcept;  // word then end/space/tab

// "hh:mm:ss.ttt", "mm:ss.ttt" or unpadded "0:0:5.320"; ',' may stand for '.' (SRT), the fraction may
// have 1..9 digits (rounded to ms) or be absent. Minutes and seconds under an hour field are < 60.
std::optional<Milliseconds> parse_clock_time(std::string_view text) noexcept;
// A non-negative decimal number of seconds ("12.345", "7", "1.5e2") rounded to ms.
std::optional<Milliseconds> parse_decimal_seconds(std::string_view text) noexcept;
// Seconds given as a JSON-style double, rounded to ms; nullopt if negative, not finite or absurd.
std::optional<Milliseconds> seconds_to_ms(double seconds) noexcept;

// Appends one cue line's text to `out` with tags removed (<i>, <b>, <c.x>, <00:01.000>, <font ...>,
// {\an8}) and entities decoded (&amp; &lt; &gt; &quot; &apos; &nbsp; &lrm; &rlm; &#N; &#xN;); runs of
// spaces and tabs become one space. <v Name> voice tags are reported through on_voice(name) at the
// point they occur so the caller can split the cue between speakers.
// Returns the unterminated tag that hides the rest of the line ("<v Marco"), or "" if none.
template <typename OnVoice>
std::string_view append_cue_line(std::string_view line, std::string& out, OnVoice&& on_voice);

// Whether `line` starts with "Name: " where Name looks like a speaker name; returns the name and
// the rest of the line.
bool split_speaker_prefix(std::string_view line, std::string_view& name, std::string_view& rest) noexcept;

// Appends a space unless `out` is empty or already ends with one.
inline void append_separator(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}
void trim_trailing_space(std::string& out) noexcept;

// Decodes the entity starting at text[0] == '&' into `out`; returns the bytes consumed or 0 when it
// is not an entity parley knows (the caller then keeps the '&' literally).
std::size_t decode_entity(std::string_view text, std::string& out);

// Whether a word ends a sentence (. ? ! … and the CJK full stops).
bool ends_sentence(std::string_view word) noexcept;

// Participants by speaker label, looked up in O(log n) so that a hostile file naming thousands of
// speakers is still read in near-linear time; new labels become participants with role `other`.
class SpeakerTable {
 public:
  // Indexes the participants `call` already has (parley JSON's list).
  SpeakerTable(Call& call, const ReadOptions& options, std::string_view source);

  // The participant for a label, added when first seen. An empty label is a missing speaker,
  // handled per ReadOptions::missing_speaker: `missing()` builds the error message only if needed.
  // More participants than ReadOptions::limits.max_participants is ErrorCode::limit_exceeded.
  template <typename Missing>
  std::uint32_t index(std::string_view label, Missing&& missing) {
    if (label.empty()) {
      if (options_.missing_speaker == MissingSpeaker::error) throw Error(ErrorCode::parse, missing());
      label = options_.unknown_speaker_id;
    }
    if (last_ < call_.participants.size() && call_.participants[last_].id == label) return last_;
    const auto found = by_label_.find(label);
    last_ = found != by_label_.end() ? found->second : add(label);
    return last_;
  }
  std::optional<std::uint32_t> find(std::string_view label) const;

 private:
  std::uint32_t add(std::string_view label);

  Call& call_;
  const ReadOptions& options_;
  std::string_view source_;
  std::map<std::string, std::uint32_t, std::less<>> by_label_;
  std::uint32_t last_ = UINT32_MAX;
};

// Groups timed words into segments: a new segment at each speaker change and, per ReadOptions, at
// sentence ends and long gaps.
class WordGrouper {
 public:
  WordGrouper(Call& call, const ReadOptions& options) noexcept : call_(call), options_(options) {}
  void add_word(std::uint32_t speaker, Milliseconds start_ms, Milliseconds end_ms, std::string_view text,
                std::optional<double> confidence);
  // Punctuation without timing (Amazon Transcribe): joins the previous word. false: there is no
  // word yet, and the punctuation is dropped.
  bool add_punctuation(std::string_view text);

 private:
  Call& call_;
  const ReadOptions& options_;
  bool open_ = false;
  bool sentence_ended_ = false;
};

// The call id from a source name: its file name without directory and last extension.
std::string call_id_from_source(std::string_view source_name);
// Sets id and language defaults, checks the call with validate_call (its messages get the source
// name in front) and returns it.
Call finish_call(Call call, std::string_view source_name, const ReadOptions& options);

// Line-based readers; `content` is valid UTF-8 without a BOM.
Call read_webvtt(std::string_view content, std::string_view source, const ReadOptions& options,
                 WarningList& warnings);
Call read_srt(std::string_view content, std::string_view source, const ReadOptions& options,
              WarningList& warnings);
Call read_rttm(std::string_view content, std::string_view source, const ReadOptions& options,
               WarningList& warnings);

// ---- template definitions ----

template <typename OnVoice>
std::string_view append_cue_line(std::string_view line, std::string& out, OnVoice&& on_voice) {
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '<') {
      const std::size_t close = line.find('>', i + 1);
      if (close == std::string_view::npos) return line.substr(i);  // it hides the rest of the line
      const std::string_view tag = line.substr(i + 1, close - i - 1);
      if (tag.size() >= 2 && tag[0] == 'v' && (tag[1] == ' ' || tag[1] == '\t' || tag[1] == '.')) {
        // <v Name> or <v.class Name>: the name follows the first space or tab.
        const std::size_t space = tag.find_first_of(" \t");
        on_voice(space == std::string_view::npos ? std::string_view{} : trim(tag.substr(space + 1)));
      }
      i = close + 1;
    } else if (c == '{' && i + 1 < line.size() && line[i + 1] == '\\') {
      // SRT/ASS override blocks such as {\an8} or {\i1}.
      const std::size_t close = line.find('}', i + 2);
      if (close == std::string_view::npos) {
        out.push_back(c);
        ++i;
      } else {
        i = close + 1;
      }
    } else if (c == '&') {
      const std::size_t used = decode_entity(line.substr(i), out);
      if (used == 0) {
        out.push_back('&');
        ++i;
      } else {
        i += used;
      }
    } else if (c == ' ' || c == '\t') {
      append_separator(out);
      ++i;
    } else {
      // Copy the run of ordinary bytes in one go; a single space between words stays in the run.
      std::size_t end = i + 1;
      while (end < line.size()) {
        const char d = line[end];
        if (d == '<' || d == '&' || d == '\t' || d == '{') break;
        if (d == ' ' && (end + 1 == line.size() || line[end + 1] == ' ' || line[end + 1] == '\t')) break;
        ++end;
      }
      out.append(line.data() + i, end - i);
      i = end;
    }
  }
  return {};
}

}  // namespace parley::readers
