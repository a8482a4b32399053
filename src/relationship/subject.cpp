// RFC 5256 (2.1) base subjects, with the reply and forward prefixes of the languages parley's
// customers write in; case-folded with ICU so "AW:", "aw:" and "Відп:", "ВІДП:" are one prefix.
#include <unicode/unistr.h>

#include <array>
#include <string>
#include <string_view>

#include "model/ascii.hpp"
#include "relationship/relationship_internal.hpp"

namespace parley::relationship_detail {
namespace {

struct Prefix {
  std::string_view folded;
  SubjectKind kind;
};

// Longest first where one is the start of another ("fwd" before "fw"). "vs" is the Danish and
// Norwegian forward ("videresendt"), not the Finnish reply; "pd" is the Polish forward.
constexpr std::array<Prefix, 25> prefixes = {{
    {"回复", SubjectKind::reply},      {"回覆", SubjectKind::reply},     {"答复", SubjectKind::reply},
    {"답장", SubjectKind::reply},      {"회신", SubjectKind::reply},     {"відп", SubjectKind::reply},
    {"відповідь", SubjectKind::reply}, {"antw", SubjectKind::reply},     {"odp", SubjectKind::reply},
    {"aw", SubjectKind::reply},        {"sv", SubjectKind::reply},       {"re", SubjectKind::reply},
    {"转发", SubjectKind::forward},    {"轉寄", SubjectKind::forward},   {"轉發", SubjectKind::forward},
    {"전달", SubjectKind::forward},    {"пересл", SubjectKind::forward}, {"fwd", SubjectKind::forward},
    {"fw", SubjectKind::forward},      {"wg", SubjectKind::forward},     {"vs", SubjectKind::forward},
    {"pd", SubjectKind::forward},      {"tr", SubjectKind::forward},     {"rv", SubjectKind::forward},
    {"vb", SubjectKind::forward},
}};

constexpr std::string_view fullwidth_colon =
    "\xEF\xBC\x9A";  // U+FF1A, as Chinese and Korean clients write it

// Whitespace runs (ASCII, no-break space, ideographic space) become one ASCII space.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t width = 0;
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      width = 1;
    } else if (text.substr(i, 2) == "\xC2\xA0") {
      width = 2;
    } else if (text.substr(i, 3) == "\xE3\x80\x80") {
      width = 3;
    }
    if (width > 0) {
      if (!in_space) out.push_back(' ');
      in_space = true;
      i += width;
    } else {
      out.push_back(c);
      in_space = false;
      ++i;
    }
  }
  return out;
}

std::string fold_case(const std::string& text) {
  if (detail::is_ascii(text)) return detail::ascii_lowered(text);  // the common case, without ICU
  std::string out;
  icu::UnicodeString::fromUTF8(text).foldCase().toUTF8String(out);
  return out;
}

std::size_t skip_spaces(std::string_view s, std::size_t p) {
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

// The end of a "[...]" blob starting at p (no '[' inside), or npos.
std::size_t blob_end(std::string_view s, std::size_t p) {
  if (p >= s.size() || s[p] != '[') return std::string_view::npos;
  const std::size_t close = s.find_first_of("[]", p + 1);
  if (close == std::string_view::npos || s[close] != ']') return std::string_view::npos;
  return close + 1;
}

// subj-refwd at p: a prefix, spaces, an optional blob ("Re[2]:"), a colon. Returns its end.
std::size_t refwd_end(std::string_view s, std::size_t p, SubjectKind& kind) {
  for (const Prefix& prefix : prefixes) {
    if (s.substr(p, prefix.folded.size()) != prefix.folded) continue;
    std::size_t q = skip_spaces(s, p + prefix.folded.size());
    if (const std::size_t after_blob = blob_end(s, q); after_blob != std::string_view::npos) {
      q = skip_spaces(s, after_blob);
    }
    if (q < s.size() && s[q] == ':') {
      kind = prefix.kind;
      return q + 1;
    }
    if (s.substr(q, fullwidth_colon.size()) == fullwidth_colon) {
      kind = prefix.kind;
      return q + fullwidth_colon.size();
    }
  }
  return std::string_view::npos;
}

void trim(std::string& s) {
  const std::size_t first = s.find_first_not_of(' ');
  if (first == std::string::npos) {
    s.clear();
    return;
  }
  s.erase(s.find_last_not_of(' ') + 1);
  s.erase(0, first);
}

}  // namespace

ParsedSubject parse_subject(std::string_view subject) {
  std::string s = fold_case(collapse_whitespace(subject));
  bool prefix_seen = false;
  bool forward_marker = false;  // a "(fwd)" trailer
  ParsedSubject parsed;
  for (;;) {
    // (2) trailers: "(fwd)" and whitespace.
    for (;;) {
      trim(s);
      constexpr std::string_view trailer = "(fwd)";
      if (s.size() < trailer.size() || s.compare(s.size() - trailer.size(), trailer.size(), trailer) != 0)
        break;
      s.erase(s.size() - trailer.size());
      forward_marker = true;
    }
    // (3)-(5) leaders: blobs then a reply or forward prefix; else a leading blob when text follows.
    for (;;) {
      trim(s);
      std::size_t p = 0;
      for (std::size_t end = blob_end(s, p); end != std::string::npos; end = blob_end(s, p)) {
        p = skip_spaces(s, end);
      }
      SubjectKind kind = SubjectKind::plain;
      if (const std::size_t end = refwd_end(s, p, kind); end != std::string::npos) {
        if (!prefix_seen) parsed.kind = kind;
        prefix_seen = true;
        s.erase(0, end);
        continue;
      }
      if (const std::size_t end = blob_end(s, 0); end != std::string::npos) {
        std::string rest = s.substr(end);
        trim(rest);
        if (!rest.empty()) {
          s = std::move(rest);
          continue;
        }
      }
      break;
    }
    // (6) "[fwd: ...]" wrapper.
    constexpr std::string_view wrapper = "[fwd:";
    if (s.size() > wrapper.size() && s.compare(0, wrapper.size(), wrapper) == 0 && s.back() == ']') {
      s = s.substr(wrapper.size(), s.size() - wrapper.size() - 1);
      if (!prefix_seen) parsed.kind = SubjectKind::forward;  // the outermost mark
      prefix_seen = true;
      continue;
    }
    break;
  }
  if (!prefix_seen && forward_marker) parsed.kind = SubjectKind::forward;
  parsed.base = std::move(s);
  return parsed;
}

}  // namespace parley::relationship_detail

namespace parley {

std::string base_subject(std::string_view subject) {
  return relationship_detail::parse_subject(subject).base;
}

}  // namespace parley
