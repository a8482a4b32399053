// Reading calls: one call whole, summaries, term hits and counts, brands.
#include "store/sqlite_store.hpp"

#include <algorithm>
#include <limits>

#include "store/word_timings.hpp"

namespace parley::sqlite {

namespace {

CallSummary read_summary(const Statement& s) {
  CallSummary out;
  out.id = s.text(0);
  out.start_time_ms = s.int64(1);
  out.duration_ms = s.int64(2);
  out.language = s.text(3);
  out.seller_id = s.text(4);
  out.account_id = s.text(5);
  out.contact_id = s.text(6);
  out.lead_id = s.text(7);
  out.opportunity_id = s.text(8);
  out.segment_count = s.int64(9);
  out.participant_count = s.int64(10);
  auto& m = out.metrics;
  m.talk_ratio = s.optional_real(11);
  m.seller_talk_ms = s.int64(12);
  m.customer_talk_ms = s.int64(13);
  m.switches = s.int64(14);
  m.switch_rate_per_hour = s.optional_real(15);
  m.average_pause_ms = s.optional_real(16);
  m.patience_ms = s.optional_real(17);
  m.seller_longest_monologue_ms = s.int64(18);
  m.customer_longest_monologue_ms = s.int64(19);
  m.seller_words_per_minute = s.optional_real(20);
  m.customer_words_per_minute = s.optional_real(21);
  m.seller_questions = s.int64(22);
  m.customer_questions = s.int64(23);
  m.seller_question_rate_per_hour = s.optional_real(24);
  m.interactivity = s.optional_real(25);
  m.interruptions = s.int64(26);
  m.seller_filler_words_per_minute = s.optional_real(27);
  out.customer_sentiment.score = s.optional_real(28);
  out.customer_sentiment.label = s.text(29);
  out.seller_sentiment.score = s.optional_real(30);
  out.seller_sentiment.label = s.text(31);
  out.keyword_mentions = s.int64(34);
  out.competitor_mentions = s.int64(35);
  out.brand_mentions = s.int64(36);
  return out;
}

}  // namespace

void bind_call_filter(Statement& s, const std::string& sellers, const CallFilter& filter) {
  s.bind(1, std::string_view(sellers)).bind(2, filter.from_ms).bind(3, filter.to_ms);
  s.bind_text_or_null(4, filter.account_id)
      .bind_text_or_null(5, filter.contact_id)
      .bind_text_or_null(6, filter.lead_id)
      .bind_text_or_null(7, filter.opportunity_id);
  s.bind(8, filter.customer_sentiment_below);
}

void bind_plain_or_full(Statement& s, const std::string& sellers, const CallFilter& filter) {
  if (by_seller_and_time(filter)) {
    s.bind(1, std::string_view(sellers)).bind(2, filter.from_ms).bind(3, filter.to_ms);
    s.bind(8, filter.customer_sentiment_below);
  } else {
    bind_call_filter(s, sellers, filter);
  }
}

CallWithAnalysis SqliteStore::load_call(const Viewer& viewer, std::string_view call_id) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  CallWithAnalysis out;
  std::int64_t key = 0;
  {
    auto s = db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE c.id = ?1");
    s.bind(1, call_id);
    const bool exists = s.step();
    if (!exists || !scope.contains(s.text_view(4))) {
      refuse(viewer, scope, exists, "see call " + in_quotes(call_id), "call " + in_quotes(call_id));
    }
    CallSummary summary = read_summary(s);
    key = s.int64(32);
    out.analysis.translation_language = s.text(33);
    Call& call = out.call;
    call.id = summary.id;
    call.start_time_ms = summary.start_time_ms;
    call.duration_ms = summary.duration_ms;
    call.language = summary.language;
    call.owner_seller_id = summary.seller_id;
    call.account_id = summary.account_id;
    call.contact_id = summary.contact_id;
    call.lead_id = summary.lead_id;
    call.opportunity_id = summary.opportunity_id;
    out.analysis.metrics = summary.metrics;
    out.analysis.customer_sentiment = summary.customer_sentiment;
    out.analysis.seller_sentiment = summary.seller_sentiment;
    call.segments.reserve(static_cast<std::size_t>(summary.segment_count));
  }
  Call& call = out.call;
  CallAnalysisRecord& analysis = out.analysis;
  {
    auto s = db_.prepare(
        "SELECT speaker_id, display_name, role, crm_id FROM participants WHERE call_key = ?1 ORDER BY idx");
    s.bind(1, key);
    while (s.step()) {
      call.participants.push_back({s.text(0), s.text(1), static_cast<Role>(s.int64(2)), s.text(3)});
    }
  }
  bool any_translation = false;
  std::vector<std::string> translations;
  {
    auto s = db_.prepare(
        "SELECT speaker, start_ms, end_ms, text, confidence, words, translation FROM segments "
        "WHERE call_key = ?1 ORDER BY idx");
    s.bind(1, key);
    while (s.step()) {
      Segment segment;
      segment.speaker = static_cast<std::uint32_t>(s.int64(0));
      segment.start_ms = s.int64(1);
      segment.end_ms = s.int64(2);
      segment.text = s.text(3);
      segment.confidence = s.optional_real(4);
      if (!s.is_null(5)) segment.words = decode_words(s.blob(5));
      translations.push_back(s.text(6));
      any_translation = any_translation || !s.is_null(6);
      call.segments.push_back(std::move(segment));
    }
  }
  if (any_translation) analysis.segment_translations = std::move(translations);
  {
    auto s = db_.prepare("SELECT name, value FROM call_metrics WHERE call_key = ?1 ORDER BY name");
    s.bind(1, key);
    while (s.step()) analysis.extra_metrics.emplace_back(s.text(0), s.real(1));
  }
  {
    auto s = db_.prepare(
        "SELECT term, kind, role, segment_index, offset_ms FROM term_hits WHERE call_key = ?1 ORDER BY "
        "idx");
    s.bind(1, key);
    while (s.step()) {
      analysis.term_hits.push_back({s.text(0), static_cast<TermKind>(s.int64(1)),
                                    static_cast<Role>(s.int64(2)), static_cast<std::uint32_t>(s.int64(3)),
                                    s.int64(4)});
    }
  }
  {
    auto s = db_.prepare(
        "SELECT normalized_name, display_name, count FROM brand_mentions WHERE call_key = ?1 "
        "ORDER BY normalized_name");
    s.bind(1, key);
    while (s.step()) analysis.brands.push_back({s.text(0), s.text(1), s.int64(2)});
  }
  {
    auto s = db_.prepare(
        "SELECT amount, currency, text, segment_index, offset_ms FROM price_mentions WHERE "
        "call_key = ?1 ORDER BY idx");
    s.bind(1, key);
    while (s.step()) {
      analysis.prices.push_back(
          {s.real(0), s.text(1), s.text(2), static_cast<std::uint32_t>(s.int64(3)), s.int64(4)});
    }
  }
  {
    auto s = db_.prepare("SELECT segment_index, text FROM action_items WHERE call_key = ?1 ORDER BY idx");
    s.bind(1, key);
    while (s.step()) {
      analysis.action_items.push_back({static_cast<std::uint32_t>(s.int64(0)), s.text(1)});
    }
  }
  tx.commit();
  return out;
}

std::vector<CallSummary> SqliteStore::call_summaries(const Viewer& viewer, const CallFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  std::vector<CallSummary> out;
  const bool by_sentiment = filter.order == CallOrder::most_negative_first;
  if (filter.limit != 0 && by_sentiment && most_negative_calls(sellers, filter, out)) {
    tx.commit();
    return out;
  }
  if (filter.limit != 0) {
    auto s = by_sentiment
                 ? db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE " PARLEY_CALL_FILTER
                               " ORDER BY c.customer_sentiment IS NULL, c.customer_sentiment, c.id "
                               "LIMIT ?9")
                 : db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE " PARLEY_CALL_FILTER
                               " ORDER BY c.start_time_ms DESC, c.id LIMIT ?9");
    bind_call_filter(s, sellers, filter);
    s.bind(9, static_cast<std::int64_t>(
                  std::min<std::size_t>(filter.limit, std::numeric_limits<std::int64_t>::max())));
    while (s.step()) out.push_back(read_summary(s));
  } else {
    // Without a limit, sort here: SQLite's sorter would carry every column of every row (a
    // team's month is tens of thousands), which cost three times the read itself.
    auto s = db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE " PARLEY_CALL_FILTER);
    bind_call_filter(s, sellers, filter);
    std::vector<CallSummary> rows;
    while (s.step()) rows.push_back(read_summary(s));
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&rows, by_sentiment](std::size_t a, std::size_t b) {
      const CallSummary& x = rows[a];
      const CallSummary& y = rows[b];
      if (by_sentiment) {
        const auto& sx = x.customer_sentiment.score;
        const auto& sy = y.customer_sentiment.score;
        if (sx.has_value() != sy.has_value()) return sx.has_value();
        if (sx && *sx != *sy) return *sx < *sy;
        return x.id < y.id;
      }
      return x.start_time_ms != y.start_time_ms ? x.start_time_ms > y.start_time_ms : x.id < y.id;
    });
    out.reserve(rows.size());
    for (std::size_t i : order) out.push_back(std::move(rows[i]));
  }
  tx.commit();
  return out;
}

// The `limit` most negative calls, reading scores from the index first and only the winners'
// rows (SQLite's top-N sort would look up every candidate's row). False when fewer calls have a
// score than the limit asks for (calls without one then fill the list: the caller's SQL does it).
bool SqliteStore::most_negative_calls(const std::string& sellers, const CallFilter& filter,
                                      std::vector<CallSummary>& out) {
  auto s = by_seller_and_time(filter)
               ? db_.prepare(
                     "SELECT c.call_key, c.customer_sentiment FROM calls c WHERE c.seller_id IN (SELECT "
                     "value FROM json_each(?1)) AND c.start_time_ms >= ?2 AND c.start_time_ms < ?3 AND "
                     "(?8 IS NULL OR c.customer_sentiment < ?8) AND c.customer_sentiment IS NOT NULL")
               : db_.prepare("SELECT c.call_key, c.customer_sentiment FROM calls c WHERE " PARLEY_CALL_FILTER
                             " AND c.customer_sentiment IS NOT NULL");
  bind_plain_or_full(s, sellers, filter);
  std::vector<std::pair<double, std::int64_t>> scored;
  while (s.step()) scored.emplace_back(s.real(1), s.int64(0));
  if (scored.size() < filter.limit) return false;
  const auto nth = scored.begin() + static_cast<std::ptrdiff_t>(filter.limit - 1);
  std::nth_element(scored.begin(), nth, scored.end());
  const double cutoff = nth->first;  // every call at or below it may be listed (ties go by id)
  auto row = db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE c.call_key = ?1");
  for (const auto& [score, key] : scored) {
    if (score > cutoff) continue;
    row.bind(1, key);
    if (row.step()) out.push_back(read_summary(row));
    row.reset();
  }
  std::sort(out.begin(), out.end(), [](const CallSummary& a, const CallSummary& b) {
    const double x = *a.customer_sentiment.score, y = *b.customer_sentiment.score;
    return x != y ? x < y : a.id < b.id;
  });
  if (out.size() > filter.limit) out.resize(filter.limit);
  return true;
}

std::vector<TermHitRow> SqliteStore::term_hits(const Viewer& viewer, const CallFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  // The calls in order first, then each call's hits by primary key (already in idx order):
  // sorting the joined hit rows in SQL (hundreds of thousands on a director's home page) cost
  // more than reading them.
  struct CallRef {
    std::int64_t key;
    std::string id;
    std::string seller_id;
    std::int64_t start_ms;
  };
  std::vector<CallRef> calls;
  {
    auto s = db_.prepare(
        "SELECT c.call_key, c.id, c.seller_id, c.start_time_ms FROM calls c WHERE " PARLEY_CALL_FILTER
        " ORDER BY c.start_time_ms, c.id");
    bind_call_filter(s, sellers, filter);
    while (s.step()) calls.push_back({s.int64(0), s.text(1), s.text(2), s.int64(3)});
  }
  std::vector<TermHitRow> out;
  auto h = db_.prepare(
      "SELECT term, kind, role, segment_index, offset_ms FROM term_hits WHERE call_key = ?1 ORDER BY idx");
  for (const CallRef& call : calls) {
    h.bind(1, call.key);
    while (h.step()) {
      out.push_back({call.id,
                     call.seller_id,
                     call.start_ms,
                     {h.text(0), static_cast<TermKind>(h.int64(1)), static_cast<Role>(h.int64(2)),
                      static_cast<std::uint32_t>(h.int64(3)), h.int64(4)}});
    }
    h.reset();
  }
  tx.commit();
  return out;
}

std::vector<StoredTermCount> SqliteStore::term_counts(const Viewer& viewer, const CallFilter& filter,
                                                      std::optional<Role> role) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  auto s = db_.prepare(
      "SELECT h.term, h.kind, COUNT(*), COUNT(DISTINCT c.call_key) FROM calls c JOIN term_hits h "
      "ON h.call_key = c.call_key WHERE " PARLEY_CALL_FILTER
      " AND (?9 IS NULL OR h.role = ?9) GROUP BY h.term, h.kind ORDER BY 3 DESC, h.term, h.kind");
  bind_call_filter(s, sellers, filter);
  if (role) s.bind(9, static_cast<int>(*role));
  std::vector<StoredTermCount> out;
  while (s.step()) {
    out.push_back({s.text(0), static_cast<TermKind>(s.int64(1)), s.int64(2), s.int64(3)});
  }
  tx.commit();
  return out;
}

std::vector<BrandMentionRow> SqliteStore::brand_mentions(const Viewer& viewer, const CallFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  auto s = db_.prepare(
      "SELECT c.id, c.seller_id, c.start_time_ms, b.normalized_name, b.display_name, b.count "
      "FROM calls c JOIN brand_mentions b ON b.call_key = c.call_key WHERE " PARLEY_CALL_FILTER
      " ORDER BY c.start_time_ms, c.id, b.normalized_name");
  bind_call_filter(s, sellers, filter);
  std::vector<BrandMentionRow> out;
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.int64(2), {s.text(3), s.text(4), s.int64(5)}});
  }
  tx.commit();
  return out;
}

std::vector<StoredBrandFirstMention> SqliteStore::brand_first_mentions(const Viewer& viewer,
                                                                       const CallFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string sellers = filter_sellers(viewer, filter);
  // The first mention is over all time; the filter's range then selects the brands whose first
  // mention falls into it: the brands mentioned in the range and never before it (an index probe
  // per distinct name, instead of ranking every mention of all time). CROSS JOIN keeps those
  // probes driven by brand_mentions_by_name; the all-time total is summed for the few new brands.
#define PARLEY_SCOPE_OF(c)                                                      \
  " " c ".seller_id IN (SELECT value FROM json_each(?1)) AND (?4 IS NULL OR " c \
  ".account_id = ?4) "                                                          \
  "AND (?5 IS NULL OR " c ".contact_id = ?5) AND (?6 IS NULL OR " c             \
  ".lead_id = ?6) AND (?7 IS NULL "                                             \
  "OR " c ".opportunity_id = ?7) AND (?8 IS NULL OR " c ".customer_sentiment < ?8) "
  auto s = db_.prepare(
      "WITH scoped AS MATERIALIZED (SELECT b.normalized_name AS name, b.display_name AS display, "
      "c.id AS call_id, c.start_time_ms AS start FROM calls c JOIN brand_mentions b ON b.call_key = "
      "c.call_key WHERE " PARLEY_CALL_FILTER "), fresh AS (SELECT name FROM (SELECT DISTINCT name FROM "
      "scoped) n WHERE NOT EXISTS (SELECT 1 FROM brand_mentions b2 CROSS JOIN calls c2 ON c2.call_key = "
      "b2.call_key WHERE b2.normalized_name = n.name AND c2.start_time_ms < ?2 AND" PARLEY_SCOPE_OF("c2")
      ")), ranked AS (SELECT name, display, call_id, start, ROW_NUMBER() OVER (PARTITION BY name ORDER "
      "BY start, call_id) AS rank FROM scoped WHERE name IN (SELECT name FROM fresh)) SELECT name, "
      "display, call_id, start, (SELECT SUM(b3.count) FROM brand_mentions b3 CROSS JOIN calls c3 ON "
      "c3.call_key = b3.call_key WHERE b3.normalized_name = ranked.name AND" PARLEY_SCOPE_OF("c3")
      ") FROM ranked WHERE rank = 1 ORDER BY start, name");
#undef PARLEY_SCOPE_OF
  bind_call_filter(s, sellers, filter);
  std::vector<StoredBrandFirstMention> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4)});
  tx.commit();
  return out;
}

}  // namespace parley::sqlite
