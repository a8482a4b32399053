// Term lists: the documented file format (docs/terms.md), the choice of terms for a seller, the
// per-call counts and the JSON of the results.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/terms.hpp"
#include "parley/text.hpp"
#include "terms/terms_json.hpp"

namespace parley {
namespace {

constexpr detail::EnumName<TermKind> term_kind_names[] = {
    {TermKind::keyword, "keyword"},
    {TermKind::competitor, "competitor"},
};

constexpr detail::EnumName<TermScope::Level> scope_level_names[] = {
    {TermScope::Level::organisation, "organisation"},
    {TermScope::Level::team, "team"},
    {TermScope::Level::organisation, "organization"},
};

constexpr detail::EnumName<SpeakerFilter> speaker_filter_names[] = {
    {SpeakerFilter::anyone, "anyone"},
    {SpeakerFilter::seller, "seller"},
    {SpeakerFilter::customer, "customer"},
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

// The comparison key of a term name: normalized, whitespace runs collapsed; the raw name if the
// name cannot be normalized (the matcher reports that).
std::string name_key(std::string_view name) {
  if (!is_valid_utf8(name)) return std::string(name);
  std::string normalized = normalize_for_matching(name);
  std::string key;
  for (const char c : normalized) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

}  // namespace

std::string_view term_kind_name(TermKind kind) noexcept { return detail::name_of(term_kind_names, kind); }

std::vector<TrackedTerm> parse_term_list(std::string_view text, std::string_view source_name) {
  std::vector<TrackedTerm> terms;
  struct Seen {
    std::size_t line;
    TermKind kind;
  };
  std::unordered_map<std::string, Seen> seen;                      // scope + name key -> first line
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a spreadsheet's byte order mark
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::string_view raw_line =
        text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    start = newline == std::string_view::npos ? text.size() : newline + 1;
    ++line_number;
    const std::string where = std::string(source_name) + ":" + std::to_string(line_number) + ": ";
    auto fail = [&](const std::string& message) { throw Error(ErrorCode::parse, where + message); };

    const std::string_view line = trim(raw_line);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t bad = find_invalid_utf8(line);
    if (bad != std::string_view::npos)
      fail("invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() < 2)
      fail("expected at least 2 tab-separated fields (kind, name), found " + std::to_string(fields.size()));
    if (fields.size() > 5)
      fail("expected at most 5 tab-separated fields (kind, name, variants, scope, options), found " +
           std::to_string(fields.size()));

    TrackedTerm term;
    const std::string_view kind = trim(fields[0]);
    if (const auto parsed = detail::parse_name(term_kind_names, kind)) {
      term.kind = *parsed;
    } else {
      fail("unknown kind '" + std::string(kind) + "' (expected " + detail::name_list(term_kind_names) + ")");
    }
    term.name = std::string(trim(fields[1]));
    if (term.name.empty()) fail("empty term name");
    if (fields.size() > 2 && !trim(fields[2]).empty()) {
      const auto variants = split(fields[2], '|');
      for (std::size_t v = 0; v < variants.size(); ++v) {
        const std::string_view variant = trim(variants[v]);
        if (variant.empty()) fail("empty variant " + std::to_string(v + 1) + " of '" + term.name + "'");
        term.variants.emplace_back(variant);
      }
    }
    if (fields.size() > 3) {
      const std::string_view scope = trim(fields[3]);
      if (scope.empty() || detail::parse_name(scope_level_names, scope) == TermScope::Level::organisation) {
        term.scope.level = TermScope::Level::organisation;
      } else if (scope.substr(0, 5) == "team:" && !trim(scope.substr(5)).empty()) {
        term.scope.level = TermScope::Level::team;
        term.scope.team_id = std::string(trim(scope.substr(5)));
      } else {
        fail("unknown scope '" + std::string(scope) + "' (expected organisation or team:<team id>)");
      }
    }
    if (fields.size() > 4) {
      for (const std::string_view raw_option : split(fields[4], ',')) {
        const std::string_view option = trim(raw_option);
        if (option.empty()) continue;
        constexpr std::string_view said_by = "said_by=";
        const auto speakers = option.substr(0, said_by.size()) == said_by
                                  ? detail::parse_name(speaker_filter_names, option.substr(said_by.size()))
                                  : std::nullopt;
        if (option == "related_forms") {
          term.match_related_forms = true;
        } else if (option == "only_in_questions") {
          term.only_in_questions = true;
        } else if (speakers) {
          term.said_by = *speakers;
        } else {
          fail("unknown option '" + std::string(option) +
               "' (expected related_forms, only_in_questions, said_by=seller, said_by=customer or "
               "said_by=anyone)");
        }
      }
    }
    const std::string key = std::string(detail::name_of(scope_level_names, term.scope.level)) + ":" +
                            term.scope.team_id + "\t" + name_key(term.name);
    const auto [first, inserted] = seen.try_emplace(key, Seen{line_number, term.kind});
    if (!inserted) {
      if (first->second.kind == term.kind) {
        fail("duplicate term '" + term.name + "' (first on line " + std::to_string(first->second.line) +
             " in the same scope)");
      }
      fail("term '" + term.name + "' is a " + std::string(term_kind_name(term.kind)) + " here but a " +
           std::string(term_kind_name(first->second.kind)) + " on line " +
           std::to_string(first->second.line) + " in the same scope");
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

std::vector<TrackedTerm> load_term_list(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, path + ": cannot open the term list");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::io, path + ": cannot read the term list");
  return parse_term_list(content.str(), path);
}

std::vector<TrackedTerm> terms_for_seller(std::span<const TrackedTerm> terms,
                                          std::span<const std::string> seller_team_ids) {
  std::vector<TrackedTerm> chosen;
  std::unordered_map<std::string, std::size_t> by_key;  // kind + name key -> index in chosen
  auto add = [&](const TrackedTerm& term) {
    const std::string key = std::string(term_kind_name(term.kind)) + "\t" + name_key(term.name);
    const auto [found, inserted] = by_key.try_emplace(key, chosen.size());
    if (inserted) {
      chosen.push_back(term);
      return;
    }
    TrackedTerm& kept = chosen[found->second];
    std::vector<std::string> known{name_key(kept.name)};
    for (const std::string& variant : kept.variants) known.push_back(name_key(variant));
    for (const std::string& variant : term.variants) {
      const std::string variant_key = name_key(variant);
      if (std::find(known.begin(), known.end(), variant_key) != known.end()) continue;
      known.push_back(variant_key);
      kept.variants.push_back(variant);
    }
  };
  // Organisation-wide terms first, so that they keep their settings when a team repeats them.
  for (const TrackedTerm& term : terms) {
    if (term.scope.level == TermScope::Level::organisation) add(term);
  }
  for (const TrackedTerm& term : terms) {
    if (term.scope.level == TermScope::Level::team &&
        std::find(seller_team_ids.begin(), seller_team_ids.end(), term.scope.team_id) !=
            seller_team_ids.end()) {
      add(term);
    }
  }
  return chosen;
}

CallTermCounts count_term_hits(const TrackedTermMatcher& matcher, std::span<const TermHit> hits) {
  CallTermCounts counts;
  std::vector<TermHit> sorted(hits.begin(), hits.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const TermHit& a, const TermHit& b) { return a.term < b.term; });
  for (const TermHit& hit : sorted) {
    if (counts.terms.empty() || counts.terms.back().term != hit.term) {
      const TrackedTerm& term = matcher.term(hit.term);
      TermCount count;
      count.term = hit.term;
      count.name = term.name;
      count.kind = term.kind;
      counts.terms.push_back(std::move(count));
    }
    TermCount& count = counts.terms.back();
    ++count.total;
    ++counts.total;
    switch (hit.role) {
      case Role::seller:
        ++count.by_seller;
        ++counts.by_seller;
        break;
      case Role::customer:
        ++count.by_customer;
        ++counts.by_customer;
        break;
      case Role::other:
        ++count.by_other;
        ++counts.by_other;
        break;
    }
  }
  return counts;
}

nlohmann::json to_json_value(const TermHit& hit) {
  return nlohmann::json{{"term", hit.term},
                        {"variant", hit.variant},
                        {"segment", hit.segment},
                        {"role", role_name(hit.role)},
                        {"offset_ms", hit.offset_ms},
                        {"begin", hit.begin},
                        {"end", hit.end},
                        {"in_question", hit.in_question}};
}

nlohmann::json to_json_value(const TermCount& count) {
  return nlohmann::json{
      {"term", count.term},        {"name", count.name},           {"kind", term_kind_name(count.kind)},
      {"total", count.total},      {"by_seller", count.by_seller}, {"by_customer", count.by_customer},
      {"by_other", count.by_other}};
}

nlohmann::json to_json_value(const CallTermCounts& counts) {
  nlohmann::json terms = nlohmann::json::array();
  for (const TermCount& count : counts.terms) terms.push_back(to_json_value(count));
  return nlohmann::json{{"terms", std::move(terms)},
                        {"total", counts.total},
                        {"by_seller", counts.by_seller},
                        {"by_customer", counts.by_customer},
                        {"by_other", counts.by_other}};
}

nlohmann::json to_json_value(const TermScope& scope) {
  nlohmann::json out{{"level", detail::name_of(scope_level_names, scope.level)}};
  if (scope.level == TermScope::Level::team) out["team_id"] = scope.team_id;
  return out;
}

nlohmann::json to_json_value(const TrackedTerm& term) {
  return nlohmann::json{{"name", term.name},
                        {"kind", term_kind_name(term.kind)},
                        {"variants", term.variants},
                        {"scope", to_json_value(term.scope)},
                        {"match_related_forms", term.match_related_forms},
                        {"said_by", detail::name_of(speaker_filter_names, term.said_by)},
                        {"only_in_questions", term.only_in_questions}};
}

TermScope term_scope_from_json(const JsonField& field) {
  JsonObject object = field.object();
  TermScope scope;
  object.read_name("level", scope.level, scope_level_names);
  const std::optional<JsonField> team_id = object.find("team_id");
  object.finish();
  if (team_id) scope.team_id = team_id->string();
  if (scope.level == TermScope::Level::team && scope.team_id.empty())
    field.fail("a team scope needs a non-empty team_id");
  if (scope.level == TermScope::Level::organisation && !scope.team_id.empty())
    team_id->fail("a team_id belongs only to a scope whose level is team");
  return scope;
}

TrackedTerm tracked_term_from_json(const JsonField& field) {
  JsonObject object = field.object();
  TrackedTerm term;
  object.require("name").read_into(term.name);
  object.read_name("kind", term.kind, term_kind_names);
  object.read("variants", term.variants);
  if (const std::optional<JsonField> scope = object.find("scope")) term.scope = term_scope_from_json(*scope);
  object.read("match_related_forms", term.match_related_forms);
  object.read_name("said_by", term.said_by, speaker_filter_names);
  object.read("only_in_questions", term.only_in_questions);
  object.finish();
  return term;
}

std::vector<TrackedTerm> tracked_terms_from_json(const JsonField& field) {
  std::vector<TrackedTerm> terms;
  for (const JsonField& element : field.array()) terms.push_back(tracked_term_from_json(element));
  return terms;
}

std::string to_json(const TermHit& hit) { return to_json_value(hit).dump(); }
std::string to_json(const CallTermCounts& counts) { return to_json_value(counts).dump(); }

}  // namespace parley
