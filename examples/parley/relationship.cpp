// parley relationship: one CRM record's relationship KPIs and health (docs/relationship.md), from
// the activities the viewer may see, as a readable page or as JSON.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/json.hpp"
#include "parley/period.hpp"
#include "parley/relationship.hpp"

namespace parley_cli {
namespace {

struct RelationshipArguments {
  std::string database;
  std::optional<RecordRef> record;
  std::string viewer = "admin";
  std::optional<std::int64_t> now_ms;
  parley::RelationshipOptions options;
  bool json = false;
  bool help = false;
};

RelationshipArguments parse_arguments(std::span<const std::string_view> arguments) {
  RelationshipArguments parsed;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string_view argument = arguments[i];
    if (is_help_option(argument)) {
      parsed.help = true;
      return parsed;
    }
    if (argument == "--db") {
      parsed.database = std::string(take_value(arguments, i));
    } else if (argument == "--record") {
      parsed.record = parse_record(take_value(arguments, i));
    } else if (argument == "--viewer") {
      parsed.viewer = std::string(take_value(arguments, i));
    } else if (argument == "--now") {
      parsed.now_ms = parse_instant(argument, take_value(arguments, i));
    } else if (argument == "--time-zone") {
      parsed.options.time_zone = std::string(take_value(arguments, i));
    } else if (argument == "--business-hours") {
      parsed.options.business_hours_only = true;
    } else if (argument == "--format") {
      const std::string_view name = take_value(arguments, i);
      if (name != "text" && name != "json")
        throw UsageError(fmt::format("unknown output format '{}' (text or json)", name));
      parsed.json = name == "json";
    } else {
      throw UsageError(fmt::format("relationship: unexpected argument '{}'", argument));
    }
  }
  if (parsed.database.empty()) throw UsageError("relationship needs --db FILE");
  if (!parsed.record) throw UsageError("relationship needs --record TYPE:ID");
  return parsed;
}

// "2026-11-20 13:00": the instant's local time in the page's zone (the breakdown's days' zone).
std::string local_time(parley::ZoneCalendar& zone, std::int64_t ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> at{milliseconds(ms + zone.utc_offset_ms(ms))};
  const sys_days day = floor<days>(at);
  const year_month_day date(day);
  const auto minutes_of_day = duration_cast<minutes>(at - day).count();
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     minutes_of_day / 60, minutes_of_day % 60);
}

// "2 d 3 h", "4 h 10 min", "42 min", "35 s".
std::string duration(double seconds) {
  if (seconds < 60) return fmt::format("{:.0f} s", seconds);
  const auto minutes = static_cast<long long>(std::llround(seconds / 60));
  if (minutes < 60) return fmt::format("{} min", minutes);
  if (minutes < 24 * 60) return fmt::format("{} h {} min", minutes / 60, minutes % 60);
  return fmt::format("{} d {} h", minutes / (24 * 60), minutes / 60 % 24);
}

std::string optional_duration(const std::optional<double>& seconds) {
  return seconds ? duration(*seconds) : std::string("n/a");
}

std::string optional_ratio(const std::optional<double>& value) {
  return value ? fmt::format("{:.2f}", *value) : std::string("n/a");
}

std::string modes(const parley::ModeCounts& counts) {
  return fmt::format("{} emails, {} meetings, {} phone calls", counts.emails, counts.meetings,
                     counts.phone_calls);
}

std::string interaction(parley::ZoneCalendar& zone, const std::optional<parley::InteractionRef>& ref) {
  if (!ref) return "none";
  return fmt::format("{} '{}' at {}", parley::activity_type_name(ref->type), ref->activity_id,
                     local_time(zone, ref->timestamp_ms));
}

void append_contacts(std::string& page, parley::ZoneCalendar& zone, std::string_view side,
                     const std::vector<parley::TopContact>& contacts) {
  page += fmt::format("  {}:\n", side);
  if (contacts.empty()) page += "    nobody\n";
  for (const parley::TopContact& contact : contacts) {
    page += fmt::format("    {:<28} {:<32} {:>3} ({}), last {}\n",
                        contact.display_name.empty() ? contact.id : contact.display_name, contact.email,
                        contact.interactions.total(), modes(contact.interactions),
                        local_time(zone, contact.last_contact_ms));
  }
}

}  // namespace

std::string relationship_page_text(std::string_view record, const parley::RelationshipKpis& kpis,
                                   const parley::RelationshipHealth& health) {
  parley::ZoneCalendar zone(kpis.time_zone, "en-US");
  std::string page =
      fmt::format("Relationship: {} as of {} ({} activities, {} scheduled; times and days in {})\n\n",
                  record, local_time(zone, kpis.now_ms), kpis.activities, kpis.scheduled, kpis.time_zone);
  page += "Summary\n";
  for (const parley::SummarySentence& sentence : kpis.summary) page += fmt::format("  {}\n", sentence.text);

  page += fmt::format("\nHealth: {} ({}), trend {}\n", health.score, parley::health_band_name(health.band),
                      parley::health_trend_name(health.trend));
  for (const parley::HealthComponent& component : health.components) {
    page += fmt::format("  {:<15} {:5.1f} points (value {:.2f}, share {:.0f}%): {}\n", component.name,
                        component.points, component.value, component.weight * 100, component.explanation);
  }
  if (!health.history.empty()) {
    std::vector<std::string> points;
    for (const parley::HealthPoint& point : health.history) points.push_back(std::to_string(point.score));
    page += fmt::format("  weekly scores, oldest first: {}\n", fmt::join(points, ", "));
  }
  for (const parley::HealthSignal& signal : health.signals) page += fmt::format("  * {}\n", signal.text);

  page += "\nTop contacts\n";
  append_contacts(page, zone, "ours", kpis.top_contacts_ours);
  append_contacts(page, zone, "customer", kpis.top_contacts_customer);

  page += "\nInitiated\n";
  page += fmt::format("  by us            {}\n", modes(kpis.initiated.by_us));
  page += fmt::format("  by the customer  {}\n", modes(kpis.initiated.by_customer));

  const parley::EmailEngagement& engagement = kpis.engagement;
  page += fmt::format("\nTracked emails: {} (opened {}, replied {}, link clicked {}, attachment viewed {})\n",
                      engagement.tracked_emails, engagement.opened, engagement.replied,
                      engagement.link_clicked, engagement.attachment_viewed);
  const parley::EmailRatio& ratio = kpis.email_ratio;
  page += fmt::format("Emails: {} by us, {} by the customer; by them {}, by us {}\n", ratio.emails_by_us,
                      ratio.emails_by_customer, optional_ratio(ratio.by_them), optional_ratio(ratio.by_us));

  page += "\nResponses\n";
  const auto response_line = [&](std::string_view who, const parley::ResponseTime& time,
                                 const parley::ResponseRate& rate) {
    std::string line =
        fmt::format("  {:<14} {} of {} answered ({}), median {}, mean {}", who, rate.responded, rate.messages,
                    rate.rate ? fmt::format("{:.0f}%", *rate.rate * 100) : std::string("n/a"),
                    optional_duration(time.median_seconds), optional_duration(time.mean_seconds));
    if (time.business_median_seconds || time.business_mean_seconds) {
      line +=
          fmt::format("; business hours median {}, mean {}", optional_duration(time.business_median_seconds),
                      optional_duration(time.business_mean_seconds));
    }
    return line + "\n";
  };
  page += response_line("ours", kpis.response_time_ours, kpis.response_rate_ours);
  page += response_line("the customer", kpis.response_time_customer, kpis.response_rate_customer);

  page += fmt::format("\nLast interaction: {}\nNext interaction: {}\n", interaction(zone, kpis.last_interaction),
                      interaction(zone, kpis.next_interaction));

  // The breakdown: the days with an interaction, one row each; the quiet days are the gaps.
  page +=
      fmt::format("\nLast {} days (days with interactions; time spent: ours {}, the customer's {})\n",
                  kpis.days.size(), duration(kpis.minutes_ours * 60), duration(kpis.minutes_customer * 60));
  page += "  date        email out/in  meeting out/in  call out/in  minutes ours/customer\n";
  for (const parley::RelationshipDay& day : kpis.days) {
    if (day.interactions() == 0) continue;
    page += fmt::format("  {}  {:>5} / {:<5} {:>6} / {:<6} {:>5} / {:<5} {:>8.1f} / {:.1f}\n", day.date,
                        day.emails_sent, day.emails_received, day.meetings_sent, day.meetings_received,
                        day.calls_made, day.calls_received, day.minutes_ours, day.minutes_customer);
  }
  if (kpis.longest_gap) {
    page += fmt::format("  longest gap: {} days from {} ({} gaps in all)\n", kpis.longest_gap->days,
                        kpis.longest_gap->start_date, kpis.gaps.size());
  }
  return page;
}

int run_relationship(std::span<const std::string_view> arguments) {
  const RelationshipArguments parsed = parse_arguments(arguments);
  if (parsed.help) {
    fmt::print("{}", usage_text("relationship"));
    return 0;
  }
  const std::int64_t now_ms = parsed.now_ms ? *parsed.now_ms : clock_now_ms();
  parley::SqliteStoreOptions store_options;
  store_options.create_if_missing = false;  // a mistyped path is an error, not an empty record
  auto store = parley::open_sqlite_store(parsed.database, store_options);
  const parley::Viewer viewer = resolve_viewer(*store, parsed.viewer);

  parley::ActivityFilter filter;
  const RecordRef& record = *parsed.record;
  (record.type == "account"   ? filter.account_id
   : record.type == "contact" ? filter.contact_id
   : record.type == "lead"    ? filter.lead_id
                              : filter.opportunity_id) = record.id;
  const std::vector<parley::Activity> activities = store->activities(viewer, filter);
  const parley::RelationshipKpis kpis = parley::relationship_kpis(activities, parsed.options, now_ms);
  const parley::RelationshipHealth health =
      parley::relationship_health(activities, parsed.options, parley::HealthOptions{}, now_ms);
  if (parsed.json) {
    fmt::print("{{\"record\":{{\"type\":{},\"id\":{}}},\"kpis\":{},\"health\":{}}}\n",
               parley::json_string(record.type), parley::json_string(record.id), parley::to_json(kpis),
               parley::to_json(health));
  } else {
    fmt::print("{}", relationship_page_text(record.type + ":" + record.id, kpis, health));
  }
  return 0;
}

}  // namespace parley_cli
