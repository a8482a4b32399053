// The matcher's fast paths give the same hits as the plain rules: names longer than the 8 bytes
// Hyperscan is given, hits mapped through the anchors of earlier and later segments of a batch, and
// ASCII segments against the same words next to non-ASCII text.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "parley/terms.hpp"
#include "terms_test_support.hpp"

namespace {

using parley::Role;
using parley::TrackedTerm;
using terms_test::make_call;
using terms_test::make_term;

// A call whose turns are all the customer's.
parley::Call call_of(const std::vector<std::string>& texts) {
  std::vector<std::pair<Role, std::string>> turns;
  for (const auto& text : texts) turns.emplace_back(Role::customer, text);
  return make_call(turns);
}

// (segment, term, begin, end) of each hit.
using Spot = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>;
std::vector<Spot> spots(const parley::TrackedTermMatcher& matcher, const parley::Call& call) {
  std::vector<Spot> out;
  for (const parley::TermHit& hit : matcher.find_hits(call))
    out.emplace_back(hit.segment, hit.term, hit.begin, hit.end);
  return out;
}

}  // namespace

TEST_CASE(
    "names longer than the first 8 bytes are confirmed whole, and names sharing those bytes stay apart") {
  // "contoso " is the first 8 bytes of the first two names.
  const std::vector<TrackedTerm> terms{make_term("Contoso Cloud Platform"), make_term("Contoso Cloud"),
                                       make_term("Contoso")};
  const parley::TrackedTermMatcher matcher(terms);
  // "Contoso Cloud Platform" 0..22, " and " 22..27, "Contoso Cloud" 27..40, " and " 40..45,
  // "Contoso" 45..52 (then " Clou", which is not "Contoso Cloud"), " or Contoso Cloudy" : "Contoso"
  // at 61..68 ("Contoso Cloud" would end inside "Cloudy").
  const auto call = call_of({"Contoso Cloud Platform and Contoso Cloud and Contoso Clou or Contoso Cloudy"});
  CHECK(spots(matcher, call) ==
        std::vector<Spot>{{0, 0, 0, 22}, {0, 1, 27, 40}, {0, 2, 45, 52}, {0, 2, 61, 68}});
}

TEST_CASE("hits map through the changes of their own segment in a batch of several") {
  const std::vector<TrackedTerm> terms{make_term("Contoso")};
  const parley::TrackedTermMatcher matcher(terms);
  // "ＦＵＬＬ" is 4 x 3 = 12 bytes, " width " 7: Contoso at 19..26. "plain " 6: at 6..13.
  // "Straße " is 4 + 2 + 1 + 1 = 8 bytes: at 8..15 (ß -> ss keeps the length). "，，" 6 bytes + " ":
  // at 7..14.
  const auto call =
      call_of({"\xEF\xBC\xA6\xEF\xBC\xB5\xEF\xBC\xAC\xEF\xBC\xAC width Contoso", "plain Contoso",
               "Stra\xC3\x9F"
               "e Contoso",
               "\xEF\xBC\x8C\xEF\xBC\x8C Contoso"});
  CHECK(spots(matcher, call) ==
        std::vector<Spot>{{0, 0, 19, 26}, {1, 0, 6, 13}, {2, 0, 8, 15}, {3, 0, 7, 14}});
}

TEST_CASE(
    "property: an ASCII segment's hits stay put next to non-ASCII text, shifted by what precedes them") {
  // Independent of the fast paths: the same words with "，" (3 bytes, normalized to ",") in front
  // must give the same hits 3 bytes later, and with " é" after them the same hits.
  const std::vector<std::string> words{"contoso",  "Contoso", "CONTOSO",    "Fabrikam", "Northwind",
                                       "Tailspin", "Toys",    "the",        "price",    "of",
                                       "renewal",  "and",     "Contoso360", "x"};
  const std::vector<TrackedTerm> terms{make_term("Contoso"), make_term("Tailspin Toys"), make_term("renewal"),
                                       make_term("Northwind")};
  const parley::TrackedTermMatcher matcher(terms);
  std::mt19937 rng(17);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const std::size_t count = 1 + rng() % 30;
    for (std::size_t k = 0; k < count; ++k) text += (k ? " " : "") + words[rng() % words.size()];
    const auto plain = spots(matcher, call_of({text}));
    auto shifted = spots(matcher, call_of({"\xEF\xBC\x8C" + text}));
    for (auto& spot : shifted) {
      std::get<2>(spot) -= 3;
      std::get<3>(spot) -= 3;
    }
    CAPTURE(text);
    CHECK(shifted == plain);
    CHECK(spots(matcher, call_of({text + " \xC3\xA9"})) == plain);
  }
}
