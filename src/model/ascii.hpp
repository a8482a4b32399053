#pragma once
// Internal interface of the model layer (any area may include it; never installed): ASCII case
// helpers, for the parts of parley's input that are ASCII by definition (language tags, format and
// enum names, email domains, currency codes) or where only ASCII letters fold (the fast paths).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace parley::detail {

// True when every byte is below 0x80 (checked eight bytes at a time).
inline bool is_ascii(std::string_view text) noexcept {
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t acc = 0;
  while (n >= 8) {
    std::uint64_t block;
    std::memcpy(&block, p, 8);
    acc |= block;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    acc |= static_cast<unsigned char>(*p);
    ++p;
    --n;
  }
  return (acc & 0x8080808080808080ULL) == 0;
}

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

// `text` with its ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
inline std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Equal when ASCII letters are folded; every other byte must match exactly.
constexpr bool equals_ascii_case_insensitive(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// True when `address` ("ana@eu.contoso.com") is in `domain` ("contoso.com") or a subdomain of it
// (not "notcontoso.com"); ASCII case-insensitive. The one rule for "an address on our side".
constexpr bool address_in_domain(std::string_view address, std::string_view domain) noexcept {
  const std::size_t at = address.rfind('@');
  if (domain.empty() || at == std::string_view::npos) return false;
  const std::string_view host = address.substr(at + 1);
  if (host.size() < domain.size()) return false;
  const std::size_t start = host.size() - domain.size();
  if (start > 0 && host[start - 1] != '.') return false;
  return equals_ascii_case_insensitive(host.substr(start), domain);
}

// The primary language subtag of a BCP 47 tag, lower-cased: "pt-BR" -> "pt", "zh_Hant_TW" -> "zh"
// (the POSIX '_' separator is accepted too). Lexicons, pattern lists and stemmers are chosen by it.
inline std::string primary_language_subtag(std::string_view tag) {
  return ascii_lowered(tag.substr(0, tag.find_first_of("-_")));
}

}  // namespace parley::detail
