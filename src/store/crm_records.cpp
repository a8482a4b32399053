// Opportunities and activities.
#include "store/sqlite_store.hpp"

namespace parley::sqlite {

void SqliteStore::put_opportunities(const Viewer& viewer, std::span<const Opportunity> items) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Opportunity& o = items[i];
    std::string where = "opportunity " + std::to_string(i);
    require_id(o.id, where + ": id");
    require_text(o.name, where + ": name");
    require_text(o.account_id, where + ": account_id");
    require_text(o.currency, where + ": currency");
    check_owner(viewer, scope, o.owner_id, "change opportunity " + in_quotes(o.id) + " of ");
    existing_in_scope(viewer, scope, "SELECT owner_id FROM opportunities WHERE id = ?1", "opportunity", o.id);
    auto s = db_.prepare(
        "INSERT INTO opportunities (id, name, account_id, owner_id, status, estimated_revenue, "
        "actual_revenue, currency, created_ms, closed_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10) ON CONFLICT(id) DO UPDATE SET name = excluded.name, account_id = "
        "excluded.account_id, owner_id = excluded.owner_id, status = excluded.status, "
        "estimated_revenue = excluded.estimated_revenue, actual_revenue = excluded.actual_revenue, "
        "currency = excluded.currency, created_ms = excluded.created_ms, closed_ms = excluded.closed_ms");
    s.bind(1, std::string_view(o.id))
        .bind(2, std::string_view(o.name))
        .bind_text_or_null(3, o.account_id)
        .bind(4, std::string_view(o.owner_id))
        .bind(5, static_cast<int>(o.status))
        .bind(6, o.estimated_revenue)
        .bind(7, o.actual_revenue)
        .bind(8, std::string_view(o.currency))
        .bind(9, o.created_ms)
        .bind(10, o.closed_ms);
    s.run();
  }
  tx.commit();
}

std::vector<Opportunity> SqliteStore::opportunities(const Viewer& viewer, const OpportunityFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string owners = filter_sellers(viewer, filter.owner_ids, "see the opportunities of ");
  auto s = db_.prepare(
      "SELECT id, name, account_id, owner_id, status, estimated_revenue, actual_revenue, currency, "
      "created_ms, closed_ms FROM opportunities WHERE owner_id IN (SELECT value FROM "
      "json_each(?1)) AND (?2 IS NULL OR account_id = ?2) AND created_ms < ?4 AND (status = 0 OR "
      "closed_ms IS NULL OR closed_ms >= ?3) ORDER BY created_ms, id");
  s.bind(1, std::string_view(owners)).bind_text_or_null(2, filter.account_id);
  s.bind(3, filter.from_ms).bind(4, filter.to_ms);
  std::vector<Opportunity> out;
  while (s.step()) {
    Opportunity o;
    o.id = s.text(0);
    o.name = s.text(1);
    o.account_id = s.text(2);
    o.owner_id = s.text(3);
    o.status = static_cast<OpportunityStatus>(s.int64(4));
    o.estimated_revenue = s.real(5);
    o.actual_revenue = s.real(6);
    o.currency = s.text(7);
    o.created_ms = s.int64(8);
    o.closed_ms = s.optional_int64(9);
    out.push_back(std::move(o));
  }
  tx.commit();
  return out;
}

void SqliteStore::put_activities(const Viewer& viewer, std::span<const Activity> items) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  for (std::size_t i = 0; i < items.size(); ++i) put_activity(viewer, scope, items[i], i);
  tx.commit();
}

std::vector<Activity> SqliteStore::activities(const Viewer& viewer, const ActivityFilter& filter) {
  Transaction tx(db_, Transaction::Kind::read);
  std::string owners = filter_sellers(viewer, filter.owner_ids, "see the activities of ");
  auto s = db_.prepare(
      "SELECT activity_key, id, type, direction, owner_id, initiator_id, timestamp_ms, "
      "duration_ms, subject, thread_id, message_id, in_reply_to, automatic_reply, tracked, "
      "account_id, contact_id, lead_id, opportunity_id, attachment_count FROM activities a WHERE owner_id IN "
      "(SELECT value FROM json_each(?1)) AND timestamp_ms >= ?2 AND timestamp_ms < ?3 AND (?4 IS "
      "NULL OR account_id = ?4) AND (?5 IS NULL OR contact_id = ?5) AND (?6 IS NULL OR lead_id = "
      "?6) AND (?7 IS NULL OR opportunity_id = ?7) ORDER BY timestamp_ms, id");
  s.bind(1, std::string_view(owners)).bind(2, filter.from_ms).bind(3, filter.to_ms);
  s.bind_text_or_null(4, filter.account_id)
      .bind_text_or_null(5, filter.contact_id)
      .bind_text_or_null(6, filter.lead_id)
      .bind_text_or_null(7, filter.opportunity_id);
  std::vector<std::pair<std::int64_t, Activity>> rows;
  while (s.step()) {
    Activity a;
    a.id = s.text(1);
    a.type = static_cast<ActivityType>(s.int64(2));
    a.direction = static_cast<ActivityDirection>(s.int64(3));
    a.owner_id = s.text(4);
    a.initiator_id = s.text(5);
    a.timestamp_ms = s.int64(6);
    a.duration_ms = s.int64(7);
    a.subject = s.text(8);
    a.thread_id = s.text(9);
    a.message_id = s.text(10);
    a.in_reply_to = s.text(11);
    a.automatic_reply = s.int64(12) != 0;
    a.tracked = s.int64(13) != 0;
    a.account_id = s.text(14);
    a.contact_id = s.text(15);
    a.lead_id = s.text(16);
    a.opportunity_id = s.text(17);
    a.attachment_count = static_cast<std::uint32_t>(s.int64(18));
    rows.emplace_back(s.int64(0), std::move(a));
  }
  std::vector<Activity> out;
  out.reserve(rows.size());
  for (auto& [key, a] : rows) {
    {
      auto p = db_.prepare(
          "SELECT side, party_id, display_name, email, time_zone FROM activity_parties WHERE "
          "activity_key = ?1 ORDER BY side, idx");
      p.bind(1, key);
      while (p.step()) {
        ActivityParty party{p.text(1), p.text(2), p.text(3), p.text(4)};
        (p.int64(0) == 0 ? a.our_side : a.customer_side).push_back(std::move(party));
      }
    }
    {
      auto r = db_.prepare("SELECT message_id FROM activity_references WHERE activity_key = ?1 ORDER BY idx");
      r.bind(1, key);
      while (r.step()) a.references.push_back(r.text(0));
    }
    {
      auto e =
          db_.prepare("SELECT kind, time_ms FROM activity_engagement WHERE activity_key = ?1 ORDER BY idx");
      e.bind(1, key);
      while (e.step()) a.engagement.push_back({static_cast<EngagementKind>(e.int64(0)), e.int64(1)});
    }
    out.push_back(std::move(a));
  }
  tx.commit();
  return out;
}

void SqliteStore::put_activity(const Viewer& viewer, const Scope& scope, const Activity& a,
                               std::size_t index) {
  std::string where = "activity " + std::to_string(index);
  require_id(a.id, where + ": id");
  for (const std::string* field : {&a.initiator_id, &a.subject, &a.thread_id, &a.message_id, &a.in_reply_to,
                                   &a.account_id, &a.contact_id, &a.lead_id, &a.opportunity_id}) {
    require_text(*field, where + " (" + in_quotes(a.id) + ")");
  }
  if (a.duration_ms < 0) {
    throw Error(ErrorCode::invalid_argument,
                where + " (" + in_quotes(a.id) + "): negative duration_ms " + std::to_string(a.duration_ms));
  }
  check_owner(viewer, scope, a.owner_id, "store activity " + in_quotes(a.id) + " of ");
  if (existing_in_scope(viewer, scope, "SELECT owner_id FROM activities WHERE id = ?1", "activity", a.id)) {
    auto d = db_.prepare("DELETE FROM activities WHERE id = ?1");
    d.bind(1, std::string_view(a.id));
    d.run();
  }
  {
    auto s = db_.prepare(
        "INSERT INTO activities (id, type, direction, owner_id, initiator_id, timestamp_ms, "
        "duration_ms, subject, thread_id, message_id, in_reply_to, automatic_reply, tracked, "
        "account_id, contact_id, lead_id, opportunity_id, attachment_count) VALUES (?1, ?2, ?3, ?4, "
        "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    s.bind(1, std::string_view(a.id))
        .bind(2, static_cast<int>(a.type))
        .bind(3, static_cast<int>(a.direction))
        .bind(4, std::string_view(a.owner_id))
        .bind(5, std::string_view(a.initiator_id))
        .bind(6, a.timestamp_ms)
        .bind(7, a.duration_ms)
        .bind(8, std::string_view(a.subject))
        .bind(9, std::string_view(a.thread_id))
        .bind(10, std::string_view(a.message_id))
        .bind(11, std::string_view(a.in_reply_to))
        .bind(12, a.automatic_reply ? 1 : 0)
        .bind(13, a.tracked ? 1 : 0)
        .bind_text_or_null(14, a.account_id)
        .bind_text_or_null(15, a.contact_id)
        .bind_text_or_null(16, a.lead_id)
        .bind_text_or_null(17, a.opportunity_id)
        .bind(18, static_cast<std::int64_t>(a.attachment_count));
    s.run();
  }
  const std::int64_t key = db_.last_insert_rowid();
  int side = 0;
  for (const auto* parties : {&a.our_side, &a.customer_side}) {
    for (std::size_t i = 0; i < parties->size(); ++i) {
      const ActivityParty& p = (*parties)[i];
      require_id(p.id, where + " (" + in_quotes(a.id) + "): participant " + std::to_string(i) + ": id");
      auto s = db_.prepare(
          "INSERT INTO activity_parties (activity_key, side, idx, party_id, display_name, email, "
          "time_zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      s.bind(1, key)
          .bind(2, side)
          .bind(3, static_cast<std::int64_t>(i))
          .bind(4, std::string_view(p.id))
          .bind(5, std::string_view(p.display_name))
          .bind(6, std::string_view(p.email))
          .bind(7, std::string_view(p.time_zone));
      s.run();
    }
    ++side;
  }
  for (std::size_t i = 0; i < a.references.size(); ++i) {
    require_text(a.references[i], where + " (" + in_quotes(a.id) + "): reference");
    auto s =
        db_.prepare("INSERT INTO activity_references (activity_key, idx, message_id) VALUES (?1, ?2, ?3)");
    s.bind(1, key).bind(2, static_cast<std::int64_t>(i)).bind(3, std::string_view(a.references[i]));
    s.run();
  }
  for (std::size_t i = 0; i < a.engagement.size(); ++i) {
    auto s = db_.prepare(
        "INSERT INTO activity_engagement (activity_key, idx, kind, time_ms) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, key)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, static_cast<int>(a.engagement[i].kind))
        .bind(4, a.engagement[i].time_ms);
    s.run();
  }
}

}  // namespace parley::sqlite
