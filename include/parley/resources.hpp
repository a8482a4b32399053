#pragma once
// Where parley's data comes from: the lexicons, pattern lists and gazetteers of the source tree's
// data/ folder (signals/, sentiment/).
//
// Every file under data/ is compiled into the library, so an installed or copied library needs no
// data files at run time. The loaders that take a `data_dir` (AnalysisOptions::data_dir,
// load_signal_patterns, bundled_sentiment_lexicon, bundled_sentiment_languages) read, first match
// wins:
//   1. the folder `data_dir` names, when it is not empty;
//   2. the folder $PARLEY_DATA_DIR names, when it is set and not empty;
//   3. the copy embedded in the library.
// A named folder is laid out like data/ and replaces the embedded copy as a whole: a file missing
// from it is not taken from the embedded copy, so what a host analyses with never depends on which
// files happen to be there. Data errors name every path tried and where the folder came from;
// embedded files are named "<embedded>/signals/en/fillers.txt".
#include <span>
#include <string_view>

namespace parley {

// One embedded data file: its '/'-separated path under data/ ("signals/en/fillers.txt") and bytes.
struct DataFile {
  std::string_view path;
  std::string_view content;
};

// Every file compiled into the library, sorted by path. A host that wants to change the data can
// write these out as the start of its own folder.
std::span<const DataFile> embedded_data_files() noexcept;

}  // namespace parley
