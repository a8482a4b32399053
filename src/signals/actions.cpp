// Action items: triggers, verbs, cancelling words and due dates per language (actions.hpp).
#include "signals/actions.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"

namespace parley {

namespace {
constexpr detail::EnumName<ActionOwner> action_owner_names[] = {
    {ActionOwner::speaker, "speaker"}, {ActionOwner::other_side, "other_side"}, {ActionOwner::both, "both"}};
}  // namespace

std::string_view action_owner_name(ActionOwner owner) noexcept {
  return detail::name_of(action_owner_names, owner);
}

}  // namespace parley

namespace parley::signals_detail {

namespace {

bool unspaced_at(std::string_view text, std::size_t pos) {
  std::size_t length = 1;
  return pos < text.size() && is_unspaced_script_char(decode_at(text, pos, length));
}

std::string date_text(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd(day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

}  // namespace

ActionMatcher::ActionMatcher(const std::string& language, const std::vector<ActionPattern>& patterns,
                             const std::vector<ActionPattern>& due_dates) {
  std::string normalized;
  const auto entry = [&](std::string_view list, std::size_t index, const std::string& phrase) -> std::string {
    const std::string where = "signal patterns, language '" + language + "', " + std::string(list) + " entry " +
                              std::to_string(index + 1);
    if (const std::size_t bad = find_invalid_utf8(phrase); bad != std::string_view::npos) {
      throw Error(ErrorCode::invalid_argument, where + ": invalid UTF-8 at byte " + std::to_string(bad));
    }
    normalize_phrase(phrase, normalized);
    if (normalized.empty()) throw Error(ErrorCode::invalid_argument, where + ": empty phrase");
    return normalized;
  };
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const ActionPattern& pattern = patterns[i];
    const std::string phrase = entry("action items", i, pattern.phrase);
    const std::string_view kind = pattern.id;
    const auto add_trigger = [&](ActionOwner owner, Trigger trigger) {
      triggers_.add(phrase, static_cast<std::uint32_t>(trigger_entries_.size()));
      trigger_entries_.push_back({owner, trigger, pattern.phrase});
    };
    if (kind == "commit") add_trigger(ActionOwner::speaker, Trigger::opener);
    else if (kind == "request") add_trigger(ActionOwner::other_side, Trigger::opener);
    else if (kind == "joint") add_trigger(ActionOwner::both, Trigger::opener);
    else if (kind == "commit_phrase") add_trigger(ActionOwner::speaker, Trigger::phrase);
    else if (kind == "request_phrase") add_trigger(ActionOwner::other_side, Trigger::phrase);
    else if (kind == "joint_phrase") add_trigger(ActionOwner::both, Trigger::phrase);
    else if (kind == "verb") {
      verbs_.add(phrase, static_cast<std::uint32_t>(verb_entries_.size()));
      verb_entries_.push_back(pattern.phrase);
    } else if (kind == "negation") negations_.add(phrase, 0);
    else if (kind == "hypothetical" || kind == "reported") cancels_before_.add(phrase, 0);
    else if (kind == "closing") closings_.add(phrase, 0);
    else if (kind == "window") {
      const bool number = !phrase.empty() && phrase.size() <= 2 &&
                          std::all_of(phrase.begin(), phrase.end(), [](char c) { return c >= '0' && c <= '9'; });
      const int words = number ? std::stoi(phrase) : 0;
      if (words < 1 || words > 40) {
        throw Error(ErrorCode::invalid_argument, "signal patterns, language '" + language + "', action items entry " +
                                                     std::to_string(i + 1) + ": window '" + pattern.phrase +
                                                     "' is not a number of words from 1 to 40");
      }
      window_ = static_cast<std::size_t>(words);
    }
    else {
      throw Error(ErrorCode::invalid_argument,
                  "signal patterns, language '" + language + "', action items entry " + std::to_string(i + 1) +
                      ": unknown kind '" + pattern.id +
                      "' (commit, request, joint, commit_phrase, request_phrase, joint_phrase, verb, negation, "
                      "hypothetical, reported, closing, window)");
    }
  }
  for (std::size_t i = 0; i < due_dates.size(); ++i) {
    const ActionPattern& pattern = due_dates[i];
    const std::string phrase = entry("due dates", i, pattern.phrase);
    const std::string_view rule = pattern.id;
    DueRule parsed{DueRule::Kind::days, 0};
    const auto digit_after = [&](std::string_view prefix, int low, int high) {
      if (rule.size() != prefix.size() + 1 || rule.substr(0, prefix.size()) != prefix) return false;
      const int value = rule.back() - '0';
      if (value < low || value > high) return false;
      parsed.value = value;
      return true;
    };
    if (digit_after("day+", 0, 9)) parsed.kind = DueRule::Kind::days;
    else if (digit_after("weekday=", 1, 7)) parsed.kind = DueRule::Kind::weekday;
    else if (rule == "next_week") parsed.kind = DueRule::Kind::next_week;
    else if (rule == "end_of_week") parsed.kind = DueRule::Kind::end_of_week;
    else if (rule == "end_of_month") parsed.kind = DueRule::Kind::end_of_month;
    else {
      throw Error(ErrorCode::invalid_argument,
                  "signal patterns, language '" + language + "', due dates entry " + std::to_string(i + 1) +
                      ": unknown rule '" + pattern.id +
                      "' (day+N, weekday=N with 1 = Monday, next_week, end_of_week, end_of_month)");
    }
    due_.add(phrase, static_cast<std::uint32_t>(due_rules_.size()));
    due_rules_.push_back(parsed);
  }
  triggers_.compile();
  verbs_.compile();
  negations_.compile();
  cancels_before_.compile();
  closings_.compile();
  due_.compile();
}

std::optional<FoundAction> ActionMatcher::find(std::string_view normalized, std::int64_t call_start_ms) const {
  if (triggers_.empty()) return std::nullopt;
  // Most sentences hold no trigger: look for those first, and for the rest only where one is.
  std::vector<PhraseMatcher::Match> triggers;
  triggers_.for_each(normalized, [&](const PhraseMatcher::Match& trigger) { triggers.push_back(trigger); });
  if (triggers.empty()) return std::nullopt;
  // A closing formula with at most three more words ("see you next week", "vi ses") asks nothing.
  PhraseMatcher::Match match;
  std::size_t first = 0;
  while (first < normalized.size()) {
    std::size_t length = 1;
    if (is_word_char(decode_at(normalized, first, length))) break;
    first += length;
  }
  if (closings_.longest_at(normalized, first, match) &&
      count_words(normalized, match.end, normalized.size()) <= 3) {
    return std::nullopt;
  }
  std::size_t cancel_from = normalized.size();
  cancels_before_.for_each(normalized, [&](const PhraseMatcher::Match& found) {
    if (cancel_from == normalized.size()) cancel_from = found.begin;
  });
  std::vector<PhraseMatcher::Match> negations;
  negations_.for_each(normalized, [&](const PhraseMatcher::Match& found) { negations.push_back(found); });
  const auto negated = [&](std::size_t from, std::size_t to) {
    for (const auto& negation : negations)
      if (negation.begin >= from && negation.begin < to) return true;
    return false;
  };

  // Elsewhere a closing formula only hides the triggers inside it ("tak for i dag, vi ses": "vi").
  std::vector<PhraseMatcher::Match> closings;
  closings_.for_each(normalized, [&](const PhraseMatcher::Match& closing) { closings.push_back(closing); });
  std::optional<FoundAction> found;
  for (const PhraseMatcher::Match& trigger : triggers) {
    if (found || trigger.begin > cancel_from) break;
    [&] {
    for (const auto& closing : closings)
      if (trigger.begin >= closing.begin && trigger.begin < closing.end) return;
    const TriggerEntry& entry = trigger_entries_[trigger.value];
    if (entry.trigger == Trigger::phrase) {
      // "お送りしません" is another phrase; a negation word right after ("i'll get back to you,
      // not ...") is rare, but one inside the next two words cancels.
      std::size_t after = trigger.end;
      for (std::size_t words = 0; after < normalized.size() && words < 2;) {
        std::size_t length = 1;
        decode_at(normalized, after, length);
        after += length;
        words = count_words(normalized, trigger.end, after);
      }
      if (negated(trigger.begin, after)) return;
      found = FoundAction{entry.owner, entry.written, {}, {}};
      return;
    }
    // An opener needs an action verb within the window: four words unless the list says otherwise
    // (German and Dutch put the infinitive last), eight characters in scripts without spaces.
    const std::size_t window = unspaced_at(normalized, trigger.end > 0 ? trigger.end - 1 : 0) ? 8 : window_;
    // Verbs are tried where a word starts (any character in unspaced scripts), counting as it goes.
    PhraseMatcher::Match verb;
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t pos = trigger.end; pos < normalized.size();) {
      std::size_t length = 1;
      const char32_t cp = decode_at(normalized, pos, length);
      const bool unspaced = is_unspaced_script_char(cp);
      const bool starts = unspaced || (is_word_char(cp) && !in_word);
      in_word = !unspaced && (is_word_char(cp) || (in_word && cp == '\''));
      if (starts) {
        if (++words > window + 1) break;  // the verb itself is the word after at most `window` others
        if (verbs_.longest_at(normalized, pos, verb)) {
          if (!negated(trigger.begin, verb.begin)) found = FoundAction{entry.owner, verb_entries_[verb.value], {}, {}};
          return;
        }
      }
      pos += length;
    }
    }();
  }
  if (!found) return found;

  std::optional<PhraseMatcher::Match> due;
  due_.for_each(normalized, [&](const PhraseMatcher::Match& expression) {
    if (!due) due = expression;
  });
  if (due) {
    found->due_text = std::string(normalized.substr(due->begin, due->end - due->begin));
    if (call_start_ms != 0) {
      using namespace std::chrono;
      const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(call_start_ms)));
      const unsigned iso_weekday = weekday(day).iso_encoding();  // 1 = Monday
      const DueRule& rule = due_rules_[due->value];
      sys_days result = day;
      switch (rule.kind) {
        case DueRule::Kind::days: result = day + days(rule.value); break;
        case DueRule::Kind::weekday: {
          int ahead = (rule.value - static_cast<int>(iso_weekday) + 7) % 7;
          result = day + days(ahead == 0 ? 7 : ahead);
          break;
        }
        case DueRule::Kind::next_week: result = day + days(8 - iso_weekday); break;
        case DueRule::Kind::end_of_week:
          result = iso_weekday <= 5 ? day + days(5 - iso_weekday) : day + days(12 - iso_weekday);
          break;
        case DueRule::Kind::end_of_month: {
          const year_month_day ymd(day);
          result = sys_days(ymd.year() / ymd.month() / last);
          break;
        }
      }
      found->due_date = date_text(result);
    }
  }
  return found;
}

}  // namespace parley::signals_detail
