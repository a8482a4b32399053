// Who may see what: a viewer's scope, resolved inside each method's transaction.
#include "store/sqlite_store.hpp"

namespace parley::sqlite {

// Resolves the viewer's scope; must run inside a transaction.
Scope SqliteStore::resolve(const Viewer& viewer) {
  Scope scope;
  std::optional<UserRole> role;
  {
    auto s = db_.prepare("SELECT role FROM users WHERE id = ?1");
    s.bind(1, std::string_view(viewer.user_id));
    if (s.step()) role = static_cast<UserRole>(s.int64(0));
  }
  switch (viewer.kind) {
    case ViewerKind::administrator: {
      if (role != UserRole::administrator) {
        // Bootstrap: before any administrator exists, an administrator viewer may set up users.
        auto s = db_.prepare("SELECT 1 FROM users WHERE role = 2 LIMIT 1");
        if (s.step() || role.has_value()) {
          throw Error(ErrorCode::not_permitted,
                      "not permitted: " + in_quotes(viewer.user_id) + " is not an administrator");
        }
      }
      scope.everything = true;
      scope.ids.push_back(viewer.user_id);
      auto s = db_.prepare("SELECT id FROM users WHERE id <> ?1 ORDER BY id");
      s.bind(1, std::string_view(viewer.user_id));
      while (s.step()) scope.ids.push_back(s.text(0));
      break;
    }
    case ViewerKind::manager: {
      if (!role)
        throw Error(ErrorCode::not_permitted,
                    "not permitted: viewer " + in_quotes(viewer.user_id) + " is not a known user");
      if (role == UserRole::seller) {
        throw Error(ErrorCode::not_permitted,
                    "not permitted: " + in_quotes(viewer.user_id) + " is not a manager");
      }
      if (viewer.hierarchy_depth < 1) {
        throw Error(ErrorCode::invalid_argument, "viewer " + in_quotes(viewer.user_id) +
                                                     ": hierarchy_depth must be at least 1, got " +
                                                     std::to_string(viewer.hierarchy_depth));
      }
      auto s = db_.prepare(
          "WITH RECURSIVE below(id, depth) AS (SELECT ?1, 0 UNION ALL SELECT u.id, b.depth + 1 "
          "FROM users u JOIN below b ON u.manager_id = b.id WHERE b.depth < ?2) SELECT id FROM "
          "below ORDER BY depth, id");
      s.bind(1, std::string_view(viewer.user_id)).bind(2, viewer.hierarchy_depth);
      while (s.step()) scope.ids.push_back(s.text(0));
      break;
    }
    case ViewerKind::seller:
      if (!role)
        throw Error(ErrorCode::not_permitted,
                    "not permitted: viewer " + in_quotes(viewer.user_id) + " is not a known user");
      scope.ids.push_back(viewer.user_id);
      break;
  }
  scope.set.insert(scope.ids.begin(), scope.ids.end());
  scope.json = json_array(scope.ids);
  return scope;
}

// The JSON list of sellers a filtered query covers: the requested ones (each checked) or the
// whole scope.
std::string SqliteStore::filter_sellers(const Viewer& viewer, const std::vector<std::string>& requested,
                                        const std::string& action) {
  Scope scope = resolve(viewer);
  if (requested.empty()) return scope.json;
  for (const auto& id : requested) {
    if (!scope.contains(id)) not_permitted(viewer, action + in_quotes(id));
  }
  return json_array(requested);
}

std::string SqliteStore::filter_sellers(const Viewer& viewer, const CallFilter& filter) {
  return filter_sellers(viewer, filter.seller_ids, "see the calls of seller ");
}

bool SqliteStore::existing_in_scope(const Viewer& viewer, const Scope& scope, const char* owner_query,
                                    std::string_view record, std::string_view id) {
  auto s = db_.prepare(owner_query);
  s.bind(1, id);
  if (!s.step()) return false;
  if (!scope.contains(s.text_view(0)))
    not_permitted(viewer, "replace " + std::string(record) + " " + in_quotes(id));
  return true;
}

void SqliteStore::check_owner(const Viewer& viewer, const Scope& scope, std::string_view owner,
                              const std::string& action) {
  require_id(owner, action + "an owner: id");
  user_in_scope(viewer, scope, owner, action + "user " + in_quotes(owner));
}

void SqliteStore::user_in_scope(const Viewer& viewer, const Scope& scope, std::string_view user_id,
                                const std::string& action) {
  if (!scope.contains(user_id)) not_permitted(viewer, action);
  if (!user_exists(user_id)) not_found("user " + in_quotes(user_id));
}

bool SqliteStore::user_exists(std::string_view id) {
  auto s = db_.prepare("SELECT 1 FROM users WHERE id = ?1");
  s.bind(1, id);
  return s.step();
}

// The user and every manager above them.
std::vector<std::string> SqliteStore::chain_up(std::string_view user_id) {
  std::vector<std::string> chain;
  std::string at(user_id);
  while (!at.empty() && chain.size() < 100'000) {
    chain.push_back(at);
    auto s = db_.prepare("SELECT manager_id FROM users WHERE id = ?1");
    s.bind(1, std::string_view(at));
    at = s.step() ? s.text(0) : std::string();
  }
  return chain;
}

}  // namespace parley::sqlite
