// Dashboard aggregates: call span and totals, mention totals, activity totals.
#include "store/sqlite_store.hpp"

#include "store/aggregates.hpp"

namespace parley::sqlite {

CallSpan SqliteStore::call_span(const Viewer& viewer, const CallFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  auto s = by_seller_and_time(filter)
               ? db_.prepare(
                     "SELECT COUNT(*), MIN(c.start_time_ms), MAX(c.start_time_ms) FROM calls c WHERE "
                     "c.seller_id IN (SELECT value FROM json_each(?1)) AND c.start_time_ms >= ?2 AND "
                     "c.start_time_ms < ?3 AND (?8 IS NULL OR c.customer_sentiment < ?8)")
               : db_.prepare(
                     "SELECT COUNT(*), MIN(c.start_time_ms), MAX(c.start_time_ms) FROM calls c "
                     "WHERE " PARLEY_CALL_FILTER);
  bind_plain_or_full(s, sellers, filter);
  CallSpan span;
  if (s.step()) span = {s.int64(0), s.optional_int64(1).value_or(0), s.optional_int64(2).value_or(0)};
  tx.commit();
  return span;
}

std::vector<CallTotals> SqliteStore::call_totals(const Viewer& viewer, const CallFilter& filter,
                                                 std::span<const std::int64_t> bucket_edges) {
  aggregates::check_bucket_edges(bucket_edges);
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
#define PARLEY_TOTALS_COLUMNS                                                                     \
  "SELECT c.seller_id, c.start_time_ms, c.duration_ms, c.talk_ratio, c.seller_words_per_minute, " \
  "c.switches, "                                                                                  \
  "c.switch_rate_per_hour, c.average_pause_ms, c.patience_ms, c.seller_longest_monologue_ms, "    \
  "c.customer_longest_monologue_ms, c.seller_question_rate_per_hour, c.customer_sentiment, "      \
  "c.customer_sentiment_label, c.keyword_mentions, c.competitor_mentions, c.brand_mentions FROM calls c "
  // Every column read is in calls_by_seller_time: the plain form is an index-only range scan.
  auto s =
      by_seller_and_time(filter)
          ? db_.prepare(PARLEY_TOTALS_COLUMNS
                        "WHERE c.seller_id IN (SELECT value FROM json_each(?1)) AND c.start_time_ms >= ?2 "
                        "AND c.start_time_ms < ?3 AND (?8 IS NULL OR c.customer_sentiment < ?8)")
          : db_.prepare(PARLEY_TOTALS_COLUMNS "WHERE " PARLEY_CALL_FILTER);
#undef PARLEY_TOTALS_COLUMNS
  bind_plain_or_full(s, sellers, filter);
  aggregates::CallTotalsBuilder builder(bucket_edges);
  aggregates::CallRow row;
  while (s.step()) {
    row.seller_id = s.text_view(0);
    row.start_ms = s.int64(1);
    row.duration_ms = s.int64(2);
    for (int i = 0; i < 10; ++i) row.metrics[i] = s.optional_real(3 + i);
    row.customer_sentiment_label = s.text_view(13);
    row.keyword_mentions = s.int64(14);
    row.competitor_mentions = s.int64(15);
    row.brand_mentions = s.int64(16);
    builder.add(row);
  }
  tx.commit();
  return builder.finish();
}

MentionSummary SqliteStore::mention_totals(const Viewer& viewer, const CallFilter& filter,
                                           std::span<const std::int64_t> bucket_edges,
                                           std::size_t recent_calls) {
  aggregates::check_bucket_edges(bucket_edges);
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  aggregates::MentionTotalsBuilder builder(bucket_edges, recent_calls, [this](std::int64_t call_key) {
    auto s = db_.prepare("SELECT id FROM calls WHERE call_key = ?1");
    s.bind(1, call_key);
    if (!s.step()) throw Error(ErrorCode::storage, "call_mentions refers to a missing call");
    return s.text(0);
  });
  // call_mentions is clustered by (seller, start, call): without other filters a team's period is
  // a contiguous range, one row per call; otherwise the filtered calls drive it through its index
  // on call_key.
  const bool plain = by_seller_and_time(filter) && !filter.customer_sentiment_below;
  auto s = plain
               ? db_.prepare(
                     "SELECT m.call_key, m.seller_id, m.start_time_ms, m.mentions FROM call_mentions m WHERE "
                     "m.seller_id IN (SELECT value FROM json_each(?1)) AND m.start_time_ms >= ?2 AND "
                     "m.start_time_ms < ?3")
               : db_.prepare(
                     "SELECT m.call_key, m.seller_id, m.start_time_ms, m.mentions FROM calls c JOIN "
                     "call_mentions m ON m.call_key = c.call_key WHERE " PARLEY_CALL_FILTER);
  if (plain) {
    s.bind(1, std::string_view(sellers)).bind(2, filter.from_ms).bind(3, filter.to_ms);
  } else {
    bind_call_filter(s, sellers, filter);
  }
  aggregates::PackedMention mention;
  while (s.step()) {
    builder.begin_call(s.int64(0), s.text_view(1), s.int64(2));
    aggregates::PackedMentionReader reader(s.blob(3));
    while (reader.next(mention)) {
      builder.add(mention.kind, mention.name, mention.role, mention.mentions,
                  mention.kind == MentionKind::brand ? mention.display_name : mention.name);
    }
  }
  MentionSummary summary = builder.finish();  // looks up the listed calls' ids, inside the read
  tx.commit();
  return summary;
}

std::vector<ActivityTotals> SqliteStore::activity_totals(const Viewer& viewer, const ActivityFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string owners = filter_sellers(viewer, filter.owner_ids, "see the activities of ");
  // Without record filters every column read is in activities_by_owner_time (index only).
  const bool plain = by_seller_and_time(filter);
  auto s =
      plain ? db_.prepare(
                  "SELECT owner_id, type, direction, COUNT(*), SUM(duration_ms) FROM activities WHERE "
                  "owner_id "
                  "IN (SELECT value FROM json_each(?1)) AND timestamp_ms >= ?2 AND timestamp_ms < ?3 GROUP "
                  "BY "
                  "owner_id, type, direction ORDER BY owner_id, type, direction")
            : db_.prepare(
                  "SELECT owner_id, type, direction, COUNT(*), SUM(duration_ms) FROM activities WHERE "
                  "owner_id "
                  "IN (SELECT value FROM json_each(?1)) AND timestamp_ms >= ?2 AND timestamp_ms < ?3 AND (?4 "
                  "IS "
                  "NULL OR account_id = ?4) AND (?5 IS NULL OR contact_id = ?5) AND (?6 IS NULL OR lead_id = "
                  "?6) AND (?7 IS NULL OR opportunity_id = ?7) GROUP BY owner_id, type, direction ORDER BY "
                  "owner_id, type, direction");
  s.bind(1, std::string_view(owners)).bind(2, filter.from_ms).bind(3, filter.to_ms);
  if (!plain) {
    s.bind_text_or_null(4, filter.account_id)
        .bind_text_or_null(5, filter.contact_id)
        .bind_text_or_null(6, filter.lead_id)
        .bind_text_or_null(7, filter.opportunity_id);
  }
  std::vector<ActivityTotals> out;
  while (s.step()) {
    out.push_back({s.text(0), static_cast<ActivityType>(s.int64(1)),
                   static_cast<ActivityDirection>(s.int64(2)), s.int64(3), s.int64(4)});
  }
  tx.commit();
  return out;
}

}  // namespace parley::sqlite
