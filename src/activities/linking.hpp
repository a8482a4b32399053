#pragma once
// Shared by the activity readers (mail, calendars): people's ids and the CRM records an activity
// belongs to, from the host's ActivityLinking.
#include <string>
#include <string_view>

#include "parley/activities.hpp"

namespace parley::activities_detail {

// The id of the person with this address: linking.ids_by_email's entry (any case), else the
// address lowercased.
std::string party_id(const ActivityLinking& linking, std::string_view email);

// Sets the activity's account, contact, lead and opportunity from the linking: its fixed ids, and
// the customer-domain rule for the account.
void link_records(Activity& activity, const ActivityLinking& linking);

// For records that name their own links (the JSON and CSV forms): the linking's fixed ids fill the
// links the activity leaves empty, then the customer-domain rule for an account still empty.
void fill_record_links(Activity& activity, const ActivityLinking& linking);

}  // namespace parley::activities_detail
