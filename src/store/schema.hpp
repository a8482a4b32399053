#pragma once
// The SQLite schema and its forward migrations (PRAGMA user_version).
#include "store/sqlite_db.hpp"

namespace parley::sqlite {

// Applies every migration above the file's version, each in its own transaction. Throws
// ErrorCode::storage when the file is newer than this parley.
void migrate(Database& db);

}  // namespace parley::sqlite
