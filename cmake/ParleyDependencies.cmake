# Every dependency is a Debian package (scripts/setup.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(Utf8proc 2.8 REQUIRED)
find_package(Stemmer REQUIRED)
find_package(Csv REQUIRED)  # CSV forms of activities and opportunities (src/activities)
pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)
pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0)  # mail (src/activities)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)  # calendars (src/activities)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)  # common words vs names (src/signals)

# Header-only ones are used at build time only, so the exported package never asks for them.
set(PARLEY_PRIVATE_DEPENDENCIES
  ICU::uc ICU::i18n ICU::data SQLite::SQLite3 fmt::fmt Utf8proc::Utf8proc Stemmer::Stemmer Csv::Csv PkgConfig::HYPERSCAN
  PkgConfig::GMIME PkgConfig::LIBICAL PkgConfig::HUNSPELL
  $<BUILD_INTERFACE:nlohmann_json::nlohmann_json> $<BUILD_INTERFACE:Eigen3::Eigen>)
