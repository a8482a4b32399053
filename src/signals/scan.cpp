#include "signals/scan.hpp"

#include <unicode/uchar.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "model/ascii.hpp"
#include "parley/text.hpp"

namespace parley::signals_detail {

namespace {
utf8proc_category_t category(char32_t cp) noexcept {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}
}  // namespace

bool is_letter(char32_t cp) noexcept {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool is_uppercase_letter(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_digit(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return category(cp) == UTF8PROC_CATEGORY_ND;
}

int digit_value(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  if (!is_digit(cp)) return -1;
  const int value = u_charDigitValue(static_cast<UChar32>(cp));
  return value >= 0 && value <= 9 ? value : -1;
}

bool is_space(char32_t cp) noexcept {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_boundary(std::string_view text, std::size_t pos) noexcept {
  if (pos == 0 || pos >= text.size()) return true;
  std::size_t length = 1;
  const char32_t before = decode_at(text, previous_start(text, pos), length);
  const char32_t after = decode_at(text, pos, length);
  if (is_unspaced_script_char(before) || is_unspaced_script_char(after)) return true;
  return !(is_word_char(before) && is_word_char(after));
}

void normalize_phrase(std::string_view text, std::string& out) {
  const std::string normalized = normalize_for_matching(text);
  out.clear();
  out.reserve(normalized.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < normalized.size()) {
    std::size_t length = 1;
    const char32_t cp = decode_at(normalized, pos, length);
    if (is_space(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4 || cp == 0x0060) {
        out.push_back('\'');  // ’ ‘ ʼ ´ ` written for the apostrophe
      } else {
        out.append(normalized, pos, length);
      }
    }
    pos += length;
  }
}

void PhraseMatcher::add(std::string phrase, std::uint32_t value) {
  if (fold_ascii_) {
    for (char& c : phrase) c = detail::ascii_lower(c);
  }
  phrases_.push_back(std::move(phrase));
  values_.push_back(value);
}

void PhraseMatcher::compile() {
  index_.clear();
  index_.reserve(phrases_.size());
  ascii_first_.fill(false);
  first_runs_.fill(0);
  for (const std::string& phrase : phrases_) {
    const auto first = static_cast<unsigned char>(phrase[0]);
    if (is_ascii_alnum(first)) {
      std::size_t run_end = 0;
      const std::uint32_t bit = first_run_bit(phrase, 0, run_end);
      first_runs_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    if (first >= 0x80) continue;
    ascii_first_[first] = true;
    if (fold_ascii_ && first >= 'a' && first <= 'z') ascii_first_[first - 'a' + 'A'] = true;
  }
  for (std::uint32_t i = 0; i < phrases_.size(); ++i) {
    std::size_t length = 1;
    const std::string& phrase = phrases_[i];
    const std::size_t head = std::min<std::size_t>(phrase.size(), 8);
    std::uint64_t prefix = 0, mask = 0;
    std::memcpy(&prefix, phrase.data(), head);
    std::memset(&mask, 0xFF, head);
    index_.push_back({decode_at(phrase, 0, length), i, prefix, mask});
  }
  std::sort(index_.begin(), index_.end(), [this](const Entry& a, const Entry& b) {
    if (a.first != b.first) return a.first < b.first;
    if (phrases_[a.phrase].size() != phrases_[b.phrase].size()) {
      return phrases_[a.phrase].size() > phrases_[b.phrase].size();
    }
    return a.phrase < b.phrase;
  });
  ascii_range_.fill({0, 0});
  for (std::uint32_t i = 0; i < index_.size(); ++i) {
    if (index_[i].first >= 0x80) break;
    auto& range = ascii_range_[index_[i].first];
    if (range.first == range.second) range.first = i;
    range.second = i + 1;
  }
}

bool PhraseMatcher::longest_at(std::string_view text, std::size_t pos, Match& match) const noexcept {
  std::size_t length = 1;
  char32_t first = decode_at(text, pos, length);
  if (fold_ascii_ && first >= 'A' && first <= 'Z') first += 'a' - 'A';
  auto it = index_.begin();
  if (first < 0x80) {  // most text: the range of the first byte, without a search
    const auto [begin, end] = ascii_range_[first];
    if (begin == end) return false;
    it += begin;
  } else {
    it = std::lower_bound(index_.begin(), index_.end(), first,
                          [](const Entry& entry, char32_t cp) { return entry.first < cp; });
    if (it == index_.end() || it->first != first) return false;
  }
  if (!is_boundary(text, pos)) return false;
  if (std::size_t run_end = 0; first < 0x80 && is_ascii_alnum(static_cast<unsigned char>(first)) &&
                               !may_start_phrase(text, pos, run_end)) {
    return false;
  }
  std::uint64_t head = 0;
  std::memcpy(&head, text.data() + pos, std::min<std::size_t>(text.size() - pos, 8));
  for (; it != index_.end() && it->first == first; ++it) {
    const std::string& phrase = phrases_[it->phrase];
    if (text.size() - pos < phrase.size()) continue;
    if (!fold_ascii_ && (head & it->mask) != it->prefix) continue;
    if (fold_ascii_) {
      bool equal = true;
      for (std::size_t i = 0; i < phrase.size() && equal; ++i) {
        equal = detail::ascii_lower(text[pos + i]) == phrase[i];
      }
      if (!equal) continue;
    } else if (text.compare(pos, phrase.size(), phrase) != 0) {
      continue;
    }
    if (!is_boundary(text, pos + phrase.size())) continue;
    match = {pos, pos + phrase.size(), values_[it->phrase]};
    return true;
  }
  return false;
}

bool is_stutter_of(std::string_view fragment, std::string_view word) noexcept {
  return !fragment.empty() && word.size() > fragment.size() &&
         detail::equals_ascii_case_insensitive(word.substr(0, fragment.size()), fragment);
}

std::size_t count_words(std::string_view text, std::size_t from, std::size_t to) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t pos = from; pos < to;) {
    std::size_t length = 1;
    const char32_t cp = decode_at(text, pos, length);
    if (is_unspaced_script_char(cp)) {
      ++words;
      in_word = false;
    } else if (is_word_char(cp) || (in_word && cp == '\'')) {
      if (!in_word) ++words;
      in_word = true;
    } else {
      in_word = false;
    }
    pos += length;
  }
  return words;
}

}  // namespace parley::signals_detail
