// Access rules on every insight kind: a seller, a manager at depth 1 and 2, an administrator, and
// requests outside the viewer's scope.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "fixture.hpp"
#include "parley/error.hpp"
#include "parley/insights.hpp"

using parley::Viewer;

namespace {

void check_error(const std::function<void()>& action, parley::ErrorCode code) {
  try {
    action();
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == code);
  }
}

std::vector<std::string> member_ids(const parley::TeamView& view) {
  std::vector<std::string> ids;
  for (const auto& member : view.members) ids.push_back(member.seller.id);
  return ids;
}

}  // namespace

TEST_CASE("access: a seller sees only themself") {
  fixture::FixtureStore db("access_seller");
  auto& store = *db.store;
  const auto options = fixture::this_month();
  const Viewer s1 = Viewer::seller("s1");
  CHECK(parley::seller_details(store, s1, "s1", options).kpis.calls == 2);
  check_error([&] { (void)parley::seller_details(store, s1, "s2", options); },
              parley::ErrorCode::not_permitted);
  check_error([&] { (void)parley::seller_details(store, s1, "s3", options); },
              parley::ErrorCode::not_permitted);
  CHECK(member_ids(parley::team_view(store, s1, "", options)) == std::vector<std::string>{"s1"});
  check_error([&] { (void)parley::team_view(store, s1, "m1", options); }, parley::ErrorCode::not_permitted);
  const auto home = parley::home_page(store, s1, "", options);
  CHECK(home.sellers == 1);
  CHECK(home.basic.won_revenue == doctest::Approx(30'000));  // o1 alone
  check_error([&] { (void)parley::home_page(store, s1, "m1", options); }, parley::ErrorCode::not_permitted);
  CHECK(parley::processing_counts(store, s1, options).received == 4);
}

TEST_CASE("access: a manager at depth 1 sees their direct reports") {
  fixture::FixtureStore db("access_manager");
  auto& store = *db.store;
  const auto options = fixture::this_month();
  const Viewer m1 = Viewer::manager("m1", 1);
  CHECK(parley::seller_details(store, m1, "s2", options).kpis.calls == 1);
  check_error([&] { (void)parley::seller_details(store, m1, "s3", options); },
              parley::ErrorCode::not_permitted);
  CHECK(member_ids(parley::team_view(store, m1, "", options)) == std::vector<std::string>{"s1", "s2"});
  CHECK(member_ids(parley::team_view(store, m1, "m1", options)) == std::vector<std::string>{"s1", "s2"});
  check_error([&] { (void)parley::team_view(store, m1, "m2", options); }, parley::ErrorCode::not_permitted);
  check_error([&] { (void)parley::home_page(store, m1, "m2", options); }, parley::ErrorCode::not_permitted);
  check_error([&] { (void)parley::home_page(store, m1, "dir", options); }, parley::ErrorCode::not_permitted);
  CHECK(parley::processing_counts(store, m1, options).received == 6);

  // The director at depth 1 sees the two managers but no seller.
  const Viewer director = Viewer::manager("dir", 1);
  check_error([&] { (void)parley::seller_details(store, director, "s1", options); },
              parley::ErrorCode::not_permitted);
  CHECK(parley::team_view(store, director, "", options).members.empty());
  CHECK(parley::team_view(store, director, "m1", options).members.empty());
  const auto home = parley::home_page(store, director, "", options);
  CHECK(home.sellers == 0);
  CHECK(home.recording.calls_recorded.current == 0);
  CHECK(parley::processing_counts(store, director, options).received == 0);
}

TEST_CASE("access: a manager at depth 2 sees both teams") {
  fixture::FixtureStore db("access_depth2");
  auto& store = *db.store;
  const auto options = fixture::this_month();
  const Viewer director = Viewer::manager("dir", 2);
  CHECK(parley::seller_details(store, director, "s3", options).kpis.calls == 1);
  CHECK(member_ids(parley::team_view(store, director, "", options)) ==
        std::vector<std::string>{"s1", "s2", "s3"});
  CHECK(member_ids(parley::team_view(store, director, "m2", options)) == std::vector<std::string>{"s3"});
  const auto south = parley::home_page(store, director, "m2", options);
  CHECK(south.sellers == 1);
  CHECK(south.basic.won_revenue == doctest::Approx(99'999));  // o6
  const auto all = parley::home_page(store, director, "", options);
  // Revenue 30,000 + 10,000 + 99,999 over 3 sellers: average 46,666.33; s3 alone is above it.
  CHECK(all.top_sellers.top_seller_ids == std::vector<std::string>{"s3"});
  CHECK(parley::processing_counts(store, director, options).received == 7);
}

TEST_CASE("access: an administrator sees everything; unknown people are not_found") {
  fixture::FixtureStore db("access_admin");
  auto& store = *db.store;
  const auto options = fixture::this_month();
  const Viewer admin = Viewer::administrator("adm");
  CHECK(parley::seller_details(store, admin, "s3", options).kpis.calls == 1);
  CHECK(parley::team_view(store, admin, "", options).members.size() == 3);
  CHECK(parley::team_view(store, admin, "m1", options).members.size() == 2);
  CHECK(parley::home_page(store, admin, "", options).basic.deals_won == 3);  // o1, o3, o6
  CHECK(parley::processing_counts(store, admin, options).received == 7);
  check_error([&] { (void)parley::seller_details(store, admin, "nobody", options); },
              parley::ErrorCode::not_found);
  check_error([&] { (void)parley::team_view(store, admin, "nobody", options); },
              parley::ErrorCode::not_found);
  check_error([&] { (void)parley::home_page(store, Viewer::seller("ghost"), "", options); },
              parley::ErrorCode::not_permitted);
}
