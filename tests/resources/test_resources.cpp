// The data rule of parley/resources.hpp: the copy of data/ compiled into the library, a folder named
// by data_dir or $PARLEY_DATA_DIR instead, and errors that name every path tried. Expected values
// come from the source tree's data/ read directly from disk.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/error.hpp"
#include "parley/resources.hpp"
#include "parley/sentiment.hpp"
#include "parley/signals.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source_data = fs::path(PARLEY_SOURCE_DIR) / "data";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

// Sets or unsets $PARLEY_DATA_DIR for one test and restores it after.
class DataDirVariable {
 public:
  explicit DataDirVariable(const std::optional<std::string>& value) {
    if (const char* old = std::getenv("PARLEY_DATA_DIR")) saved_ = old;
    set(value);
  }
  ~DataDirVariable() { set(saved_); }
  DataDirVariable(const DataDirVariable&) = delete;
  DataDirVariable& operator=(const DataDirVariable&) = delete;

 private:
  static void set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv("PARLEY_DATA_DIR", value->c_str(), 1);
    } else {
      ::unsetenv("PARLEY_DATA_DIR");
    }
  }
  std::optional<std::string> saved_;
};

using Files = std::map<std::string, std::string>;  // path under the folder -> content

// A fresh folder under the system temp dir holding the given files, removed at scope exit.
class DataFolder {
 public:
  explicit DataFolder(const Files& files) {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("parley_resources_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    for (const auto& [name, content] : files) {
      fs::create_directories((path_ / name).parent_path());
      std::ofstream(path_ / name, std::ios::binary) << content;
    }
  }
  ~DataFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  DataFolder(const DataFolder&) = delete;
  DataFolder& operator=(const DataFolder&) = delete;
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string error_message(auto&& action) {
  try {
    action();
  } catch (const parley::Error& error) {
    return std::string(parley::error_code_name(error.code())) + ": " + error.message();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("every file under data/ is embedded byte for byte, sorted by path, and nothing else") {
  std::map<std::string, std::string> on_disk;
  for (const auto& entry : fs::recursive_directory_iterator(source_data)) {
    if (entry.is_regular_file())
      on_disk.emplace(entry.path().lexically_relative(source_data).generic_string(),
                      read_bytes(entry.path()));
  }
  REQUIRE(on_disk.size() > 50);  // the pattern lists of 15 languages and the sentiment files
  const auto embedded = parley::embedded_data_files();
  REQUIRE(embedded.size() == on_disk.size());
  auto disk_file = on_disk.begin();  // std::map: byte order, the order the embedded list promises
  for (const parley::DataFile& file : embedded) {
    CHECK(file.path == disk_file->first);
    CHECK(file.content == disk_file->second);
    ++disk_file;
  }
}

TEST_CASE("with no folder named, the loaders read the embedded copy, whatever the working directory") {
  const DataDirVariable unset(std::nullopt);
  const DataFolder empty_cwd(Files{});
  const fs::path old_cwd = fs::current_path();
  fs::current_path(empty_cwd.path());  // nothing relative to the checkout can be found from here
  const parley::SignalPatterns patterns = parley::load_signal_patterns();
  const std::vector<std::string> languages = parley::bundled_sentiment_languages("");
  fs::current_path(old_cwd);

  // Expected: the folders of data/signals and the language files of data/sentiment, listed here.
  std::vector<std::string> signal_languages;
  for (const auto& entry : fs::directory_iterator(source_data / "signals"))
    if (entry.is_directory()) signal_languages.push_back(entry.path().filename().string());
  std::sort(signal_languages.begin(), signal_languages.end());
  std::vector<std::string> loaded_languages;
  for (const auto& [language, lists] : patterns.languages) loaded_languages.push_back(language);
  CHECK(loaded_languages == signal_languages);
  // data/signals/en/fillers.txt's entries: one per line that is not blank or a comment; a leading
  // '!' marks an exception.
  std::size_t fillers = 0;
  std::size_t exceptions = 0;
  std::istringstream lines(read_bytes(source_data / "signals/en/fillers.txt"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    ++(line[0] == '!' ? exceptions : fillers);
  }
  CHECK(patterns.languages.at("en").fillers.size() == fillers);
  CHECK(patterns.languages.at("en").filler_exceptions.size() == exceptions);

  std::vector<std::string> sentiment_languages;
  for (const auto& entry : fs::directory_iterator(source_data / "sentiment")) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".rules.tsv")) sentiment_languages.push_back(name.substr(0, name.size() - 10));
  }
  std::sort(sentiment_languages.begin(), sentiment_languages.end());
  CHECK(languages == sentiment_languages);
  // data/sentiment/en.tsv rates "good" 1.9 (VADER's mean rating).
  const auto good = parley::bundled_sentiment_lexicon("en").find("good");
  REQUIRE(good.has_value());
  CHECK(good->value == doctest::Approx(1.9));
}

TEST_CASE("a folder named by data_dir replaces the embedded copy as a whole") {
  const DataDirVariable unset(std::nullopt);
  const DataFolder folder(Files{{"signals/en/fillers.txt", "# one filler\num\n!um hm\n"},
                                {"sentiment/en.rules.tsv", "not\t-0.74\tnegator\n"}});
  const parley::SignalPatterns patterns = parley::load_signal_patterns(folder.path());
  REQUIRE(patterns.languages.size() == 1);
  CHECK(patterns.languages.at("en").fillers == std::vector<std::string>{"um"});
  CHECK(patterns.languages.at("en").filler_exceptions == std::vector<std::string>{"um hm"});
  CHECK(patterns.languages.at("en").action_items.empty());  // not taken from the embedded copy
  CHECK(patterns.currencies.empty());
  CHECK(parley::bundled_sentiment_languages(folder.path()) == std::vector<std::string>{"en"});
  CHECK(parley::bundled_sentiment_lexicon("en", folder.path()).valence_term_count() == 0);
}

TEST_CASE("$PARLEY_DATA_DIR names the folder when data_dir is empty, and data_dir wins over it") {
  const DataFolder folder(Files{{"signals/de/fillers.txt", "äh\n"}});
  const DataFolder other(Files{{"signals/fr/fillers.txt", "euh\n"}});
  const DataDirVariable set(folder.path());
  const parley::SignalPatterns from_variable = parley::load_signal_patterns();
  REQUIRE(from_variable.languages.size() == 1);
  CHECK(from_variable.languages.at("de").fillers == std::vector<std::string>{"äh"});
  const parley::SignalPatterns from_argument = parley::load_signal_patterns(other.path());
  REQUIRE(from_argument.languages.size() == 1);
  CHECK(from_argument.languages.count("fr") == 1);
}

TEST_CASE("data errors name every path tried and where the folder came from") {
  SUBCASE("the embedded copy") {
    const DataDirVariable unset(std::nullopt);
    CHECK(error_message([] { parley::bundled_sentiment_lexicon("xx-YY"); }) ==
          "not_found: no bundled sentiment lexicon or rules for language 'xx-YY': tried "
          "<embedded>/sentiment/share-alike/xx.tsv, <embedded>/sentiment/xx.tsv and "
          "<embedded>/sentiment/xx.rules.tsv in the data embedded in the "
          "library (no folder named by data_dir or $PARLEY_DATA_DIR)");
  }
  SUBCASE("a folder from $PARLEY_DATA_DIR that does not exist") {
    const DataFolder parent(Files{});
    const std::string missing = parent.path() + "/gone";
    const DataDirVariable set(missing);
    CHECK(error_message([] { parley::CallAnalyzer analyzer; }) ==
          "io: " + missing + "/signals: signal data directory not found in the folder " + missing +
              " (named by $PARLEY_DATA_DIR; the embedded data is read only when no folder is named)");
  }
  SUBCASE("a folder from AnalysisOptions::data_dir, and a bad line in one of its files") {
    const DataDirVariable unset(std::nullopt);
    const DataFolder folder(Files{{"signals/multipliers.tsv", "k\t3\nlakh\tfive\n"}});
    parley::AnalysisOptions options;
    options.data_dir = folder.path();
    CHECK(error_message([&] { parley::CallAnalyzer analyzer(options); }) ==
          "parse: " + folder.path() +
              "/signals/multipliers.tsv:2: power of ten 'five' is not a whole number from 1 to 12");
  }
}
