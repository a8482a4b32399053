#pragma once
// Conversation timing metrics: talk time, talk-to-listen ratio, turns, switches, pauses,
// patience, monologues, talking speed, questions, overlap and interruptions, interactivity,
// participation equity and low-confidence share, per call, per role and per participant; and their
// aggregation over many calls. Every definition is written out in docs/metrics.md.
//
// Results depend only on the multiset of segments: the order segments arrive in, splitting a
// segment into two adjacent pieces, and shifting every time by a constant never change them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley {

// What talk_ratio and listen_ratio divide by.
enum class TalkRatioDenominator : std::uint8_t {
  speech_time,    // seller talk + customer talk: talk + listen = 1 (the default)
  call_duration,  // Call::effective_duration_ms(), silence included: talk + listen <= 1 without cross-talk
};

// Every threshold of the timing metrics, with its default. All durations are in milliseconds and
// must be >= 0; compute_timing validates the options first.
struct TimingOptions {
  // A speaker's speech separated by a silence shorter than this, with nobody else speaking in the
  // gap, stays one turn.
  Milliseconds turn_merge_gap_ms = 1000;
  // A turn shorter than this (end - start) is a backchannel ("uh-huh", "right"): it never ends
  // another speaker's monologue and is never an interruption.
  Milliseconds backchannel_max_ms = 2000;
  // A monologue ends when its speaker stays silent this long (backchannels of others do not count
  // as the floor being taken; silence does).
  Milliseconds monologue_max_silence_ms = 5000;
  // Whether seller<->customer changes through a backchannel turn count as switches. true: every
  // change of role between consecutive turns counts; false: backchannel turns are skipped first.
  bool backchannels_count_as_switches = true;
  TalkRatioDenominator talk_ratio_denominator = TalkRatioDenominator::speech_time;
  // Speech whose confidence (segment, else word) is below this counts as low-confidence.
  double low_confidence_threshold = 0.5;
  // Switches per minute at which interactivity reaches 10: interactivity = 10 * min(1, spm / this).
  double interactivity_full_scale_switches_per_minute = 6.0;

  // Throws Error(invalid_argument) naming the field, its value and the allowed range
  // ("TimingOptions.turn_merge_gap_ms = -1: must be >= 0"); `where` names this struct in the message.
  void validate(std::string_view where = "TimingOptions") const;
};

// Words, questions and filler words of one segment, as the text pipeline and the signals count them
// (CallSignals::questions_per_segment, fillers_per_segment).
struct SegmentTextCounts {
  std::uint32_t words = 0;
  std::uint32_t questions = 0;
  std::uint32_t filler_words = 0;
};

// Figures of one participant. Optional figures are undefined on this call (e.g. no talk time).
struct ParticipantTiming {
  std::uint32_t participant = 0;  // index into Call::participants
  std::string participant_id;     // Call::participants[participant].id
  Role role = Role::other;
  Milliseconds talk_ms = 0;          // union of the participant's segments
  std::optional<double> talk_share;  // talk_ms / sum of every participant's talk_ms
  std::uint32_t turns = 0;
  std::uint64_t words = 0;
  std::optional<double> words_per_minute;  // words / talk minutes
  std::uint32_t questions = 0;
  std::uint32_t filler_words = 0;
  std::optional<double> filler_words_per_minute;  // filler_words / talk minutes
  Milliseconds longest_monologue_ms = 0;
  Milliseconds overlap_ms = 0;  // time this participant spoke while any other participant spoke
  std::uint32_t interruptions_made = 0;
  std::uint32_t interruptions_suffered = 0;
};

// Figures of one role (seller, customer, other): the union of its participants.
struct RoleTiming {
  std::uint32_t participants = 0;  // participants with this role
  Milliseconds talk_ms = 0;        // union of the role's segments (two sellers at once count once)
  std::uint32_t turns = 0;
  std::uint64_t words = 0;
  std::optional<double> words_per_minute;  // words / role talk minutes
  std::uint32_t questions = 0;
  std::optional<double> question_rate_per_hour;  // questions / call hours
  std::uint32_t filler_words = 0;
  std::optional<double> filler_words_per_minute;  // filler_words / role talk minutes
  Milliseconds longest_monologue_ms = 0;          // longest of its participants' monologues
  Milliseconds overlap_ms = 0;  // time the role spoke while a participant of another role spoke
  std::uint32_t interruptions_made = 0;
  std::uint32_t interruptions_suffered = 0;
};

// A turn started while another participant's turn was still running; backchannels excluded.
struct Interruption {
  std::uint32_t interrupter = 0;  // participant index
  std::uint32_t interrupted = 0;  // participant index
  Milliseconds at_ms = 0;         // start of the interrupting turn
};

struct CallTiming {
  Milliseconds duration_ms = 0;  // Call::effective_duration_ms()
  Milliseconds talk_ms = 0;      // union of all segments
  Milliseconds silence_ms = 0;   // duration_ms - talk_ms
  Milliseconds overlap_ms = 0;   // time two or more participants spoke at once
  TalkRatioDenominator talk_ratio_denominator = TalkRatioDenominator::speech_time;
  std::optional<double> talk_ratio;    // seller talk / denominator
  std::optional<double> listen_ratio;  // customer talk / denominator
  std::uint32_t turns = 0;
  std::uint32_t switches = 0;                  // seller<->customer changes between turns
  std::optional<double> switch_rate_per_hour;  // switches / call hours
  std::optional<double> interactivity;         // 0..10 from switches per minute
  std::uint32_t pauses = 0;                    // hand-overs measured (overlaps count as 0 ms)
  std::optional<double> average_pause_ms;
  std::uint32_t patience_pauses = 0;      // customer -> seller hand-overs
  std::optional<double> patience_ms;      // mean pause before those seller turns
  Milliseconds longest_monologue_ms = 0;  // any participant
  std::uint64_t words = 0;
  std::uint32_t questions = 0;
  std::optional<double> participation_gini;    // 0 = equal talk; only for calls of 3+ participants
  bool has_confidence = false;                 // some segment or word carries a confidence
  Milliseconds low_confidence_ms = 0;          // talk time below options.low_confidence_threshold
  std::optional<double> low_confidence_share;  // low_confidence_ms / talk_ms, when has_confidence
  RoleTiming seller, customer, other;
  std::vector<ParticipantTiming> participants;  // one per Call::participants entry, same order
  std::vector<Interruption> interruptions;      // in time order
};

// Computes every timing metric of a call. `text_counts`, when not empty, holds the words, questions
// and filler words of each segment (index-aligned with call.segments; Error(invalid_argument) if its
// size differs); when empty a built-in count is used: whitespace-separated tokens holding a letter,
// digit or non-ASCII character are words, each run of ? ! ？ ！ ؟ holding a question mark is one
// question, and no filler words are counted (they need the signals' per-language lists). Throws
// Error(invalid_argument) for an unknown speaker, a negative start or an end before the start, naming the
// segment.
CallTiming compute_timing(const Call& call, const TimingOptions& options = {},
                          std::span<const SegmentTextCounts> text_counts = {});

// One named per-call figure; value is empty where the metric is undefined on that call.
struct NamedMetricValue {
  std::string_view name;  // static storage
  std::optional<double> value;
};

// Every aggregatable figure of a call, in a fixed order with stable snake_case names
// (docs/metrics.md lists them).
std::vector<NamedMetricValue> timing_metric_values(const CallTiming& timing);

// Distribution of one metric over calls. Percentiles interpolate linearly between closest ranks:
// for sorted values x[0..n-1], p-th percentile = x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] -
// x[floor(h)]) with h = (n - 1) * p. When count == 0 the other fields are 0 and meaningless.
struct MetricSummary {
  std::size_t count = 0;  // calls on which the metric is defined
  double mean = 0;
  double median = 0;
  double p90 = 0;
};

struct NamedMetricSummary {
  std::string name;
  MetricSummary summary;
};

struct TimingAggregate {
  std::size_t calls = 0;                    // calls aggregated
  std::vector<NamedMetricSummary> metrics;  // in timing_metric_values order
};

// Summary per metric over calls; calls where a metric is undefined are left out of its count.
TimingAggregate aggregate_timing(std::span<const CallTiming> calls);

// JSON documents (snake_case fields, durations in ms, ratios 0..1, undefined figures as null).
std::string to_json(const CallTiming& timing);
std::string to_json(const TimingAggregate& aggregate);

}  // namespace parley
