#pragma once
// The SQLite adapter of parley::Store (private to src/store). One class, its methods implemented in
// one file per concern: users.cpp, call_ingest.cpp, call_queries.cpp, aggregate_queries.cpp,
// term_lists.cpp, comments.cpp, crm_records.cpp, retention.cpp, deletion.cpp, processing_log.cpp;
// scope.cpp resolves who may see what. See docs/store.md for the schema and the rules.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parley/store.hpp"
#include "store/sqlite_db.hpp"

namespace parley::sqlite {

// ---------------------------------------------------------------------------------------------
// Errors and checks shared by every method.

std::string in_quotes(std::string_view id);
// "seller 's1'", "manager 'm1' (depth 2)", "administrator 'a'".
std::string describe(const Viewer& viewer);
[[noreturn]] void not_permitted(const Viewer& viewer, const std::string& what);
[[noreturn]] void not_found(const std::string& what);
void require_text(std::string_view value, const std::string& field);
void require_id(std::string_view value, const std::string& field);
// A term list's or retention period's scope: a team names its manager (team_id), the organisation
// names none. `where` starts the message.
void require_scope(const TermScope& scope, const std::string& where);
// "organisation", "team 'm1'".
std::string scope_text(const TermScope& scope);

// The set of users a viewer may see, resolved once per method inside its transaction.
struct Scope {
  bool everything = false;       // administrator
  std::vector<std::string> ids;  // the viewer first
  std::unordered_set<std::string> set;
  std::string json;  // ids as a JSON array, bound to `IN (SELECT value FROM json_each(?))`

  bool contains(std::string_view id) const { return everything || set.count(std::string(id)) > 0; }
};

std::string json_array(const std::vector<std::string>& ids);

// Scope before existence: the answer for an object the viewer may not reach, or that does not
// exist (`exists` false). A viewer who sees everything learns that it is missing: not_found
// ("<object> does not exist"). Any other viewer gets not_permitted ("... may not <action>") for
// both, naming only the id asked for, so the answer does not tell whether the object exists.
[[noreturn]] void refuse(const Viewer& viewer, const Scope& scope, bool exists, const std::string& action,
                         const std::string& object);

// The columns of a CallSummary, in this order, after `c.` (read by read_summary).
#define PARLEY_CALL_COLUMNS                                                                             \
  "c.id, c.start_time_ms, c.duration_ms, c.language, c.seller_id, c.account_id, c.contact_id, "         \
  "c.lead_id, c.opportunity_id, c.segment_count, c.participant_count, c.talk_ratio, "                   \
  "c.seller_talk_ms, c.customer_talk_ms, c.switches, c.switch_rate_per_hour, "                          \
  "c.average_pause_ms, c.patience_ms, c.seller_longest_monologue_ms, c.customer_longest_monologue_ms, " \
  "c.seller_words_per_minute, c.customer_words_per_minute, c.seller_questions, "                        \
  "c.customer_questions, c.seller_question_rate_per_hour, c.interactivity, c.interruptions, "           \
  "c.seller_filler_words_per_minute, c.customer_sentiment, c.customer_sentiment_label, "                \
  "c.seller_sentiment, c.seller_sentiment_label, c.call_key, c.translation_language, "                  \
  "c.keyword_mentions, c.competitor_mentions, c.brand_mentions "

// A CallFilter in SQL (bound by bind_call_filter): ?1 sellers (JSON array), ?2 from, ?3 to,
// ?4 account, ?5 contact, ?6 lead, ?7 opportunity, ?8 customer sentiment below.
#define PARLEY_CALL_FILTER                                                                       \
  " c.seller_id IN (SELECT value FROM json_each(?1)) AND c.start_time_ms >= ?2 AND "             \
  "c.start_time_ms < ?3 AND (?4 IS NULL OR c.account_id = ?4) AND (?5 IS NULL OR "               \
  "c.contact_id = ?5) AND (?6 IS NULL OR c.lead_id = ?6) AND (?7 IS NULL OR c.opportunity_id = " \
  "?7) AND (?8 IS NULL OR c.customer_sentiment < ?8) "

void bind_call_filter(Statement& s, const std::string& sellers, const CallFilter& filter);

// Filters by seller, time (and sentiment) only: what the schema-2 covering index and the
// call_mentions table answer without reading call rows. (Call and activity filters alike: both
// name these records.)
template <typename Filter>
bool by_seller_and_time(const Filter& filter) {
  return filter.account_id.empty() && filter.contact_id.empty() && filter.lead_id.empty() &&
         filter.opportunity_id.empty();
}
// Binds a statement in the form by_seller_and_time chose (?1-?3 and ?8, or the whole filter).
void bind_plain_or_full(Statement& s, const std::string& sellers, const CallFilter& filter);

// A comment row: id, call id, author, created, offset, segment (or NULL), text.
Comment read_comment(const Statement& s);

// ---------------------------------------------------------------------------------------------

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, const SqliteStoreOptions& options);

  // users.cpp
  void put_users(const Viewer& viewer, std::span<const User> users) override;
  std::vector<User> users(const Viewer& viewer) override;
  User user(const Viewer& viewer, std::string_view user_id) override;
  std::vector<std::string> scope_user_ids(const Viewer& viewer) override;

  // call_ingest.cpp
  void ingest_calls(const Viewer& viewer, std::span<const CallWithAnalysis> calls,
                    std::int64_t now_ms) override;

  // call_queries.cpp
  CallWithAnalysis load_call(const Viewer& viewer, std::string_view call_id) override;
  std::vector<CallSummary> call_summaries(const Viewer& viewer, const CallFilter& filter) override;
  std::vector<TermHitRow> term_hits(const Viewer& viewer, const CallFilter& filter) override;
  std::vector<StoredTermCount> term_counts(const Viewer& viewer, const CallFilter& filter,
                                           std::optional<Role> role) override;
  std::vector<BrandMentionRow> brand_mentions(const Viewer& viewer, const CallFilter& filter) override;
  std::vector<StoredBrandFirstMention> brand_first_mentions(const Viewer& viewer,
                                                            const CallFilter& filter) override;

  // aggregate_queries.cpp
  CallSpan call_span(const Viewer& viewer, const CallFilter& filter) override;
  std::vector<CallTotals> call_totals(const Viewer& viewer, const CallFilter& filter,
                                      std::span<const std::int64_t> bucket_edges) override;
  MentionSummary mention_totals(const Viewer& viewer, const CallFilter& filter,
                                std::span<const std::int64_t> bucket_edges,
                                std::size_t recent_calls) override;
  std::vector<ActivityTotals> activity_totals(const Viewer& viewer, const ActivityFilter& filter) override;

  // term_lists.cpp
  void put_term_list(const Viewer& viewer, const TermList& list) override;
  void delete_term_list(const Viewer& viewer, std::string_view list_id) override;
  std::vector<TermList> term_lists(const Viewer& viewer) override;
  std::vector<TermList> term_lists_for_seller(const Viewer& viewer, std::string_view seller_id) override;

  // comments.cpp
  std::string add_comment(const Viewer& viewer, const Comment& comment) override;
  void delete_comment(const Viewer& viewer, std::string_view comment_id) override;
  std::vector<Comment> comments_for_call(const Viewer& viewer, std::string_view call_id) override;
  std::vector<Comment> comments_for_seller(const Viewer& viewer, std::string_view seller_id,
                                           std::int64_t from_ms, std::int64_t to_ms) override;

  // crm_records.cpp
  void put_opportunities(const Viewer& viewer, std::span<const Opportunity> items) override;
  std::vector<Opportunity> opportunities(const Viewer& viewer, const OpportunityFilter& filter) override;
  void put_activities(const Viewer& viewer, std::span<const Activity> items) override;
  std::vector<Activity> activities(const Viewer& viewer, const ActivityFilter& filter) override;

  // retention.cpp
  void set_retention(const Viewer& viewer, const RetentionPolicy& policy) override;
  void clear_retention(const Viewer& viewer, const TermScope& scope) override;
  std::vector<RetentionPolicy> retention_policies(const Viewer& viewer) override;
  PurgeReport purge_expired(const Viewer& viewer, std::int64_t now_ms) override;

  // deletion.cpp
  DeletionReport delete_seller_data(const Viewer& viewer, std::string_view seller_id) override;
  DeletionReport delete_contact_data(const Viewer& viewer, std::string_view contact_id) override;

  // processing_log.cpp
  void log_processing(const Viewer& viewer, const ProcessingEvent& event) override;
  ProcessingSummary processing_summary(const Viewer& viewer, std::int64_t from_ms,
                                       std::int64_t to_ms) override;
  std::vector<ProcessingEvent> processing_events(const Viewer& viewer, std::int64_t from_ms,
                                                 std::int64_t to_ms) override;

 private:
  // scope.cpp
  // Resolves the viewer's scope; must run inside a transaction.
  Scope resolve(const Viewer& viewer);
  // The JSON list of sellers a filtered query covers: the requested ones (each checked) or the
  // whole scope.
  std::string filter_sellers(const Viewer& viewer, const std::vector<std::string>& requested,
                             const std::string& action);
  // The same for a CallFilter's sellers, the one wording for every call query.
  std::string filter_sellers(const Viewer& viewer, const CallFilter& filter);
  // A user the viewer may reach: not_permitted with `action` outside the scope (which holds only
  // stored users, unless it is everything), not_found for an unknown id in an everything scope.
  void user_in_scope(const Viewer& viewer, const Scope& scope, std::string_view user_id,
                     const std::string& action);
  // The owner named by a record being written: a non-empty id, then as user_in_scope.
  void check_owner(const Viewer& viewer, const Scope& scope, std::string_view owner,
                   const std::string& action);
  // Whether a record with this id is stored; not_permitted to replace it when its owner is outside
  // the scope. `owner_query` (a literal: statements are cached by its address) selects the owner
  // by ?1 = id; `record` names the record in the message ("opportunity").
  bool existing_in_scope(const Viewer& viewer, const Scope& scope, const char* owner_query,
                         std::string_view record, std::string_view id);
  bool user_exists(std::string_view id);
  // The user and every manager above them.
  std::vector<std::string> chain_up(std::string_view user_id);

  // call_queries.cpp
  // The `limit` most negative calls; false when fewer calls have a score than the limit asks for.
  bool most_negative_calls(const std::string& sellers, const CallFilter& filter,
                           std::vector<CallSummary>& out);

  // call_ingest.cpp
  void ingest_one(const Viewer& viewer, const Scope& scope, const CallWithAnalysis& item,
                  std::int64_t now_ms);
  void check_analysis(const CallWithAnalysis& item);
  void check_figures(const CallWithAnalysis& item) const;
  void insert_call_mentions(std::int64_t key, const Call& call, const CallAnalysisRecord& a);

  // comments.cpp
  struct CallRef {
    std::int64_t key;
    std::int64_t segments;
  };
  // A comment row on the call (id and author as given; call_id is not read).
  void insert_comment(std::int64_t call_key, const Comment& comment);
  // The call, if the viewer may reach it (else refuse() with `action`).
  CallRef call_in_scope(const Viewer& viewer, const Scope& scope, std::string_view call_id,
                        const std::string& action);

  // term_lists.cpp
  std::optional<TermScope> term_list_scope(std::string_view list_id);
  // May the viewer change (`action`) a list of this scope? Refuses like user_in_scope.
  void check_term_list_change(const Viewer& viewer, const Scope& scope, const TermScope& list_scope,
                              const std::string& action);
  // Organisation lists plus the team lists of the given managers (JSON array).
  std::vector<TermList> load_term_lists(const std::string& teams_json);

  // crm_records.cpp
  void put_activity(const Viewer& viewer, const Scope& scope, const Activity& a, std::size_t index);

  // processing_log.cpp
  void insert_log(std::string_view call_id, std::string_view seller_id, ProcessingStatus status,
                  std::string_view reason, std::int64_t at_ms);

  Database db_;
  std::string words_buffer_;
  SentimentOptions sentiment_labels_;  // SqliteStoreOptions::sentiment_labels
};

}  // namespace parley::sqlite
