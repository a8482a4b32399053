// Retention periods and purging expired calls.
#include "store/sqlite_store.hpp"

#include <limits>
#include <unordered_map>

namespace parley::sqlite {

namespace {

constexpr std::int64_t ms_per_day = 86'400'000;

// retention_policies.scope_key: '' for the organisation, else the team manager's id.
std::string retention_key(const TermScope& scope) {
  require_scope(scope, "retention period");
  return scope.level == TermScope::Level::team ? scope.team_id : std::string();
}

}  // namespace

void SqliteStore::set_retention(const Viewer& viewer, const RetentionPolicy& policy) {
  if (policy.days < 1) {
    throw Error(ErrorCode::invalid_argument,
                "retention period must be at least 1 day, got " + std::to_string(policy.days));
  }
  const std::string key = retention_key(policy.scope);
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  if (!scope.everything) not_permitted(viewer, "set retention periods");
  if (!key.empty() && !user_exists(key)) not_found("user " + in_quotes(key));
  auto s = db_.prepare(
      "INSERT INTO retention_policies (scope_key, days) VALUES (?1, ?2) ON CONFLICT(scope_key) "
      "DO UPDATE SET days = excluded.days");
  s.bind(1, std::string_view(key)).bind(2, policy.days);
  s.run();
  tx.commit();
}

void SqliteStore::clear_retention(const Viewer& viewer, const TermScope& retention_scope) {
  const std::string key = retention_key(retention_scope);
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  if (!scope.everything) not_permitted(viewer, "clear retention periods");
  auto s = db_.prepare("DELETE FROM retention_policies WHERE scope_key = ?1");
  s.bind(1, std::string_view(key));
  s.run();
  tx.commit();
}

std::vector<RetentionPolicy> SqliteStore::retention_policies(const Viewer& viewer) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  auto s = db_.prepare("SELECT scope_key, days FROM retention_policies ORDER BY scope_key");
  std::vector<RetentionPolicy> out;
  while (s.step()) {
    std::string key = s.text(0);
    if (!key.empty() && !scope.contains(key)) continue;
    // Filled member by member: g++ 12 at -O3 misreads a braced temporary here as maybe-uninitialized.
    RetentionPolicy& policy = out.emplace_back();
    if (!key.empty()) policy.scope = {TermScope::Level::team, std::move(key)};
    policy.days = s.int64(1);
  }
  tx.commit();
  return out;
}

PurgeReport SqliteStore::purge_expired(const Viewer& viewer, std::int64_t now_ms) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  if (!scope.everything) not_permitted(viewer, "purge expired calls");
  std::unordered_map<std::string, std::int64_t> days_of;
  {
    auto s = db_.prepare("SELECT scope_key, days FROM retention_policies");
    while (s.step()) days_of.emplace(s.text(0), s.int64(1));
  }
  PurgeReport report;
  if (days_of.empty()) {
    tx.commit();
    return report;
  }
  std::unordered_map<std::string, std::string> manager_of;
  {
    auto s = db_.prepare("SELECT id, manager_id FROM users");
    while (s.step()) manager_of.emplace(s.text(0), s.text(1));
  }
  auto org = days_of.find("");
  for (const auto& [user, manager] : manager_of) {
    // The nearest team with a period: the user's own team (a manager), then upwards.
    std::optional<std::int64_t> days;
    std::string at = user;
    for (std::size_t steps = 0; !at.empty() && steps <= manager_of.size(); ++steps) {
      if (auto it = days_of.find(at); it != days_of.end()) {
        days = it->second;
        break;
      }
      at = manager_of[at];
    }
    if (!days && org != days_of.end()) days = org->second;
    if (!days) continue;
    // start + days * 1 day < now  <=>  start < now - days * 1 day (saturating).
    std::int64_t period = *days > std::numeric_limits<std::int64_t>::max() / ms_per_day
                              ? std::numeric_limits<std::int64_t>::max()
                              : *days * ms_per_day;
    std::int64_t cutoff = now_ms < std::numeric_limits<std::int64_t>::min() + period
                              ? std::numeric_limits<std::int64_t>::min()
                              : now_ms - period;
    {
      auto s = db_.prepare(
          "DELETE FROM processing_log WHERE call_id IN (SELECT id FROM calls WHERE seller_id = ?1 "
          "AND start_time_ms < ?2)");
      s.bind(1, std::string_view(user)).bind(2, cutoff);
      s.run();
    }
    auto s = db_.prepare("DELETE FROM calls WHERE seller_id = ?1 AND start_time_ms < ?2");
    s.bind(1, std::string_view(user)).bind(2, cutoff);
    s.run();
    report.calls_deleted += db_.changes();
  }
  tx.commit();
  return report;
}

}  // namespace parley::sqlite
