// Writing a sample organisation into a Store, as its administrator would.
#include <algorithm>
#include <span>

#include "parley/error.hpp"
#include "parley/store.hpp"
#include "sample_org.hpp"

namespace parley {

namespace {

// The organisation's terms of one kind and scope, as one list.
TermList term_list(std::string id, std::string name, const SampleOrganisation& org, TermKind kind,
                   const TermScope& scope) {
  TermList list;
  list.id = std::move(id);
  list.name = std::move(name);
  list.scope = scope;
  for (const auto& term : org.tracked_terms) {
    if (term.kind == kind && term.scope.level == scope.level && term.scope.team_id == scope.team_id)
      list.terms.push_back(term);
  }
  return list;
}

}  // namespace

std::vector<TermList> sample_term_lists(const SampleOrganisation& org) {
  const TermScope organisation;
  std::vector<TermList> lists;
  lists.push_back(term_list("sample-keywords", "Keywords", org, TermKind::keyword, organisation));
  lists.push_back(term_list("sample-competitors", "Competitors", org, TermKind::competitor, organisation));
  for (const auto& team : org.teams) {
    TermList list = term_list("sample-keywords-" + team.id, team.name + " keywords", org, TermKind::keyword,
                              {TermScope::Level::team, team.manager_id});
    if (!list.terms.empty()) lists.push_back(std::move(list));
  }
  return lists;
}

void store_sample_organisation(Store& store, const SampleOrganisation& org,
                               const SampleStoreOptions& options) {
  if (options.batch_size == 0) {
    throw Error(ErrorCode::invalid_argument,
                "store_sample_organisation: option batch_size = 0 is outside [1, inf)");
  }
  const auto admin_user = std::find_if(org.users.begin(), org.users.end(),
                                       [](const User& u) { return u.role == UserRole::administrator; });
  if (admin_user == org.users.end()) {
    throw Error(ErrorCode::invalid_argument,
                "store_sample_organisation: the organisation has no administrator");
  }
  const Viewer admin = Viewer::administrator(admin_user->id);
  store.put_users(admin, org.users);
  for (const TermList& list : sample_term_lists(org)) store.put_term_list(admin, list);
  const SampleAnalyzer analyzer(org);
  std::vector<CallWithAnalysis> batch;
  for (std::size_t first = 0; first < org.calls.size(); first += options.batch_size) {
    const std::span<const Call> calls =
        std::span(org.calls).subspan(first, std::min(options.batch_size, org.calls.size() - first));
    std::vector<CallAnalysisRecord> records = analyzer.analysis_records(calls, options.threads);
    batch.clear();
    for (std::size_t i = 0; i < calls.size(); ++i) batch.push_back({calls[i], std::move(records[i])});
    store.ingest_calls(admin, batch, org.end_utc_ms - 1);
  }
  store.put_opportunities(admin, org.opportunities);
  store.put_activities(admin, org.activities);
  for (Comment comment : org.comments) {
    const Viewer author = Viewer::manager(comment.author_id, Viewer::unlimited_depth);
    comment.id.clear();
    store.add_comment(author, comment);
  }
}

}  // namespace parley
