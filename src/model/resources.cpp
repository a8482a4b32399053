// The data source rule (parley/resources.hpp). embedded_data_files() itself is generated from
// data/ at build time (cmake/ParleyEmbedData.cmake).
#include "parley/resources.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/data_source.hpp"
#include "parley/error.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

// The embedded files directly in `folder`: paths "folder/name" (files) or "folder/name/..." (folders).
template <class OnEntry>
void for_each_embedded_entry(std::string_view folder, OnEntry&& on_entry) {
  for (const DataFile& file : embedded_data_files()) {
    std::string_view path = file.path;
    if (!folder.empty()) {
      if (path.size() <= folder.size() || !path.starts_with(folder) || path[folder.size()] != '/') continue;
      path.remove_prefix(folder.size() + 1);
    }
    const std::size_t slash = path.find('/');
    on_entry(path.substr(0, slash), slash != std::string_view::npos);
  }
}

std::vector<std::string> sorted_unique(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<std::string> folder_entries(const std::string& root, std::string_view folder, bool folders) {
  std::vector<std::string> names;
  std::error_code error;
  for (auto it = fs::directory_iterator(fs::path(root) / folder, error);
       !error && it != fs::directory_iterator(); it.increment(error)) {
    std::error_code ignored;
    if (folders ? it->is_directory(ignored) : it->is_regular_file(ignored))
      names.push_back(it->path().filename().string());
  }
  return sorted_unique(std::move(names));
}

}  // namespace

DataSource::DataSource(const std::string& data_dir) : folder_(data_dir) {
  if (!folder_.empty()) return;
  if (const char* named = std::getenv("PARLEY_DATA_DIR"); named && *named) {
    folder_ = named;
    from_environment_ = true;
  }
}

std::optional<std::string> DataSource::read(std::string_view path) const {
  if (folder_.empty()) {
    const auto files = embedded_data_files();
    const auto found =
        std::lower_bound(files.begin(), files.end(), path,
                         [](const DataFile& file, std::string_view p) { return file.path < p; });
    if (found == files.end() || found->path != path) return std::nullopt;
    return std::string(found->content);
  }
  const fs::path file = fs::path(folder_) / path;
  std::error_code ignored;
  if (!fs::is_regular_file(file, ignored)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, file.string() + ": cannot open file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::io, file.string() + ": read failed");
  return std::move(content).str();
}

bool DataSource::has_folder(std::string_view folder) const {
  if (folder_.empty()) {
    bool found = false;
    for_each_embedded_entry(folder, [&](std::string_view, bool) { found = true; });
    return found;
  }
  std::error_code ignored;
  return fs::is_directory(fs::path(folder_) / folder, ignored);
}

std::vector<std::string> DataSource::files_in(std::string_view folder) const {
  if (!folder_.empty()) return folder_entries(folder_, folder, false);
  std::vector<std::string> names;
  for_each_embedded_entry(folder, [&](std::string_view name, bool is_folder) {
    if (!is_folder) names.emplace_back(name);
  });
  return sorted_unique(std::move(names));
}

std::vector<std::string> DataSource::folders_in(std::string_view folder) const {
  if (!folder_.empty()) return folder_entries(folder_, folder, true);
  std::vector<std::string> names;
  for_each_embedded_entry(folder, [&](std::string_view name, bool is_folder) {
    if (is_folder) names.emplace_back(name);
  });
  return sorted_unique(std::move(names));
}

std::string DataSource::name_of(std::string_view path) const {
  if (folder_.empty()) return "<embedded>/" + std::string(path);
  return (fs::path(folder_) / path).string();
}

std::string DataSource::description() const {
  if (folder_.empty()) {
    return "the data embedded in the library (no folder named by data_dir or $PARLEY_DATA_DIR)";
  }
  return "the folder " + folder_ + " (named by " + (from_environment_ ? "$PARLEY_DATA_DIR" : "data_dir") +
         "; the embedded data is read only when no folder is named)";
}

}  // namespace parley
