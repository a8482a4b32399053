// The include graph of the library follows its layers (CONVENTIONS.md, NOTES.md): an area includes
// only public headers of the areas below it, and of another area's private headers only the ones
// declared as that area's internal interface (their opening comment says so).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Rank of each area: an area may use only areas of a lower rank (and itself).
const std::map<std::string, int> area_ranks = {
    {"model", 0}, {"json", 1},      {"text", 1},    {"timing", 2},   {"signals", 2},
    {"terms", 2}, {"sentiment", 2}, {"readers", 2}, {"analysis", 3}, {"period", 4},
    {"crm", 4},   {"store", 5},     {"activities", 5}, {"ingest", 6},  {"relationship", 6}, {"insights", 7},
};

// The area of each public header (include/parley/<name>.hpp); the model layer holds several.
const std::map<std::string, std::string> header_areas = {
    {"model", "model"},       {"error", "model"},         {"resources", "model"},
    {"version", "model"},     {"utf8", "model"},          {"json", "json"},
    {"text", "text"},         {"timing", "timing"},       {"signals", "signals"},
    {"terms", "terms"},       {"sentiment", "sentiment"}, {"readers", "readers"},
    {"analysis", "analysis"}, {"period", "period"},       {"crm", "crm"},
    {"store", "store"},       {"ingest", "ingest"},       {"insights", "insights"},
    {"activities", "activities"}, {"relationship", "relationship"},
};

const fs::path root = PARLEY_SOURCE_DIR;

std::vector<std::string> quoted_includes(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    const std::string prefix = "#include \"";
    if (line.rfind(prefix, 0) != 0) continue;
    const std::size_t end = line.find('"', prefix.size());
    if (end != std::string::npos) out.push_back(line.substr(prefix.size(), end - prefix.size()));
  }
  return out;
}

bool declared_internal_interface(const fs::path& header) {
  std::ifstream in(header);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("#pragma", 0) == 0) continue;
    return line.rfind("// Internal interface of", 0) == 0;
  }
  return false;
}

std::string public_header_area(const std::string& name) {  // "timing.hpp" -> "timing"
  const auto found = header_areas.find(fs::path(name).stem().string());
  return found == header_areas.end() ? std::string() : found->second;
}

// What is wrong with `file` (of `area`) including `target`, or "" when nothing is.
std::string check_include(const std::string& area, const std::string& target) {
  const int rank = area_ranks.at(area);
  const std::size_t slash = target.find('/');
  if (slash == std::string::npos) return "an include without an area folder";
  const std::string folder = target.substr(0, slash);
  if (folder == "parley") {
    if (target == "parley/parley.hpp") return "includes everything";
    const std::string used = public_header_area(target.substr(slash + 1));
    if (used.empty()) return "an unknown public header (add it to header_areas)";
    if (used != area && area_ranks.at(used) >= rank) return "a public header of a layer not below it";
    return "";
  }
  if (folder == area) return "";
  const auto used = area_ranks.find(folder);
  if (used == area_ranks.end()) return "an unknown area (add it to area_ranks)";
  if (used->second >= rank) return "a private header of a layer not below it";
  if (!fs::exists(root / "src" / target)) return "a header that does not exist";
  if (!declared_internal_interface(root / "src" / target)) {
    return "another area's private header (not declared \"// Internal interface of ...\")";
  }
  return "";
}

}  // namespace

TEST_CASE("layers: every include points down, and only to public headers or declared interfaces") {
  std::ostringstream violations;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root / "src")) {
    const fs::path path = entry.path();
    if (path.extension() != ".cpp" && path.extension() != ".hpp") continue;
    const std::string area = fs::relative(path, root / "src").begin()->string();
    if (!area_ranks.count(area)) {
      violations << "src/" << area << ": an unknown area (add it to area_ranks)\n";
      continue;
    }
    ++files;
    for (const std::string& target : quoted_includes(path)) {
      if (const std::string wrong = check_include(area, target); !wrong.empty())
        violations << fs::relative(path, root).string() << " includes \"" << target << "\": " << wrong
                   << "\n";
    }
  }
  for (const auto& entry : fs::directory_iterator(root / "include" / "parley")) {
    const std::string name = entry.path().filename().string();
    if (name == "parley.hpp") continue;  // the umbrella header includes every other one
    const std::string area = public_header_area(name);
    if (area.empty()) {
      violations << "include/parley/" << name << ": an unknown public header (add it to header_areas)\n";
      continue;
    }
    ++files;
    for (const std::string& target : quoted_includes(entry.path())) {
      if (const std::string wrong = check_include(area, target); !wrong.empty())
        violations << "include/parley/" << name << " includes \"" << target << "\": " << wrong << "\n";
    }
  }
  CHECK(files > 50);
  INFO(violations.str());
  CHECK(violations.str().empty());
}

TEST_CASE("layers: the check itself tells a downward include from an upward or private one") {
  CHECK(check_include("analysis", "parley/timing.hpp").empty());
  CHECK(check_include("analysis", "timing/timing_json.hpp").empty());        // declared interface
  CHECK(check_include("terms", "text/chars.hpp").empty());                   // declared interface
  CHECK(check_include("model", "parley/error.hpp").empty());                 // same layer
  CHECK_FALSE(check_include("terms", "text/normalize_detail.hpp").empty());  // private to text
  CHECK_FALSE(check_include("model", "parley/text.hpp").empty());            // upward
  CHECK_FALSE(check_include("sentiment", "parley/period.hpp").empty());      // upward
  CHECK_FALSE(check_include("signals", "parley/terms.hpp").empty());         // a sibling
  CHECK_FALSE(check_include("timing", "analysis/anything.hpp").empty());
}
