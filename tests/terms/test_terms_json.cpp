// The readers of term objects (terms/terms_json.hpp) accept exactly what the writers write: every
// field survives the round trip, absent members take TrackedTerm's defaults, and the rest is refused
// with the JSON path.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "terms/terms_json.hpp"

using nlohmann::json;
using parley::TermScope;
using parley::TrackedTerm;

namespace {

std::vector<TrackedTerm> read_terms(const json& document) {
  return parley::tracked_terms_from_json(parley::JsonField(document, "terms"));
}

std::string parse_error(const json& document) {
  try {
    read_terms(document);
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::parse);
    return error.message();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("term objects: what to_json_value writes, tracked_terms_from_json reads back field by field") {
  TrackedTerm team_term;
  team_term.name = "Contoso 360";
  team_term.kind = parley::TermKind::competitor;
  team_term.variants = {"Contoso", "C360"};
  team_term.scope = {TermScope::Level::team, "emea"};
  team_term.match_related_forms = true;
  team_term.said_by = parley::SpeakerFilter::customer;
  team_term.only_in_questions = true;
  TrackedTerm plain;
  plain.name = "renew";
  plain.said_by = parley::SpeakerFilter::seller;

  const json written = json::array({parley::to_json_value(team_term), parley::to_json_value(plain)});
  const std::vector<TrackedTerm> back = read_terms(written);
  REQUIRE(back.size() == 2);
  CHECK(back[0].name == "Contoso 360");
  CHECK(back[0].kind == parley::TermKind::competitor);
  CHECK(back[0].variants == std::vector<std::string>{"Contoso", "C360"});
  CHECK(back[0].scope.level == TermScope::Level::team);
  CHECK(back[0].scope.team_id == "emea");
  CHECK(back[0].match_related_forms);
  CHECK(back[0].said_by == parley::SpeakerFilter::customer);
  CHECK(back[0].only_in_questions);
  CHECK(back[1].scope.level == TermScope::Level::organisation);
  CHECK(back[1].said_by == parley::SpeakerFilter::seller);
  CHECK(json::array({parley::to_json_value(back[0]), parley::to_json_value(back[1])}) == written);

  // Only the name is required.
  const TrackedTerm minimal = read_terms(json::parse(R"([{"name": "pilot"}])")).at(0);
  CHECK(minimal.kind == parley::TermKind::keyword);
  CHECK(minimal.variants.empty());
  CHECK(minimal.scope.level == TermScope::Level::organisation);
  CHECK_FALSE(minimal.match_related_forms);
  CHECK(minimal.said_by == parley::SpeakerFilter::anyone);
  CHECK_FALSE(minimal.only_in_questions);
  // The scope reader alone, with the spelling the term-list files accept too.
  const json organization = {{"level", "organization"}};
  CHECK(parley::term_scope_from_json(parley::JsonField(organization, "scope")).level ==
        TermScope::Level::organisation);
}

TEST_CASE("term objects: wrong members, names and scopes are refused with their JSON path") {
  CHECK(parse_error(json::parse(R"([{"name": "a"}, {"kind": "keyword"}])")) ==
        "terms: [1]: missing member 'name'");
  CHECK(parse_error(json::parse(R"([{"name": "a", "kind": "rival"}])")) ==
        "terms: [0].kind: unknown value \"rival\" (expected keyword or competitor)");
  CHECK(parse_error(json::parse(R"([{"name": "a", "variants": "b"}])")) ==
        "terms: [0].variants: expected an array, found string \"b\"");
  CHECK(parse_error(json::parse(R"([{"name": "a", "scope": {"level": "region"}}])")) ==
        "terms: [0].scope.level: unknown value \"region\" (expected organisation or team)");
  CHECK(parse_error(json::parse(R"([{"name": "a", "scope": {"level": "team", "team_id": ""}}])")) ==
        "terms: [0].scope: a team scope needs a non-empty team_id");
  CHECK(parse_error(json::parse(R"([{"name": "a", "scope": {"team_id": "t"}}])")) ==
        "terms: [0].scope.team_id: a team_id belongs only to a scope whose level is team");
  CHECK(parse_error(json::parse(R"([{"name": "a", "scope": {"level": "team", "team": "t"}}])")) ==
        "terms: [0].scope: unknown member 'team' (known: level, team_id)");
  CHECK(parse_error(json::parse(R"([{"name": "a", "only_in_questions": 1}])")) ==
        "terms: [0].only_in_questions: expected true or false, found number 1");
  CHECK(parse_error(json::parse(R"({"name": "a"})")).rfind("terms: expected an array", 0) == 0);
}
