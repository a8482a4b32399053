#pragma once
// Internal interface of the model layer (the data loaders include it). Reads parley's data files by the rule
// in parley/resources.hpp: the folder a host names, else $PARLEY_DATA_DIR, else the copy embedded in the
// library. The loaders use it so that a file is found, listed and named in messages the same way wherever it
// comes from.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class DataSource {
 public:
  // `data_dir` as the loaders take it: a folder, or empty for $PARLEY_DATA_DIR / the embedded copy.
  explicit DataSource(const std::string& data_dir);

  // The bytes of `path` ('/'-separated, under the data root: "signals/en/fillers.txt"), or nullopt
  // when there is no such file. Throws Error(io) naming the file when it exists but cannot be read.
  std::optional<std::string> read(std::string_view path) const;
  // Whether `folder` ("signals") exists.
  bool has_folder(std::string_view folder) const;
  // Names of the files, and of the folders, directly in `folder`; sorted, empty if there is none.
  std::vector<std::string> files_in(std::string_view folder) const;
  std::vector<std::string> folders_in(std::string_view folder) const;

  // How messages name `path`: "/srv/data/signals/en/fillers.txt" or "<embedded>/signals/en/...".
  std::string name_of(std::string_view path) const;
  // Where the files come from and why, for messages: "the folder /srv/data (named by
  // $PARLEY_DATA_DIR; ...)" or "the data embedded in the library (...)".
  std::string description() const;

 private:
  std::string folder_;  // empty: the embedded copy
  bool from_environment_ = false;
};

}  // namespace parley
