#pragma once
// From analysis to storage: the record a Store keeps of an analysed call, and the tracked terms a
// CallAnalyzer needs from the term lists a Store keeps.
#include <span>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/store.hpp"

namespace parley {

// The storage form of one call's analysis. `terms` is the list the analyzer was built with
// (CallAnalyzer::tracked_terms()): hits are stored by the term's name and kind. The stored filler
// rate is the seller side's: seller filler words per minute of seller talk time.
CallAnalysisRecord make_analysis_record(const CallAnalysis& analysis, std::span<const TrackedTerm> terms);

// The terms of stored lists, in list order, for a matcher (terms_for_seller, CallAnalyzer): the
// lists hold TrackedTerms with every option, so this only concatenates them.
std::vector<TrackedTerm> tracked_terms_from_lists(std::span<const TermList> lists);

}  // namespace parley
