#include "activities/linking.hpp"

#include "model/ascii.hpp"

namespace parley {

bool OurSide::contains(std::string_view email) const noexcept {
  for (const std::string& address : addresses) {
    if (detail::equals_ascii_case_insensitive(address, email)) return true;
  }
  for (const std::string& domain : domains) {
    if (detail::address_in_domain(email, domain)) return true;
  }
  return false;
}

namespace activities_detail {

std::string party_id(const ActivityLinking& linking, std::string_view email) {
  for (const auto& [address, id] : linking.ids_by_email) {
    if (detail::equals_ascii_case_insensitive(address, email)) return id;
  }
  return detail::ascii_lowered(email);
}

namespace {

void account_from_customer_domain(Activity& activity, const ActivityLinking& linking) {
  if (activity.account_id.empty() && linking.account_from_customer_domain && !activity.customer_side.empty()) {
    const std::string& email = activity.customer_side.front().email;
    if (const std::size_t at = email.rfind('@'); at != std::string::npos)
      activity.account_id = detail::ascii_lowered(std::string_view(email).substr(at + 1));
  }
}

}  // namespace

void link_records(Activity& activity, const ActivityLinking& linking) {
  if (!linking.account_id.empty()) activity.account_id = linking.account_id;
  if (!linking.contact_id.empty()) activity.contact_id = linking.contact_id;
  if (!linking.lead_id.empty()) activity.lead_id = linking.lead_id;
  if (!linking.opportunity_id.empty()) activity.opportunity_id = linking.opportunity_id;
  account_from_customer_domain(activity, linking);
}

void fill_record_links(Activity& activity, const ActivityLinking& linking) {
  if (activity.account_id.empty()) activity.account_id = linking.account_id;
  if (activity.contact_id.empty()) activity.contact_id = linking.contact_id;
  if (activity.lead_id.empty()) activity.lead_id = linking.lead_id;
  if (activity.opportunity_id.empty()) activity.opportunity_id = linking.opportunity_id;
  account_from_customer_domain(activity, linking);
}

}  // namespace activities_detail
}  // namespace parley
