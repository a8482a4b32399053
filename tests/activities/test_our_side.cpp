// OurSide and ActivityLinking: which addresses are ours, people's ids and the records an activity
// belongs to.
#include <doctest/doctest.h>

#include "activities/linking.hpp"
#include "parley/activities.hpp"

using parley::Activity;
using parley::ActivityLinking;
using parley::OurSide;

TEST_CASE("our side: an address in one of our domains or a subdomain, or one of our addresses") {
  const OurSide ours{{"contoso.com"}, {"dana.private@gmail.com"}};
  CHECK(ours.contains("ana@contoso.com"));
  CHECK(ours.contains("Ana@EU.Contoso.COM"));  // subdomain, any case
  CHECK(ours.contains("DANA.private@gmail.com"));
  CHECK_FALSE(ours.contains("bob@notcontoso.com"));  // a longer name is not a subdomain
  CHECK_FALSE(ours.contains("bob@contoso.com.evil.org"));
  CHECK_FALSE(ours.contains("marco@gmail.com"));
  CHECK_FALSE(ours.contains("contoso.com"));  // no '@': not an address
  CHECK_FALSE(ours.contains(""));
  CHECK_FALSE(OurSide{}.contains("ana@contoso.com"));
}

TEST_CASE("linking: ids by address, fixed records, and the customer's domain as the account") {
  ActivityLinking linking;
  linking.ids_by_email = {{"Dana@Contoso.com", "u-dana"}};
  CHECK(parley::activities_detail::party_id(linking, "dana@contoso.COM") == "u-dana");
  CHECK(parley::activities_detail::party_id(linking, "Marco.Rossi@Fabrikam.com") == "marco.rossi@fabrikam.com");

  Activity activity;
  activity.customer_side.push_back({"c-1", "Marco", "marco@Sales.Fabrikam.com", ""});
  linking.opportunity_id = "opp-7";
  linking.account_from_customer_domain = true;
  parley::activities_detail::link_records(activity, linking);
  CHECK(activity.opportunity_id == "opp-7");
  CHECK(activity.account_id == "sales.fabrikam.com");
  CHECK(activity.contact_id.empty());

  Activity fixed;
  fixed.customer_side = activity.customer_side;
  linking.account_id = "acc-1";  // a fixed account wins over the rule
  parley::activities_detail::link_records(fixed, linking);
  CHECK(fixed.account_id == "acc-1");
}
