// Conversation timing metrics. The definitions are in docs/metrics.md; this file follows
// them in a fixed number of passes over compact arrays (segment refs, per-speaker talk blocks, turns),
// so a call costs a sort plus linear work, and nothing is allocated per segment.
#include "parley/timing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

#include "parley/error.hpp"

namespace parley {
namespace {

constexpr std::uint32_t kNobody = std::numeric_limits<std::uint32_t>::max();
constexpr Milliseconds kNever = std::numeric_limits<Milliseconds>::min();
constexpr double kMsPerMinute = 60'000.0;
constexpr double kMsPerHour = 3'600'000.0;

// A segment reduced to what ordering needs; `index` points back into call.segments.
struct SegmentRef {
  Milliseconds start;
  Milliseconds end;
  std::uint32_t speaker;
  std::uint32_t index;
};

// A maximal stretch of one speaker's speech (the union of their overlapping or touching segments).
struct Span {
  Milliseconds start;
  Milliseconds end;
  std::uint32_t speaker;
};

bool span_order(const Span& a, const Span& b) noexcept {
  return std::tie(a.start, a.end, a.speaker) < std::tie(b.start, b.end, b.speaker);
}

// Sorts by `less`, whose first key is key(x), a time in 0..max_key. Already sorted input (the usual
// case) costs one check; small inputs use std::sort; nearly sorted ones a bounded insertion sort;
// others a stable LSD radix sort on the time (11 bits a pass), then std::sort within runs of equal
// time. Linear on any input, hostile included.
template <typename T, typename Key, typename Less>
void sort_by_time(std::vector<T>& items, std::vector<T>& scratch, Milliseconds max_key, Key key, Less less) {
  if (std::is_sorted(items.begin(), items.end(), less)) return;
  if (items.size() < 2048) {
    std::sort(items.begin(), items.end(), less);
    return;
  }
  // Nearly sorted input (a backchannel ending inside a longer segment, a late duplicate) is finished
  // by insertion sort; past a budget of 4 moves per item it is left to the radix sort.
  std::size_t budget = 4 * items.size();
  bool finished = true;
  for (std::size_t i = 1; i < items.size() && finished; ++i) {
    if (!less(items[i], items[i - 1])) continue;
    T item = std::move(items[i]);
    std::size_t j = i;
    for (; j > 0 && less(item, items[j - 1]); --j) {
      if (budget-- == 0) {
        finished = false;
        break;
      }
      items[j] = std::move(items[j - 1]);
    }
    items[j] = std::move(item);
  }
  if (finished) return;
  constexpr int kBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const int passes =
      (std::bit_width(static_cast<std::uint64_t>(std::max<Milliseconds>(max_key, 1))) + kBits - 1) / kBits;
  scratch.resize(items.size());
  std::vector<std::size_t> offsets(kBuckets);
  for (int pass = 0; pass < passes; ++pass) {
    const int shift = pass * kBits;
    std::fill(offsets.begin(), offsets.end(), 0);
    for (const T& item : items) ++offsets[(static_cast<std::uint64_t>(key(item)) >> shift) & (kBuckets - 1)];
    std::size_t total = 0;
    for (std::size_t& offset : offsets) total += std::exchange(offset, total);
    for (const T& item : items)
      scratch[offsets[(static_cast<std::uint64_t>(key(item)) >> shift) & (kBuckets - 1)]++] = item;
    items.swap(scratch);
  }
  for (std::size_t begin = 0; begin < items.size();) {
    std::size_t end = begin + 1;
    while (end < items.size() && key(items[end]) == key(items[begin])) ++end;
    if (end - begin > 1)
      std::sort(items.begin() + static_cast<std::ptrdiff_t>(begin),
                items.begin() + static_cast<std::ptrdiff_t>(end), less);
    begin = end;
  }
}

// The latest end seen per speaker, kept for the two speakers with the latest ends: enough to answer
// "who else spoke last, and until when" for any speaker in O(1).
class LatestEnds {
 public:
  void add(Milliseconds end, std::uint32_t speaker) noexcept {
    if (speaker == first_speaker_) {
      first_end_ = std::max(first_end_, end);
    } else if (first_speaker_ == kNobody || end > first_end_) {
      // The old first keeps the best end among everyone else; a displaced second had an end <= it.
      second_end_ = first_end_;
      second_speaker_ = first_speaker_;
      first_end_ = end;
      first_speaker_ = speaker;
    } else if (speaker == second_speaker_) {
      second_end_ = std::max(second_end_, end);
    } else if (second_speaker_ == kNobody || end > second_end_) {
      second_end_ = end;
      second_speaker_ = speaker;
    }
  }
  // Adds the spans of `spans` (in time order) before index `i` that start strictly before spans[i]
  // and were not added yet: the earlier spans as seen from spans[i], in one pass over the array.
  void add_started_before(const std::vector<Span>& spans, std::size_t i) noexcept {
    while (added_ < i && spans[added_].start < spans[i].start) {
      add(spans[added_].end, spans[added_].speaker);
      ++added_;
    }
  }
  // Latest end of any speaker but `speaker`, and whose it is (kNobody if none).
  std::pair<Milliseconds, std::uint32_t> other_than(std::uint32_t speaker) const noexcept {
    if (first_speaker_ != speaker) return {first_end_, first_speaker_};
    return {second_end_, second_speaker_};
  }

 private:
  Milliseconds first_end_ = kNever;
  Milliseconds second_end_ = kNever;
  std::uint32_t first_speaker_ = kNobody;
  std::uint32_t second_speaker_ = kNobody;
  std::size_t added_ = 0;  // add_started_before: spans[0, added_) are in
};

constexpr bool is_ascii_space(unsigned char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr bool is_ascii_word_char(unsigned char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Length in bytes of a sentence-end mark at text[i] (? ! ？ ！ ؟), 0 if none; sets is_question.
std::size_t sentence_mark_length(std::string_view text, std::size_t i, bool& is_question) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c == '?' || c == '!') {
    is_question = c == '?';
    return 1;
  }
  if (c == 0xD8 && i + 1 < text.size() && byte(i + 1) == 0x9F) {  // U+061F ARABIC QUESTION MARK
    is_question = true;
    return 2;
  }
  if (c == 0xEF && i + 2 < text.size() && byte(i + 1) == 0xBC &&
      (byte(i + 2) == 0x9F || byte(i + 2) == 0x81)) {
    is_question = byte(i + 2) == 0x9F;  // U+FF1F FULLWIDTH QUESTION MARK (U+FF01 is the exclamation)
    return 3;
  }
  return 0;
}

enum class CharacterClass { space, word, punctuation };

// Spaces: ASCII white space, U+00A0, U+2000..U+200B, U+3000. Punctuation: ASCII punctuation,
// U+2010..U+206F (dashes, quotes, ellipsis) and U+3001..U+303F (CJK punctuation). Everything else
// (letters, digits, ideographs, invalid bytes) is part of a word.
CharacterClass classify_character(std::string_view text, std::size_t i, unsigned char c) noexcept {
  if (c < 0x80) {
    if (is_ascii_space(c)) return CharacterClass::space;
    return is_ascii_word_char(c) ? CharacterClass::word : CharacterClass::punctuation;
  }
  const auto next = [&](std::size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  if (c == 0xC2 && next(1) == 0xA0) return CharacterClass::space;
  if (c == 0xE2 && next(1) == 0x80) {  // U+2000..U+203F
    return next(2) <= 0x8B   ? CharacterClass::space
           : next(2) >= 0x90 ? CharacterClass::punctuation
                             : CharacterClass::word;
  }
  if (c == 0xE2 && next(1) == 0x81 && next(2) <= 0xAF) return CharacterClass::punctuation;  // U+2040..U+206F
  if (c == 0xE3 && next(1) == 0x80) {                                                       // U+3000..U+303F
    return next(2) == 0x80 ? CharacterClass::space : CharacterClass::punctuation;
  }
  return CharacterClass::word;
}

// The built-in count is a small automaton over character classes: its state is (inside a token that
// holds a word character, inside a run of sentence marks, that run holds a question mark), and each
// transition says whether a word or a question just ended. One table look-up per character.
enum CharClass : std::uint8_t { kPunctuation = 0, kSpace = 1, kWordChar = 2, kMark = 3, kQuestionMark = 4 };

constexpr std::array<std::uint8_t, 128> kAsciiClasses = [] {
  std::array<std::uint8_t, 128> classes{};
  for (unsigned c = 0; c < 128; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    classes[c] = is_ascii_space(byte)       ? kSpace
                 : is_ascii_word_char(byte) ? kWordChar
                 : byte == '?'              ? kQuestionMark
                 : byte == '!'              ? kMark
                                            : kPunctuation;
  }
  return classes;
}();

// Entry [state * 8 + class]: bits 0-2 the next state, bit 3 a word ended, bit 4 a question ended.
// State bits: 1 = token holds a word character, 2 = in a run of marks, 4 = that run holds a "?".
constexpr std::array<std::uint8_t, 64> kTransitions = [] {
  std::array<std::uint8_t, 64> table{};
  for (unsigned state = 0; state < 8; ++state) {
    for (unsigned cls = 0; cls < 8; ++cls) {
      const unsigned has_word = state & 1, in_marks = (state >> 1) & 1, has_question = (state >> 2) & 1;
      const unsigned is_space = cls == kSpace, is_word = cls == kWordChar;
      const unsigned is_mark = cls == kMark || cls == kQuestionMark, is_question = cls == kQuestionMark;
      const unsigned word_ended = has_word & is_space;
      const unsigned question_ended = in_marks & (is_mark ^ 1) & has_question;
      const unsigned next_has_word = (has_word | is_word) & (is_space ^ 1);
      const unsigned next_has_question = is_mark & (has_question | is_question);
      table[state * 8 + cls] = static_cast<std::uint8_t>(
          next_has_word | is_mark << 1 | next_has_question << 2 | word_ended << 3 | question_ended << 4);
    }
  }
  return table;
}();

// Class of the non-ASCII character at text[i]; sets its length in bytes.
std::uint8_t non_ascii_class(std::string_view text, std::size_t i, std::size_t& width) noexcept {
  bool is_question = false;
  if (const std::size_t mark = sentence_mark_length(text, i, is_question); mark != 0) {
    width = mark;
    return is_question ? kQuestionMark : kMark;
  }
  const auto c = static_cast<unsigned char>(text[i]);
  width = std::min<std::size_t>(c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, text.size() - i);
  switch (classify_character(text, i, c)) {
    case CharacterClass::space: return kSpace;
    case CharacterClass::word: return kWordChar;
    case CharacterClass::punctuation: return kPunctuation;
  }
  return kPunctuation;
}

// The built-in count used when the host supplies no text counts (see timing.hpp): a word is a run of
// non-space characters holding a word character; a question is a run of marks (? ! ？ ！ ؟) holding a
// question mark.
SegmentTextCounts count_text(std::string_view text) noexcept {
  std::uint32_t words = 0, questions = 0;
  unsigned state = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t width = 1;
    const unsigned cls = c < 0x80 ? kAsciiClasses[c] : non_ascii_class(text, i, width);
    const unsigned step = kTransitions[state * 8 + cls];
    words += (step >> 3) & 1;
    questions += step >> 4;
    state = step & 7;
    i += width;
  }
  // The end of the text ends the last token and the last run of marks.
  const unsigned step = kTransitions[state * 8 + kSpace];
  return {words + ((step >> 3) & 1), questions + (step >> 4)};
}

// Sorts and merges intervals in place, returning the length of their union.
Milliseconds union_length(std::vector<std::pair<Milliseconds, Milliseconds>>& intervals) {
  std::sort(intervals.begin(), intervals.end());
  Milliseconds total = 0;
  Milliseconds start = kNever, end = kNever;
  for (const auto& [s, e] : intervals) {
    if (s > end) {
      if (end > start) total += end - start;
      start = s;
      end = e;
    } else {
      end = std::max(end, e);
    }
  }
  if (end > start) total += end - start;
  return total;
}

std::optional<double> per_minute(double count, Milliseconds ms) {
  if (ms <= 0) return std::nullopt;
  return count / (static_cast<double>(ms) / kMsPerMinute);
}

std::optional<double> per_hour(double count, Milliseconds ms) {
  if (ms <= 0) return std::nullopt;
  return count / (static_cast<double>(ms) / kMsPerHour);
}

// Gini coefficient of non-negative values with a positive sum: mean absolute difference over twice the
// mean, computed from the sorted values as (2 * sum(i * x_i)) / (n * sum x) - (n + 1) / n, i = 1..n.
double gini(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  double weighted = 0, total = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    weighted += static_cast<double>(i + 1) * values[i];
    total += values[i];
  }
  const auto n = static_cast<double>(values.size());
  return std::max(0.0, 2.0 * weighted / (n * total) - (n + 1.0) / n);
}

}  // namespace

CallTiming compute_timing(const Call& call, const TimingOptions& options,
                          std::span<const SegmentTextCounts> text_counts) {
  options.validate();
  const std::size_t segment_count = call.segments.size();
  const std::size_t participant_count = call.participants.size();
  const std::string call_name = call.id.empty() ? std::string("call") : fmt::format("call '{}'", call.id);
  if (!text_counts.empty() && text_counts.size() != segment_count) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{}: text_counts has {} entries but the call has {} segments", call_name,
                            text_counts.size(), segment_count));
  }
  const ModelLimits limits;
  if (segment_count > limits.max_segments) {
    throw Error(ErrorCode::limit_exceeded, fmt::format("{}: {} segments, more than the limit of {}",
                                                       call_name, segment_count, limits.max_segments));
  }

  CallTiming result;
  result.talk_ratio_denominator = options.talk_ratio_denominator;
  result.participants.resize(participant_count);
  std::vector<Role> roles(participant_count);
  for (std::size_t p = 0; p < participant_count; ++p) {
    ParticipantTiming& pt = result.participants[p];
    pt.participant = static_cast<std::uint32_t>(p);
    pt.participant_id = call.participants[p].id;
    pt.role = roles[p] = call.participants[p].role;
  }
  const auto role_of = [&](std::uint32_t speaker) { return roles[speaker]; };

  // 1. One pass in input order (sequential memory): check each segment, count its words and
  //    questions, collect low-confidence intervals, and keep a compact reference for ordering.
  std::vector<SegmentRef> refs;
  refs.reserve(segment_count);
  std::vector<SegmentTextCounts> builtin_counts;
  if (text_counts.empty()) builtin_counts.resize(segment_count);
  std::vector<std::pair<Milliseconds, Milliseconds>> low_confidence;
  Milliseconds latest_end = 0;
  for (std::size_t i = 0; i < segment_count; ++i) {
    const Segment& segment = call.segments[i];
    if (segment.speaker >= participant_count) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("{}: segment {}: unknown speaker {} (the call has {} participants)", call_name,
                              i, segment.speaker, participant_count));
    }
    if (segment.start_ms < 0) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("{}: segment {}: negative start time {} ms", call_name, i, segment.start_ms));
    }
    if (segment.end_ms < segment.start_ms) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("{}: segment {}: end time {} ms is before start time {} ms", call_name, i,
                              segment.end_ms, segment.start_ms));
    }
    if (segment.end_ms > limits.max_call_duration_ms) {
      throw Error(ErrorCode::limit_exceeded,
                  fmt::format("{}: segment {}: end time {} ms is beyond the limit of {} ms", call_name, i,
                              segment.end_ms, limits.max_call_duration_ms));
    }
    latest_end = std::max(latest_end, segment.end_ms);
    refs.push_back({segment.start_ms, segment.end_ms, segment.speaker, static_cast<std::uint32_t>(i)});
    if (text_counts.empty()) builtin_counts[i] = count_text(segment.text);
    if (segment.confidence) {
      result.has_confidence = true;
      if (*segment.confidence < options.low_confidence_threshold && segment.end_ms > segment.start_ms) {
        low_confidence.emplace_back(segment.start_ms, segment.end_ms);
      }
    } else {
      for (const WordTiming& word : segment.words) {
        if (!word.confidence) continue;
        result.has_confidence = true;
        const Milliseconds start = std::max(word.start_ms, segment.start_ms);
        const Milliseconds end = std::min(word.end_ms, segment.end_ms);
        if (*word.confidence < options.low_confidence_threshold && end > start)
          low_confidence.emplace_back(start, end);
      }
    }
  }
  const std::span<const SegmentTextCounts> counts =
      text_counts.empty() ? std::span(builtin_counts) : text_counts;
  const auto ref_order = [](const SegmentRef& a, const SegmentRef& b) {
    return std::tie(a.start, a.end, a.speaker, a.index) < std::tie(b.start, b.end, b.speaker, b.index);
  };
  {
    std::vector<SegmentRef> scratch;
    sort_by_time(
        refs, scratch, latest_end, [](const SegmentRef& r) { return r.start; }, ref_order);
  }
  std::vector<Span> span_scratch;
  const auto span_start = [](const Span& span) { return span.start; };

  // 2. One pass in time order: words and questions (exact duplicates once) and each speaker's talk
  //    blocks (the union of their own segments; touching segments join).
  std::vector<Span> blocks;
  blocks.reserve(segment_count);
  std::vector<std::uint32_t> open_block(participant_count, kNobody);
  const auto same_key = [](const SegmentRef& a, const SegmentRef& b) {
    return a.start == b.start && a.end == b.end && a.speaker == b.speaker;
  };
  const auto text_of = [&](const SegmentRef& r) -> const std::string& { return call.segments[r.index].text; };
  std::size_t group_end = 0;
  for (std::size_t r = 0; r < refs.size(); ++r) {
    const SegmentRef& ref = refs[r];
    if (r >= group_end) {
      // A run of segments with the same speaker and times: order it by text so that exact duplicates
      // are neighbours (O(g log g) even for a hostile run of thousands).
      group_end = r + 1;
      while (group_end < refs.size() && same_key(refs[group_end], ref)) ++group_end;
      if (group_end - r > 1) {
        std::sort(refs.begin() + static_cast<std::ptrdiff_t>(r),
                  refs.begin() + static_cast<std::ptrdiff_t>(group_end),
                  [&](const SegmentRef& a, const SegmentRef& b) {
                    const int order = text_of(a).compare(text_of(b));
                    return order != 0 ? order < 0 : a.index < b.index;
                  });
      }
    }
    const bool duplicate = r > 0 && same_key(refs[r - 1], ref) && text_of(refs[r - 1]) == text_of(ref);
    if (!duplicate) {
      result.participants[ref.speaker].words += counts[ref.index].words;
      result.participants[ref.speaker].questions += counts[ref.index].questions;
      result.participants[ref.speaker].filler_words += counts[ref.index].filler_words;
    }

    if (ref.end == ref.start) continue;  // zero-length: no talk time, no turn
    std::uint32_t& open = open_block[ref.speaker];
    if (open != kNobody && ref.start <= blocks[open].end) {
      blocks[open].end = std::max(blocks[open].end, ref.end);
    } else {
      open = static_cast<std::uint32_t>(blocks.size());
      blocks.push_back({ref.start, ref.end, ref.speaker});
    }
  }
  // Blocks were opened in start order; equal starts are put in a canonical order.
  sort_by_time(blocks, span_scratch, latest_end, span_start, span_order);

  // 3. Turns: a speaker's blocks join while the silence between them is shorter than turn_merge_gap_ms
  //    and no other speaker's speech falls inside that silence.
  std::vector<Span> turns;
  {
    std::vector<std::uint32_t> open_turn(participant_count, kNobody);
    LatestEnds earlier_blocks;  // blocks that started strictly before the current one
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Span& block = blocks[i];
      earlier_blocks.add_started_before(blocks, i);
      std::uint32_t& open = open_turn[block.speaker];
      if (open != kNobody) {
        Span& turn = turns[open];
        const bool others_spoke_in_gap = earlier_blocks.other_than(block.speaker).first > turn.end;
        if (block.start - turn.end < options.turn_merge_gap_ms && !others_spoke_in_gap) {
          turn.end = block.end;
          continue;
        }
      }
      open = static_cast<std::uint32_t>(turns.size());
      turns.push_back(block);
    }
  }
  sort_by_time(turns, span_scratch, latest_end, span_start, span_order);
  const auto is_backchannel = [&](const Span& turn) {
    return turn.end - turn.start < options.backchannel_max_ms;
  };

  // 4. Pauses, patience and interruptions: each turn is compared with the other speaker whose earlier
  //    turn ended last (its predecessor), provided that turn ended no earlier than this speaker's own
  //    previous turn (otherwise the speaker is just resuming after their own silence).
  double pause_sum = 0, patience_sum = 0;
  {
    std::vector<Milliseconds> own_previous_end(participant_count, kNever);
    LatestEnds earlier_turns;
    for (std::size_t i = 0; i < turns.size(); ++i) {
      const Span& turn = turns[i];
      earlier_turns.add_started_before(turns, i);
      ++result.participants[turn.speaker].turns;
      const auto [other_end, other] = earlier_turns.other_than(turn.speaker);
      if (other != kNobody && other_end >= own_previous_end[turn.speaker]) {
        // A turn that ends inside the other speaker's turn never took the floor: no hand-over, no pause.
        if (turn.end > other_end) {
          const Milliseconds pause = std::max<Milliseconds>(0, turn.start - other_end);
          ++result.pauses;
          pause_sum += static_cast<double>(pause);
          if (role_of(turn.speaker) == Role::seller && role_of(other) == Role::customer) {
            ++result.patience_pauses;
            patience_sum += static_cast<double>(pause);
          }
        }
        if (other_end > turn.start && !is_backchannel(turn)) {
          result.interruptions.push_back({turn.speaker, other, turn.start});
          ++result.participants[turn.speaker].interruptions_made;
          ++result.participants[other].interruptions_suffered;
        }
      }
      own_previous_end[turn.speaker] = turn.end;
    }
  }

  // 5. Switches: role changes between consecutive seller/customer turns.
  {
    std::optional<Role> previous;
    for (const Span& turn : turns) {
      const Role role = role_of(turn.speaker);
      if (role == Role::other) continue;
      if (!options.backchannels_count_as_switches && is_backchannel(turn)) continue;
      if (previous && *previous != role) ++result.switches;
      previous = role;
    }
  }

  // 6. Monologues: a speaker's consecutive turns, skipping other speakers' backchannels, until another
  //    speaker takes a real turn or the holder is silent for monologue_max_silence_ms.
  {
    std::uint32_t holder = kNobody;
    Milliseconds start = 0, end = 0;
    const auto close = [&] {
      if (holder == kNobody) return;
      Milliseconds& longest = result.participants[holder].longest_monologue_ms;
      longest = std::max(longest, end - start);
    };
    for (const Span& turn : turns) {
      if (holder != kNobody) {
        if (turn.speaker == holder) {
          if (turn.start - end < options.monologue_max_silence_ms) {
            end = std::max(end, turn.end);
            continue;
          }
        } else if (is_backchannel(turn)) {
          continue;
        }
      }
      close();
      holder = turn.speaker;
      start = turn.start;
      end = turn.end;
    }
    close();
  }

  // 7. Talk and overlap by a sweep over block starts (already sorted) and ends: between two events
  //    the set of speakers is fixed. With one speaker active, the sum of active ids is that speaker.
  {
    std::vector<std::pair<Milliseconds, std::uint32_t>> ends;
    ends.reserve(blocks.size());
    for (const Span& block : blocks) {
      ends.emplace_back(block.end, block.speaker);
      result.participants[block.speaker].talk_ms += block.end - block.start;
    }
    {
      std::vector<std::pair<Milliseconds, std::uint32_t>> scratch;
      sort_by_time(
          ends, scratch, latest_end, [](const auto& e) { return e.first; }, std::less<>());
    }
    std::vector<Milliseconds> solo_ms(participant_count, 0);
    std::size_t active = 0;
    std::uint64_t active_id_sum = 0;
    std::size_t role_active[3] = {0, 0, 0};
    Milliseconds role_talk[3] = {0, 0, 0};
    Milliseconds role_overlap[3] = {0, 0, 0};
    Milliseconds previous = 0;
    std::size_t next_start = 0;
    for (std::size_t next_end = 0; next_end < ends.size();) {
      const bool is_start = next_start < blocks.size() && blocks[next_start].start <= ends[next_end].first;
      const Milliseconds now = is_start ? blocks[next_start].start : ends[next_end].first;
      if (const Milliseconds length = now - previous; length > 0 && active > 0) {
        result.talk_ms += length;
        if (active >= 2) result.overlap_ms += length;
        if (active == 1) solo_ms[active_id_sum] += length;
        for (int r = 0; r < 3; ++r) {
          if (role_active[r] == 0) continue;
          role_talk[r] += length;
          if (active > role_active[r]) role_overlap[r] += length;
        }
      }
      previous = now;
      if (is_start) {
        const std::uint32_t speaker = blocks[next_start++].speaker;
        ++active;
        active_id_sum += speaker;
        ++role_active[static_cast<int>(role_of(speaker))];
      } else {
        const std::uint32_t speaker = ends[next_end++].second;
        --active;
        active_id_sum -= speaker;
        --role_active[static_cast<int>(role_of(speaker))];
      }
    }
    for (std::size_t p = 0; p < participant_count; ++p) {
      result.participants[p].overlap_ms = result.participants[p].talk_ms - solo_ms[p];
    }
    RoleTiming* by_role[3] = {&result.seller, &result.customer, &result.other};
    for (int r = 0; r < 3; ++r) {
      by_role[r]->talk_ms = role_talk[r];
      by_role[r]->overlap_ms = role_overlap[r];
    }
  }

  // 8. Per participant and per role figures, call figures.
  result.duration_ms = std::max(call.duration_ms, latest_end);  // = Call::effective_duration_ms(), >= 0
  result.silence_ms = result.duration_ms - result.talk_ms;
  result.turns = static_cast<std::uint32_t>(turns.size());
  double participant_talk_sum = 0;
  for (const ParticipantTiming& pt : result.participants)
    participant_talk_sum += static_cast<double>(pt.talk_ms);
  for (ParticipantTiming& pt : result.participants) {
    if (participant_talk_sum > 0) pt.talk_share = static_cast<double>(pt.talk_ms) / participant_talk_sum;
    pt.words_per_minute = per_minute(static_cast<double>(pt.words), pt.talk_ms);
    pt.filler_words_per_minute = per_minute(pt.filler_words, pt.talk_ms);
    RoleTiming& role = pt.role == Role::seller     ? result.seller
                       : pt.role == Role::customer ? result.customer
                                                   : result.other;
    ++role.participants;
    role.turns += pt.turns;
    role.words += pt.words;
    role.questions += pt.questions;
    role.filler_words += pt.filler_words;
    role.longest_monologue_ms = std::max(role.longest_monologue_ms, pt.longest_monologue_ms);
    role.interruptions_made += pt.interruptions_made;
    role.interruptions_suffered += pt.interruptions_suffered;
    result.words += pt.words;
    result.questions += pt.questions;
    result.longest_monologue_ms = std::max(result.longest_monologue_ms, pt.longest_monologue_ms);
  }
  for (RoleTiming* role : {&result.seller, &result.customer, &result.other}) {
    role->words_per_minute = per_minute(static_cast<double>(role->words), role->talk_ms);
    role->filler_words_per_minute = per_minute(role->filler_words, role->talk_ms);
    role->question_rate_per_hour = per_hour(role->questions, result.duration_ms);
  }

  const double denominator =
      options.talk_ratio_denominator == TalkRatioDenominator::speech_time
          ? static_cast<double>(result.seller.talk_ms) + static_cast<double>(result.customer.talk_ms)
          : static_cast<double>(result.duration_ms);
  if (denominator > 0) {
    result.talk_ratio = static_cast<double>(result.seller.talk_ms) / denominator;
    result.listen_ratio = static_cast<double>(result.customer.talk_ms) / denominator;
  }
  result.switch_rate_per_hour = per_hour(result.switches, result.duration_ms);
  if (const auto switches_per_minute = per_minute(result.switches, result.duration_ms)) {
    result.interactivity =
        10.0 * std::min(1.0, *switches_per_minute / options.interactivity_full_scale_switches_per_minute);
  }
  if (result.pauses > 0) result.average_pause_ms = pause_sum / result.pauses;
  if (result.patience_pauses > 0) result.patience_ms = patience_sum / result.patience_pauses;

  if (participant_count >= 3 && participant_talk_sum > 0) {
    std::vector<double> talk(participant_count);
    for (std::size_t p = 0; p < participant_count; ++p)
      talk[p] = static_cast<double>(result.participants[p].talk_ms);
    result.participation_gini = gini(std::move(talk));
  }
  if (result.has_confidence) {
    result.low_confidence_ms = union_length(low_confidence);
    if (result.talk_ms > 0)
      result.low_confidence_share = static_cast<double>(result.low_confidence_ms) / result.talk_ms;
  }
  return result;
}

std::vector<NamedMetricValue> timing_metric_values(const CallTiming& t) {
  const auto ms = [](Milliseconds value) { return std::optional<double>(static_cast<double>(value)); };
  const auto count = [](std::uint64_t value) { return std::optional<double>(static_cast<double>(value)); };
  return {
      {"duration_ms", ms(t.duration_ms)},
      {"talk_ms", ms(t.talk_ms)},
      {"silence_ms", ms(t.silence_ms)},
      {"overlap_ms", ms(t.overlap_ms)},
      {"talk_ratio", t.talk_ratio},
      {"listen_ratio", t.listen_ratio},
      {"seller_talk_ms", ms(t.seller.talk_ms)},
      {"customer_talk_ms", ms(t.customer.talk_ms)},
      {"turns", count(t.turns)},
      {"switches", count(t.switches)},
      {"switch_rate_per_hour", t.switch_rate_per_hour},
      {"interactivity", t.interactivity},
      {"pauses", count(t.pauses)},
      {"average_pause_ms", t.average_pause_ms},
      {"patience_ms", t.patience_ms},
      {"longest_monologue_ms", ms(t.longest_monologue_ms)},
      {"seller_longest_monologue_ms", ms(t.seller.longest_monologue_ms)},
      {"customer_longest_monologue_ms", ms(t.customer.longest_monologue_ms)},
      {"seller_words_per_minute", t.seller.words_per_minute},
      {"customer_words_per_minute", t.customer.words_per_minute},
      {"seller_questions", count(t.seller.questions)},
      {"customer_questions", count(t.customer.questions)},
      {"seller_question_rate_per_hour", t.seller.question_rate_per_hour},
      {"customer_question_rate_per_hour", t.customer.question_rate_per_hour},
      {"interruptions", count(t.interruptions.size())},
      {"seller_interruptions", count(t.seller.interruptions_made)},
      {"customer_interruptions", count(t.customer.interruptions_made)},
      {"participation_gini", t.participation_gini},
      {"low_confidence_share", t.low_confidence_share},
  };
}

TimingAggregate aggregate_timing(std::span<const CallTiming> calls) {
  TimingAggregate aggregate;
  aggregate.calls = calls.size();
  const std::vector<NamedMetricValue> names = timing_metric_values(CallTiming{});
  std::vector<std::vector<double>> values(names.size());
  for (auto& column : values) column.reserve(calls.size());
  for (const CallTiming& call : calls) {
    const std::vector<NamedMetricValue> row = timing_metric_values(call);
    for (std::size_t m = 0; m < row.size(); ++m) {
      if (row[m].value) values[m].push_back(*row[m].value);
    }
  }
  const auto percentile = [](const std::vector<double>& sorted, double p) {
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto low = static_cast<std::size_t>(std::floor(h));
    const std::size_t high = std::min(low + 1, sorted.size() - 1);
    return sorted[low] + (h - static_cast<double>(low)) * (sorted[high] - sorted[low]);
  };
  aggregate.metrics.reserve(names.size());
  for (std::size_t m = 0; m < names.size(); ++m) {
    std::vector<double>& column = values[m];
    MetricSummary summary;
    summary.count = column.size();
    if (!column.empty()) {
      std::sort(column.begin(), column.end());
      double sum = 0;
      for (double v : column) sum += v;
      summary.mean = sum / static_cast<double>(column.size());
      summary.median = percentile(column, 0.5);
      summary.p90 = percentile(column, 0.9);
    }
    aggregate.metrics.push_back({std::string(names[m].name), summary});
  }
  return aggregate;
}

}  // namespace parley
