#pragma once
// A realistic sample organisation for demos, examples and benchmarks: users in two teams under
// managers, tracked keywords and competitors, calls with multilingual transcripts, opportunities,
// activities and comments. Deterministic: the same seed and options give the same organisation on
// every platform (the generator uses its own distributions, not the standard library's).
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/crm.hpp"
#include "parley/model.hpp"
#include "parley/store.hpp"

namespace parley {

// A team: a manager and the sellers reporting to them.
struct SampleTeam {
  std::string id;
  std::string name;
  std::string manager_id;
  std::vector<std::string> seller_ids;
};

// One tracked term or brand the generator put into a call: the answer key a term matcher or brand
// detector can be checked against.
struct SampleMention {
  std::string name;  // the tracked term's canonical name, or the brand as written
  MentionKind kind = MentionKind::keyword;
  Role role = Role::other;  // who said it
  std::uint32_t segment_index = 0;
  std::int64_t offset_ms = 0;  // the segment's start
};

// What the generator meant a call to contain.
struct SampleCallTruth {
  std::string call_id;
  std::vector<SampleMention> mentions;
  std::string customer_mood;  // "positive", "neutral" or "negative": how the customer was drawn
};

struct SampleOrganisation {
  std::string name;
  // Administrator, a sales director, two team managers reporting to the director, and the sellers
  // reporting to the managers (so the director sees the sellers at depth 2).
  std::vector<User> users;
  std::vector<SampleTeam> teams;
  // Tracked keywords and competitors as an administrator or manager would configure them: a name
  // and the other ways it may be said (one or more per language); organisation-wide, or scoped to
  // a team (team_id = the team manager's user id, as the store names teams).
  std::vector<TrackedTerm> tracked_terms;
  // Other organisations customers mention (a gazetteer for brand discovery); they are not tracked.
  std::vector<std::string> brand_gazetteer;
  std::vector<Call> calls;             // sorted by start time; each passes validate_call
  std::vector<SampleCallTruth> truth;  // one per call, same order
  std::vector<Opportunity> opportunities;
  std::vector<Activity> activities;
  std::vector<Comment> comments;  // managers' notes on some calls
  std::int64_t start_utc_ms = 0;  // first instant covered
  std::int64_t end_utc_ms = 0;    // the organisation's "now": nothing happens at or after it
};

// Every parameter of the generator, with its default.
struct SampleOrganisationOptions {
  int sellers_per_team = 6;  // two teams: about a dozen sellers (1..50)
  int call_count = 3000;     // calls over the whole span (0..1,000,000)
  int months = 6;            // span of calls ending at end_utc_ms (1..60)
  // The organisation's "now" (UTC ms). Default: 2026-11-23T00:00Z, so output is reproducible.
  std::int64_t end_utc_ms = 1'795'392'000'000;
  // Languages of the calls (BCP 47 tags; supported here: en-US, en-GB, de-DE, da-DK, fr-FR, es-ES).
  // Each seller speaks one of them mostly and English otherwise.
  std::vector<std::string> languages = {"en-US", "de-DE", "da-DK", "fr-FR", "es-ES", "en-GB"};
  int opportunities_per_seller = 14;   // over the span, a third created before it (0..1000)
  int activities_per_opportunity = 8;  // emails, meetings and phone calls (0..1000)
  double comment_share = 0.03;         // share of calls a manager comments on (0..1)
};

// The organisation's calls through parley's real analysis: CallAnalyzer with the organisation-wide
// terms plus the seller's team's own (sample_term_lists), the brand gazetteer, and the
// organisation's own name never reported as another brand; results mapped by make_analysis_record.
// One analyzer per team, built once; immutable, so it may be used by several threads at once.
class SampleAnalyzer {
 public:
  explicit SampleAnalyzer(const SampleOrganisation& org);
  // Throws Error(invalid_argument) when the call's owner sells in none of the organisation's teams.
  CallAnalysis analyze(const Call& call) const;
  // analyze() in storage form.
  CallAnalysisRecord analysis_record(const Call& call) const;
  // One record per call, in order, analysed by `threads` threads (0 = hardware concurrency); the
  // result does not depend on the number of threads.
  std::vector<CallAnalysisRecord> analysis_records(std::span<const Call> calls, unsigned threads = 0) const;

 private:
  const CallAnalyzer& analyzer_for(const Call& call) const;
  std::vector<CallAnalyzer> analyzers_;                // one per team
  std::map<std::string, std::size_t> team_of_seller_;  // seller id -> index in analyzers_
};

struct SampleStoreOptions {
  std::size_t batch_size = 500;  // calls per ingest transaction (>= 1)
  unsigned threads = 0;          // threads analysing each batch; 0 = std::thread::hardware_concurrency()
};

// The organisation's tracked terms as an administrator and the managers would store them: one
// organisation keyword list, one organisation competitor list, and each team's own keyword list.
std::vector<TermList> sample_term_lists(const SampleOrganisation& org);

// Writes the organisation into a store as its administrator: users, tracked-term lists
// (organisation keywords and competitors, each team's own keywords), calls with their analyses by
// SampleAnalyzer (ingested at end_utc_ms - 1), opportunities, activities and the managers' comments.
void store_sample_organisation(Store& store, const SampleOrganisation& org,
                               const SampleStoreOptions& options = {});

// Throws Error(invalid_argument) naming the option that is out of range or a language the
// generator has no phrases for.
SampleOrganisation generate_sample_organisation(std::uint64_t seed,
                                                const SampleOrganisationOptions& options = {});

}  // namespace parley
