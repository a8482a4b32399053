#include "store/schema.hpp"

#include <array>
#include <string>

#include "parley/store.hpp"
#include "store/aggregates.hpp"

namespace parley::sqlite {
namespace {

// Migration N takes a file from version N-1 to N. Never edit a released migration: append one.
// Design notes (docs/store.md): child rows hang off calls by the integer rowid (smaller, faster
// keys than the text id) and go with ON DELETE CASCADE; per-call rows are WITHOUT ROWID tables
// keyed (call, index) so a call's rows are contiguous and appended in key order; the dashboard
// KPIs are columns of `calls`, so a seller's averages are one index range scan, no pivot.
constexpr const char* migration_1 = R"sql(
CREATE TABLE users (
  id           TEXT PRIMARY KEY NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  role         INTEGER NOT NULL CHECK (role IN (0, 1, 2)),
  manager_id   TEXT REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  time_zone    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX users_by_manager ON users(manager_id);

CREATE TABLE calls (
  call_key        INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  start_time_ms   INTEGER NOT NULL,
  duration_ms     INTEGER NOT NULL,
  language        TEXT NOT NULL,
  seller_id       TEXT NOT NULL REFERENCES users(id),
  account_id      TEXT,
  contact_id      TEXT,
  lead_id         TEXT,
  opportunity_id  TEXT,
  segment_count     INTEGER NOT NULL,
  participant_count INTEGER NOT NULL,
  ingested_ms       INTEGER NOT NULL,
  translation_language TEXT,
  -- the SPEC 6 KPIs, NULL where they do not apply
  talk_ratio                    REAL,
  seller_talk_ms                INTEGER NOT NULL,
  customer_talk_ms              INTEGER NOT NULL,
  switches                      INTEGER NOT NULL,
  switch_rate_per_hour          REAL,
  average_pause_ms              REAL,
  patience_ms                   REAL,
  longest_monologue_ms          INTEGER NOT NULL,
  longest_customer_monologue_ms INTEGER NOT NULL,
  seller_words_per_minute       REAL,
  customer_words_per_minute     REAL,
  seller_questions              INTEGER NOT NULL,
  customer_questions            INTEGER NOT NULL,
  question_rate_per_hour        REAL,
  interactivity                 REAL,
  interruptions                 INTEGER NOT NULL,
  filler_words_per_minute       REAL,
  customer_sentiment            REAL,
  customer_sentiment_label      TEXT,
  seller_sentiment              REAL,
  seller_sentiment_label        TEXT
);
CREATE INDEX calls_by_seller_time ON calls(seller_id, start_time_ms);
CREATE INDEX calls_by_time ON calls(start_time_ms);
CREATE INDEX calls_by_contact ON calls(contact_id) WHERE contact_id IS NOT NULL;

CREATE TABLE participants (
  call_key     INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  speaker_id   TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role         INTEGER NOT NULL,
  crm_id       TEXT,
  PRIMARY KEY (call_key, idx)
) WITHOUT ROWID;
CREATE INDEX participants_by_crm_id ON participants(crm_id) WHERE crm_id IS NOT NULL;

CREATE TABLE segments (
  call_key    INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  speaker     INTEGER NOT NULL,
  start_ms    INTEGER NOT NULL,
  end_ms      INTEGER NOT NULL,
  text        TEXT NOT NULL,
  confidence  REAL,
  words       BLOB,
  translation TEXT,
  PRIMARY KEY (call_key, idx)
) WITHOUT ROWID;

CREATE TABLE call_metrics (
  call_key INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  value    REAL NOT NULL,
  PRIMARY KEY (call_key, name)
) WITHOUT ROWID;

CREATE TABLE term_hits (
  call_key      INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  term          TEXT NOT NULL,
  kind          INTEGER NOT NULL,
  role          INTEGER NOT NULL,
  segment_index INTEGER NOT NULL,
  offset_ms     INTEGER NOT NULL,
  PRIMARY KEY (call_key, idx)
) WITHOUT ROWID;

CREATE TABLE brand_mentions (
  call_key        INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  normalized_name TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  count           INTEGER NOT NULL,
  PRIMARY KEY (call_key, normalized_name)
) WITHOUT ROWID;
CREATE INDEX brand_mentions_by_name ON brand_mentions(normalized_name);

CREATE TABLE price_mentions (
  call_key      INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  amount        REAL NOT NULL,
  currency      TEXT NOT NULL,
  text          TEXT NOT NULL,
  segment_index INTEGER NOT NULL,
  offset_ms     INTEGER NOT NULL,
  PRIMARY KEY (call_key, idx)
) WITHOUT ROWID;

CREATE TABLE action_items (
  call_key      INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  segment_index INTEGER NOT NULL,
  text          TEXT NOT NULL,
  PRIMARY KEY (call_key, idx)
) WITHOUT ROWID;

CREATE TABLE comments (
  id            TEXT PRIMARY KEY NOT NULL,
  call_key      INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  author_id     TEXT NOT NULL REFERENCES users(id),
  created_ms    INTEGER NOT NULL,
  offset_ms     INTEGER NOT NULL,
  segment_index INTEGER,
  text          TEXT NOT NULL
);
CREATE INDEX comments_by_call ON comments(call_key);
CREATE INDEX comments_by_author ON comments(author_id);

CREATE TABLE term_lists (
  id              TEXT PRIMARY KEY NOT NULL,
  name            TEXT NOT NULL,
  kind            INTEGER NOT NULL,
  scope           INTEGER NOT NULL,
  team_manager_id TEXT REFERENCES users(id),
  CHECK ((scope = 0) = (team_manager_id IS NULL))
);
CREATE TABLE term_entries (
  list_id  TEXT NOT NULL REFERENCES term_lists(id) ON DELETE CASCADE,
  idx      INTEGER NOT NULL,
  name     TEXT NOT NULL,
  variants TEXT NOT NULL,  -- newline-separated
  PRIMARY KEY (list_id, idx)
) WITHOUT ROWID;

CREATE TABLE opportunities (
  id                TEXT PRIMARY KEY NOT NULL,
  name              TEXT NOT NULL,
  account_id        TEXT,
  owner_id          TEXT NOT NULL REFERENCES users(id),
  status            INTEGER NOT NULL,
  estimated_revenue REAL NOT NULL,
  actual_revenue    REAL NOT NULL,
  currency          TEXT NOT NULL,
  created_ms        INTEGER NOT NULL,
  closed_ms         INTEGER
);
CREATE INDEX opportunities_by_owner ON opportunities(owner_id);

CREATE TABLE activities (
  activity_key    INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  type            INTEGER NOT NULL,
  direction       INTEGER NOT NULL,
  owner_id        TEXT NOT NULL REFERENCES users(id),
  initiator_id    TEXT NOT NULL,
  timestamp_ms    INTEGER NOT NULL,
  duration_ms     INTEGER NOT NULL,
  subject         TEXT NOT NULL,
  thread_id       TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  in_reply_to     TEXT NOT NULL,
  automatic_reply INTEGER NOT NULL,
  tracked         INTEGER NOT NULL,
  account_id      TEXT,
  contact_id      TEXT,
  lead_id         TEXT,
  opportunity_id  TEXT
);
CREATE INDEX activities_by_owner_time ON activities(owner_id, timestamp_ms);
CREATE INDEX activities_by_contact ON activities(contact_id) WHERE contact_id IS NOT NULL;

CREATE TABLE activity_parties (
  activity_key INTEGER NOT NULL REFERENCES activities(activity_key) ON DELETE CASCADE,
  side         INTEGER NOT NULL,  -- 0 ours, 1 the customer's
  idx          INTEGER NOT NULL,
  party_id     TEXT NOT NULL,
  display_name TEXT NOT NULL,
  email        TEXT NOT NULL,
  time_zone    TEXT NOT NULL,
  PRIMARY KEY (activity_key, side, idx)
) WITHOUT ROWID;
CREATE INDEX activity_parties_by_party ON activity_parties(party_id);

CREATE TABLE activity_references (
  activity_key INTEGER NOT NULL REFERENCES activities(activity_key) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  message_id   TEXT NOT NULL,
  PRIMARY KEY (activity_key, idx)
) WITHOUT ROWID;

CREATE TABLE activity_engagement (
  activity_key INTEGER NOT NULL REFERENCES activities(activity_key) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  kind         INTEGER NOT NULL,
  time_ms      INTEGER NOT NULL,
  PRIMARY KEY (activity_key, idx)
) WITHOUT ROWID;

-- '' = the organisation; else the team manager's id.
CREATE TABLE retention_policies (
  scope_key TEXT PRIMARY KEY NOT NULL,
  days      INTEGER NOT NULL CHECK (days >= 1)
);

CREATE TABLE processing_log (
  seq       INTEGER PRIMARY KEY,
  call_id   TEXT NOT NULL,
  seller_id TEXT NOT NULL,
  status    INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  at_ms     INTEGER NOT NULL
);
CREATE INDEX processing_log_by_time ON processing_log(at_ms);
CREATE INDEX processing_log_by_call ON processing_log(call_id);
CREATE INDEX processing_log_by_seller ON processing_log(seller_id);
)sql";

// Version 2: what dashboards read, shaped for range scans by seller and time.
// - Each call's mention counts as columns of `calls` ("calls with keywords" needs no probe).
// - calls_by_seller_time also carries the KPI columns, so per-seller totals over a period are read
//   from the index alone, without a table lookup per call.
// - activities_by_owner_time carries type, direction and duration (activity_totals, index only).
// - call_mentions: one row per call with mentions, clustered by (seller, start), holding the call's
//   mentions packed (store/aggregates.hpp), so a team's period is one contiguous range with one
//   row per call. Filled from the hits and brands by fill_call_mentions below.
constexpr const char* migration_2 = R"sql(
ALTER TABLE calls ADD COLUMN keyword_mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN competitor_mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN brand_mentions INTEGER NOT NULL DEFAULT 0;
UPDATE calls SET
  keyword_mentions = (SELECT COUNT(*) FROM term_hits h WHERE h.call_key = calls.call_key AND h.kind = 0),
  competitor_mentions = (SELECT COUNT(*) FROM term_hits h WHERE h.call_key = calls.call_key AND h.kind = 1),
  brand_mentions = (SELECT COALESCE(SUM(b.count), 0) FROM brand_mentions b WHERE b.call_key = calls.call_key);

DROP INDEX calls_by_seller_time;
CREATE INDEX calls_by_seller_time ON calls(seller_id, start_time_ms, duration_ms, talk_ratio,
  seller_words_per_minute, switches, switch_rate_per_hour, average_pause_ms, patience_ms,
  longest_monologue_ms, longest_customer_monologue_ms, question_rate_per_hour, customer_sentiment,
  customer_sentiment_label, keyword_mentions, competitor_mentions, brand_mentions);

-- Likewise for the engagement hours of the home page.
DROP INDEX activities_by_owner_time;
CREATE INDEX activities_by_owner_time ON activities(owner_id, timestamp_ms, type, direction, duration_ms);

CREATE TABLE call_mentions (
  seller_id     TEXT NOT NULL,
  start_time_ms INTEGER NOT NULL,
  call_key      INTEGER NOT NULL REFERENCES calls(call_key) ON DELETE CASCADE,
  mentions      BLOB NOT NULL,
  PRIMARY KEY (seller_id, start_time_ms, call_key)
) WITHOUT ROWID;
CREATE INDEX call_mentions_by_call ON call_mentions(call_key);
)sql";

// Version 3: one tracked term, one name per figure.
// - term_entries becomes tracked_terms and keeps every option of a TrackedTerm (kind,
//   match_related_forms, said_by as SpeakerFilter, only_in_questions); the kind moves from the
//   list to each term (a list's terms took its kind before, so every existing term gets its
//   list's). A list keeps the scope its terms share; its team column is named as TermScope names
//   it (team_id, the team manager's user id).
// - The seller's figures among the call KPIs say so, as CallMetricsRecord does (timing's
//   longest_monologue_ms is anyone's): the indexes that carry them follow the renames.
constexpr const char* migration_3 = R"sql(
ALTER TABLE term_entries RENAME TO tracked_terms;
ALTER TABLE tracked_terms ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracked_terms ADD COLUMN match_related_forms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracked_terms ADD COLUMN said_by INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracked_terms ADD COLUMN only_in_questions INTEGER NOT NULL DEFAULT 0;
UPDATE tracked_terms SET kind = (SELECT l.kind FROM term_lists l WHERE l.id = tracked_terms.list_id);
ALTER TABLE term_lists DROP COLUMN kind;
ALTER TABLE term_lists RENAME COLUMN team_manager_id TO team_id;

ALTER TABLE calls RENAME COLUMN longest_monologue_ms TO seller_longest_monologue_ms;
ALTER TABLE calls RENAME COLUMN longest_customer_monologue_ms TO customer_longest_monologue_ms;
ALTER TABLE calls RENAME COLUMN question_rate_per_hour TO seller_question_rate_per_hour;
ALTER TABLE calls RENAME COLUMN filler_words_per_minute TO seller_filler_words_per_minute;
)sql";

// Version 4: an email's attachments are counted (Activity::attachment_count); stored activities
// had none counted.
constexpr const char* migration_4 = R"sql(
ALTER TABLE activities ADD COLUMN attachment_count INTEGER NOT NULL DEFAULT 0;
)sql";

// Packs every stored call's hits and brands into call_mentions (the hits in their stored order).
void fill_call_mentions(Database& db) {
  auto calls = db.prepare(
      "SELECT call_key, seller_id, start_time_ms FROM calls WHERE keyword_mentions + competitor_mentions + "
      "brand_mentions > 0");
  auto hits = db.prepare("SELECT term, kind, role FROM term_hits WHERE call_key = ?1 ORDER BY idx");
  auto brands = db.prepare(
      "SELECT normalized_name, display_name, count FROM brand_mentions WHERE call_key = ?1 ORDER BY "
      "normalized_name");
  auto insert = db.prepare(
      "INSERT INTO call_mentions (seller_id, start_time_ms, call_key, mentions) VALUES (?1, ?2, ?3, ?4)");
  std::vector<TermHitRecord> hit_records;
  std::vector<BrandMentionRecord> brand_records;
  while (calls.step()) {
    const std::int64_t key = calls.int64(0);
    hit_records.clear();
    brand_records.clear();
    hits.bind(1, key);
    while (hits.step()) {
      hit_records.push_back(
          {hits.text(0), static_cast<TermKind>(hits.int64(1)), static_cast<Role>(hits.int64(2)), 0, 0});
    }
    hits.reset();
    brands.bind(1, key);
    while (brands.step()) brand_records.push_back({brands.text(0), brands.text(1), brands.int64(2)});
    brands.reset();
    const std::string packed = aggregates::pack_call_mentions(hit_records, brand_records);
    insert.bind(1, calls.text_view(1)).bind(2, calls.int64(2)).bind(3, key);
    insert.bind_blob(4, packed.data(), packed.size());
    insert.run();
    insert.reset();
  }
}

struct Migration {
  const char* sql;
  void (*fill)(Database&);  // data the SQL cannot compute, or nullptr
};

constexpr std::array<Migration, 4> migrations = {
    Migration{migration_1, nullptr}, Migration{migration_2, &fill_call_mentions},
    Migration{migration_3, nullptr}, Migration{migration_4, nullptr}};
static_assert(migrations.size() == static_cast<std::size_t>(sqlite_schema_version));

int user_version(Database& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.int64(0));
}

}  // namespace

void migrate(Database& db) {
  int version = user_version(db);
  if (version > sqlite_schema_version) {
    throw Error(ErrorCode::storage, "the store's schema version " + std::to_string(version) +
                                        " is newer than this parley's (" +
                                        std::to_string(sqlite_schema_version) + ")");
  }
  while (version < sqlite_schema_version) {
    Transaction tx(db, Transaction::Kind::write);
    // Re-read inside the write lock: another connection may have migrated meanwhile.
    version = user_version(db);
    if (version >= sqlite_schema_version) break;
    const Migration& migration = migrations[static_cast<std::size_t>(version)];
    db.exec(migration.sql);
    if (migration.fill != nullptr) migration.fill(db);
    ++version;
    std::string pragma = "PRAGMA user_version = " + std::to_string(version);
    db.exec(pragma.c_str());
    tx.commit();
  }
}

}  // namespace parley::sqlite
