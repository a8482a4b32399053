#pragma once
// One call's whole analysis: the per-call entry point that runs every analysis area over a Call.
// A CallAnalyzer is built once from its resources (lexicons, pattern lists, term matchers), is
// immutable, and may be shared by threads; each analyze() call uses its own scratch state.
#include <memory>
#include <string>

#include "parley/model.hpp"
#include "parley/timing.hpp"

namespace parley {

struct AnalysisOptions {
  TimingOptions timing;
  ModelLimits limits;  // analyze() validates the call against these first
};

struct CallAnalysis {
  CallTiming timing;
};

class CallAnalyzer {
 public:
  explicit CallAnalyzer(AnalysisOptions options = {});
  ~CallAnalyzer();
  CallAnalyzer(CallAnalyzer&&) noexcept;
  CallAnalyzer& operator=(CallAnalyzer&&) noexcept;

  // Validates and analyses one call; throws parley::Error naming the segment at fault.
  CallAnalysis analyze(const Call& call) const;

 private:
  struct Resources;
  std::unique_ptr<const Resources> resources_;
};

// The call's identity and participants with its analysis, as one JSON document
// (docs/output-json.md).
std::string to_json(const Call& call, const CallAnalysis& analysis);

}  // namespace parley
