// The SQLite adapter of parley::Store: opening a file, and the checks every method shares. The
// methods live in one file per concern (see store/sqlite_store.hpp).
#include "store/sqlite_store.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "parley/text.hpp"
#include "store/schema.hpp"

namespace parley {
namespace sqlite {

// Appended piece by piece: g++ 12 at -O3 misreads "'" + std::string(...) as an overlapping copy.
std::string in_quotes(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 2);
  out.append(1, '\'').append(id).append(1, '\'');
  return out;
}

std::string describe(const Viewer& viewer) {
  switch (viewer.kind) {
    case ViewerKind::seller: return "seller " + in_quotes(viewer.user_id);
    case ViewerKind::manager:
      return "manager " + in_quotes(viewer.user_id) + " (depth " +
             (viewer.hierarchy_depth == Viewer::unlimited_depth ? std::string("unlimited")
                                                                : std::to_string(viewer.hierarchy_depth)) +
             ")";
    case ViewerKind::administrator: return "administrator " + in_quotes(viewer.user_id);
  }
  return in_quotes(viewer.user_id);
}

[[noreturn]] void not_permitted(const Viewer& viewer, const std::string& what) {
  throw Error(ErrorCode::not_permitted, "not permitted: " + describe(viewer) + " may not " + what);
}

[[noreturn]] void not_found(const std::string& what) {
  throw Error(ErrorCode::not_found, what + " does not exist");
}

void require_text(std::string_view value, const std::string& field) {
  if (!is_valid_utf8(value)) {
    throw Error(ErrorCode::invalid_utf8,
                field + ": invalid UTF-8 at byte " + std::to_string(find_invalid_utf8(value)));
  }
}

void require_id(std::string_view value, const std::string& field) {
  if (value.empty()) throw Error(ErrorCode::invalid_argument, field + " is empty");
  require_text(value, field);
}

void refuse(const Viewer& viewer, const Scope& scope, bool exists, const std::string& action,
            const std::string& object) {
  if (scope.everything && !exists) not_found(object);
  not_permitted(viewer, action);
}

void require_scope(const TermScope& scope, const std::string& where) {
  switch (scope.level) {
    case TermScope::Level::organisation:
      if (!scope.team_id.empty()) {
        throw Error(ErrorCode::invalid_argument, where + ": the organisation scope names no team_id (got " +
                                                     in_quotes(scope.team_id) + ")");
      }
      return;
    case TermScope::Level::team:
      require_id(scope.team_id, where + ": a team scope's team_id (the team manager's user id)");
      return;
  }
  throw Error(ErrorCode::invalid_argument, where + ": scope level " +
                                               std::to_string(static_cast<int>(scope.level)) +
                                               " is neither organisation (0) nor team (1)");
}

std::string scope_text(const TermScope& scope) {
  return scope.level == TermScope::Level::team ? "team " + in_quotes(scope.team_id) : "organisation";
}

std::string json_array(const std::vector<std::string>& ids) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& id : ids) array.push_back(id);
  return array.dump();
}

SqliteStore::SqliteStore(const std::string& path, const SqliteStoreOptions& options)
    : db_(path, SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0)),
      sentiment_labels_(options.sentiment_labels) {
  sqlite3_busy_timeout(db_.handle(), options.busy_timeout_ms);
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec(options.durable_commits ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  std::string cache = "PRAGMA cache_size = -" + std::to_string(std::max(options.cache_size_kib, 64));
  db_.exec(cache.c_str());
  migrate(db_);
}

}  // namespace sqlite

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteStoreOptions& options) {
  options.sentiment_labels.validate("SqliteStoreOptions.sentiment_labels");
  if (!options.create_if_missing) {
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
      std::fclose(f);
    } else {
      throw Error(ErrorCode::not_found, "store file '" + path + "' does not exist");
    }
  }
  return std::make_unique<sqlite::SqliteStore>(path, options);
}

}  // namespace parley
