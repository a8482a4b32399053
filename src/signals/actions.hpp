#pragma once
// Action items (private; docs/signals.md "Action items"): one model for every language. A trigger
// (a commitment, a request or a joint proposal) followed by an action verb, not cancelled by a
// negation, a hypothetical or reported speech before it, in a sentence that is not a closing
// formula; the owner follows from the trigger's kind and the due date from a time expression.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/signals.hpp"
#include "signals/scan.hpp"

namespace parley::signals_detail {

struct FoundAction {
  ActionOwner owner = ActionOwner::speaker;
  std::string pattern;   // the verb or phrase trigger, as written in the list
  std::string due_text;  // the time expression as found in the normalized sentence; empty if none
  std::string due_date;  // YYYY-MM-DD resolved against the call's date; empty if none
};

class ActionMatcher {
 public:
  // `language` names the list in error messages. Throws Error(invalid_argument) naming the entry
  // of an unknown kind or due rule, or an empty phrase.
  ActionMatcher(const std::string& language, const std::vector<ActionPattern>& patterns,
                const std::vector<ActionPattern>& due_dates);
  bool empty() const noexcept { return triggers_.empty(); }
  // The action item of one normalized sentence, if any. `call_start_ms` (UTC, ms since the epoch;
  // 0 = unknown) resolves the due date.
  std::optional<FoundAction> find(std::string_view normalized, std::int64_t call_start_ms) const;

 private:
  enum class Trigger : std::uint8_t { opener, phrase };
  struct TriggerEntry {
    ActionOwner owner;
    Trigger trigger;
    std::string written;
  };
  struct DueRule {
    enum class Kind : std::uint8_t { days, weekday, next_week, end_of_week, end_of_month } kind;
    int value = 0;
  };
  PhraseMatcher triggers_;
  std::vector<TriggerEntry> trigger_entries_;
  PhraseMatcher verbs_;
  std::vector<std::string> verb_entries_;
  PhraseMatcher negations_;
  PhraseMatcher cancels_before_;  // hypothetical and reported speech
  PhraseMatcher closings_;
  PhraseMatcher due_;
  std::vector<DueRule> due_rules_;
  std::size_t window_ = 4;  // words between an opener and its verb (`window` entry)
};

}  // namespace parley::signals_detail
