// The SQLite adapter of parley::Store (SPEC 8). See docs/store.md for the schema and the rules.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "parley/store.hpp"
#include "parley/text.hpp"
#include "store/aggregates.hpp"
#include "store/schema.hpp"
#include "store/sqlite_db.hpp"

namespace parley {
namespace {

using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

constexpr std::int64_t ms_per_day = 86'400'000;

std::string in_quotes(std::string_view id) { return "'" + std::string(id) + "'"; }

std::string describe(const Viewer& viewer) {
  switch (viewer.kind) {
    case ViewerKind::seller: return "seller " + in_quotes(viewer.user_id);
    case ViewerKind::manager:
      return "manager " + in_quotes(viewer.user_id) + " (depth " +
             (viewer.hierarchy_depth == Viewer::unlimited_depth ? std::string("unlimited")
                                                                : std::to_string(viewer.hierarchy_depth)) +
             ")";
    case ViewerKind::administrator: return "administrator " + in_quotes(viewer.user_id);
  }
  return in_quotes(viewer.user_id);
}

[[noreturn]] void not_permitted(const Viewer& viewer, const std::string& what) {
  throw Error(ErrorCode::not_permitted, "not permitted: " + describe(viewer) + " may not " + what);
}

[[noreturn]] void not_found(const std::string& what) {
  throw Error(ErrorCode::not_found, what + " does not exist");
}

void require_text(std::string_view value, const std::string& field) {
  if (!is_valid_utf8(value)) {
    throw Error(ErrorCode::invalid_utf8,
                field + ": invalid UTF-8 at byte " + std::to_string(find_invalid_utf8(value)));
  }
}

void require_id(std::string_view value, const std::string& field) {
  if (value.empty()) throw Error(ErrorCode::invalid_argument, field + " is empty");
  require_text(value, field);
}

// The set of users a viewer may see, resolved once per method inside its transaction.
struct Scope {
  bool everything = false;       // administrator
  std::vector<std::string> ids;  // the viewer first
  std::unordered_set<std::string> set;
  std::string json;  // ids as a JSON array, bound to `IN (SELECT value FROM json_each(?))`

  bool contains(std::string_view id) const { return everything || set.count(std::string(id)) > 0; }
};

std::string json_array(const std::vector<std::string>& ids) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& id : ids) array.push_back(id);
  return array.dump();
}

// Word timings packed little-endian: per word i64 start, i64 end, f64 confidence (NaN = none),
// u32 byte length, UTF-8 bytes.
void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
std::uint64_t get_u64(std::string_view in, std::size_t& at) {
  if (at + 8 > in.size()) throw Error(ErrorCode::storage, "corrupt word timings blob");
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  at += 8;
  return value;
}

void encode_words(const std::vector<WordTiming>& words, std::string& out) {
  out.clear();
  for (const auto& word : words) {
    put_u64(out, static_cast<std::uint64_t>(word.start_ms));
    put_u64(out, static_cast<std::uint64_t>(word.end_ms));
    put_u64(out, std::bit_cast<std::uint64_t>(word.confidence ? *word.confidence : std::nan("")));
    std::uint32_t size = static_cast<std::uint32_t>(word.text.size());
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
    out += word.text;
  }
}

std::vector<WordTiming> decode_words(std::string_view in) {
  std::vector<WordTiming> words;
  std::size_t at = 0;
  while (at < in.size()) {
    WordTiming word;
    word.start_ms = static_cast<std::int64_t>(get_u64(in, at));
    word.end_ms = static_cast<std::int64_t>(get_u64(in, at));
    double confidence = std::bit_cast<double>(get_u64(in, at));
    if (!std::isnan(confidence)) word.confidence = confidence;
    if (at + 4 > in.size()) throw Error(ErrorCode::storage, "corrupt word timings blob");
    std::uint32_t size = 0;
    for (int i = 0; i < 4; ++i) {
      size |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    }
    at += 4;
    if (at + size > in.size()) throw Error(ErrorCode::storage, "corrupt word timings blob");
    word.text.assign(in.substr(at, size));
    at += size;
    words.push_back(std::move(word));
  }
  return words;
}

// The columns of a CallSummary, in this order, after `c.`.
#define PARLEY_CALL_COLUMNS                                                                      \
  "c.id, c.start_time_ms, c.duration_ms, c.language, c.seller_id, c.account_id, c.contact_id, "  \
  "c.lead_id, c.opportunity_id, c.segment_count, c.participant_count, c.talk_ratio, "            \
  "c.seller_talk_ms, c.customer_talk_ms, c.switches, c.switch_rate_per_hour, "                   \
  "c.average_pause_ms, c.patience_ms, c.longest_monologue_ms, c.longest_customer_monologue_ms, " \
  "c.seller_words_per_minute, c.customer_words_per_minute, c.seller_questions, "                 \
  "c.customer_questions, c.question_rate_per_hour, c.interactivity, c.interruptions, "           \
  "c.filler_words_per_minute, c.customer_sentiment, c.customer_sentiment_label, "                \
  "c.seller_sentiment, c.seller_sentiment_label, c.call_key, c.translation_language, "           \
  "c.keyword_mentions, c.competitor_mentions, c.brand_mentions "

// ?1 sellers (JSON array), ?2 from, ?3 to, ?4 account, ?5 contact, ?6 lead, ?7 opportunity,
// ?8 customer sentiment below.
#define PARLEY_CALL_FILTER                                                                       \
  " c.seller_id IN (SELECT value FROM json_each(?1)) AND c.start_time_ms >= ?2 AND "             \
  "c.start_time_ms < ?3 AND (?4 IS NULL OR c.account_id = ?4) AND (?5 IS NULL OR "               \
  "c.contact_id = ?5) AND (?6 IS NULL OR c.lead_id = ?6) AND (?7 IS NULL OR c.opportunity_id = " \
  "?7) AND (?8 IS NULL OR c.customer_sentiment < ?8) "

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
  m.longest_monologue_ms = s.int64(18);
  m.longest_customer_monologue_ms = s.int64(19);
  m.seller_words_per_minute = s.optional_real(20);
  m.customer_words_per_minute = s.optional_real(21);
  m.seller_questions = s.int64(22);
  m.customer_questions = s.int64(23);
  m.question_rate_per_hour = s.optional_real(24);
  m.interactivity = s.optional_real(25);
  m.interruptions = s.int64(26);
  m.filler_words_per_minute = s.optional_real(27);
  out.customer_sentiment.score = s.optional_real(28);
  out.customer_sentiment.label = s.text(29);
  out.seller_sentiment.score = s.optional_real(30);
  out.seller_sentiment.label = s.text(31);
  out.keyword_mentions = s.int64(34);
  out.competitor_mentions = s.int64(35);
  out.brand_mentions = s.int64(36);
  return out;
}

std::string random_id(std::string_view prefix) {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char digits[] = "0123456789abcdef";
  std::string id(prefix);
  std::uint64_t value = engine();
  for (int i = 0; i < 16; ++i) id.push_back(digits[(value >> (4 * i)) & 0xF]);
  return id;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, const SqliteStoreOptions& options)
      : db_(path, SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0)) {
    sqlite3_busy_timeout(db_.handle(), options.busy_timeout_ms);
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec(options.durable_commits ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    std::string cache = "PRAGMA cache_size = -" + std::to_string(std::max(options.cache_size_kib, 64));
    db_.exec(cache.c_str());
    sqlite::migrate(db_);
  }

  // ------------------------------------------------------------------ users and scope

  void put_users(const Viewer& viewer, std::span<const User> users) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    if (!scope.everything) not_permitted(viewer, "change users");
    std::unordered_set<std::string> batch;
    for (std::size_t i = 0; i < users.size(); ++i) {
      const User& user = users[i];
      std::string where = "user " + std::to_string(i);
      require_id(user.id, where + ": id");
      require_text(user.display_name, where + ": display_name");
      require_text(user.email, where + ": email");
      require_text(user.time_zone, where + ": time_zone");
      if (user.manager_id == user.id) {
        throw Error(ErrorCode::invalid_argument, "user " + in_quotes(user.id) + " is their own manager");
      }
      batch.insert(user.id);
    }
    for (const User& user : users) {
      if (!user.manager_id.empty() && batch.count(user.manager_id) == 0 && !user_exists(user.manager_id)) {
        throw Error(ErrorCode::not_found, "manager " + in_quotes(user.manager_id) + " of user " +
                                              in_quotes(user.id) + " does not exist");
      }
    }
    for (const User& user : users) {
      auto stmt = db_.prepare(
          "INSERT INTO users (id, display_name, email, role, manager_id, time_zone) VALUES "
          "(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, "
          "email = excluded.email, role = excluded.role, manager_id = excluded.manager_id, "
          "time_zone = excluded.time_zone");
      stmt.bind(1, std::string_view(user.id))
          .bind(2, std::string_view(user.display_name))
          .bind(3, std::string_view(user.email))
          .bind(4, static_cast<int>(user.role))
          .bind_text_or_null(5, user.manager_id)
          .bind(6, std::string_view(user.time_zone));
      stmt.run();
    }
    // No cycles: walking up from every changed user must reach the top.
    std::unordered_map<std::string, std::string> manager_of;
    {
      auto stmt = db_.prepare("SELECT id, manager_id FROM users");
      while (stmt.step()) manager_of.emplace(stmt.text(0), stmt.text(1));
    }
    for (const User& user : users) {
      std::string at = user.id;
      for (std::size_t steps = 0; !at.empty(); ++steps) {
        if (steps > manager_of.size()) {
          throw Error(ErrorCode::invalid_argument,
                      "user " + in_quotes(user.id) + ": the manager hierarchy has a cycle");
        }
        at = manager_of[at];
      }
    }
    tx.commit();
  }

  std::vector<User> users(const Viewer& viewer) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    std::vector<User> out;
    auto stmt = db_.prepare(
        "SELECT id, display_name, email, role, manager_id, time_zone FROM users WHERE id IN "
        "(SELECT value FROM json_each(?1)) ORDER BY id");
    stmt.bind(1, std::string_view(scope.json));
    while (stmt.step()) out.push_back(read_user(stmt));
    // The viewer first, as scope_user_ids.
    auto self = std::find_if(out.begin(), out.end(), [&](const User& u) { return u.id == viewer.user_id; });
    if (self != out.end()) std::rotate(out.begin(), self, self + 1);
    tx.commit();
    return out;
  }

  User user(const Viewer& viewer, std::string_view user_id) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    auto stmt =
        db_.prepare("SELECT id, display_name, email, role, manager_id, time_zone FROM users WHERE id = ?1");
    stmt.bind(1, user_id);
    if (!stmt.step()) not_found("user " + in_quotes(user_id));
    if (!scope.contains(user_id)) not_permitted(viewer, "see user " + in_quotes(user_id));
    User out = read_user(stmt);
    return out;
  }

  std::vector<std::string> scope_user_ids(const Viewer& viewer) override {
    Transaction tx(db_, Transaction::Kind::read);
    return resolve(viewer).ids;
  }

  // ------------------------------------------------------------------ calls

  void ingest_calls(const Viewer& viewer, std::span<const CallWithAnalysis> calls,
                    std::int64_t now_ms) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    for (const auto& item : calls) ingest_one(viewer, scope, item, now_ms);
    tx.commit();
  }

  CallWithAnalysis load_call(const Viewer& viewer, std::string_view call_id) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    CallWithAnalysis out;
    std::int64_t key = 0;
    {
      auto s = db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE c.id = ?1");
      s.bind(1, call_id);
      if (!s.step()) not_found("call " + in_quotes(call_id));
      CallSummary summary = read_summary(s);
      if (!scope.contains(summary.seller_id)) {
        not_permitted(viewer,
                      "see call " + in_quotes(call_id) + " of seller " + in_quotes(summary.seller_id));
      }
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
        analysis.term_hits.push_back({s.text(0), static_cast<StoredTermKind>(s.int64(1)),
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

  std::vector<CallSummary> call_summaries(const Viewer& viewer, const CallFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
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
      bind_filter(s, sellers, filter);
      s.bind(9, static_cast<std::int64_t>(
                    std::min<std::size_t>(filter.limit, std::numeric_limits<std::int64_t>::max())));
      while (s.step()) out.push_back(read_summary(s));
    } else {
      // Without a limit, sort here: SQLite's sorter would carry every column of every row (a
      // team's month is tens of thousands), which cost three times the read itself.
      auto s = db_.prepare("SELECT " PARLEY_CALL_COLUMNS " FROM calls c WHERE " PARLEY_CALL_FILTER);
      bind_filter(s, sellers, filter);
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
  bool most_negative_calls(const std::string& sellers, const CallFilter& filter,
                           std::vector<CallSummary>& out) {
    auto s =
        by_seller_and_time(filter)
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

  std::vector<TermHitRow> term_hits(const Viewer& viewer, const CallFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
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
      bind_filter(s, sellers, filter);
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
                       {h.text(0), static_cast<StoredTermKind>(h.int64(1)), static_cast<Role>(h.int64(2)),
                        static_cast<std::uint32_t>(h.int64(3)), h.int64(4)}});
      }
      h.reset();
    }
    tx.commit();
    return out;
  }

  std::vector<StoredTermCount> term_counts(const Viewer& viewer, const CallFilter& filter,
                                           std::optional<Role> role) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
    auto s = db_.prepare(
        "SELECT h.term, h.kind, COUNT(*), COUNT(DISTINCT c.call_key) FROM calls c JOIN term_hits h "
        "ON h.call_key = c.call_key WHERE " PARLEY_CALL_FILTER
        " AND (?9 IS NULL OR h.role = ?9) GROUP BY h.term, h.kind ORDER BY 3 DESC, h.term, h.kind");
    bind_filter(s, sellers, filter);
    if (role) s.bind(9, static_cast<int>(*role));
    std::vector<StoredTermCount> out;
    while (s.step()) {
      out.push_back({s.text(0), static_cast<StoredTermKind>(s.int64(1)), s.int64(2), s.int64(3)});
    }
    tx.commit();
    return out;
  }

  std::vector<BrandMentionRow> brand_mentions(const Viewer& viewer, const CallFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
    auto s = db_.prepare(
        "SELECT c.id, c.seller_id, c.start_time_ms, b.normalized_name, b.display_name, b.count "
        "FROM calls c JOIN brand_mentions b ON b.call_key = c.call_key WHERE " PARLEY_CALL_FILTER
        " ORDER BY c.start_time_ms, c.id, b.normalized_name");
    bind_filter(s, sellers, filter);
    std::vector<BrandMentionRow> out;
    while (s.step()) {
      out.push_back({s.text(0), s.text(1), s.int64(2), {s.text(3), s.text(4), s.int64(5)}});
    }
    tx.commit();
    return out;
  }

  std::vector<StoredBrandFirstMention> brand_first_mentions(const Viewer& viewer,
                                                            const CallFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
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
    bind_filter(s, sellers, filter);
    std::vector<StoredBrandFirstMention> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4)});
    tx.commit();
    return out;
  }

  // ------------------------------------------------------------------ aggregates

  // Filters by seller, time (and sentiment) only: what the schema-2 covering index and the
  // call_mentions table answer without reading call rows.
  // (Call and activity filters alike: both name these records.)
  template <typename Filter>
  static bool by_seller_and_time(const Filter& filter) {
    return filter.account_id.empty() && filter.contact_id.empty() && filter.lead_id.empty() &&
           filter.opportunity_id.empty();
  }

  CallSpan call_span(const Viewer& viewer, const CallFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
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

  // Binds a statement in the form by_seller_and_time chose (?1-?3 and ?8, or the whole filter).
  static void bind_plain_or_full(Statement& s, const std::string& sellers, const CallFilter& filter) {
    if (by_seller_and_time(filter)) {
      s.bind(1, std::string_view(sellers)).bind(2, filter.from_ms).bind(3, filter.to_ms);
      s.bind(8, filter.customer_sentiment_below);
    } else {
      bind_filter(s, sellers, filter);
    }
  }

  std::vector<CallTotals> call_totals(const Viewer& viewer, const CallFilter& filter,
                                      std::span<const std::int64_t> bucket_edges) override {
    aggregates::check_bucket_edges(bucket_edges);
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
#define PARLEY_TOTALS_COLUMNS                                                                     \
  "SELECT c.seller_id, c.start_time_ms, c.duration_ms, c.talk_ratio, c.seller_words_per_minute, " \
  "c.switches, "                                                                                  \
  "c.switch_rate_per_hour, c.average_pause_ms, c.patience_ms, c.longest_monologue_ms, "           \
  "c.longest_customer_monologue_ms, c.question_rate_per_hour, c.customer_sentiment, "             \
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

  MentionSummary mention_totals(const Viewer& viewer, const CallFilter& filter,
                                std::span<const std::int64_t> bucket_edges,
                                std::size_t recent_calls) override {
    aggregates::check_bucket_edges(bucket_edges);
    Transaction tx(db_, Transaction::Kind::read);
    std::string sellers = filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
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
    auto s =
        plain ? db_.prepare(
                    "SELECT m.call_key, m.seller_id, m.start_time_ms, m.mentions FROM call_mentions m WHERE "
                    "m.seller_id IN (SELECT value FROM json_each(?1)) AND m.start_time_ms >= ?2 AND "
                    "m.start_time_ms < ?3")
              : db_.prepare(
                    "SELECT m.call_key, m.seller_id, m.start_time_ms, m.mentions FROM calls c JOIN "
                    "call_mentions m ON m.call_key = c.call_key WHERE " PARLEY_CALL_FILTER);
    if (plain) {
      s.bind(1, std::string_view(sellers)).bind(2, filter.from_ms).bind(3, filter.to_ms);
    } else {
      bind_filter(s, sellers, filter);
    }
    aggregates::PackedMention mention;
    while (s.step()) {
      builder.begin_call(s.int64(0), s.text_view(1), s.int64(2));
      aggregates::PackedMentionReader reader(s.blob(3));
      while (reader.next(mention)) {
        builder.add(mention.kind, mention.name, mention.role, mention.mentions,
                    mention.kind == StoredMentionKind::brand ? mention.display_name : mention.name);
      }
    }
    MentionSummary summary = builder.finish();  // looks up the listed calls' ids, inside the read
    tx.commit();
    return summary;
  }

  std::vector<ActivityTotals> activity_totals(const Viewer& viewer, const ActivityFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string owners = filter_sellers(viewer, filter.owner_ids, "see the activities of ");
    // Without record filters every column read is in activities_by_owner_time (index only).
    const bool plain = by_seller_and_time(filter);
    auto s =
        plain
            ? db_.prepare(
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

  // ------------------------------------------------------------------ term lists

  void put_term_list(const Viewer& viewer, const TermList& list) override {
    require_id(list.id, "term list id");
    require_text(list.name, "term list " + in_quotes(list.id) + ": name");
    for (std::size_t i = 0; i < list.terms.size(); ++i) {
      std::string where = "term list " + in_quotes(list.id) + ": term " + std::to_string(i);
      require_id(list.terms[i].name, where + ": name");
      for (const auto& variant : list.terms[i].variants) {
        require_id(variant, where + ": variant");
        if (variant.find('\n') != std::string::npos) {
          throw Error(ErrorCode::invalid_argument, where + ": a variant contains a newline");
        }
      }
    }
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    check_term_list_change(viewer, scope, list.scope, list.team_manager_id, list.id);
    if (auto existing = term_list_owner(list.id)) {
      check_term_list_change(viewer, scope, existing->first, existing->second, list.id);
      auto del = db_.prepare("DELETE FROM term_lists WHERE id = ?1");
      del.bind(1, std::string_view(list.id));
      del.run();
    }
    {
      auto s = db_.prepare(
          "INSERT INTO term_lists (id, name, kind, scope, team_manager_id) VALUES (?1, ?2, ?3, ?4, ?5)");
      s.bind(1, std::string_view(list.id))
          .bind(2, std::string_view(list.name))
          .bind(3, static_cast<int>(list.kind))
          .bind(4, static_cast<int>(list.scope));
      if (list.scope == TermListScope::team) s.bind(5, std::string_view(list.team_manager_id));
      s.run();
    }
    std::string variants;
    for (std::size_t i = 0; i < list.terms.size(); ++i) {
      variants.clear();
      for (const auto& variant : list.terms[i].variants) {
        if (!variants.empty()) variants.push_back('\n');
        variants += variant;
      }
      auto s = db_.prepare("INSERT INTO term_entries (list_id, idx, name, variants) VALUES (?1, ?2, ?3, ?4)");
      s.bind(1, std::string_view(list.id))
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, std::string_view(list.terms[i].name))
          .bind(4, std::string_view(variants));
      s.run();
    }
    tx.commit();
  }

  void delete_term_list(const Viewer& viewer, std::string_view list_id) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    auto existing = term_list_owner(list_id);
    if (!existing) not_found("term list " + in_quotes(list_id));
    check_term_list_change(viewer, scope, existing->first, existing->second, list_id);
    auto del = db_.prepare("DELETE FROM term_lists WHERE id = ?1");
    del.bind(1, list_id);
    del.run();
    tx.commit();
  }

  std::vector<TermList> term_lists(const Viewer& viewer) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    auto out = load_term_lists(scope.json);
    tx.commit();
    return out;
  }

  std::vector<TermList> term_lists_for_seller(const Viewer& viewer, std::string_view seller_id) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    if (!user_exists(seller_id)) not_found("user " + in_quotes(seller_id));
    if (!scope.contains(seller_id)) {
      not_permitted(viewer, "see the term lists of seller " + in_quotes(seller_id));
    }
    std::vector<std::string> teams = chain_up(seller_id);
    auto out = load_term_lists(json_array(teams));
    tx.commit();
    return out;
  }

  // ------------------------------------------------------------------ comments

  std::string add_comment(const Viewer& viewer, const Comment& comment) override {
    require_text(comment.text, "comment text");
    require_text(comment.id, "comment id");
    if (comment.offset_ms < 0) {
      throw Error(ErrorCode::invalid_argument, "comment on call " + in_quotes(comment.call_id) +
                                                   ": negative offset_ms " +
                                                   std::to_string(comment.offset_ms));
    }
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    auto [key, seller, segments] = call_owner(comment.call_id);
    if (!scope.contains(seller)) {
      not_permitted(viewer,
                    "comment on call " + in_quotes(comment.call_id) + " of seller " + in_quotes(seller));
    }
    if (comment.segment_index && *comment.segment_index >= segments) {
      throw Error(ErrorCode::invalid_argument, "comment on call " + in_quotes(comment.call_id) +
                                                   ": segment " + std::to_string(*comment.segment_index) +
                                                   " does not exist (the call has " +
                                                   std::to_string(segments) + " segments)");
    }
    std::string id = comment.id.empty() ? random_id("comment-") : comment.id;
    {
      auto s = db_.prepare("SELECT 1 FROM comments WHERE id = ?1");
      s.bind(1, std::string_view(id));
      if (s.step()) {
        throw Error(ErrorCode::invalid_argument, "comment " + in_quotes(id) + " already exists");
      }
    }
    auto s = db_.prepare(
        "INSERT INTO comments (id, call_key, author_id, created_ms, offset_ms, segment_index, text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bind(1, std::string_view(id))
        .bind(2, key)
        .bind(3, std::string_view(viewer.user_id))
        .bind(4, comment.created_ms)
        .bind(5, comment.offset_ms);
    if (comment.segment_index) s.bind(6, static_cast<std::int64_t>(*comment.segment_index));
    s.bind(7, std::string_view(comment.text));
    s.run();
    tx.commit();
    return id;
  }

  void delete_comment(const Viewer& viewer, std::string_view comment_id) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    std::string author;
    {
      auto s = db_.prepare("SELECT author_id FROM comments WHERE id = ?1");
      s.bind(1, comment_id);
      if (!s.step()) not_found("comment " + in_quotes(comment_id));
      author = s.text(0);
    }
    if (!scope.everything && author != viewer.user_id) {
      not_permitted(viewer, "delete comment " + in_quotes(comment_id) + " of " + in_quotes(author));
    }
    auto s = db_.prepare("DELETE FROM comments WHERE id = ?1");
    s.bind(1, comment_id);
    s.run();
    tx.commit();
  }

  std::vector<Comment> comments_for_call(const Viewer& viewer, std::string_view call_id) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    auto [key, seller, segments] = call_owner(call_id);
    if (!scope.contains(seller)) {
      not_permitted(viewer,
                    "see the comments on call " + in_quotes(call_id) + " of seller " + in_quotes(seller));
    }
    auto s = db_.prepare(
        "SELECT m.id, c.id, m.author_id, m.created_ms, m.offset_ms, m.segment_index, m.text FROM "
        "comments m JOIN calls c ON c.call_key = m.call_key WHERE m.call_key = ?1 ORDER BY "
        "m.created_ms, m.id");
    s.bind(1, key);
    std::vector<Comment> out;
    while (s.step()) out.push_back(read_comment(s));
    tx.commit();
    return out;
  }

  std::vector<Comment> comments_for_seller(const Viewer& viewer, std::string_view seller_id,
                                           std::int64_t from_ms, std::int64_t to_ms) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    if (!user_exists(seller_id)) not_found("user " + in_quotes(seller_id));
    if (!scope.contains(seller_id)) {
      not_permitted(viewer, "see the comments on the calls of seller " + in_quotes(seller_id));
    }
    auto s = db_.prepare(
        "SELECT m.id, c.id, m.author_id, m.created_ms, m.offset_ms, m.segment_index, m.text FROM "
        "comments m JOIN calls c ON c.call_key = m.call_key WHERE c.seller_id = ?1 AND "
        "c.start_time_ms >= ?2 AND c.start_time_ms < ?3 ORDER BY m.created_ms DESC, m.id");
    s.bind(1, seller_id).bind(2, from_ms).bind(3, to_ms);
    std::vector<Comment> out;
    while (s.step()) out.push_back(read_comment(s));
    tx.commit();
    return out;
  }

  // ------------------------------------------------------------------ opportunities, activities

  void put_opportunities(const Viewer& viewer, std::span<const Opportunity> items) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Opportunity& o = items[i];
      std::string where = "opportunity " + std::to_string(i);
      require_id(o.id, where + ": id");
      require_text(o.name, where + ": name");
      require_text(o.account_id, where + ": account_id");
      require_text(o.currency, where + ": currency");
      check_owner(viewer, scope, o.owner_id, "change opportunity " + in_quotes(o.id) + " of ");
      {
        auto s = db_.prepare("SELECT owner_id FROM opportunities WHERE id = ?1");
        s.bind(1, std::string_view(o.id));
        if (s.step() && !scope.contains(s.text(0))) {
          not_permitted(viewer, "change opportunity " + in_quotes(o.id) + " of " + in_quotes(s.text(0)));
        }
      }
      auto s = db_.prepare(
          "INSERT INTO opportunities (id, name, account_id, owner_id, status, estimated_revenue, "
          "actual_revenue, currency, created_ms, closed_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
          "?9, ?10) ON CONFLICT(id) DO UPDATE SET name = excluded.name, account_id = "
          "excluded.account_id, owner_id = excluded.owner_id, status = excluded.status, "
          "estimated_revenue = excluded.estimated_revenue, actual_revenue = excluded.actual_revenue, "
          "currency = excluded.currency, created_ms = excluded.created_ms, closed_ms = excluded.closed_ms");
      s.bind(1, std::string_view(o.id))
          .bind(2, std::string_view(o.name))
          .bind_text_or_null(3, o.account_id)
          .bind(4, std::string_view(o.owner_id))
          .bind(5, static_cast<int>(o.status))
          .bind(6, o.estimated_revenue)
          .bind(7, o.actual_revenue)
          .bind(8, std::string_view(o.currency))
          .bind(9, o.created_ms)
          .bind(10, o.closed_ms);
      s.run();
    }
    tx.commit();
  }

  std::vector<Opportunity> opportunities(const Viewer& viewer, const OpportunityFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string owners = filter_sellers(viewer, filter.owner_ids, "see the opportunities of ");
    auto s = db_.prepare(
        "SELECT id, name, account_id, owner_id, status, estimated_revenue, actual_revenue, currency, "
        "created_ms, closed_ms FROM opportunities WHERE owner_id IN (SELECT value FROM "
        "json_each(?1)) AND (?2 IS NULL OR account_id = ?2) AND created_ms < ?4 AND (status = 0 OR "
        "closed_ms IS NULL OR closed_ms >= ?3) ORDER BY created_ms, id");
    s.bind(1, std::string_view(owners)).bind_text_or_null(2, filter.account_id);
    s.bind(3, filter.from_ms).bind(4, filter.to_ms);
    std::vector<Opportunity> out;
    while (s.step()) {
      Opportunity o;
      o.id = s.text(0);
      o.name = s.text(1);
      o.account_id = s.text(2);
      o.owner_id = s.text(3);
      o.status = static_cast<OpportunityStatus>(s.int64(4));
      o.estimated_revenue = s.real(5);
      o.actual_revenue = s.real(6);
      o.currency = s.text(7);
      o.created_ms = s.int64(8);
      o.closed_ms = s.optional_int64(9);
      out.push_back(std::move(o));
    }
    tx.commit();
    return out;
  }

  void put_activities(const Viewer& viewer, std::span<const Activity> items) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    for (std::size_t i = 0; i < items.size(); ++i) put_activity(viewer, scope, items[i], i);
    tx.commit();
  }

  std::vector<Activity> activities(const Viewer& viewer, const ActivityFilter& filter) override {
    Transaction tx(db_, Transaction::Kind::read);
    std::string owners = filter_sellers(viewer, filter.owner_ids, "see the activities of ");
    auto s = db_.prepare(
        "SELECT activity_key, id, type, direction, owner_id, initiator_id, timestamp_ms, "
        "duration_ms, subject, thread_id, message_id, in_reply_to, automatic_reply, tracked, "
        "account_id, contact_id, lead_id, opportunity_id FROM activities a WHERE owner_id IN "
        "(SELECT value FROM json_each(?1)) AND timestamp_ms >= ?2 AND timestamp_ms < ?3 AND (?4 IS "
        "NULL OR account_id = ?4) AND (?5 IS NULL OR contact_id = ?5) AND (?6 IS NULL OR lead_id = "
        "?6) AND (?7 IS NULL OR opportunity_id = ?7) ORDER BY timestamp_ms, id");
    s.bind(1, std::string_view(owners)).bind(2, filter.from_ms).bind(3, filter.to_ms);
    s.bind_text_or_null(4, filter.account_id)
        .bind_text_or_null(5, filter.contact_id)
        .bind_text_or_null(6, filter.lead_id)
        .bind_text_or_null(7, filter.opportunity_id);
    std::vector<std::pair<std::int64_t, Activity>> rows;
    while (s.step()) {
      Activity a;
      a.id = s.text(1);
      a.type = static_cast<ActivityType>(s.int64(2));
      a.direction = static_cast<ActivityDirection>(s.int64(3));
      a.owner_id = s.text(4);
      a.initiator_id = s.text(5);
      a.timestamp_ms = s.int64(6);
      a.duration_ms = s.int64(7);
      a.subject = s.text(8);
      a.thread_id = s.text(9);
      a.message_id = s.text(10);
      a.in_reply_to = s.text(11);
      a.automatic_reply = s.int64(12) != 0;
      a.tracked = s.int64(13) != 0;
      a.account_id = s.text(14);
      a.contact_id = s.text(15);
      a.lead_id = s.text(16);
      a.opportunity_id = s.text(17);
      rows.emplace_back(s.int64(0), std::move(a));
    }
    std::vector<Activity> out;
    out.reserve(rows.size());
    for (auto& [key, a] : rows) {
      {
        auto p = db_.prepare(
            "SELECT side, party_id, display_name, email, time_zone FROM activity_parties WHERE "
            "activity_key = ?1 ORDER BY side, idx");
        p.bind(1, key);
        while (p.step()) {
          ActivityParty party{p.text(1), p.text(2), p.text(3), p.text(4)};
          (p.int64(0) == 0 ? a.our_side : a.customer_side).push_back(std::move(party));
        }
      }
      {
        auto r =
            db_.prepare("SELECT message_id FROM activity_references WHERE activity_key = ?1 ORDER BY idx");
        r.bind(1, key);
        while (r.step()) a.references.push_back(r.text(0));
      }
      {
        auto e =
            db_.prepare("SELECT kind, time_ms FROM activity_engagement WHERE activity_key = ?1 ORDER BY idx");
        e.bind(1, key);
        while (e.step()) a.engagement.push_back({static_cast<EngagementKind>(e.int64(0)), e.int64(1)});
      }
      out.push_back(std::move(a));
    }
    tx.commit();
    return out;
  }

  // ------------------------------------------------------------------ retention and deletion

  void set_retention(const Viewer& viewer, const RetentionPolicy& policy) override {
    if (policy.days < 1) {
      throw Error(ErrorCode::invalid_argument,
                  "retention period must be at least 1 day, got " + std::to_string(policy.days));
    }
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    if (!scope.everything) not_permitted(viewer, "set retention periods");
    std::string key = retention_key(policy.scope, policy.team_manager_id);
    auto s = db_.prepare(
        "INSERT INTO retention_policies (scope_key, days) VALUES (?1, ?2) ON CONFLICT(scope_key) "
        "DO UPDATE SET days = excluded.days");
    s.bind(1, std::string_view(key)).bind(2, policy.days);
    s.run();
    tx.commit();
  }

  void clear_retention(const Viewer& viewer, TermListScope scope_kind,
                       std::string_view team_manager_id) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    if (!scope.everything) not_permitted(viewer, "clear retention periods");
    std::string key = retention_key(scope_kind, team_manager_id);
    auto s = db_.prepare("DELETE FROM retention_policies WHERE scope_key = ?1");
    s.bind(1, std::string_view(key));
    s.run();
    tx.commit();
  }

  std::vector<RetentionPolicy> retention_policies(const Viewer& viewer) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    auto s = db_.prepare("SELECT scope_key, days FROM retention_policies ORDER BY scope_key");
    std::vector<RetentionPolicy> out;
    while (s.step()) {
      std::string key = s.text(0);
      if (key.empty()) {
        out.push_back({TermListScope::organisation, {}, s.int64(1)});
      } else if (scope.contains(key)) {
        out.push_back({TermListScope::team, key, s.int64(1)});
      }
    }
    tx.commit();
    return out;
  }

  PurgeReport purge_expired(const Viewer& viewer, std::int64_t now_ms) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    if (!scope.everything) not_permitted(viewer, "purge expired calls");
    std::unordered_map<std::string, std::int64_t> days_of;
    {
      auto s = db_.prepare("SELECT scope_key, days FROM retention_policies");
      while (s.step()) days_of.emplace(s.text(0), s.int64(1));
    }
    PurgeReport report;
    if (days_of.empty()) {
      tx.commit();
      return report;
    }
    std::unordered_map<std::string, std::string> manager_of;
    {
      auto s = db_.prepare("SELECT id, manager_id FROM users");
      while (s.step()) manager_of.emplace(s.text(0), s.text(1));
    }
    auto org = days_of.find("");
    for (const auto& [user, manager] : manager_of) {
      // The nearest team with a period: the user's own team (a manager), then upwards.
      std::optional<std::int64_t> days;
      std::string at = user;
      for (std::size_t steps = 0; !at.empty() && steps <= manager_of.size(); ++steps) {
        if (auto it = days_of.find(at); it != days_of.end()) {
          days = it->second;
          break;
        }
        at = manager_of[at];
      }
      if (!days && org != days_of.end()) days = org->second;
      if (!days) continue;
      // start + days * 1 day < now  <=>  start < now - days * 1 day (saturating).
      std::int64_t period = *days > std::numeric_limits<std::int64_t>::max() / ms_per_day
                                ? std::numeric_limits<std::int64_t>::max()
                                : *days * ms_per_day;
      std::int64_t cutoff = now_ms < std::numeric_limits<std::int64_t>::min() + period
                                ? std::numeric_limits<std::int64_t>::min()
                                : now_ms - period;
      {
        auto s = db_.prepare(
            "DELETE FROM processing_log WHERE call_id IN (SELECT id FROM calls WHERE seller_id = ?1 "
            "AND start_time_ms < ?2)");
        s.bind(1, std::string_view(user)).bind(2, cutoff);
        s.run();
      }
      auto s = db_.prepare("DELETE FROM calls WHERE seller_id = ?1 AND start_time_ms < ?2");
      s.bind(1, std::string_view(user)).bind(2, cutoff);
      s.run();
      report.calls_deleted += db_.changes();
    }
    tx.commit();
    return report;
  }

  DeletionReport delete_seller_data(const Viewer& viewer, std::string_view seller_id) override {
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    if (!user_exists(seller_id)) not_found("user " + in_quotes(seller_id));
    if (!scope.everything &&
        (!scope.contains(seller_id) || seller_id == viewer.user_id || viewer.kind != ViewerKind::manager)) {
      not_permitted(viewer, "delete the data of user " + in_quotes(seller_id));
    }
    DeletionReport report;
    auto run = [&](const char* sql) {
      auto s = db_.prepare(sql);
      s.bind(1, seller_id);
      s.run();
      return db_.changes();
    };
    run("DELETE FROM processing_log WHERE seller_id = ?1");
    report.calls_deleted = run("DELETE FROM calls WHERE seller_id = ?1");
    report.comments_deleted = run("DELETE FROM comments WHERE author_id = ?1");
    report.call_participations_anonymised =
        run("UPDATE participants SET crm_id = NULL, display_name = '', speaker_id = 'deleted-' || idx "
            "WHERE crm_id = ?1");
    report.activities_deleted = run("DELETE FROM activities WHERE owner_id = ?1");
    report.activity_participations_removed = run("DELETE FROM activity_parties WHERE party_id = ?1");
    report.activity_participations_removed +=
        run("UPDATE activities SET initiator_id = '' WHERE initiator_id = ?1");
    report.opportunities_deleted = run("DELETE FROM opportunities WHERE owner_id = ?1");
    report.term_lists_deleted = run("DELETE FROM term_lists WHERE team_manager_id = ?1");
    run("DELETE FROM retention_policies WHERE scope_key = ?1");
    // The user's reports move up to the user's own manager, so the hierarchy stays whole.
    run("UPDATE users SET manager_id = (SELECT manager_id FROM users WHERE id = ?1) WHERE manager_id = ?1");
    report.users_deleted = run("DELETE FROM users WHERE id = ?1");
    tx.commit();
    return report;
  }

  DeletionReport delete_contact_data(const Viewer& viewer, std::string_view contact_id) override {
    require_id(contact_id, "contact id");
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    if (!scope.everything) not_permitted(viewer, "delete the data of contact " + in_quotes(contact_id));
    DeletionReport report;
    auto run = [&](const char* sql) {
      auto s = db_.prepare(sql);
      s.bind(1, contact_id);
      s.run();
      return db_.changes();
    };
    // Every call linked to the contact or in which the contact spoke.
    run("DELETE FROM processing_log WHERE call_id IN (SELECT id FROM calls WHERE contact_id = ?1 "
        "OR call_key IN (SELECT call_key FROM participants WHERE crm_id = ?1))");
    report.calls_deleted =
        run("DELETE FROM calls WHERE contact_id = ?1 OR call_key IN (SELECT call_key FROM participants "
            "WHERE crm_id = ?1)");
    report.activities_deleted = run("DELETE FROM activities WHERE contact_id = ?1 OR initiator_id = ?1");
    report.activity_participations_removed = run("DELETE FROM activity_parties WHERE party_id = ?1");
    tx.commit();
    return report;
  }

  // ------------------------------------------------------------------ processing log

  void log_processing(const Viewer& viewer, const ProcessingEvent& event) override {
    require_id(event.call_id, "processing event: call_id");
    require_text(event.reason, "processing event: reason");
    Transaction tx(db_, Transaction::Kind::write);
    Scope scope = resolve(viewer);
    check_owner(viewer, scope, event.seller_id,
                "log processing of call " + in_quotes(event.call_id) + " of ");
    insert_log(event.call_id, event.seller_id, event.status, event.reason, event.at_ms);
    tx.commit();
  }

  ProcessingSummary processing_summary(const Viewer& viewer, std::int64_t from_ms,
                                       std::int64_t to_ms) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    ProcessingSummary out;
    {
      auto s = db_.prepare(
          "WITH events AS (SELECT * FROM processing_log WHERE seller_id IN (SELECT value FROM "
          "json_each(?1)) AND at_ms >= ?2 AND at_ms < ?3), latest AS (SELECT call_id, status FROM "
          "events e WHERE seq = (SELECT MAX(seq) FROM events f WHERE f.call_id = e.call_id)) SELECT "
          "(SELECT COUNT(DISTINCT call_id) FROM events), (SELECT COUNT(DISTINCT call_id) FROM events "
          "WHERE status = 1), (SELECT COUNT(*) FROM latest WHERE status = 2)");
      s.bind(1, std::string_view(scope.json)).bind(2, from_ms).bind(3, to_ms);
      s.step();
      out.received = s.int64(0);
      out.analysed = s.int64(1);
      out.failed = s.int64(2);
    }
    {
      auto s = db_.prepare(
          "WITH events AS (SELECT * FROM processing_log WHERE seller_id IN (SELECT value FROM "
          "json_each(?1)) AND at_ms >= ?2 AND at_ms < ?3) SELECT reason, COUNT(*) FROM events e "
          "WHERE status = 2 AND seq = (SELECT MAX(seq) FROM events f WHERE f.call_id = e.call_id) "
          "GROUP BY reason ORDER BY 2 DESC, reason");
      s.bind(1, std::string_view(scope.json)).bind(2, from_ms).bind(3, to_ms);
      while (s.step()) out.failure_reasons.emplace_back(s.text(0), s.int64(1));
    }
    tx.commit();
    return out;
  }

  std::vector<ProcessingEvent> processing_events(const Viewer& viewer, std::int64_t from_ms,
                                                 std::int64_t to_ms) override {
    Transaction tx(db_, Transaction::Kind::read);
    Scope scope = resolve(viewer);
    auto s = db_.prepare(
        "SELECT call_id, seller_id, status, reason, at_ms FROM processing_log WHERE seller_id IN "
        "(SELECT value FROM json_each(?1)) AND at_ms >= ?2 AND at_ms < ?3 ORDER BY at_ms, seq");
    s.bind(1, std::string_view(scope.json)).bind(2, from_ms).bind(3, to_ms);
    std::vector<ProcessingEvent> out;
    while (s.step()) {
      out.push_back({s.text(0), s.text(1), static_cast<ProcessingStatus>(s.int64(2)), s.text(3), s.int64(4)});
    }
    tx.commit();
    return out;
  }

 private:
  // Resolves the viewer's scope; must run inside a transaction.
  Scope resolve(const Viewer& viewer) {
    Scope scope;
    std::optional<UserRole> role;
    {
      auto s = db_.prepare("SELECT role FROM users WHERE id = ?1");
      s.bind(1, std::string_view(viewer.user_id));
      if (s.step()) role = static_cast<UserRole>(s.int64(0));
    }
    switch (viewer.kind) {
      case ViewerKind::administrator: {
        if (role != UserRole::administrator) {
          // Bootstrap: before any administrator exists, an administrator viewer may set up users.
          auto s = db_.prepare("SELECT 1 FROM users WHERE role = 2 LIMIT 1");
          if (s.step() || role.has_value()) {
            throw Error(ErrorCode::not_permitted,
                        "not permitted: " + in_quotes(viewer.user_id) + " is not an administrator");
          }
        }
        scope.everything = true;
        scope.ids.push_back(viewer.user_id);
        auto s = db_.prepare("SELECT id FROM users WHERE id <> ?1 ORDER BY id");
        s.bind(1, std::string_view(viewer.user_id));
        while (s.step()) scope.ids.push_back(s.text(0));
        break;
      }
      case ViewerKind::manager: {
        if (!role)
          throw Error(ErrorCode::not_permitted,
                      "not permitted: viewer " + in_quotes(viewer.user_id) + " is not a known user");
        if (role == UserRole::seller) {
          throw Error(ErrorCode::not_permitted,
                      "not permitted: " + in_quotes(viewer.user_id) + " is not a manager");
        }
        if (viewer.hierarchy_depth < 1) {
          throw Error(ErrorCode::invalid_argument, "viewer " + in_quotes(viewer.user_id) +
                                                       ": hierarchy_depth must be at least 1, got " +
                                                       std::to_string(viewer.hierarchy_depth));
        }
        auto s = db_.prepare(
            "WITH RECURSIVE below(id, depth) AS (SELECT ?1, 0 UNION ALL SELECT u.id, b.depth + 1 "
            "FROM users u JOIN below b ON u.manager_id = b.id WHERE b.depth < ?2) SELECT id FROM "
            "below ORDER BY depth, id");
        s.bind(1, std::string_view(viewer.user_id)).bind(2, viewer.hierarchy_depth);
        while (s.step()) scope.ids.push_back(s.text(0));
        break;
      }
      case ViewerKind::seller:
        if (!role)
          throw Error(ErrorCode::not_permitted,
                      "not permitted: viewer " + in_quotes(viewer.user_id) + " is not a known user");
        scope.ids.push_back(viewer.user_id);
        break;
    }
    scope.set.insert(scope.ids.begin(), scope.ids.end());
    scope.json = json_array(scope.ids);
    return scope;
  }

  // The JSON list of sellers a filtered query covers: the requested ones (each checked) or the
  // whole scope.
  std::string filter_sellers(const Viewer& viewer, const std::vector<std::string>& requested,
                             const std::string& action) {
    Scope scope = resolve(viewer);
    if (requested.empty()) return scope.json;
    for (const auto& id : requested) {
      if (!scope.contains(id)) not_permitted(viewer, action + in_quotes(id));
    }
    return json_array(requested);
  }

  static void bind_filter(Statement& s, const std::string& sellers, const CallFilter& filter) {
    s.bind(1, std::string_view(sellers)).bind(2, filter.from_ms).bind(3, filter.to_ms);
    s.bind_text_or_null(4, filter.account_id)
        .bind_text_or_null(5, filter.contact_id)
        .bind_text_or_null(6, filter.lead_id)
        .bind_text_or_null(7, filter.opportunity_id);
    s.bind(8, filter.customer_sentiment_below);
  }

  void check_owner(const Viewer& viewer, const Scope& scope, std::string_view owner,
                   const std::string& action) {
    require_id(owner, action + "an owner: id");
    if (!scope.contains(owner)) not_permitted(viewer, action + "user " + in_quotes(owner));
    if (!user_exists(owner)) not_found("user " + in_quotes(owner));
  }

  bool user_exists(std::string_view id) {
    auto s = db_.prepare("SELECT 1 FROM users WHERE id = ?1");
    s.bind(1, id);
    return s.step();
  }

  static User read_user(const Statement& s) {
    return {s.text(0), s.text(1), s.text(2), static_cast<UserRole>(s.int64(3)), s.text(4), s.text(5)};
  }

  static Comment read_comment(const Statement& s) {
    Comment c;
    c.id = s.text(0);
    c.call_id = s.text(1);
    c.author_id = s.text(2);
    c.created_ms = s.int64(3);
    c.offset_ms = s.int64(4);
    if (!s.is_null(5)) c.segment_index = static_cast<std::uint32_t>(s.int64(5));
    c.text = s.text(6);
    return c;
  }

  struct CallOwner {
    std::int64_t key;
    std::string seller;
    std::int64_t segments;
  };
  CallOwner call_owner(std::string_view call_id) {
    auto s = db_.prepare("SELECT call_key, seller_id, segment_count FROM calls WHERE id = ?1");
    s.bind(1, call_id);
    if (!s.step()) not_found("call " + in_quotes(call_id));
    return {s.int64(0), s.text(1), s.int64(2)};
  }

  // The user and every manager above them.
  std::vector<std::string> chain_up(std::string_view user_id) {
    std::vector<std::string> chain;
    std::string at(user_id);
    while (!at.empty() && chain.size() < 100'000) {
      chain.push_back(at);
      auto s = db_.prepare("SELECT manager_id FROM users WHERE id = ?1");
      s.bind(1, std::string_view(at));
      at = s.step() ? s.text(0) : std::string();
    }
    return chain;
  }

  static std::string retention_key(TermListScope scope, std::string_view team_manager_id) {
    if (scope == TermListScope::organisation) return {};
    if (team_manager_id.empty()) {
      throw Error(ErrorCode::invalid_argument, "a team retention period needs team_manager_id");
    }
    return std::string(team_manager_id);
  }

  std::optional<std::pair<TermListScope, std::string>> term_list_owner(std::string_view list_id) {
    auto s = db_.prepare("SELECT scope, team_manager_id FROM term_lists WHERE id = ?1");
    s.bind(1, list_id);
    if (!s.step()) return std::nullopt;
    return std::make_pair(static_cast<TermListScope>(s.int64(0)), s.text(1));
  }

  void check_term_list_change(const Viewer& viewer, const Scope& scope, TermListScope list_scope,
                              const std::string& team_manager_id, std::string_view list_id) {
    if (list_scope == TermListScope::organisation) {
      if (!scope.everything) not_permitted(viewer, "change organisation term list " + in_quotes(list_id));
      return;
    }
    if (team_manager_id.empty()) {
      throw Error(ErrorCode::invalid_argument,
                  "term list " + in_quotes(list_id) + ": a team list needs team_manager_id");
    }
    if (!scope.everything && (viewer.kind != ViewerKind::manager || !scope.contains(team_manager_id))) {
      not_permitted(
          viewer, "change term list " + in_quotes(list_id) + " of the team of " + in_quotes(team_manager_id));
    }
    if (!user_exists(team_manager_id)) not_found("user " + in_quotes(team_manager_id));
  }

  // Organisation lists plus the team lists of the given managers (JSON array).
  std::vector<TermList> load_term_lists(const std::string& teams_json) {
    std::vector<TermList> out;
    {
      auto s = db_.prepare(
          "SELECT id, name, kind, scope, team_manager_id FROM term_lists WHERE scope = 0 OR "
          "team_manager_id IN (SELECT value FROM json_each(?1)) ORDER BY scope, id");
      s.bind(1, std::string_view(teams_json));
      while (s.step()) {
        TermList list;
        list.id = s.text(0);
        list.name = s.text(1);
        list.kind = static_cast<StoredTermKind>(s.int64(2));
        list.scope = static_cast<TermListScope>(s.int64(3));
        list.team_manager_id = s.text(4);
        out.push_back(std::move(list));
      }
    }
    for (auto& list : out) {
      auto s = db_.prepare("SELECT name, variants FROM term_entries WHERE list_id = ?1 ORDER BY idx");
      s.bind(1, std::string_view(list.id));
      while (s.step()) {
        TrackedTermEntry entry;
        entry.name = s.text(0);
        std::string variants = s.text(1);
        std::size_t start = 0;
        while (start < variants.size()) {
          std::size_t end = variants.find('\n', start);
          if (end == std::string::npos) end = variants.size();
          entry.variants.push_back(variants.substr(start, end - start));
          start = end + 1;
        }
        list.terms.push_back(std::move(entry));
      }
    }
    return out;
  }

  void insert_log(std::string_view call_id, std::string_view seller_id, ProcessingStatus status,
                  std::string_view reason, std::int64_t at_ms) {
    auto s = db_.prepare(
        "INSERT INTO processing_log (call_id, seller_id, status, reason, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bind(1, call_id).bind(2, seller_id).bind(3, static_cast<int>(status)).bind(4, reason).bind(5, at_ms);
    s.run();
  }

  void check_analysis(const CallWithAnalysis& item) {
    const Call& call = item.call;
    const CallAnalysisRecord& a = item.analysis;
    const std::size_t n = call.segments.size();
    auto where = [&](const char* what, std::size_t i) {
      return "call " + in_quotes(call.id) + ": " + what + " " + std::to_string(i);
    };
    auto check_segment = [&](const char* what, std::size_t i, std::uint32_t segment) {
      if (segment >= n) {
        throw Error(ErrorCode::invalid_argument, where(what, i) + ": segment " + std::to_string(segment) +
                                                     " does not exist (the call has " + std::to_string(n) +
                                                     " segments)");
      }
    };
    for (std::size_t i = 0; i < a.term_hits.size(); ++i) {
      check_segment("term hit", i, a.term_hits[i].segment_index);
      // The message is built only on failure: this loop runs for every hit of a bulk ingestion.
      if (a.term_hits[i].term.empty() || !is_valid_utf8(a.term_hits[i].term)) {
        require_id(a.term_hits[i].term, where("term hit", i) + ": term");
      }
      if (a.term_hits[i].kind != StoredTermKind::keyword &&
          a.term_hits[i].kind != StoredTermKind::competitor) {
        throw Error(ErrorCode::invalid_argument, where("term hit", i) + ": kind " +
                                                     std::to_string(static_cast<int>(a.term_hits[i].kind)) +
                                                     " is neither keyword (0) nor competitor (1)");
      }
      if (static_cast<int>(a.term_hits[i].role) > static_cast<int>(Role::other)) {
        throw Error(ErrorCode::invalid_argument, where("term hit", i) + ": role " +
                                                     std::to_string(static_cast<int>(a.term_hits[i].role)) +
                                                     " is not a Role");
      }
    }
    for (std::size_t i = 0; i < a.prices.size(); ++i) {
      check_segment("price mention", i, a.prices[i].segment_index);
      require_text(a.prices[i].currency, where("price mention", i) + ": currency");
      require_text(a.prices[i].text, where("price mention", i) + ": text");
    }
    for (std::size_t i = 0; i < a.action_items.size(); ++i) {
      check_segment("action item", i, a.action_items[i].segment_index);
      require_text(a.action_items[i].text, where("action item", i) + ": text");
    }
    std::unordered_set<std::string_view> brands;
    for (std::size_t i = 0; i < a.brands.size(); ++i) {
      require_id(a.brands[i].normalized_name, where("brand", i) + ": normalized_name");
      require_text(a.brands[i].display_name, where("brand", i) + ": display_name");
      // Bounded so that the per-call and dashboard sums cannot overflow.
      if (a.brands[i].count < 1 || a.brands[i].count > 1'000'000'000) {
        throw Error(ErrorCode::invalid_argument, where("brand", i) +
                                                     ": count must be between 1 and 1000000000, got " +
                                                     std::to_string(a.brands[i].count));
      }
      if (!brands.insert(a.brands[i].normalized_name).second) {
        throw Error(ErrorCode::invalid_argument,
                    where("brand", i) + ": brand '" + a.brands[i].normalized_name + "' is listed twice");
      }
    }
    std::unordered_set<std::string_view> metric_names;
    for (std::size_t i = 0; i < a.extra_metrics.size(); ++i) {
      require_id(a.extra_metrics[i].first, where("extra metric", i) + ": name");
      if (!metric_names.insert(a.extra_metrics[i].first).second) {
        throw Error(ErrorCode::invalid_argument,
                    where("extra metric", i) + ": '" + a.extra_metrics[i].first + "' is listed twice");
      }
    }
    if (!a.segment_translations.empty() && a.segment_translations.size() != n) {
      throw Error(ErrorCode::invalid_argument,
                  "call " + in_quotes(call.id) + ": " + std::to_string(a.segment_translations.size()) +
                      " segment translations for " + std::to_string(n) + " segments");
    }
    for (std::size_t i = 0; i < a.segment_translations.size(); ++i) {
      require_text(a.segment_translations[i], where("segment translation", i));
    }
    require_text(a.customer_sentiment.label, "call " + in_quotes(call.id) + ": customer sentiment label");
    require_text(a.seller_sentiment.label, "call " + in_quotes(call.id) + ": seller sentiment label");
  }

  // The call's call_mentions row (schema 2): its hits counted per (kind, term, role), and brands.
  void insert_call_mentions(std::int64_t key, const Call& call, const CallAnalysisRecord& a) {
    if (a.term_hits.empty() && a.brands.empty()) return;
    const std::string packed = aggregates::pack_call_mentions(a.term_hits, a.brands);
    auto s = db_.prepare(
        "INSERT INTO call_mentions (seller_id, start_time_ms, call_key, mentions) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, std::string_view(call.owner_seller_id)).bind(2, call.start_time_ms).bind(3, key);
    s.bind_blob(4, packed.data(), packed.size());
    s.run();
  }

  void ingest_one(const Viewer& viewer, const Scope& scope, const CallWithAnalysis& item,
                  std::int64_t now_ms) {
    const Call& call = item.call;
    const CallAnalysisRecord& a = item.analysis;
    require_id(call.id, "call id");
    validate_call(call);
    check_analysis(item);
    if (call.owner_seller_id.empty()) {
      throw Error(ErrorCode::invalid_argument, "call " + in_quotes(call.id) + ": owner_seller_id is empty");
    }
    if (!scope.contains(call.owner_seller_id)) {
      not_permitted(viewer,
                    "store call " + in_quotes(call.id) + " of seller " + in_quotes(call.owner_seller_id));
    }
    if (!user_exists(call.owner_seller_id)) {
      throw Error(ErrorCode::not_found, "call " + in_quotes(call.id) + ": seller " +
                                            in_quotes(call.owner_seller_id) + " does not exist");
    }

    // Re-ingest: replace the call, keeping the comments whose anchor still exists.
    std::vector<Comment> kept_comments;
    {
      std::optional<std::int64_t> old_key;
      {
        auto s = db_.prepare("SELECT call_key, seller_id FROM calls WHERE id = ?1");
        s.bind(1, std::string_view(call.id));
        if (s.step()) {
          if (!scope.contains(s.text(1))) {
            not_permitted(viewer,
                          "replace call " + in_quotes(call.id) + " of seller " + in_quotes(s.text(1)));
          }
          old_key = s.int64(0);
        }
      }
      if (old_key) {
        {
          auto s = db_.prepare(
              "SELECT id, '', author_id, created_ms, offset_ms, segment_index, text FROM comments "
              "WHERE call_key = ?1");
          s.bind(1, *old_key);
          while (s.step()) {
            Comment c = read_comment(s);
            if (!c.segment_index || *c.segment_index < call.segments.size())
              kept_comments.push_back(std::move(c));
          }
        }
        auto s = db_.prepare("DELETE FROM calls WHERE call_key = ?1");
        s.bind(1, *old_key);
        s.run();
      }
    }

    const CallMetricsRecord& m = a.metrics;
    {
      auto s = db_.prepare(
          "INSERT INTO calls (id, start_time_ms, duration_ms, language, seller_id, account_id, "
          "contact_id, lead_id, opportunity_id, segment_count, participant_count, ingested_ms, "
          "translation_language, talk_ratio, seller_talk_ms, customer_talk_ms, switches, "
          "switch_rate_per_hour, average_pause_ms, patience_ms, longest_monologue_ms, "
          "longest_customer_monologue_ms, seller_words_per_minute, customer_words_per_minute, "
          "seller_questions, customer_questions, question_rate_per_hour, interactivity, "
          "interruptions, filler_words_per_minute, customer_sentiment, customer_sentiment_label, "
          "seller_sentiment, seller_sentiment_label, keyword_mentions, competitor_mentions, "
          "brand_mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
          "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, "
          "?34, ?35, ?36, ?37)");
      std::int64_t keyword_mentions = 0, competitor_mentions = 0, brand_mentions = 0;
      for (const auto& hit : a.term_hits) {
        ++(hit.kind == StoredTermKind::keyword ? keyword_mentions : competitor_mentions);
      }
      for (const auto& brand : a.brands) brand_mentions += brand.count;
      s.bind(1, std::string_view(call.id))
          .bind(2, call.start_time_ms)
          .bind(3, call.duration_ms)
          .bind(4, std::string_view(call.language))
          .bind(5, std::string_view(call.owner_seller_id))
          .bind_text_or_null(6, call.account_id)
          .bind_text_or_null(7, call.contact_id)
          .bind_text_or_null(8, call.lead_id)
          .bind_text_or_null(9, call.opportunity_id)
          .bind(10, static_cast<std::int64_t>(call.segments.size()))
          .bind(11, static_cast<std::int64_t>(call.participants.size()))
          .bind(12, now_ms)
          .bind_text_or_null(13, a.segment_translations.empty() ? std::string_view()
                                                                : std::string_view(a.translation_language))
          .bind(14, m.talk_ratio)
          .bind(15, m.seller_talk_ms)
          .bind(16, m.customer_talk_ms)
          .bind(17, m.switches)
          .bind(18, m.switch_rate_per_hour)
          .bind(19, m.average_pause_ms)
          .bind(20, m.patience_ms)
          .bind(21, m.longest_monologue_ms)
          .bind(22, m.longest_customer_monologue_ms)
          .bind(23, m.seller_words_per_minute)
          .bind(24, m.customer_words_per_minute)
          .bind(25, m.seller_questions)
          .bind(26, m.customer_questions)
          .bind(27, m.question_rate_per_hour)
          .bind(28, m.interactivity)
          .bind(29, m.interruptions)
          .bind(30, m.filler_words_per_minute)
          .bind(31, a.customer_sentiment.score)
          .bind_text_or_null(32, a.customer_sentiment.label)
          .bind(33, a.seller_sentiment.score)
          .bind_text_or_null(34, a.seller_sentiment.label)
          .bind(35, keyword_mentions)
          .bind(36, competitor_mentions)
          .bind(37, brand_mentions);
      s.run();
    }
    const std::int64_t key = db_.last_insert_rowid();
    for (std::size_t i = 0; i < call.participants.size(); ++i) {
      const Participant& p = call.participants[i];
      auto s = db_.prepare(
          "INSERT INTO participants (call_key, idx, speaker_id, display_name, role, crm_id) VALUES "
          "(?1, ?2, ?3, ?4, ?5, ?6)");
      s.bind(1, key)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, std::string_view(p.id))
          .bind(4, std::string_view(p.display_name))
          .bind(5, static_cast<int>(p.role))
          .bind_text_or_null(6, p.crm_id);
      s.run();
    }
    {
      auto s = db_.prepare(
          "INSERT INTO segments (call_key, idx, speaker, start_ms, end_ms, text, confidence, words, "
          "translation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      for (std::size_t i = 0; i < call.segments.size(); ++i) {
        const Segment& seg = call.segments[i];
        s.bind(1, key)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, static_cast<std::int64_t>(seg.speaker))
            .bind(4, seg.start_ms)
            .bind(5, seg.end_ms)
            .bind(6, std::string_view(seg.text))
            .bind(7, seg.confidence);
        if (seg.words.empty()) {
          s.bind_null(8);
        } else {
          encode_words(seg.words, words_buffer_);
          s.bind_blob(8, words_buffer_.data(), words_buffer_.size());
        }
        if (a.segment_translations.empty()) {
          s.bind_null(9);
        } else {
          s.bind(9, std::string_view(a.segment_translations[i]));
        }
        s.run();
        s.reset();
      }
    }
    for (const auto& [name, value] : a.extra_metrics) {
      auto s = db_.prepare("INSERT INTO call_metrics (call_key, name, value) VALUES (?1, ?2, ?3)");
      s.bind(1, key).bind(2, std::string_view(name)).bind(3, value);
      s.run();
    }
    if (!a.term_hits.empty()) {
      auto s = db_.prepare(
          "INSERT INTO term_hits (call_key, idx, term, kind, role, segment_index, offset_ms) VALUES "
          "(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      for (std::size_t i = 0; i < a.term_hits.size(); ++i) {
        const auto& h = a.term_hits[i];
        s.bind(1, key)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, std::string_view(h.term))
            .bind(4, static_cast<int>(h.kind))
            .bind(5, static_cast<int>(h.role))
            .bind(6, static_cast<std::int64_t>(h.segment_index))
            .bind(7, h.offset_ms);
        s.run();
        s.reset();
      }
    }
    for (const auto& b : a.brands) {
      auto s = db_.prepare(
          "INSERT INTO brand_mentions (call_key, normalized_name, display_name, count) VALUES (?1, ?2, ?3, "
          "?4)");
      s.bind(1, key)
          .bind(2, std::string_view(b.normalized_name))
          .bind(3, std::string_view(b.display_name))
          .bind(4, b.count);
      s.run();
    }
    insert_call_mentions(key, call, a);
    for (std::size_t i = 0; i < a.prices.size(); ++i) {
      const auto& p = a.prices[i];
      auto s = db_.prepare(
          "INSERT INTO price_mentions (call_key, idx, amount, currency, text, segment_index, "
          "offset_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      s.bind(1, key)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, p.amount)
          .bind(4, std::string_view(p.currency))
          .bind(5, std::string_view(p.text))
          .bind(6, static_cast<std::int64_t>(p.segment_index))
          .bind(7, p.offset_ms);
      s.run();
    }
    for (std::size_t i = 0; i < a.action_items.size(); ++i) {
      auto s = db_.prepare(
          "INSERT INTO action_items (call_key, idx, segment_index, text) VALUES (?1, ?2, ?3, ?4)");
      s.bind(1, key)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, static_cast<std::int64_t>(a.action_items[i].segment_index))
          .bind(4, std::string_view(a.action_items[i].text));
      s.run();
    }
    for (const Comment& c : kept_comments) {
      auto s = db_.prepare(
          "INSERT INTO comments (id, call_key, author_id, created_ms, offset_ms, segment_index, text) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      s.bind(1, std::string_view(c.id))
          .bind(2, key)
          .bind(3, std::string_view(c.author_id))
          .bind(4, c.created_ms)
          .bind(5, c.offset_ms);
      if (c.segment_index) s.bind(6, static_cast<std::int64_t>(*c.segment_index));
      s.bind(7, std::string_view(c.text));
      s.run();
    }
    insert_log(call.id, call.owner_seller_id, ProcessingStatus::analysed, {}, now_ms);
  }

  void put_activity(const Viewer& viewer, const Scope& scope, const Activity& a, std::size_t index) {
    std::string where = "activity " + std::to_string(index);
    require_id(a.id, where + ": id");
    for (const std::string* field : {&a.initiator_id, &a.subject, &a.thread_id, &a.message_id, &a.in_reply_to,
                                     &a.account_id, &a.contact_id, &a.lead_id, &a.opportunity_id}) {
      require_text(*field, where + " (" + in_quotes(a.id) + ")");
    }
    if (a.duration_ms < 0) {
      throw Error(ErrorCode::invalid_argument, where + " (" + in_quotes(a.id) + "): negative duration_ms " +
                                                   std::to_string(a.duration_ms));
    }
    check_owner(viewer, scope, a.owner_id, "store activity " + in_quotes(a.id) + " of ");
    {
      auto s = db_.prepare("SELECT owner_id FROM activities WHERE id = ?1");
      s.bind(1, std::string_view(a.id));
      if (s.step()) {
        if (!scope.contains(s.text(0))) {
          not_permitted(viewer, "replace activity " + in_quotes(a.id) + " of " + in_quotes(s.text(0)));
        }
        auto d = db_.prepare("DELETE FROM activities WHERE id = ?1");
        d.bind(1, std::string_view(a.id));
        d.run();
      }
    }
    {
      auto s = db_.prepare(
          "INSERT INTO activities (id, type, direction, owner_id, initiator_id, timestamp_ms, "
          "duration_ms, subject, thread_id, message_id, in_reply_to, automatic_reply, tracked, "
          "account_id, contact_id, lead_id, opportunity_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
      s.bind(1, std::string_view(a.id))
          .bind(2, static_cast<int>(a.type))
          .bind(3, static_cast<int>(a.direction))
          .bind(4, std::string_view(a.owner_id))
          .bind(5, std::string_view(a.initiator_id))
          .bind(6, a.timestamp_ms)
          .bind(7, a.duration_ms)
          .bind(8, std::string_view(a.subject))
          .bind(9, std::string_view(a.thread_id))
          .bind(10, std::string_view(a.message_id))
          .bind(11, std::string_view(a.in_reply_to))
          .bind(12, a.automatic_reply ? 1 : 0)
          .bind(13, a.tracked ? 1 : 0)
          .bind_text_or_null(14, a.account_id)
          .bind_text_or_null(15, a.contact_id)
          .bind_text_or_null(16, a.lead_id)
          .bind_text_or_null(17, a.opportunity_id);
      s.run();
    }
    const std::int64_t key = db_.last_insert_rowid();
    int side = 0;
    for (const auto* parties : {&a.our_side, &a.customer_side}) {
      for (std::size_t i = 0; i < parties->size(); ++i) {
        const ActivityParty& p = (*parties)[i];
        require_id(p.id, where + " (" + in_quotes(a.id) + "): participant " + std::to_string(i) + ": id");
        auto s = db_.prepare(
            "INSERT INTO activity_parties (activity_key, side, idx, party_id, display_name, email, "
            "time_zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        s.bind(1, key)
            .bind(2, side)
            .bind(3, static_cast<std::int64_t>(i))
            .bind(4, std::string_view(p.id))
            .bind(5, std::string_view(p.display_name))
            .bind(6, std::string_view(p.email))
            .bind(7, std::string_view(p.time_zone));
        s.run();
      }
      ++side;
    }
    for (std::size_t i = 0; i < a.references.size(); ++i) {
      require_text(a.references[i], where + " (" + in_quotes(a.id) + "): reference");
      auto s =
          db_.prepare("INSERT INTO activity_references (activity_key, idx, message_id) VALUES (?1, ?2, ?3)");
      s.bind(1, key).bind(2, static_cast<std::int64_t>(i)).bind(3, std::string_view(a.references[i]));
      s.run();
    }
    for (std::size_t i = 0; i < a.engagement.size(); ++i) {
      auto s = db_.prepare(
          "INSERT INTO activity_engagement (activity_key, idx, kind, time_ms) VALUES (?1, ?2, ?3, ?4)");
      s.bind(1, key)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, static_cast<int>(a.engagement[i].kind))
          .bind(4, a.engagement[i].time_ms);
      s.run();
    }
  }

  Database db_;
  std::string words_buffer_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteStoreOptions& options) {
  if (!options.create_if_missing) {
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
      std::fclose(f);
    } else {
      throw Error(ErrorCode::not_found, "store file '" + path + "' does not exist");
    }
  }
  return std::make_unique<SqliteStore>(path, options);
}

}  // namespace parley
