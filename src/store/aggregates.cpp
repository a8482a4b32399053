#include "store/aggregates.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "parley/error.hpp"

namespace parley::aggregates {

void check_bucket_edges(std::span<const std::int64_t> edges) {
  if (edges.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw Error(ErrorCode::limit_exceeded,
                "bucket_edges: " + std::to_string(edges.size()) + " edges are too many");
  }
  for (std::size_t i = 1; i < edges.size(); ++i) {
    if (edges[i] <= edges[i - 1]) {
      throw Error(ErrorCode::invalid_argument,
                  "bucket_edges: edge " + std::to_string(i) + " (" + std::to_string(edges[i]) +
                      ") is not after edge " + std::to_string(i - 1) + " (" + std::to_string(edges[i - 1]) +
                      "); edges must ascend strictly");
    }
  }
}

std::int32_t bucket_of(std::span<const std::int64_t> edges, std::int64_t instant_ms) {
  if (edges.size() < 2 || instant_ms < edges.front() || instant_ms >= edges.back()) return -1;
  const auto after = std::upper_bound(edges.begin(), edges.end(), instant_ms);
  return static_cast<std::int32_t>(after - edges.begin() - 1);
}

// ------------------------------------------------------------------------------------ calls

void CallTotalsBuilder::add(const CallRow& row) {
  const std::int32_t bucket = bucket_of(edges_, row.start_ms);
  // Rows mostly arrive seller by seller in time order: the previous group usually matches.
  if (last_ >= groups_.size() || groups_[last_].bucket != bucket ||
      groups_[last_].seller_id != row.seller_id) {
    auto found = by_seller_.find(row.seller_id);
    if (found == by_seller_.end())
      found = by_seller_.emplace(std::string(row.seller_id), std::vector<std::size_t>{}).first;
    last_ = groups_.size();
    for (std::size_t index : found->second) {
      if (groups_[index].bucket == bucket) last_ = index;
    }
    if (last_ == groups_.size()) {
      CallTotals group;
      group.seller_id = std::string(row.seller_id);
      group.bucket = bucket;
      group.first_start_ms = row.start_ms;
      group.last_start_ms = row.start_ms;
      groups_.push_back(std::move(group));
      found->second.push_back(last_);
    }
  }
  CallTotals& g = groups_[last_];
  ++g.calls;
  g.duration_ms += row.duration_ms;
  g.first_start_ms = std::min(g.first_start_ms, row.start_ms);
  g.last_start_ms = std::max(g.last_start_ms, row.start_ms);
  MetricTotal* metrics[10] = {&g.talk_ratio,
                              &g.seller_words_per_minute,
                              &g.switches,
                              &g.switch_rate_per_hour,
                              &g.average_pause_ms,
                              &g.patience_ms,
                              &g.seller_longest_monologue_ms,
                              &g.customer_longest_monologue_ms,
                              &g.seller_question_rate_per_hour,
                              &g.customer_sentiment};
  for (int i = 0; i < 10; ++i) {
    if (row.metrics[i]) {
      metrics[i]->sum += *row.metrics[i];
      ++metrics[i]->count;
    }
  }
  if (row.customer_sentiment_label == "positive")
    ++g.positive_calls;
  else if (row.customer_sentiment_label == "negative")
    ++g.negative_calls;
  else if (!row.customer_sentiment_label.empty())
    ++g.neutral_calls;
  g.calls_with_keywords += row.keyword_mentions > 0 ? 1 : 0;
  g.calls_with_competitors += row.competitor_mentions > 0 ? 1 : 0;
  g.calls_with_brands += row.brand_mentions > 0 ? 1 : 0;
  g.calls_with_competitors_or_brands += row.competitor_mentions > 0 || row.brand_mentions > 0 ? 1 : 0;
}

std::vector<CallTotals> CallTotalsBuilder::finish() {
  std::sort(groups_.begin(), groups_.end(), [](const CallTotals& a, const CallTotals& b) {
    return a.seller_id != b.seller_id ? a.seller_id < b.seller_id : a.bucket < b.bucket;
  });
  by_seller_.clear();
  last_ = static_cast<std::size_t>(-1);
  return std::move(groups_);
}

// ------------------------------------------------------------------------------------ mentions

namespace {

constexpr std::uint8_t packed_no_role = 3;

void put_u32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void put_text(std::string& out, std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Error(ErrorCode::limit_exceeded, "a mention's name is longer than 4 GiB");
  }
  put_u32(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

}  // namespace

std::string pack_call_mentions(std::span<const TermHitRecord> hits,
                               std::span<const BrandMentionRecord> brands) {
  struct Count {
    const TermHitRecord* first;
    std::uint32_t mentions;
  };
  std::vector<Count> counts;  // a call has few distinct terms: a linear search beats a map
  for (const auto& hit : hits) {
    auto same = [&](const Count& c) {
      return c.first->kind == hit.kind && c.first->role == hit.role && c.first->term == hit.term;
    };
    auto found = std::find_if(counts.begin(), counts.end(), same);
    if (found == counts.end()) {
      counts.push_back({&hit, 1});
    } else {
      ++found->mentions;
    }
  }
  std::string out;
  for (const auto& count : counts) {
    out.push_back(static_cast<char>(mention_kind_of(count.first->kind)));
    out.push_back(static_cast<char>(count.first->role));
    put_u32(out, count.mentions);
    put_text(out, count.first->term);
    put_u32(out, 0);
  }
  for (const auto& brand : brands) {
    out.push_back(static_cast<char>(MentionKind::brand));
    out.push_back(static_cast<char>(packed_no_role));
    put_u32(out, static_cast<std::uint32_t>(brand.count));  // 1..10^9, checked at ingestion
    put_text(out, brand.normalized_name);
    put_text(out, brand.display_name);
  }
  return out;
}

std::uint32_t PackedMentionReader::u32() {
  const std::string_view raw = bytes(4);
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i)
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(raw[i])) << (8 * i);
  return value;
}

std::string_view PackedMentionReader::bytes(std::uint32_t size) {
  if (size > packed_.size() - at_)
    throw Error(ErrorCode::storage, "corrupt call_mentions row: truncated entry");
  const std::string_view out = packed_.substr(at_, size);
  at_ += size;
  return out;
}

bool PackedMentionReader::next(PackedMention& out) {
  if (at_ == packed_.size()) return false;
  const std::string_view head = bytes(2);
  const auto kind = static_cast<std::uint8_t>(head[0]);
  const auto role = static_cast<std::uint8_t>(head[1]);
  if (kind > static_cast<std::uint8_t>(MentionKind::brand) || role > packed_no_role) {
    throw Error(ErrorCode::storage,
                "corrupt call_mentions row: kind " + std::to_string(kind) + ", role " + std::to_string(role));
  }
  out.kind = static_cast<MentionKind>(kind);
  out.role = role == packed_no_role ? std::nullopt : std::optional<Role>(static_cast<Role>(role));
  out.mentions = u32();
  out.name = bytes(u32());
  out.display_name = bytes(u32());
  return true;
}

void MentionTotalsBuilder::begin_call(std::int64_t call_key, std::string_view seller_id,
                                      std::int64_t start_ms) {
  auto seller = seller_index_.find(seller_id);
  if (seller == seller_index_.end()) {
    seller = seller_index_.emplace(std::string(seller_id), static_cast<std::uint32_t>(sellers_.size())).first;
    sellers_.emplace_back(seller_id);
  }
  calls_.push_back({call_key, start_ms, seller->second, bucket_of(edges_, start_ms), std::nullopt});
}

const std::string& MentionTotalsBuilder::id_of(std::uint32_t call) {
  CallInfo& info = calls_[call];
  if (!info.id) info.id = call_id_(info.key);
  return *info.id;
}

bool MentionTotalsBuilder::newer(std::uint32_t a, std::uint32_t b) {
  if (calls_[a].start_ms != calls_[b].start_ms) return calls_[a].start_ms > calls_[b].start_ms;
  return id_of(a) < id_of(b);
}

bool MentionTotalsBuilder::earlier(std::uint32_t a, std::uint32_t b) {
  if (calls_[a].start_ms != calls_[b].start_ms) return calls_[a].start_ms < calls_[b].start_ms;
  return id_of(a) < id_of(b);
}

void MentionTotalsBuilder::offer_recent(Subject& subject, std::uint32_t call) {
  if (recent_limit_ == 0) return;
  auto& recent = subject.recent;
  if (recent.size() >= recent_limit_ && !newer(call, recent.back())) return;
  const auto at = std::upper_bound(recent.begin(), recent.end(), call,
                                   [this](std::uint32_t a, std::uint32_t b) { return newer(a, b); });
  recent.insert(at, call);
  if (recent.size() > recent_limit_) recent.pop_back();
}

void MentionTotalsBuilder::add(MentionKind kind, std::string_view name, std::optional<Role> role,
                               std::int64_t mentions, std::string_view display_name) {
  if (calls_.empty()) throw Error(ErrorCode::internal, "mention totals: a mention before its call");
  const auto call = static_cast<std::uint32_t>(calls_.size() - 1);
  // Copies: id_of() may be called below, and calls_ does not grow during add().
  const std::uint32_t seller = calls_[call].seller;
  const std::int32_t bucket = calls_[call].bucket;
  const std::size_t slot =
      static_cast<std::size_t>(kind) * 4 + (role ? static_cast<std::size_t>(*role) + 1 : 0);
  auto& names = subject_index_[slot];  // kind <= 2 and role <= 2: callers pass enum values
  auto found = names.find(name);
  if (found == names.end()) {
    found = names.emplace(std::string(name), static_cast<std::uint32_t>(subjects_.size())).first;
    subjects_.push_back(
        {kind, std::string(name), role, std::string(display_name), call, static_cast<std::uint32_t>(-1), {}});
  }
  const std::uint32_t subject_id = found->second;
  Subject& subject = subjects_[subject_id];
  const bool first_in_call = subject.last_call != call;
  if (first_in_call) {
    subject.last_call = call;
    if (bucket >= 0) offer_recent(subject, call);
    // The display name is the one of the earliest call (then smallest id).
    if (display_name != subject.display_name && earlier(call, subject.display_call)) {
      subject.display_call = call;
      subject.display_name = std::string(display_name);
    }
  }
  const CellKey key{subject_id, seller, bucket};
  auto cell = cell_index_.find(key);
  if (cell == cell_index_.end()) {
    cell = cell_index_.emplace(key, static_cast<std::uint32_t>(cells_.size())).first;
    cells_.push_back({subject_id, seller, bucket});
  }
  Cell& c = cells_[cell->second];
  c.mentions += mentions;
  if (c.last_call != call) {
    c.last_call = call;
    ++c.calls;
  }
}

MentionSummary MentionTotalsBuilder::finish() {
  std::vector<std::uint32_t> subject_order(subjects_.size());
  std::iota(subject_order.begin(), subject_order.end(), 0U);
  std::sort(subject_order.begin(), subject_order.end(), [this](std::uint32_t a, std::uint32_t b) {
    const Subject& x = subjects_[a];
    const Subject& y = subjects_[b];
    if (x.kind != y.kind) return x.kind < y.kind;
    if (x.name != y.name) return x.name < y.name;
    return x.role < y.role;  // absent first
  });
  std::vector<std::uint32_t> subject_rank(subjects_.size());
  for (std::uint32_t i = 0; i < subject_order.size(); ++i) subject_rank[subject_order[i]] = i;
  std::vector<std::uint32_t> seller_order(sellers_.size());
  std::iota(seller_order.begin(), seller_order.end(), 0U);
  std::sort(seller_order.begin(), seller_order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return sellers_[a] < sellers_[b]; });
  std::vector<std::uint32_t> seller_rank(sellers_.size());
  for (std::uint32_t i = 0; i < seller_order.size(); ++i) seller_rank[seller_order[i]] = i;

  std::sort(cells_.begin(), cells_.end(), [&](const Cell& a, const Cell& b) {
    if (a.subject != b.subject) return subject_rank[a.subject] < subject_rank[b.subject];
    if (a.seller != b.seller) return seller_rank[a.seller] < seller_rank[b.seller];
    return a.bucket < b.bucket;
  });
  MentionSummary summary;
  summary.totals.reserve(cells_.size());
  for (const Cell& cell : cells_) {
    const Subject& subject = subjects_[cell.subject];
    summary.totals.push_back({subject.kind, subject.name, subject.role, sellers_[cell.seller], cell.bucket,
                              cell.mentions, cell.calls});
  }
  summary.subjects.reserve(subjects_.size());
  for (std::uint32_t index : subject_order) {
    Subject& subject = subjects_[index];
    MentionSubject out{
        subject.kind, std::move(subject.name), subject.role, std::move(subject.display_name), {}};
    for (std::uint32_t call : subject.recent) out.recent_call_ids.push_back(id_of(call));
    summary.subjects.push_back(std::move(out));
  }
  return summary;
}

}  // namespace parley::aggregates
