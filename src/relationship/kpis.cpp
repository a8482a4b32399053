// The KPIs of one record (SPEC 7) from its prepared activities and threading; every figure is
// defined in docs/relationship.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_set>

#include "relationship/relationship_internal.hpp"

namespace parley::relationship_detail {

// "2 h 5 min", "45 s", "3 d 4 h": whole seconds under a minute, else whole minutes.
std::string format_duration(double seconds) {
  if (seconds < 0.5) return "0 min";
  if (seconds < 59.5) return std::to_string(static_cast<long long>(std::llround(seconds))) + " s";
  long long minutes = std::llround(seconds / 60.0);
  const long long days = minutes / 1440;
  minutes %= 1440;
  const long long hours = minutes / 60;
  minutes %= 60;
  std::string out;
  auto piece = [&out](long long value, const char* unit) {
    if (value == 0) return;
    if (!out.empty()) out += ' ';
    out += std::to_string(value) + ' ' + unit;
  };
  piece(days, "d");
  piece(hours, "h");
  piece(minutes, "min");
  return out;
}

}  // namespace parley::relationship_detail

namespace parley {
namespace {

using relationship_detail::Entry;
using relationship_detail::format_duration;

constexpr double ms_per_day = 86'400'000;

ModeCounts& add_mode(ModeCounts& counts, ActivityType type) {
  switch (type) {
    case ActivityType::email: ++counts.emails; break;
    case ActivityType::meeting: ++counts.meetings; break;
    case ActivityType::phone_call: ++counts.phone_calls; break;
  }
  return counts;
}

std::int64_t mode_count(const ModeCounts& counts, ActivityType type) {
  switch (type) {
    case ActivityType::email: return counts.emails;
    case ActivityType::meeting: return counts.meetings;
    case ActivityType::phone_call: return counts.phone_calls;
  }
  return 0;
}

// Distinct listed people on a side, at least one: an activity of the record has both sides.
double head_count(const std::vector<ActivityParty>& side) {
  std::vector<std::string_view> ids;
  ids.reserve(side.size());
  for (const ActivityParty& party : side) ids.emplace_back(party.id);
  std::sort(ids.begin(), ids.end());
  const auto distinct = std::unique(ids.begin(), ids.end()) - ids.begin();
  return static_cast<double>(std::max<std::ptrdiff_t>(1, distinct));
}

}  // namespace

// Minutes spent by [ours, customer] on one activity (TimeSpentModel).
std::array<double, 2> relationship_detail::minutes_spent(const Entry& entry, const TimeSpentModel& model) {
  const Activity& a = *entry.activity;
  std::array<double, 2> minutes{0, 0};
  const auto ours = static_cast<std::size_t>(Side::ours);
  const auto customer = static_cast<std::size_t>(Side::customer);
  if (a.type == ActivityType::email) {
    const auto sender = static_cast<std::size_t>(entry.side);
    const std::size_t reader = 1 - sender;
    minutes[sender] += model.person_minutes(a.type, true, 0);
    minutes[reader] +=
        model.person_minutes(a.type, false, 0) * head_count(reader == ours ? a.our_side : a.customer_side);
    return minutes;
  }
  const bool per_person =
      a.type == ActivityType::meeting ? model.meeting_per_attendee : model.call_per_participant;
  const double duration_minutes = model.person_minutes(a.type, false, a.duration_ms);
  minutes[ours] = duration_minutes * (per_person ? head_count(a.our_side) : 1.0);
  minutes[customer] = duration_minutes * (per_person ? head_count(a.customer_side) : 1.0);
  return minutes;
}

namespace {

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

std::optional<double> mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace

ResponseTime relationship_detail::response_time(const std::vector<ResponsePair>& pairs, Side responder) {
  std::vector<double> seconds;
  std::vector<double> business;
  for (const ResponsePair& pair : pairs) {
    if (pair.responder != responder) continue;
    seconds.push_back(pair.seconds);
    if (pair.business_seconds) business.push_back(*pair.business_seconds);
  }
  ResponseTime time;
  time.responses = static_cast<std::int64_t>(seconds.size());
  time.mean_seconds = mean(seconds);
  time.median_seconds = median(seconds);
  time.business_mean_seconds = mean(business);
  time.business_median_seconds = median(business);
  return time;
}

namespace {

std::vector<TopContact> top_contacts(const std::vector<Entry>& kept, Side side, std::size_t limit) {
  std::map<std::string, TopContact> by_id;
  for (const Entry& entry : kept) {
    const Activity& a = *entry.activity;
    std::vector<const ActivityParty*> parties;
    for (const ActivityParty& party : side == Side::ours ? a.our_side : a.customer_side) {
      if (party.id.empty()) continue;
      if (std::none_of(parties.begin(), parties.end(),
                       [&](const ActivityParty* p) { return p->id == party.id; })) {
        parties.push_back(&party);
      }
    }
    for (const ActivityParty* party : parties) {
      TopContact& contact = by_id[party->id];
      contact.id = party->id;
      add_mode(contact.interactions, a.type);
      contact.last_contact_ms = a.timestamp_ms;  // kept is in time order
      if (!party->display_name.empty()) contact.display_name = party->display_name;
      if (!party->email.empty()) contact.email = party->email;
    }
  }
  std::vector<TopContact> contacts;
  contacts.reserve(by_id.size());
  for (auto& [id, contact] : by_id) contacts.push_back(std::move(contact));
  std::sort(contacts.begin(), contacts.end(), [](const TopContact& a, const TopContact& b) {
    if (a.interactions.total() != b.interactions.total())
      return a.interactions.total() > b.interactions.total();
    if (a.last_contact_ms != b.last_contact_ms) return a.last_contact_ms > b.last_contact_ms;
    return a.id < b.id;
  });
  if (contacts.size() > limit) contacts.resize(limit);
  return contacts;
}

std::string format_number(double value, int decimals) {
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), "%.*f", decimals, value);
  return text.data();
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + ' ' + std::string(count == 1 ? one : many);
}

std::string_view type_words(ActivityType type, bool many) {
  switch (type) {
    case ActivityType::email: return many ? "emails" : "email";
    case ActivityType::meeting: return many ? "meetings" : "meeting";
    case ActivityType::phone_call: return many ? "phone calls" : "phone call";
  }
  return "";
}

std::vector<SummarySentence> summarize(const RelationshipKpis& k, std::int32_t breakdown_days) {
  std::vector<SummarySentence> out;
  for (const ActivityType type : {ActivityType::email, ActivityType::meeting, ActivityType::phone_call}) {
    const std::int64_t ours = mode_count(k.initiated.by_us, type);
    const std::int64_t customer = mode_count(k.initiated.by_customer, type);
    if (ours + customer == 0) continue;
    const std::int64_t difference = ours - customer;
    std::string text;
    if (difference == 0) {
      text = "As many " + std::string(type_words(type, true)) + " initiated by us as by the customer (" +
             std::to_string(ours) + " each)";
    } else {
      const std::int64_t more = difference > 0 ? difference : -difference;
      text = std::to_string(more) + " more " + std::string(type_words(type, more != 1)) +
             (difference > 0 ? " initiated by us than by the customer"
                             : " initiated by the customer than by us");
    }
    out.push_back({"initiated_" +
                       std::string(type == ActivityType::phone_call ? "phone_calls" : type_words(type, true)),
                   text,
                   {{"ours", static_cast<double>(ours)},
                    {"customer", static_cast<double>(customer)},
                    {"difference", static_cast<double>(difference)}}});
  }
  const auto rate_sentence = [&out](const ResponseRate& rate, std::string topic, std::string_view who,
                                    std::string_view whose) {
    if (!rate.rate) return;
    out.push_back({std::move(topic),
                   std::string(who) + " responded to " + std::to_string(rate.responded) + " of " +
                       std::string(whose) + " " + plural(rate.messages, "email", "emails") + " (" +
                       format_number(*rate.rate * 100.0, 0) + "%)",
                   {{"messages", static_cast<double>(rate.messages)},
                    {"responded", static_cast<double>(rate.responded)},
                    {"rate", *rate.rate}}});
  };
  const auto time_sentence = [&out](const ResponseTime& time, std::string topic, std::string_view whose) {
    if (!time.median_seconds) return;
    std::vector<std::pair<std::string, double>> figures = {{"responses", static_cast<double>(time.responses)},
                                                           {"median_seconds", *time.median_seconds},
                                                           {"mean_seconds", *time.mean_seconds}};
    std::string text =
        std::string(whose) + " median response time is " + format_duration(*time.median_seconds) + " (mean " +
        format_duration(*time.mean_seconds) + ") over " + plural(time.responses, "response", "responses");
    if (time.business_median_seconds) {
      text += "; in business hours " + format_duration(*time.business_median_seconds);
      figures.emplace_back("business_median_seconds", *time.business_median_seconds);
    }
    out.push_back({std::move(topic), std::move(text), std::move(figures)});
  };
  time_sentence(k.response_time_ours, "response_time_ours", "Our");
  time_sentence(k.response_time_customer, "response_time_customer", "The customer's");
  rate_sentence(k.response_rate_ours, "response_rate_ours", "We", "the customer's");
  rate_sentence(k.response_rate_customer, "response_rate_customer", "The customer", "our");
  if (k.email_ratio.by_them) {
    out.push_back({"email_ratio",
                   "The customer sent " + format_number(*k.email_ratio.by_them, 2) +
                       " emails per email of ours (" + std::to_string(k.email_ratio.emails_by_customer) +
                       " to " + std::to_string(k.email_ratio.emails_by_us) + ")",
                   {{"by_them", *k.email_ratio.by_them},
                    {"emails_by_us", static_cast<double>(k.email_ratio.emails_by_us)},
                    {"emails_by_customer", static_cast<double>(k.email_ratio.emails_by_customer)}}});
  }
  out.push_back({"time_spent",
                 "Over the last " + plural(breakdown_days, "day", "days") + " our side spent " +
                     format_duration(k.minutes_ours * 60.0) + " and the customer's side " +
                     format_duration(k.minutes_customer * 60.0),
                 {{"minutes_ours", k.minutes_ours}, {"minutes_customer", k.minutes_customer}}});
  if (k.longest_gap) {
    out.push_back({"longest_gap",
                   "Longest gap without interaction: " + plural(k.longest_gap->days, "day", "days") +
                       " from " + k.longest_gap->start_date,
                   {{"days", static_cast<double>(k.longest_gap->days)}}});
  } else {
    out.push_back({"longest_gap",
                   "An interaction on each of the last " + plural(breakdown_days, "day", "days"),
                   {{"days", 0.0}}});
  }
  if (k.last_interaction) {
    const auto days_ago = static_cast<std::int64_t>(
        relationship_detail::ms_between(k.last_interaction->timestamp_ms, k.now_ms) / ms_per_day);
    out.push_back(
        {"last_interaction",
         "Last interaction: " + std::string(type_words(k.last_interaction->type, false)) + ", " +
             (days_ago == 0 ? std::string("less than a day ago") : plural(days_ago, "day", "days") + " ago"),
         {{"days_ago", static_cast<double>(days_ago)}}});
  } else {
    out.push_back({"last_interaction", "No interaction yet", {}});
  }
  if (k.next_interaction) {
    const auto days_ahead = static_cast<std::int64_t>(
        relationship_detail::ms_between(k.now_ms, k.next_interaction->timestamp_ms) / ms_per_day);
    out.push_back(
        {"next_interaction",
         "Next interaction: " + std::string(type_words(k.next_interaction->type, false)) + ", " +
             (days_ahead == 0 ? std::string("within a day") : "in " + plural(days_ahead, "day", "days")),
         {{"days_ahead", static_cast<double>(days_ahead)}}});
  } else {
    out.push_back({"next_interaction", "No interaction scheduled", {}});
  }
  return out;
}

}  // namespace

// Response rates: emails from one side addressed to the other, and how many got a response.
std::array<ResponseRate, 2> relationship_detail::response_rates(const std::vector<Entry>& kept,
                                                                const Threading& threading) {
  std::array<ResponseRate, 2> rates{};
  std::unordered_set<std::string_view> responded;
  for (const ResponsePair& pair : threading.responses) responded.insert(pair.parent_id);
  for (const Entry& entry : kept) {
    const Activity& a = *entry.activity;
    if (a.type != ActivityType::email) continue;
    const bool to_other_side = entry.side == Side::ours ? !a.customer_side.empty() : !a.our_side.empty();
    if (!to_other_side) continue;
    // Our emails measure the customer's response rate, theirs ours.
    ResponseRate& rate =
        rates[static_cast<std::size_t>(entry.side == Side::ours ? Side::customer : Side::ours)];
    ++rate.messages;
    if (responded.count(a.id) != 0) ++rate.responded;
  }
  for (ResponseRate& rate : rates) {
    if (rate.messages > 0)
      rate.rate = static_cast<double>(rate.responded) / static_cast<double>(rate.messages);
  }
  return rates;
}

RelationshipKpis relationship_kpis(const std::vector<Activity>& activities,
                                   const RelationshipOptions& options, std::int64_t now_utc_ms) {
  options.validate();
  relationship_detail::ZoneCalendars calendars;
  ZoneCalendar& calendar = calendars.get(options.time_zone, "the options' time_zone");
  const relationship_detail::PreparedRecord record =
      relationship_detail::prepare_record(activities, options, now_utc_ms);

  RelationshipKpis k;
  k.now_ms = now_utc_ms;
  k.time_zone = options.time_zone;
  k.activities = static_cast<std::int64_t>(record.kept.size());
  k.scheduled = static_cast<std::int64_t>(record.scheduled.size());
  k.threading = relationship_detail::thread_prepared(record, options, calendars);
  k.top_contacts_ours = top_contacts(record.kept, Side::ours, options.top_contacts);
  k.top_contacts_customer = top_contacts(record.kept, Side::customer, options.top_contacts);

  // The breakdown's local days: breakdown_days of them, the last one containing now.
  const std::int64_t today = calendar.start_of(BucketSize::day, now_utc_ms);
  const std::int64_t first_day = calendar.add(BucketSize::day, today, 1 - options.breakdown_days);
  std::vector<std::int64_t> starts;
  for (std::int32_t i = 0; i <= options.breakdown_days; ++i)
    starts.push_back(calendar.add(BucketSize::day, first_day, i));
  k.days.resize(static_cast<std::size_t>(options.breakdown_days));
  for (std::size_t i = 0; i < k.days.size(); ++i) {
    k.days[i].start_ms = starts[i];
    k.days[i].date = calendar.local_date(starts[i]);
  }

  for (const Entry& entry : record.kept) {
    const Activity& a = *entry.activity;
    add_mode(entry.side == Side::ours ? k.initiated.by_us : k.initiated.by_customer, a.type);
    if (a.type == ActivityType::email) {
      ++(entry.side == Side::ours ? k.email_ratio.emails_by_us : k.email_ratio.emails_by_customer);
      if (a.tracked) {
        ++k.engagement.tracked_emails;
        auto has = [&a](EngagementKind kind) {
          return std::any_of(a.engagement.begin(), a.engagement.end(),
                             [kind](const EngagementEvent& e) { return e.kind == kind; });
        };
        k.engagement.opened += has(EngagementKind::opened) ? 1 : 0;
        k.engagement.replied += has(EngagementKind::replied) ? 1 : 0;
        k.engagement.link_clicked += has(EngagementKind::link_clicked) ? 1 : 0;
        k.engagement.attachment_viewed += has(EngagementKind::attachment_viewed) ? 1 : 0;
      }
    }
    if (a.timestamp_ms < starts.front() || a.timestamp_ms >= starts.back()) continue;
    const auto day = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), a.timestamp_ms) -
                                              starts.begin() - 1);
    RelationshipDay& d = k.days[day];
    const bool sent = a.direction == ActivityDirection::sent;
    switch (a.type) {
      case ActivityType::email: ++(sent ? d.emails_sent : d.emails_received); break;
      case ActivityType::meeting: ++(sent ? d.meetings_sent : d.meetings_received); break;
      case ActivityType::phone_call: ++(sent ? d.calls_made : d.calls_received); break;
    }
    const std::array<double, 2> minutes = relationship_detail::minutes_spent(entry, options.time_spent);
    d.minutes_ours += minutes[0];
    d.minutes_customer += minutes[1];
  }
  for (const RelationshipDay& d : k.days) {
    k.minutes_ours += d.minutes_ours;
    k.minutes_customer += d.minutes_customer;
  }
  for (std::size_t i = 0; i < k.days.size();) {
    if (k.days[i].interactions() != 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < k.days.size() && k.days[end].interactions() == 0) ++end;
    k.gaps.push_back({k.days[i].date, static_cast<std::int32_t>(end - i)});
    if (!k.longest_gap || k.gaps.back().days > k.longest_gap->days) k.longest_gap = k.gaps.back();
    i = end;
  }

  const auto& ratio = k.email_ratio;
  if (ratio.emails_by_us > 0) {
    k.email_ratio.by_them =
        static_cast<double>(ratio.emails_by_customer) / static_cast<double>(ratio.emails_by_us);
  }
  if (ratio.emails_by_customer > 0) {
    k.email_ratio.by_us =
        static_cast<double>(ratio.emails_by_us) / static_cast<double>(ratio.emails_by_customer);
  }

  k.response_time_ours = relationship_detail::response_time(k.threading.responses, Side::ours);
  k.response_time_customer = relationship_detail::response_time(k.threading.responses, Side::customer);
  const std::array<ResponseRate, 2> rates = relationship_detail::response_rates(record.kept, k.threading);
  k.response_rate_ours = rates[static_cast<std::size_t>(Side::ours)];
  k.response_rate_customer = rates[static_cast<std::size_t>(Side::customer)];

  if (!record.kept.empty()) {
    const Activity& last = *record.kept.back().activity;
    k.last_interaction = InteractionRef{last.id, last.type, last.timestamp_ms};
  }
  if (!record.scheduled.empty()) {
    const Activity& next = *record.scheduled.front();
    k.next_interaction = InteractionRef{next.id, next.type, next.timestamp_ms};
  }
  k.summary = summarize(k, options.breakdown_days);
  return k;
}

}  // namespace parley
