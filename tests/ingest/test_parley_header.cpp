// parley.hpp is "everything parley offers": it includes every public header.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parley/parley.hpp"

TEST_CASE("parley.hpp includes every public header") {
  const std::filesystem::path include_dir =
      std::filesystem::path(PARLEY_TEST_DATA_DIR).parent_path().parent_path() / "include" / "parley";
  std::ifstream file(include_dir / "parley.hpp");
  REQUIRE(file);
  std::ostringstream text;
  text << file.rdbuf();
  int headers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(include_dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".hpp" || name == "parley.hpp") continue;
    ++headers;
    CAPTURE(name);
    CHECK(text.str().find("#include \"parley/" + name + "\"") != std::string::npos);
  }
  CHECK(headers >= 17);  // the headers of today: a wrong folder finds none
}

TEST_CASE("parley.hpp declares the step from analysis to storage") {
  // Compiles only if parley.hpp brings in ingest.hpp.
  const parley::CallAnalysisRecord record = parley::make_analysis_record(parley::CallAnalysis{}, {});
  CHECK_FALSE(record.metrics.talk_ratio.has_value());
  CHECK(record.term_hits.empty());
}
