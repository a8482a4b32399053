#pragma once
// Storage (SPEC 8): the Store interface every host talks to, and its embedded SQLite adapter.
//
// Every method takes the Viewer on whose behalf it runs first. A seller sees their own calls; a
// manager sees themself and the users below them down to Viewer::hierarchy_depth levels; an
// administrator sees everything. A request outside the viewer's scope throws
// Error(ErrorCode::not_permitted) naming the viewer, the action and the id asked for (never the
// object's owner), and returns no data.
//
// Scope before existence: every method checks an id against the viewer's scope before it checks
// that the object exists, so a viewer cannot learn which ids exist outside their scope. For a
// viewer other than an administrator, an id outside the scope and an id that names nothing give
// the same not_permitted error with the same message ("not permitted: seller 's2' may not see
// call 'c9'"). An administrator's scope is everything, so for them an unknown id is not_found
// ("call 'c9' does not exist"). Filters select within the scope: naming an out-of-scope or
// unknown seller is not_permitted for those viewers too, and an administrator's filter naming an
// unknown seller selects nothing. The one thing a write can reveal is that an id the host chose
// for a new call, opportunity, activity, comment or term list is taken outside the scope
// ("may not replace call 'c9'"): ids are unique across the store.
//
// Threading: a Store handle is one-thread-at-a-time. For concurrency open one handle per thread on
// the same file (WAL mode: readers never block the writer; each read method runs in one read
// transaction, so it sees one consistent snapshot).
//
// Errors: not_permitted (scope), not_found (unknown call, user, comment... for an administrator),
// invalid_argument (bad values), storage (SQLite failures, with SQLite's message).
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/crm.hpp"
#include "parley/model.hpp"
#include "parley/sentiment.hpp"
#include "parley/terms.hpp"

namespace parley {

// ---------------------------------------------------------------------------------------------
// Who is asking.

enum class ViewerKind : std::uint8_t { seller, manager, administrator };

struct Viewer {
  std::string user_id;  // a stored User id
  ViewerKind kind = ViewerKind::seller;
  // Managers: how many levels below them they see (1 = direct reports, 2 = their reports too).
  // Must be >= 1; unlimited_depth sees the whole subtree. Ignored for sellers and administrators.
  int hierarchy_depth = 1;

  static constexpr int unlimited_depth = std::numeric_limits<int>::max();

  static Viewer seller(std::string id) { return {std::move(id), ViewerKind::seller, 1}; }
  static Viewer manager(std::string id, int depth = 1) { return {std::move(id), ViewerKind::manager, depth}; }
  static Viewer administrator(std::string id) { return {std::move(id), ViewerKind::administrator, 1}; }
};

// ---------------------------------------------------------------------------------------------
// A call's analysis in storage form. Deliberately independent of the analysis areas' own structs:
// the host (or parley's pipeline) maps CallAnalysis into it. Optional metrics are absent (stored
// NULL) when they do not apply, e.g. no patience without a customer-to-seller hand-over; averages
// over calls then skip them.

struct CallMetricsRecord {
  std::optional<double> talk_ratio;  // seller talk / (seller + customer talk), 0..1
  std::int64_t seller_talk_ms = 0;
  std::int64_t customer_talk_ms = 0;
  std::int64_t switches = 0;                   // seller <-> customer role changes
  std::optional<double> switch_rate_per_hour;  // switches per hour of call duration
  std::optional<double> average_pause_ms;
  std::optional<double> patience_ms;  // mean pause before a seller turn after a customer turn
  // The longest monologue of the seller side and of the customer side ("longest customer story");
  // CallTiming::longest_monologue_ms is anyone's, RoleTiming's is per role, as here.
  std::int64_t seller_longest_monologue_ms = 0;
  std::int64_t customer_longest_monologue_ms = 0;
  std::optional<double> seller_words_per_minute;
  std::optional<double> customer_words_per_minute;
  std::int64_t seller_questions = 0;
  std::int64_t customer_questions = 0;
  std::optional<double> seller_question_rate_per_hour;  // seller questions per call hour
  std::optional<double> interactivity;                  // 0..10
  std::int64_t interruptions = 0;
  std::optional<double> seller_filler_words_per_minute;  // seller fillers per minute of seller talk
};

// A sentiment result: score in [-1, 1] and its label ("positive", "neutral", "negative").
struct SentimentRecord {
  std::optional<double> score;  // absent when the side never spoke
  std::string label;            // empty when score is absent
};

struct TermHitRecord {
  std::string term;  // the tracked term's canonical name (not the variant said)
  TermKind kind = TermKind::keyword;
  Role role = Role::other;  // who said it
  std::uint32_t segment_index = 0;
  std::int64_t offset_ms = 0;  // from call start
};

struct BrandMentionRecord {
  std::string normalized_name;  // matching key ("contoso ltd")
  std::string display_name;     // as first written ("Contoso Ltd")
  std::int64_t count = 0;       // mentions in this call
};

struct PriceMentionRecord {
  double amount = 0;
  std::string currency;  // ISO 4217 code when known ("USD"), else as said
  std::string text;      // the words as said ("$1,200")
  std::uint32_t segment_index = 0;
  std::int64_t offset_ms = 0;
};

struct ActionItemRecord {
  std::uint32_t segment_index = 0;
  std::string text;
};

struct CallAnalysisRecord {
  CallMetricsRecord metrics;
  // Further named metrics (name -> value), for KPIs the fixed columns do not hold.
  std::vector<std::pair<std::string, double>> extra_metrics;
  SentimentRecord customer_sentiment;
  SentimentRecord seller_sentiment;
  std::vector<TermHitRecord> term_hits;
  std::vector<BrandMentionRecord> brands;
  std::vector<PriceMentionRecord> prices;
  std::vector<ActionItemRecord> action_items;
  // The host's translation of each segment (SPEC 4): empty, or one string per segment.
  std::vector<std::string> segment_translations;
  std::string translation_language;  // BCP 47 tag of the translations ("en")
};

struct CallWithAnalysis {
  Call call;
  CallAnalysisRecord analysis;
};

// One row of the call history: a call without its transcript.
struct CallSummary {
  std::string id;
  std::int64_t start_time_ms = 0;
  std::int64_t duration_ms = 0;
  std::string language;
  std::string seller_id;
  std::string account_id, contact_id, lead_id, opportunity_id;
  std::int64_t segment_count = 0;
  std::int64_t participant_count = 0;
  CallMetricsRecord metrics;
  SentimentRecord customer_sentiment;
  SentimentRecord seller_sentiment;
  std::int64_t keyword_mentions = 0;     // tracked-keyword hits, any speaker
  std::int64_t competitor_mentions = 0;  // tracked-competitor hits, any speaker
  std::int64_t brand_mentions = 0;       // other brands and organisations (sum of their counts)
};

// ---------------------------------------------------------------------------------------------
// Filters. Times are UTC instants in ms; ranges are half-open [from_ms, to_ms).

// The order of call_summaries.
enum class CallOrder : std::uint8_t {
  newest_first,         // start time descending, then id
  most_negative_first,  // customer sentiment score ascending (calls without one last), then id
};

struct CallFilter {
  // Sellers whose calls to include; empty = every seller in the viewer's scope. Naming a seller
  // outside the scope is not_permitted (never silently dropped).
  std::vector<std::string> seller_ids;
  std::int64_t from_ms = std::numeric_limits<std::int64_t>::min();
  std::int64_t to_ms = std::numeric_limits<std::int64_t>::max();
  std::string account_id, contact_id, lead_id, opportunity_id;  // empty = any
  // Only calls whose customer sentiment score is below this (calls without a score never match).
  std::optional<double> customer_sentiment_below;
  std::size_t limit = 0;  // call_summaries only: the first `limit` calls in `order`, 0 = no limit
  CallOrder order = CallOrder::newest_first;  // call_summaries only
};

// A term hit with the call it belongs to.
struct TermHitRow {
  std::string call_id;
  std::string seller_id;
  std::int64_t call_start_ms = 0;
  TermHitRecord hit;
};

// Mentions of one tracked term over the filtered calls.
struct StoredTermCount {
  std::string term;
  TermKind kind = TermKind::keyword;
  std::int64_t mentions = 0;
  std::int64_t calls = 0;  // distinct calls mentioning it
};

// A brand or organisation and the call it was first mentioned in.
struct StoredBrandFirstMention {
  std::string normalized_name;
  std::string display_name;
  std::string first_call_id;
  std::int64_t first_call_start_ms = 0;
  std::int64_t mentions = 0;  // over all calls of the filter's sellers (any time)
};

struct BrandMentionRow {
  std::string call_id;
  std::string seller_id;
  std::int64_t call_start_ms = 0;
  BrandMentionRecord brand;
};

// ---------------------------------------------------------------------------------------------
// Aggregates for dashboards: totals the store computes, so that a page over tens of thousands of
// calls does not carry every row to the caller (docs/store.md, "Aggregates").
//
// Time buckets: `bucket_edges` are ascending instants; bucket j holds the calls that start in
// [bucket_edges[j], bucket_edges[j + 1]). A call outside every bucket (every call, when fewer than
// two edges are given) is in bucket -1. Edges that are not strictly ascending are invalid_argument.

// The sum of a per-call metric over a group of calls, and how many calls it applied to (a metric
// that is absent on a call adds to neither), so that averages can be taken and combined.
struct MetricTotal {
  double sum = 0;
  std::int64_t count = 0;
};

// The totals of one seller's calls in one time bucket.
struct CallTotals {
  std::string seller_id;
  std::int32_t bucket = -1;
  std::int64_t calls = 0;
  std::int64_t duration_ms = 0;
  std::int64_t first_start_ms = 0;  // the earliest call start in the group
  std::int64_t last_start_ms = 0;   // the latest
  MetricTotal talk_ratio, seller_words_per_minute, switches, switch_rate_per_hour, average_pause_ms,
      patience_ms, seller_longest_monologue_ms, customer_longest_monologue_ms, seller_question_rate_per_hour,
      customer_sentiment;
  // Calls by customer sentiment label; `neutral` counts every other non-empty label.
  std::int64_t positive_calls = 0, neutral_calls = 0, negative_calls = 0;
  std::int64_t calls_with_keywords = 0;
  std::int64_t calls_with_competitors = 0;
  std::int64_t calls_with_brands = 0;
  std::int64_t calls_with_competitors_or_brands = 0;
};

// What a mention is of: a tracked keyword or competitor (a TermKind), or another brand or
// organisation (found by the signals, not tracked).
enum class MentionKind : std::uint8_t { keyword, competitor, brand };
// "keyword", "competitor", "brand".
std::string_view mention_kind_name(MentionKind kind) noexcept;
// The kind of a tracked term's mentions.
constexpr MentionKind mention_kind_of(TermKind kind) noexcept {
  return kind == TermKind::competitor ? MentionKind::competitor : MentionKind::keyword;
}

// Mentions of one name, said by one role, in one seller's calls of one time bucket.
struct MentionTotals {
  MentionKind kind = MentionKind::keyword;
  std::string name;          // a tracked term's canonical name, or a brand's normalized name
  std::optional<Role> role;  // who said it; brands are counted per call, without a speaker
  std::string seller_id;
  std::int32_t bucket = -1;
  std::int64_t mentions = 0;
  // Distinct calls. A call has one seller and one bucket, so these add up across groups of the
  // same (kind, name, role).
  std::int64_t calls = 0;
};

// One (kind, name, role) that has mentions: how to show it and the calls behind it.
struct MentionSubject {
  MentionKind kind = MentionKind::keyword;
  std::string name;
  std::optional<Role> role;
  // Terms: the name. Brands: as written in the earliest mentioning call of the filter (then by
  // call id).
  std::string display_name;
  // Calls in buckets >= 0 mentioning it, newest first (then by id), at most `recent_calls`.
  std::vector<std::string> recent_call_ids;
};

struct MentionSummary {
  std::vector<MentionTotals> totals;     // by kind, name, role (absent first), seller, bucket
  std::vector<MentionSubject> subjects;  // by kind, name, role
};

// How many calls match a filter, and when the first and last of them started (0 without calls).
struct CallSpan {
  std::int64_t calls = 0;
  std::int64_t first_start_ms = 0;
  std::int64_t last_start_ms = 0;
};

// Activities of one owner, type and direction.
struct ActivityTotals {
  std::string owner_id;
  ActivityType type = ActivityType::email;
  ActivityDirection direction = ActivityDirection::sent;
  std::int64_t activities = 0;
  std::int64_t duration_ms = 0;
};

// ---------------------------------------------------------------------------------------------
// Tracked-term lists (SPEC 4): organisation-wide (set by an administrator) or team-scoped (set by
// the team's manager or an administrator; applies to the sellers below that manager). A list holds
// TrackedTerms, the type the matcher takes, and the store keeps every option of each term.
//
// In the store a team is named by its manager: a team scope's team_id is the manager's user id
// (the team is the subtree below them).
//
// One truth per property. Scope belongs to the list: every term of a list has the list's scope
// (put_term_list rejects a term whose scope differs, naming it), and terms read back carry it.
// Kind belongs to the term: one list may hold keywords and competitors.
struct TermList {
  std::string id;    // chosen by the host; putting an existing id replaces the list
  std::string name;  // display name
  TermScope scope;   // organisation, or team (team_id = the team manager's user id)
  // Names and variants non-empty, variants without newlines; every option is stored as given.
  std::vector<TrackedTerm> terms;
};

// ---------------------------------------------------------------------------------------------
// Retention (SPEC 8). A call is purged when start_time_ms + days * 86'400'000 < now. The period
// that applies to a seller is the one of the nearest team (the seller's manager, then theirs...)
// that has one, else the organisation's; with none, calls are kept.

struct RetentionPolicy {
  TermScope scope;        // organisation, or team (team_id = the team manager's user id)
  std::int64_t days = 0;  // >= 1
};

struct PurgeReport {
  std::int64_t calls_deleted = 0;
};

// What a deletion removed (rows of each kind), for the host's audit log.
struct DeletionReport {
  std::int64_t calls_deleted = 0;
  std::int64_t comments_deleted = 0;  // besides those on deleted calls
  std::int64_t activities_deleted = 0;
  std::int64_t activity_participations_removed = 0;  // the person removed from others' activities
  std::int64_t call_participations_anonymised = 0;   // the person's speaker rows in others' calls
  std::int64_t opportunities_deleted = 0;
  std::int64_t term_lists_deleted = 0;
  std::int64_t users_deleted = 0;
};

// ---------------------------------------------------------------------------------------------
// Processing monitoring (SPEC 6): received / analysed / failed with the reason.

enum class ProcessingStatus : std::uint8_t { received, analysed, failed };
// "received", "analysed", "failed".
std::string_view processing_status_name(ProcessingStatus status) noexcept;

struct ProcessingEvent {
  std::string call_id;
  std::string seller_id;
  ProcessingStatus status = ProcessingStatus::received;
  std::string reason;  // failed: why
  std::int64_t at_ms = 0;
};

struct ProcessingSummary {
  std::int64_t received = 0;  // distinct calls with any event in the range
  std::int64_t analysed = 0;  // distinct calls with an `analysed` event
  std::int64_t failed = 0;    // distinct calls whose latest event is `failed`
  std::vector<std::pair<std::string, std::int64_t>> failure_reasons;  // reason -> calls, most first
};

struct OpportunityFilter {
  std::vector<std::string> owner_ids;  // empty = every owner in the viewer's scope
  std::string account_id;              // empty = any
  // Opportunities created before to_ms and (open, or closed at or after from_ms).
  std::int64_t from_ms = std::numeric_limits<std::int64_t>::min();
  std::int64_t to_ms = std::numeric_limits<std::int64_t>::max();
};

struct ActivityFilter {
  std::vector<std::string> owner_ids;                           // empty = every owner in the viewer's scope
  std::string account_id, contact_id, lead_id, opportunity_id;  // empty = any
  std::int64_t from_ms = std::numeric_limits<std::int64_t>::min();
  std::int64_t to_ms = std::numeric_limits<std::int64_t>::max();
};

// ---------------------------------------------------------------------------------------------
// The interface, in cohesive parts that Store combines: a host holds one Store; a function that
// needs only one part (or a test double) may take that part. An SQLite file is the embedded
// default; a server database can implement the same.

// Users and hierarchy.
class UserStore {
 public:
  virtual ~UserStore() = default;
  // Administrators only; inserts or replaces by id, checks that every manager exists (in the store
  // or the batch) and that the hierarchy has no cycle. On an empty store (no administrator yet) an
  // administrator viewer is accepted so the first users can be created.
  virtual void put_users(const Viewer& viewer, std::span<const User> users) = 0;
  // The viewer and every user in their scope.
  virtual std::vector<User> users(const Viewer& viewer) = 0;
  virtual User user(const Viewer& viewer, std::string_view user_id) = 0;
  // Ids of the users in the viewer's scope (the viewer first), as access checks see them.
  virtual std::vector<std::string> scope_user_ids(const Viewer& viewer) = 0;
};

// Calls with their analysis: storing them, and reading them row by row.
class CallStore {
 public:
  virtual ~CallStore() = default;
  // Stores every call with its analysis in one transaction and logs an `analysed` processing
  // event per call. All or nothing: if any call is refused, nothing of the batch is stored or
  // logged. Re-ingesting an existing call id replaces the call and its analysis, and keeps its
  // comments whose anchor still exists (documented in docs/store.md). Each call's owner seller must
  // be a stored user in the viewer's scope.
  //
  // A call is stored with duration_ms = Call::effective_duration_ms() (readers of formats without a
  // duration leave 0). A call without segments is not stored: it is logged as `failed`, reason
  // "no segments", and counts in no dashboard. Every other call is checked first and refused with
  // Error(invalid_argument) naming the call, the field and the value: a call id twice in the batch;
  // start_time_ms <= 0 (unset: the host sets it); validate_call; ratios (talk_ratio) in [0, 1],
  // interactivity in [0, 10]; talk times, monologues, pauses and offsets within [0, the call's
  // length]; counts >= 0; rates and amounts finite and >= 0; sentiment scores in [-1, 1] with the
  // label SqliteStoreOptions::sentiment_labels gives them (both absent when a side never spoke);
  // hits, prices and action items naming existing segments; extra metrics finite (docs/store.md).
  virtual void ingest_calls(const Viewer& viewer, std::span<const CallWithAnalysis> calls,
                            std::int64_t now_ms) = 0;
  virtual CallWithAnalysis load_call(const Viewer& viewer, std::string_view call_id) = 0;
  // In filter.order (newest first by default).
  virtual std::vector<CallSummary> call_summaries(const Viewer& viewer, const CallFilter& filter) = 0;
  virtual std::vector<TermHitRow> term_hits(const Viewer& viewer, const CallFilter& filter) = 0;
  // Counts per term, most mentioned first; `role` restricts to hits said by that role.
  virtual std::vector<StoredTermCount> term_counts(const Viewer& viewer, const CallFilter& filter,
                                                   std::optional<Role> role) = 0;
  virtual std::vector<BrandMentionRow> brand_mentions(const Viewer& viewer, const CallFilter& filter) = 0;
  // Brands whose first mention (over all calls of the filter's sellers) lies in the filter's time
  // range, oldest first.
  virtual std::vector<StoredBrandFirstMention> brand_first_mentions(const Viewer& viewer,
                                                                    const CallFilter& filter) = 0;
};

// Aggregates for dashboards (see above), over the calls of the filter (limit and order do not
// apply).
class AggregateStore {
 public:
  virtual ~AggregateStore() = default;
  virtual CallSpan call_span(const Viewer& viewer, const CallFilter& filter) = 0;
  // Grouped by seller and bucket, ordered by seller id, then bucket.
  virtual std::vector<CallTotals> call_totals(const Viewer& viewer, const CallFilter& filter,
                                              std::span<const std::int64_t> bucket_edges) = 0;
  // Tracked-term hits and brand mentions grouped by (kind, name, role, seller, bucket), with the
  // `recent_calls` newest calls behind each (kind, name, role).
  virtual MentionSummary mention_totals(const Viewer& viewer, const CallFilter& filter,
                                        std::span<const std::int64_t> bucket_edges,
                                        std::size_t recent_calls) = 0;
  // Grouped by owner, type and direction, ordered that way.
  virtual std::vector<ActivityTotals> activity_totals(const Viewer& viewer, const ActivityFilter& filter) = 0;
};

// Tracked-term lists.
class TermListStore {
 public:
  virtual ~TermListStore() = default;
  virtual void put_term_list(const Viewer& viewer, const TermList& list) = 0;
  virtual void delete_term_list(const Viewer& viewer, std::string_view list_id) = 0;
  // Organisation lists and the team lists of teams the viewer may see.
  virtual std::vector<TermList> term_lists(const Viewer& viewer) = 0;
  // The lists that apply to a seller's calls: organisation lists and the lists of every team the
  // seller belongs to (their manager, that manager's manager...).
  virtual std::vector<TermList> term_lists_for_seller(const Viewer& viewer, std::string_view seller_id) = 0;
};

// Comments on calls: anyone who may see the call may comment; the author or an administrator may
// delete.
class CommentStore {
 public:
  virtual ~CommentStore() = default;
  // Returns the comment's id.
  virtual std::string add_comment(const Viewer& viewer, const Comment& comment) = 0;
  virtual void delete_comment(const Viewer& viewer, std::string_view comment_id) = 0;
  // Oldest first.
  virtual std::vector<Comment> comments_for_call(const Viewer& viewer, std::string_view call_id) = 0;
  // Comments on the seller's calls started in [from_ms, to_ms), newest first.
  virtual std::vector<Comment> comments_for_seller(const Viewer& viewer, std::string_view seller_id,
                                                   std::int64_t from_ms, std::int64_t to_ms) = 0;
};

// Opportunities and activities (owner must be in the viewer's scope). Put = insert or replace.
class CrmRecordStore {
 public:
  virtual ~CrmRecordStore() = default;
  virtual void put_opportunities(const Viewer& viewer, std::span<const Opportunity> items) = 0;
  virtual std::vector<Opportunity> opportunities(const Viewer& viewer, const OpportunityFilter& filter) = 0;
  virtual void put_activities(const Viewer& viewer, std::span<const Activity> items) = 0;
  // Oldest first.
  virtual std::vector<Activity> activities(const Viewer& viewer, const ActivityFilter& filter) = 0;
};

// Retention and deletion. set_retention / purge_expired / delete_contact_data: administrators.
// delete_seller_data: administrators, or a manager for a user in their scope other than themself.
// Deletions remove everything about the person and nothing else (docs/store.md).
class RetentionStore {
 public:
  virtual ~RetentionStore() = default;
  virtual void set_retention(const Viewer& viewer, const RetentionPolicy& policy) = 0;
  virtual void clear_retention(const Viewer& viewer, const TermScope& scope) = 0;
  virtual std::vector<RetentionPolicy> retention_policies(const Viewer& viewer) = 0;
  virtual PurgeReport purge_expired(const Viewer& viewer, std::int64_t now_ms) = 0;
  virtual DeletionReport delete_seller_data(const Viewer& viewer, std::string_view seller_id) = 0;
  virtual DeletionReport delete_contact_data(const Viewer& viewer, std::string_view contact_id) = 0;
};

// Processing log. Events are recorded for sellers in the viewer's scope; ingest_calls records
// `analysed` itself (and `failed`, "no segments", for a call without segments). The summary covers events in
// [from_ms, to_ms) of sellers in scope.
class ProcessingLogStore {
 public:
  virtual ~ProcessingLogStore() = default;
  virtual void log_processing(const Viewer& viewer, const ProcessingEvent& event) = 0;
  virtual ProcessingSummary processing_summary(const Viewer& viewer, std::int64_t from_ms,
                                               std::int64_t to_ms) = 0;
  virtual std::vector<ProcessingEvent> processing_events(const Viewer& viewer, std::int64_t from_ms,
                                                         std::int64_t to_ms) = 0;
};

// Everything a host stores and reads, on one handle.
class Store : public UserStore,
              public CallStore,
              public AggregateStore,
              public TermListStore,
              public CommentStore,
              public CrmRecordStore,
              public RetentionStore,
              public ProcessingLogStore {};

// Options of open_sqlite_store.
struct SqliteStoreOptions {
  bool create_if_missing = true;  // false: a missing file is ErrorCode::not_found
  // How long a writer waits for another connection's write lock before ErrorCode::storage.
  int busy_timeout_ms = 10'000;
  // true: synchronous=FULL, a committed transaction survives power loss; false: NORMAL, it
  // survives a killed process but the last commits may be lost on power loss (faster).
  bool durable_commits = true;
  int cache_size_kib = 16 * 1024;  // page cache per handle
  // The thresholds stored sentiment labels must agree with (positive_threshold and
  // negative_threshold; the other fields are not used): set them to the analyzer's
  // (AnalysisOptions::sentiment) when it labels with others. Validated when the store opens.
  SentimentOptions sentiment_labels;
};

// The current schema version written by this parley (PRAGMA user_version).
inline constexpr int sqlite_schema_version = 4;

// Opens (and creates or migrates forward) an SQLite store: one file, WAL mode, foreign keys on.
// A file written by a newer parley (higher schema version) is refused with ErrorCode::storage.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteStoreOptions& options = {});

// JSON forms (snake_case fields, times in ms).
std::string to_json(const User& user);
std::string to_json(const Opportunity& opportunity);
std::string to_json(const Activity& activity);
std::string to_json(const Comment& comment);
std::string to_json(const CallSummary& summary);
std::string to_json(const TermList& list);
std::string to_json(const ProcessingSummary& summary);
std::string to_json(const DeletionReport& report);
std::string to_json(const CallTotals& totals);
std::string to_json(const MentionSummary& summary);
std::string to_json(const ActivityTotals& totals);
std::string to_json(const CallAnalysisRecord& record);
std::string to_json(const TermHitRow& row);
std::string to_json(const StoredTermCount& count);
std::string to_json(const BrandMentionRow& row);
std::string to_json(const StoredBrandFirstMention& mention);
std::string to_json(const CallSpan& span);
std::string to_json(const RetentionPolicy& policy);
std::string to_json(const PurgeReport& report);
std::string to_json(const ProcessingEvent& event);

// Users from a JSON array of their to_json form (`name` stands for the file in messages); a bad
// value is Error(parse) naming the file and its JSON path ("users.json: [2].role: unknown value").
// Activities and opportunities have readers that keep going past a bad record (activities.hpp).
std::vector<User> users_from_json(std::string_view json_text, std::string_view name);

}  // namespace parley
