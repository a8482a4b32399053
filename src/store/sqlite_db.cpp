#include "store/sqlite_db.hpp"

#include <string>

namespace parley::sqlite {
namespace {

// "<file>: " in front of a message about a database on disk, so that it names the store (a file
// that is not a database is only found out at its first statement, after a successful open).
std::string file_prefix(sqlite3* db) {
  const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
  return file != nullptr && *file != '\0' ? std::string(file) + ": " : std::string();
}

}  // namespace

void throw_storage(sqlite3* db, std::string_view what) {
  std::string message = file_prefix(db) + "SQLite error";
  if (db != nullptr) {
    message += " (";
    message += sqlite3_errstr(sqlite3_extended_errcode(db));
    message += "): ";
    message += sqlite3_errmsg(db);
  }
  message += " while ";
  message += what;
  throw Error(ErrorCode::storage, std::move(message));
}

Database::Database(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) {
    if (raw == nullptr) throw Error(ErrorCode::storage, "SQLite could not allocate a connection");
    // The connection may have no file name yet: name the path in the message itself.
    throw Error(ErrorCode::storage, "SQLite error (" +
                                        std::string(sqlite3_errstr(sqlite3_extended_errcode(raw))) +
                                        "): " + sqlite3_errmsg(raw) + " while opening '" + path + "'");
  }
  sqlite3_extended_result_codes(raw, 1);
}

void Database::exec(const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errmsg(db_.get());
    sqlite3_free(error);
    throw Error(ErrorCode::storage, file_prefix(db_.get()) + "SQLite error (" +
                                        std::string(sqlite3_errstr(rc)) + "): " + message +
                                        " while running: " + sql);
  }
}

Statement Database::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      throw_storage(db_.get(), std::string("preparing: ") + sql);
    }
    it = cache_.emplace(sql, std::unique_ptr<sqlite3_stmt, StatementFinalizer>(stmt)).first;
  }
  return Statement(db_.get(), it->second.get());
}

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
  db_.exec(kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace parley::sqlite
