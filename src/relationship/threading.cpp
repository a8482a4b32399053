// The record's activities prepared once (sorted, sides decided, duplicates set apart) and email
// threading: In-Reply-To, then References (latest first), then the base subject guarded by crossed
// sender and recipient and time order (docs/relationship.md, "Threading").
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "relationship/relationship_internal.hpp"

namespace parley {
namespace {

constexpr detail::EnumName<Side> side_names[] = {{Side::ours, "ours"}, {Side::customer, "customer"}};
constexpr detail::EnumName<ReplyMatch> reply_match_names[] = {{ReplyMatch::in_reply_to, "in_reply_to"},
                                                              {ReplyMatch::references, "references"},
                                                              {ReplyMatch::subject, "subject"}};
constexpr detail::EnumName<ReplyRole> reply_role_names[] = {{ReplyRole::response, "response"},
                                                            {ReplyRole::follow_up, "follow_up"},
                                                            {ReplyRole::same_side, "same_side"}};

}  // namespace

std::string_view side_name(Side side) noexcept { return detail::name_of(side_names, side); }
std::string_view reply_match_name(ReplyMatch match) noexcept {
  return detail::name_of(reply_match_names, match);
}
std::string_view reply_role_name(ReplyRole role) noexcept { return detail::name_of(reply_role_names, role); }

}  // namespace parley

namespace parley::relationship_detail {
namespace {

constexpr std::int64_t ms_per_day = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// The instant of local minute `minute` on the local day starting at `day_start` (DST-aware).
std::int64_t at_local_minute(ZoneCalendar& calendar, std::int64_t day_start, std::int32_t minute) {
  const std::int64_t guess = day_start + std::int64_t{minute} * 60'000;
  return guess - (calendar.utc_offset_ms(guess) - calendar.utc_offset_ms(day_start));
}

}  // namespace

ZoneCalendar& ZoneCalendars::get(const std::string& zone, std::string_view context) {
  if (const auto found = calendars_.find(zone); found != calendars_.end()) return *found->second;
  try {
    auto calendar = std::make_unique<ZoneCalendar>(zone, "en-US");
    return *calendars_.emplace(zone, std::move(calendar)).first->second;
  } catch (const Error&) {
    throw Error(ErrorCode::invalid_argument, "relationship: " + std::string(context) +
                                                 ": unknown time zone '" + zone +
                                                 "' (expected an IANA id such as Europe/Warsaw)");
  }
}

double business_seconds(ZoneCalendar& calendar, const BusinessHours& hours, std::int64_t from_ms,
                        std::int64_t to_ms) {
  std::int64_t total_ms = 0;
  for (std::int64_t day = calendar.start_of(BucketSize::day, from_ms); day < to_ms;) {
    const std::int64_t next = calendar.add(BucketSize::day, day, 1);
    const std::int64_t local_days = floor_div(day + calendar.utc_offset_ms(day), ms_per_day);
    const auto monday_first =
        static_cast<std::size_t>(((local_days + 3) % 7 + 7) % 7);  // 1970-01-01: Thursday
    if (hours.working_days[monday_first]) {
      const std::int64_t open = std::max(from_ms, at_local_minute(calendar, day, hours.start_minute));
      const std::int64_t close = std::min(to_ms, at_local_minute(calendar, day, hours.end_minute));
      if (close > open) total_ms += close - open;
    }
    day = next;
  }
  return static_cast<double>(total_ms) / 1000.0;
}

std::string_view message_id_key(std::string_view value) noexcept {
  constexpr std::string_view space = " \t\r\n";
  auto trimmed = [space](std::string_view text) {
    const std::size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return std::string_view();
    return text.substr(first, text.find_last_not_of(space) - first + 1);
  };
  value = trimmed(value);
  if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
    value = trimmed(value.substr(1, value.size() - 2));
  }
  return value;
}

namespace {

// (sender, subject) of an email, for copies stored twice under different Message-IDs.
using SenderSubject = std::pair<std::string_view, std::string_view>;
struct SenderSubjectHash {
  std::size_t operator()(const SenderSubject& key) const noexcept {
    const std::size_t h = std::hash<std::string_view>{}(key.first);
    return h ^ (std::hash<std::string_view>{}(key.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  }
};

}  // namespace

PreparedRecord prepare_record(const std::vector<Activity>& activities, const RelationshipOptions& options,
                              std::int64_t now_utc_ms) {
  std::vector<const Activity*> pointers;
  pointers.reserve(activities.size());
  for (const Activity& activity : activities) pointers.push_back(&activity);
  return prepare_record(pointers, options, now_utc_ms);
}

PreparedRecord prepare_record(std::span<const Activity* const> activities, const RelationshipOptions& options,
                              std::int64_t now_utc_ms) {
  std::vector<const Activity*> sorted(activities.begin(), activities.end());
  std::unordered_set<std::string_view> our_ids;
  for (const Activity* activity : sorted) {
    for (const ActivityParty& party : activity->our_side) our_ids.insert(party.id);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Activity* a, const Activity* b) {
    return a->timestamp_ms != b->timestamp_ms ? a->timestamp_ms < b->timestamp_ms : a->id < b->id;
  });

  PreparedRecord record;
  std::vector<Entry> unique;
  unique.reserve(sorted.size());
  std::unordered_set<std::string_view> seen_ids;
  seen_ids.reserve(sorted.size());
  std::unordered_map<std::string_view, MessageRef> unique_by_message_id;  // kept: index in unique
  unique_by_message_id.reserve(sorted.size());
  std::unordered_map<SenderSubject, std::vector<std::size_t>, SenderSubjectHash> unique_by_sender_subject;
  for (const Activity* activity : sorted) {
    if (activity->timestamp_ms > now_utc_ms) {
      record.scheduled.push_back(activity);
      continue;
    }
    if (!seen_ids.insert(activity->id).second) {
      ++record.duplicates;
      continue;
    }
    Entry entry;
    entry.activity = activity;
    const std::vector<ActivityParty>& sender_side =
        activity->direction == ActivityDirection::sent ? activity->our_side : activity->customer_side;
    entry.sender = !activity->initiator_id.empty() ? std::string_view(activity->initiator_id)
                   : sender_side.empty()           ? std::string_view()
                                                   : std::string_view(sender_side.front().id);
    entry.side = !activity->initiator_id.empty()
                     ? (our_ids.count(activity->initiator_id) != 0 ? Side::ours : Side::customer)
                     : (activity->direction == ActivityDirection::sent ? Side::ours : Side::customer);
    if (activity->type == ActivityType::email) {
      for (const auto* side : {&activity->our_side, &activity->customer_side}) {
        for (const ActivityParty& party : *side) {
          if (!party.id.empty() && party.id != entry.sender) entry.recipients.emplace_back(party.id);
        }
      }
      std::sort(entry.recipients.begin(), entry.recipients.end());
      entry.recipients.erase(std::unique(entry.recipients.begin(), entry.recipients.end()),
                             entry.recipients.end());

      const std::string_view key = message_id_key(activity->message_id);
      if (!key.empty() && unique_by_message_id.count(key) != 0) {
        ++record.duplicates;
        continue;
      }
      std::vector<std::size_t>& same = unique_by_sender_subject[{entry.sender, activity->subject}];
      std::size_t copy_of = unique.size();
      for (auto it = same.rbegin(); it != same.rend(); ++it) {
        const Entry& earlier = unique[*it];
        if (ms_between(earlier.activity->timestamp_ms, activity->timestamp_ms) >
            static_cast<double>(options.duplicate_window_ms)) {
          break;
        }
        if (earlier.recipients == entry.recipients) {
          copy_of = *it;
          break;
        }
      }
      if (!key.empty()) unique_by_message_id.emplace(key, MessageRef{copy_of, activity->timestamp_ms});
      if (copy_of != unique.size()) {
        ++record.duplicates;
        continue;
      }
      same.push_back(unique.size());
    }
    unique.push_back(std::move(entry));
  }

  std::vector<std::size_t> kept_index(unique.size(), unique.size());
  record.kept.reserve(unique.size());
  for (std::size_t i = 0; i < unique.size(); ++i) {
    if (unique[i].activity->type == ActivityType::email && unique[i].activity->automatic_reply) {
      ++record.automatic_replies;
      continue;
    }
    kept_index[i] = record.kept.size();
    record.kept.push_back(std::move(unique[i]));
  }
  // The same map, re-pointed at kept (automatic replies' Message-IDs dropped).
  for (auto it = unique_by_message_id.begin(); it != unique_by_message_id.end();) {
    if (kept_index[it->second.kept] == unique.size()) {
      it = unique_by_message_id.erase(it);
    } else {
      it->second.kept = kept_index[it->second.kept];
      ++it;
    }
  }
  record.by_message_id = std::move(unique_by_message_id);
  return record;
}

Threading thread_prepared(const PreparedRecord& record, const RelationshipOptions& options,
                          ZoneCalendars& calendars, ThreadingTrace* trace) {
  Threading threading;
  threading.duplicates = record.duplicates;
  threading.automatic_replies = record.automatic_replies;
  const std::vector<Entry>& kept = record.kept;
  // Subject candidates by (base subject, sender, one recipient), in time order: a reply from S to
  // R1..Rn looks up (base, Rk, S) for each k, so the guard costs no scan.
  std::unordered_map<std::string, std::vector<std::size_t>> by_subject_sender_recipient;
  std::string key;  // reused: a lookup builds no string
  auto subject_key = [&key](std::string_view base, std::string_view sender,
                            std::string_view recipient) -> const std::string& {
    key.clear();
    key.append(base).append(1, '\x1f').append(sender).append(1, '\x1f').append(recipient);
    return key;
  };
  auto index_candidate = [&](std::size_t i, const std::string& base) {
    if (kept[i].sender.empty()) return;
    for (const std::string_view recipient : kept[i].recipients) {
      by_subject_sender_recipient[subject_key(base, kept[i].sender, recipient)].push_back(i);
    }
  };
  std::vector<bool> answered(kept.size(), false);

  for (std::size_t i = 0; i < kept.size(); ++i) {
    const Activity& reply = *kept[i].activity;
    if (reply.type != ActivityType::email) continue;
    const ParsedSubject subject = parse_subject(reply.subject);
    if (subject.kind == SubjectKind::forward) {
      ++threading.forwards;
      index_candidate(i, subject.base);
      continue;
    }

    std::size_t parent = kept.size();
    std::int64_t parent_seen_ms = 0;
    ReplyMatch match = ReplyMatch::in_reply_to;
    bool has_reply_headers = false;
    // A header naming a message of the record, sent no later than the reply.
    auto named = [&](std::string_view header) {
      const std::string_view id = message_id_key(header);
      if (id.empty()) return false;
      has_reply_headers = true;
      const auto found = record.by_message_id.find(id);
      if (found == record.by_message_id.end() || found->second.kept == i) return false;
      if (kept[found->second.kept].activity->timestamp_ms > reply.timestamp_ms) return false;
      parent = found->second.kept;
      parent_seen_ms = found->second.seen_ms;
      return true;
    };
    if (!named(reply.in_reply_to)) {
      match = ReplyMatch::references;
      for (auto it = reply.references.rbegin(); it != reply.references.rend(); ++it) {
        if (named(*it)) break;
      }
    }
    if (trace != nullptr && parent != kept.size() && parent_seen_ms > reply.timestamp_ms)
      trace->unsettled.emplace_back(reply.timestamp_ms, parent_seen_ms);
    if (parent == kept.size() && !has_reply_headers && subject.kind == SubjectKind::reply) {
      // The latest earlier message with this base subject whose sender the reply is addressed to,
      // and which was addressed to the reply's sender.
      match = ReplyMatch::subject;
      for (const std::string_view recipient : kept[i].recipients) {
        if (kept[i].sender.empty()) break;
        const auto found =
            by_subject_sender_recipient.find(subject_key(subject.base, recipient, kept[i].sender));
        if (found == by_subject_sender_recipient.end()) continue;
        for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
          if (kept[*it].activity->timestamp_ms >= reply.timestamp_ms) continue;
          if (parent == kept.size() || *it > parent) parent = *it;  // kept is in (time, id) order
          break;
        }
      }
    }
    index_candidate(i, subject.base);
    if (parent == kept.size()) {
      if (has_reply_headers || subject.kind == SubjectKind::reply) ++threading.replies_without_parent;
      continue;
    }

    const Entry& parent_entry = kept[parent];
    ReplyLink link{parent_entry.activity->id, reply.id, match, ReplyRole::same_side};
    if (parent_entry.side != kept[i].side) {
      link.role = answered[parent] ? ReplyRole::follow_up : ReplyRole::response;
      answered[parent] = true;
    }
    threading.replies.push_back(link);
    if (link.role != ReplyRole::response) continue;

    ResponsePair pair;
    pair.parent_id = link.parent_id;
    pair.reply_id = link.reply_id;
    pair.responder = kept[i].side;
    pair.seconds = ms_between(parent_entry.activity->timestamp_ms, reply.timestamp_ms) / 1000.0;
    if (options.business_hours_only) {
      std::string zone = options.time_zone;
      std::string context = "the options' time_zone";
      for (const auto* side : {&reply.our_side, &reply.customer_side}) {
        for (const ActivityParty& party : *side) {
          if (party.id == kept[i].sender && !party.time_zone.empty()) {
            zone = party.time_zone;
            context = "activity '" + reply.id + "', party '" + party.id + "'";
          }
        }
      }
      pair.business_seconds = business_seconds(calendars.get(zone, context), options.business_hours,
                                               parent_entry.activity->timestamp_ms, reply.timestamp_ms);
    }
    threading.responses.push_back(std::move(pair));
    if (trace != nullptr) trace->responses.emplace_back(parent, i);
  }
  return threading;
}

}  // namespace parley::relationship_detail

namespace parley {

Threading thread_emails(const std::vector<Activity>& activities, const RelationshipOptions& options,
                        std::int64_t now_utc_ms) {
  options.validate();
  relationship_detail::ZoneCalendars calendars;
  calendars.get(options.time_zone, "the options' time_zone");
  const relationship_detail::PreparedRecord record =
      relationship_detail::prepare_record(activities, options, now_utc_ms);
  return relationship_detail::thread_prepared(record, options, calendars);
}

}  // namespace parley
