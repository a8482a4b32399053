#pragma once
// The grouping behind Store's dashboard aggregates (call_totals, mention_totals), kept apart from
// SQL so that a row stream from any database can feed it. Rows are aggregated while they are read:
// nothing per row outlives its step.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/store.hpp"

namespace parley::aggregates {

// Throws invalid_argument unless the edges ascend strictly (and fit a 32-bit bucket index).
void check_bucket_edges(std::span<const std::int64_t> edges);
// The bucket of an instant: j with edges[j] <= t < edges[j + 1], else -1.
std::int32_t bucket_of(std::span<const std::int64_t> edges, std::int64_t instant_ms);

// Transparent string hashing, so that lookups by string_view do not build a std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Per-call columns of call_totals, read by the adapter from one call row.
struct CallRow {
  std::string_view seller_id;
  std::int64_t start_ms = 0;
  std::int64_t duration_ms = 0;
  // talk_ratio, seller_words_per_minute, switches, switch_rate_per_hour, average_pause_ms,
  // patience_ms, seller_longest_monologue_ms, customer_longest_monologue_ms, seller_question_rate_per_hour,
  // customer_sentiment: the order of CallTotals' MetricTotal members.
  std::optional<double> metrics[10];
  std::string_view customer_sentiment_label;
  std::int64_t keyword_mentions = 0, competitor_mentions = 0, brand_mentions = 0;
};

class CallTotalsBuilder {
 public:
  explicit CallTotalsBuilder(std::span<const std::int64_t> bucket_edges) : edges_(bucket_edges) {}
  void add(const CallRow& row);
  // Ordered by seller id, then bucket.
  std::vector<CallTotals> finish();

 private:
  std::span<const std::int64_t> edges_;
  std::vector<CallTotals> groups_;
  StringMap<std::vector<std::size_t>> by_seller_;  // seller -> indexes into groups_
  std::size_t last_ = static_cast<std::size_t>(-1);
};

// One call's mentions in call_mentions.mentions (schema 2), packed so that a team's period is one
// row per call rather than one per mention. Per entry, little-endian: u8 kind (MentionKind),
// u8 role (Role; 3 = none, for brands), u32 mentions, u32 name length, name bytes, u32 display
// name length, display name bytes (brands only; 0 for terms).
struct PackedMention {
  MentionKind kind = MentionKind::keyword;
  std::optional<Role> role;
  std::int64_t mentions = 0;
  std::string_view name;
  std::string_view display_name;  // empty for terms
};
// Hits counted per (kind, term, role) in first-hit order, then the brands. Empty: no mentions.
std::string pack_call_mentions(std::span<const TermHitRecord> hits,
                               std::span<const BrandMentionRecord> brands);

// Reads packed mentions in order; throws ErrorCode::storage on a malformed blob.
class PackedMentionReader {
 public:
  explicit PackedMentionReader(std::string_view packed) : packed_(packed) {}
  bool next(PackedMention& out);

 private:
  std::uint32_t u32();
  std::string_view bytes(std::uint32_t size);
  std::string_view packed_;
  std::size_t at_ = 0;
};

// Groups mentions by (kind, name, role, seller, bucket) and keeps the newest calls of each
// (kind, name, role). The rows of one call must arrive together, after begin_call. Call ids are
// looked up only where needed (ties on start time, and the calls finally listed).
class MentionTotalsBuilder {
 public:
  using CallIdLookup = std::function<std::string(std::int64_t call_key)>;
  MentionTotalsBuilder(std::span<const std::int64_t> bucket_edges, std::size_t recent_calls,
                       CallIdLookup call_id)
      : edges_(bucket_edges), recent_limit_(recent_calls), call_id_(std::move(call_id)) {}
  void begin_call(std::int64_t call_key, std::string_view seller_id, std::int64_t start_ms);
  void add(MentionKind kind, std::string_view name, std::optional<Role> role, std::int64_t mentions,
           std::string_view display_name);
  MentionSummary finish();

 private:
  struct CallInfo {
    std::int64_t key;
    std::int64_t start_ms;
    std::uint32_t seller;
    std::int32_t bucket;
    std::optional<std::string> id;  // looked up on first need
  };
  struct Subject {
    MentionKind kind;
    std::string name;
    std::optional<Role> role;
    std::string display_name;
    std::uint32_t display_call = 0;
    std::uint32_t last_call = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> recent;  // call indexes, newest first
  };
  struct Cell {
    std::uint32_t subject;
    std::uint32_t seller;
    std::int32_t bucket;
    std::int64_t mentions = 0;
    std::int64_t calls = 0;
    std::uint32_t last_call = static_cast<std::uint32_t>(-1);
  };
  const std::string& id_of(std::uint32_t call);
  // Is call a more recent than call b (newer start, then smaller id)?
  bool newer(std::uint32_t a, std::uint32_t b);
  // Is call a earlier than call b (older start, then smaller id)?
  bool earlier(std::uint32_t a, std::uint32_t b);
  void offer_recent(Subject& subject, std::uint32_t call);

  std::span<const std::int64_t> edges_;
  std::size_t recent_limit_;
  CallIdLookup call_id_;
  std::vector<CallInfo> calls_;
  std::vector<std::string> sellers_;
  StringMap<std::uint32_t> seller_index_;
  std::vector<Subject> subjects_;
  // One name map per (kind, role) slot: 3 kinds x (no role + 3 roles).
  StringMap<std::uint32_t> subject_index_[12];
  std::vector<Cell> cells_;
  struct CellKey {
    std::uint32_t subject, seller;
    std::int32_t bucket;
    bool operator==(const CellKey&) const = default;
  };
  struct CellKeyHash {
    std::size_t operator()(const CellKey& key) const noexcept {
      std::uint64_t h = key.subject;
      h = h * 0x9E3779B97F4A7C15ULL + key.seller;
      h = h * 0x9E3779B97F4A7C15ULL + static_cast<std::uint32_t>(key.bucket);
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  std::unordered_map<CellKey, std::uint32_t, CellKeyHash> cell_index_;
};

}  // namespace parley::aggregates
