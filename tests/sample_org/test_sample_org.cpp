#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "parley/error.hpp"
#include "parley/insights.hpp"
#include "parley/text.hpp"
#include "sample_org.hpp"
#include "store/store_test_support.hpp"

namespace {

const parley::SampleOrganisation& default_org() {
  static const parley::SampleOrganisation org = parley::generate_sample_organisation(7);
  return org;
}

// Seller talk share of a call by summing segment lengths per role (overlap ignored: an estimate).
double seller_share(const parley::Call& call) {
  double seller = 0, customer = 0;
  for (const auto& segment : call.segments) {
    const double length = static_cast<double>(segment.end_ms - segment.start_ms);
    (call.participants[segment.speaker].role == parley::Role::seller ? seller : customer) += length;
  }
  return seller / (seller + customer);
}

}  // namespace

TEST_CASE("the default sample organisation has the documented shape") {
  const auto& org = default_org();
  CHECK(org.name == "Brightwave Software");
  // Administrator, director, two managers, 2 x 6 sellers.
  CHECK(org.users.size() == 16);
  REQUIRE(org.teams.size() == 2);
  CHECK(org.teams[0].seller_ids.size() == 6);
  CHECK(org.teams[1].seller_ids.size() == 6);
  CHECK(org.calls.size() == 3000);
  CHECK(org.end_utc_ms == 1'795'392'000'000LL);
  // Six average months: 6 * 30.436875 days.
  CHECK(org.end_utc_ms - org.start_utc_ms == 6LL * 2'629'746'000LL);
  std::map<std::string, const parley::User*> users;
  for (const auto& user : org.users) users[user.id] = &user;
  for (const auto& team : org.teams) {
    CHECK(users.at(team.manager_id)->manager_id == "u-director");
    for (const auto& seller : team.seller_ids) {
      CHECK(users.at(seller)->manager_id == team.manager_id);
      CHECK(users.at(seller)->role == parley::UserRole::seller);
    }
  }
}

TEST_CASE("every sample call is a valid transcript inside the span, in time order") {
  const auto& org = default_org();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < org.calls.size(); ++i) {
    const auto& call = org.calls[i];
    CAPTURE(call.id);
    CHECK_NOTHROW(parley::validate_call(call));
    CHECK(call.start_time_ms >= org.start_utc_ms);
    CHECK(call.start_time_ms + call.duration_ms <= org.end_utc_ms);
    if (i > 0) CHECK(org.calls[i - 1].start_time_ms <= call.start_time_ms);
    CHECK(ids.insert(call.id).second);
    CHECK(call.participants[0].role == parley::Role::seller);
    CHECK(call.participants[0].crm_id == call.owner_seller_id);
    CHECK(call.segments.size() >= 6);
    CHECK(call.duration_ms >= 3 * 60'000);
    CHECK(call.duration_ms <= 50 * 60'000);
  }
}

TEST_CASE("sample calls use every requested language, tracked terms and prices") {
  const auto& org = default_org();
  std::map<std::string, int> languages;
  for (const auto& call : org.calls) ++languages[call.language];
  for (const char* tag : {"en-US", "en-GB", "de-DE", "da-DK", "fr-FR", "es-ES"}) {
    CAPTURE(tag);
    CHECK(languages[tag] > 100);
  }
  // Every tracked term is said (some variant of it) in some call.
  for (const auto& term : org.tracked_terms) {
    CAPTURE(term.name);
    bool said = false;
    for (const auto& call : org.calls) {
      for (const auto& segment : call.segments) {
        for (const auto& variant : term.variants)
          said = said || segment.text.find(variant) != std::string::npos;
      }
      if (said) break;
    }
    CHECK(said);
  }
  int dollar = 0, kroner = 0, euro = 0;
  for (const auto& call : org.calls) {
    for (const auto& segment : call.segments) {
      dollar += segment.text.find('$') != std::string::npos;
      kroner += segment.text.find(" kr.") != std::string::npos;
      euro += segment.text.find(" \xE2\x82\xAC") != std::string::npos;
    }
  }
  CHECK(dollar > 0);
  CHECK(kroner > 0);
  CHECK(euro > 0);
}

TEST_CASE("sellers differ: the spread of talk share between sellers is wide") {
  const auto& org = default_org();
  std::map<std::string, std::pair<double, int>> shares;
  for (const auto& call : org.calls) {
    auto& entry = shares[call.owner_seller_id];
    entry.first += seller_share(call);
    entry.second += 1;
  }
  REQUIRE(shares.size() == 12);
  double lowest = 1, highest = 0;
  for (const auto& [seller, entry] : shares) {
    const double mean = entry.first / entry.second;
    lowest = std::min(lowest, mean);
    highest = std::max(highest, mean);
    CHECK(entry.second > 100);  // about 250 calls each
  }
  CHECK(lowest < 0.52);
  CHECK(highest > 0.6);
}

TEST_CASE("sample opportunities, activities and comments are consistent") {
  const auto& org = default_org();
  std::map<parley::OpportunityStatus, int> statuses;
  for (const auto& opportunity : org.opportunities) {
    ++statuses[opportunity.status];
    CHECK(opportunity.closed_ms.has_value() == (opportunity.status != parley::OpportunityStatus::open));
    if (opportunity.status == parley::OpportunityStatus::won) CHECK(opportunity.actual_revenue > 0);
    if (opportunity.closed_ms) CHECK(*opportunity.closed_ms < org.end_utc_ms);
    CHECK(opportunity.estimated_revenue > 0);
  }
  CHECK(statuses[parley::OpportunityStatus::won] > 10);
  CHECK(statuses[parley::OpportunityStatus::lost] > 10);
  CHECK(statuses[parley::OpportunityStatus::open] > 10);

  std::set<std::string> message_ids;
  for (const auto& activity : org.activities) {
    if (!activity.message_id.empty()) message_ids.insert(activity.message_id);
  }
  int replies = 0, scheduled = 0;
  for (const auto& activity : org.activities) {
    if (!activity.in_reply_to.empty()) {
      ++replies;
      CHECK(message_ids.count(activity.in_reply_to) == 1);
    }
    scheduled += activity.timestamp_ms >= org.end_utc_ms;
    CHECK(!activity.our_side.empty());
    CHECK(!activity.customer_side.empty());
  }
  CHECK(replies > 50);
  CHECK(scheduled > 0);

  std::map<std::string, std::string> manager_of;
  for (const auto& user : org.users) manager_of[user.id] = user.manager_id;
  std::map<std::string, const parley::Call*> calls;
  for (const auto& call : org.calls) calls[call.id] = &call;
  CHECK(org.comments.size() > 40);  // 3% of 3000 = 90 expected
  for (const auto& comment : org.comments) {
    const parley::Call& call = *calls.at(comment.call_id);
    CHECK(comment.author_id == manager_of.at(call.owner_seller_id));
    REQUIRE(comment.segment_index.has_value());
    CHECK(comment.offset_ms == call.segments[*comment.segment_index].start_ms);
  }
}

TEST_CASE("the generator is deterministic in its seed") {
  parley::SampleOrganisationOptions options;
  options.call_count = 200;
  const auto a = parley::generate_sample_organisation(99, options);
  const auto b = parley::generate_sample_organisation(99, options);
  const auto c = parley::generate_sample_organisation(100, options);
  REQUIRE(a.calls.size() == b.calls.size());
  bool same = true, differs = false;
  for (std::size_t i = 0; i < a.calls.size(); ++i) {
    same = same && a.calls[i].start_time_ms == b.calls[i].start_time_ms &&
           a.calls[i].segments.size() == b.calls[i].segments.size() &&
           a.calls[i].segments.back().text == b.calls[i].segments.back().text;
    differs = differs || a.calls[i].start_time_ms != c.calls[i].start_time_ms;
  }
  CHECK(same);
  CHECK(differs);
  CHECK(a.activities.size() == b.activities.size());
}

TEST_CASE("bad generator options are errors naming the option") {
  parley::SampleOrganisationOptions options;
  options.months = 0;
  try {
    (void)parley::generate_sample_organisation(1, options);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "sample organisation: option months = 0 is outside [1, 60]");
  }
  options = {};
  options.languages = {"en-US", "pl-PL"};
  try {
    (void)parley::generate_sample_organisation(1, options);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.message() ==
          "sample organisation: languages[1] = 'pl-PL' has no phrases (expected en-US, en-GB, de-DE, da-DK, "
          "fr-FR "
          "or es-ES)");
  }
}

TEST_CASE("the truth names every inserted term in the segment that says it") {
  const auto& org = default_org();
  REQUIRE(org.truth.size() == org.calls.size());
  std::map<std::string, const parley::TrackedTerm*> terms;
  for (const auto& term : org.tracked_terms) terms[term.name] = &term;
  std::size_t mentions = 0;
  for (std::size_t i = 0; i < org.calls.size(); ++i) {
    const auto& call = org.calls[i];
    const auto& truth = org.truth[i];
    CHECK(truth.call_id == call.id);
    for (const auto& mention : truth.mentions) {
      ++mentions;
      REQUIRE(mention.segment_index < call.segments.size());
      const auto& segment = call.segments[mention.segment_index];
      CHECK(segment.start_ms == mention.offset_ms);
      CHECK(call.participants[segment.speaker].role == mention.role);
      bool said = false;
      if (mention.kind == parley::MentionKind::brand) {
        said = segment.text.find(mention.name) != std::string::npos;
      } else {
        // Terms match case-folded (a variant that differs only in case is not kept as a variant).
        const std::string text = parley::normalize_for_matching(segment.text);
        said = text.find(parley::normalize_for_matching(mention.name)) != std::string::npos;
        for (const auto& variant : terms.at(mention.name)->variants)
          said = said || text.find(parley::normalize_for_matching(variant)) != std::string::npos;
      }
      CAPTURE(segment.text);
      CHECK(said);
    }
  }
  CHECK(mentions > 3000);
}

// The generator's answer key against the real analysis: every keyword, competitor and brand it
// put into a call is found by SampleAnalyzer in the segment that says it, by the same role; a hit
// the key does not list is a term said by a stock phrase (Spanish "formación" is a variant of
// "onboarding"), so its text must hold a variant of the term.
TEST_CASE("the real analysis finds every mention the generator planted, and nothing unsaid") {
  parley::SampleOrganisationOptions options;
  options.call_count = 200;
  const auto org = parley::generate_sample_organisation(3, options);
  std::map<std::string, std::vector<std::string>> variants;
  for (const auto& term : org.tracked_terms) {
    variants[term.name] = term.variants;
    variants[term.name].push_back(term.name);  // the name is always matched too
  }
  const parley::SampleAnalyzer analyzer(org);
  std::size_t planted = 0, unplanted_hits = 0;
  for (std::size_t i = 0; i < org.calls.size(); ++i) {
    const parley::Call& call = org.calls[i];
    CAPTURE(call.id);
    const parley::CallAnalysisRecord record = analyzer.analysis_record(call);
    std::set<std::tuple<std::string, std::uint32_t, parley::Role>> said;
    for (const auto& mention : org.truth[i].mentions) {
      ++planted;
      CAPTURE(mention.name);
      bool found = false;
      if (mention.kind == parley::MentionKind::brand) {
        for (const auto& brand : record.brands) found = found || brand.display_name == mention.name;
      } else {
        said.emplace(mention.name, mention.segment_index, mention.role);
        for (const auto& hit : record.term_hits) {
          found = found || (hit.term == mention.name && hit.segment_index == mention.segment_index &&
                            hit.role == mention.role);
        }
      }
      CHECK(found);
    }
    // The brand list holds organisations and brands only: no participant, no form of our own
    // company, no capitalised common word of the hard-case phrases. Besides the planted brands,
    // stock phrases name one real product ("Im Moment machen wir das meiste mit Excel.").
    for (const auto& brand : record.brands) {
      CAPTURE(brand.display_name);
      CHECK((brand.display_name == "Excel" ||
             std::find(org.brand_gazetteer.begin(), org.brand_gazetteer.end(), brand.display_name) !=
                 org.brand_gazetteer.end()));
    }
    for (const auto& hit : record.term_hits) {
      if (said.count({hit.term, hit.segment_index, hit.role}) > 0) continue;
      ++unplanted_hits;
      const std::string& text = call.segments[hit.segment_index].text;
      CAPTURE(text);
      bool in_text = false;
      const std::string folded = parley::normalize_for_matching(text);
      for (const auto& variant : variants.at(hit.term))
        in_text = in_text || folded.find(parley::normalize_for_matching(variant)) != std::string::npos;
      CHECK(in_text);
    }
  }
  MESSAGE(planted << " planted mentions; " << unplanted_hits << " hits of terms said by stock phrases");
  CHECK(planted > 2000);
}

TEST_CASE("a stored sample organisation fills the home page and a seller's details") {
  parley::SampleOrganisationOptions options;
  options.call_count = 300;
  options.months = 2;
  const auto org = parley::generate_sample_organisation(5, options);
  const store_test::TempDir dir;
  const std::string path = dir.file("sample.sqlite");
  {
    auto store = parley::open_sqlite_store(path);
    parley::store_sample_organisation(*store, org);
    const auto admin = parley::Viewer::administrator("u-admin");
    CHECK(store->term_lists(admin).size() == 4);  // keywords, competitors, one team list each
    CHECK(store->call_summaries(admin, {}).size() == 300);

    parley::InsightOptions insight;
    insight.period.kind = parley::PeriodKind::last_month;  // October 2026, whole
    insight.period.time_zone = "Europe/Copenhagen";
    insight.period.locale = "da-DK";
    insight.now_utc_ms = org.end_utc_ms;
    const auto page = parley::home_page(*store, parley::Viewer::manager("u-mgr-north"), "", insight);
    CHECK(page.sellers == 6);
    CHECK(page.recording.calls_recorded.current > 30);
    CHECK(!page.customers.top_keywords.empty());
    CHECK(page.basic.deals_won + page.basic.deals_lost > 0);
    const std::string home = parley::render_home_page_text(page);
    CHECK(home.find("What top sellers do") != std::string::npos);

    std::size_t comments = 0;
    for (const auto& seller : org.teams[0].seller_ids) {
      const auto details =
          parley::seller_details(*store, parley::Viewer::manager("u-mgr-north"), seller, insight);
      CHECK(details.kpis.calls > 0);
      comments += details.comments.size();
    }
    CHECK(comments > 0);
  }
}
