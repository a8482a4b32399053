// Users and the manager hierarchy.
#include "store/sqlite_store.hpp"

#include <algorithm>
#include <unordered_map>

namespace parley::sqlite {

namespace {

User read_user(const Statement& s) {
  return {s.text(0), s.text(1), s.text(2), static_cast<UserRole>(s.int64(3)), s.text(4), s.text(5)};
}

}  // namespace

void SqliteStore::put_users(const Viewer& viewer, std::span<const User> users) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  if (!scope.everything) not_permitted(viewer, "change users");
  std::unordered_set<std::string> batch;
  for (std::size_t i = 0; i < users.size(); ++i) {
    const User& user = users[i];
    std::string where = "user " + std::to_string(i);
    require_id(user.id, where + ": id");
    require_text(user.display_name, where + ": display_name");
    require_text(user.email, where + ": email");
    require_text(user.time_zone, where + ": time_zone");
    if (user.manager_id == user.id) {
      throw Error(ErrorCode::invalid_argument, "user " + in_quotes(user.id) + " is their own manager");
    }
    batch.insert(user.id);
  }
  for (const User& user : users) {
    if (!user.manager_id.empty() && batch.count(user.manager_id) == 0 && !user_exists(user.manager_id)) {
      throw Error(ErrorCode::not_found, "manager " + in_quotes(user.manager_id) + " of user " +
                                            in_quotes(user.id) + " does not exist");
    }
  }
  for (const User& user : users) {
    auto stmt = db_.prepare(
        "INSERT INTO users (id, display_name, email, role, manager_id, time_zone) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, "
        "email = excluded.email, role = excluded.role, manager_id = excluded.manager_id, "
        "time_zone = excluded.time_zone");
    stmt.bind(1, std::string_view(user.id))
        .bind(2, std::string_view(user.display_name))
        .bind(3, std::string_view(user.email))
        .bind(4, static_cast<int>(user.role))
        .bind_text_or_null(5, user.manager_id)
        .bind(6, std::string_view(user.time_zone));
    stmt.run();
  }
  // No cycles: walking up from every changed user must reach the top.
  std::unordered_map<std::string, std::string> manager_of;
  {
    auto stmt = db_.prepare("SELECT id, manager_id FROM users");
    while (stmt.step()) manager_of.emplace(stmt.text(0), stmt.text(1));
  }
  for (const User& user : users) {
    std::string at = user.id;
    for (std::size_t steps = 0; !at.empty(); ++steps) {
      if (steps > manager_of.size()) {
        throw Error(ErrorCode::invalid_argument,
                    "user " + in_quotes(user.id) + ": the manager hierarchy has a cycle");
      }
      at = manager_of[at];
    }
  }
  tx.commit();
}

std::vector<User> SqliteStore::users(const Viewer& viewer) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  std::vector<User> out;
  auto stmt = db_.prepare(
      "SELECT id, display_name, email, role, manager_id, time_zone FROM users WHERE id IN "
      "(SELECT value FROM json_each(?1)) ORDER BY id");
  stmt.bind(1, std::string_view(scope.json));
  while (stmt.step()) out.push_back(read_user(stmt));
  // The viewer first, as scope_user_ids.
  auto self = std::find_if(out.begin(), out.end(), [&](const User& u) { return u.id == viewer.user_id; });
  if (self != out.end()) std::rotate(out.begin(), self, self + 1);
  tx.commit();
  return out;
}

User SqliteStore::user(const Viewer& viewer, std::string_view user_id) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  auto stmt =
      db_.prepare("SELECT id, display_name, email, role, manager_id, time_zone FROM users WHERE id = ?1");
  stmt.bind(1, user_id);
  const bool exists = stmt.step();
  if (!exists || !scope.contains(user_id)) {
    refuse(viewer, scope, exists, "see user " + in_quotes(user_id), "user " + in_quotes(user_id));
  }
  User out = read_user(stmt);
  return out;
}

std::vector<std::string> SqliteStore::scope_user_ids(const Viewer& viewer) {
  Transaction tx(db_, Transaction::Kind::read);
  return resolve(viewer).ids;
}

}  // namespace parley::sqlite
