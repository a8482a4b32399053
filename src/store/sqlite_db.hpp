#pragma once
// RAII wrappers around sqlite3* and sqlite3_stmt*, and a per-connection statement cache. Every
// SQLite failure becomes Error(ErrorCode::storage) carrying sqlite3_errmsg.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parley/error.hpp"

namespace parley::sqlite {

[[noreturn]] void throw_storage(sqlite3* db, std::string_view what);

struct DatabaseCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};

// A prepared statement bound for one use: reset (and its bindings cleared) when the Statement
// goes out of scope, so a cached statement is always ready for the next caller.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }
  // The text must outlive step() (SQLITE_STATIC: no copy).
  Statement& bind(int index, std::string_view value) {
    // A null data pointer would bind NULL; empty text stays text.
    check(sqlite3_bind_text64(stmt_, index, value.data() != nullptr ? value.data() : "", value.size(),
                              SQLITE_STATIC, SQLITE_UTF8));
    return *this;
  }
  Statement& bind(int index, const char*) = delete;
  // Empty text is stored as NULL (optional ids).
  Statement& bind_text_or_null(int index, std::string_view value) {
    if (value.empty()) return bind_null(index);
    return bind(index, value);
  }
  Statement& bind(int index, std::optional<double> value) {
    if (!value) return bind_null(index);
    return bind(index, *value);
  }
  Statement& bind(int index, std::optional<std::int64_t> value) {
    if (!value) return bind_null(index);
    return bind(index, *value);
  }
  Statement& bind_blob(int index, const void* data, std::size_t size) {
    check(sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_STATIC));
    return *this;
  }
  Statement& bind_null(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
  }

  // true: a row is ready; false: done.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_storage(db_, sqlite3_sql(stmt_));
  }
  void run() {
    while (step()) {
    }
  }
  // Ready to step again with new bindings (bulk inserts rebind every parameter).
  void reset() noexcept { sqlite3_reset(stmt_); }

  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::optional<double> optional_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return real(column);
  }
  std::optional<std::int64_t> optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
  }
  std::string text(int column) const { return std::string(text_view(column)); }
  // The column's text without a copy: valid until the next step or reset.
  std::string_view text_view(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    if (p == nullptr) return {};
    return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  std::string_view blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    if (p == nullptr) return {};
    return {static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw_storage(db_, "binding a parameter");
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// One connection, its prepared-statement cache and transaction helpers.
class Database {
 public:
  Database(const std::string& path, int flags);
  sqlite3* handle() const noexcept { return db_.get(); }

  // Runs SQL without results (pragmas, DDL, BEGIN/COMMIT).
  void exec(const char* sql);
  // A cached prepared statement for this SQL text (prepared once per connection).
  Statement prepare(const char* sql);
  std::int64_t changes() const noexcept { return sqlite3_changes64(db_.get()); }
  std::int64_t last_insert_rowid() const noexcept { return sqlite3_last_insert_rowid(db_.get()); }

 private:
  std::unique_ptr<sqlite3, DatabaseCloser> db_;
  // Keyed by the SQL literal's address: every call site passes a string literal.
  std::unordered_map<const char*, std::unique_ptr<sqlite3_stmt, StatementFinalizer>> cache_;
};

// BEGIN IMMEDIATE (writes) or BEGIN (reads) ... COMMIT, rolled back if not committed.
class Transaction {
 public:
  enum class Kind { read, write };
  Transaction(Database& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace parley::sqlite
