// Opening something that is not a store: the error names the file, so a host with several stores
// knows which one is wrong.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parley/error.hpp"
#include "parley/store.hpp"

TEST_CASE("a file that is not an SQLite database is refused with an error naming its path") {
  const std::filesystem::path directory = std::filesystem::temp_directory_path() / "parley_store_open_test";
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "notes.sqlite").string();
  std::ofstream(path, std::ios::binary) << "Call notes: the customer wants a discount.\n";
  try {
    parley::open_sqlite_store(path);
    FAIL("a text file was opened as a store");
  } catch (const parley::Error& error) {
    CHECK(parley::error_code_name(error.code()) == parley::error_code_name(parley::ErrorCode::storage));
    CHECK(error.message() == path +
                                 ": SQLite error (file is not a database): file is not a database while "
                                 "running: PRAGMA journal_mode = WAL");
  }
  std::filesystem::remove_all(directory);
}
