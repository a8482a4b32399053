// Loading of the signal pattern files (formats in docs/signals.md).
#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "model/data_source.hpp"
#include "parley/error.hpp"
#include "parley/signals.hpp"
#include "parley/text.hpp"

namespace parley {
namespace {

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, path + ": cannot open file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::io, path + ": read failed");
  return std::move(content).str();
}

[[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& what) {
  throw Error(ErrorCode::parse, path + ":" + std::to_string(line) + ": " + what);
}

std::string_view trim(std::string_view s) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Calls on_line(line_number, trimmed line) for every line of `content` (the file `path`) that is
// not blank or a '#' comment.
template <class OnLine>
void for_each_entry(const std::string& path, std::string_view content, OnLine&& on_line) {
  std::string_view rest(content);
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // a byte-order mark
  std::size_t line_number = 0;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    ++line_number;
    if (const std::size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      fail(path, line_number, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
    }
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    on_line(line_number, line);
  }
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t tab = line.find('\t');
    fields.push_back(trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '+' || c == '=';  // '+', '=': due-date rules ("day+1", "weekday=5")
}

std::vector<std::string> parse_phrase_list(const std::string& path, std::string_view content) {
  std::vector<std::string> phrases;
  for_each_entry(path, content, [&](std::size_t, std::string_view line) { phrases.emplace_back(line); });
  return phrases;
}

std::vector<ActionPattern> parse_action_patterns(const std::string& path, std::string_view content) {
  std::vector<ActionPattern> patterns;
  for_each_entry(path, content, [&](std::size_t line_number, std::string_view line) {
    std::size_t id_end = 0;
    while (id_end < line.size() && is_id_char(line[id_end])) ++id_end;
    if (id_end == 0 || id_end == line.size() || (line[id_end] != ' ' && line[id_end] != '\t')) {
      fail(path, line_number, "expected '<id> <phrase>' (id of letters, digits, '_', '-', '.', '+', '=')");
    }
    const std::string_view phrase = trim(line.substr(id_end));
    if (phrase.empty()) fail(path, line_number, "empty phrase");
    patterns.push_back({std::string(line.substr(0, id_end)), std::string(phrase)});
  });
  return patterns;
}

// A comma-separated language list ("sv,nb"); "*" or an empty field: every language (no entries).
std::vector<std::string> parse_languages(const std::string& path, std::size_t line_number,
                                         std::string_view languages) {
  std::vector<std::string> out;
  if (languages == "*") return out;
  while (!languages.empty()) {
    const std::size_t comma = languages.find(',');
    const std::string_view language = trim(languages.substr(0, comma));
    if (language.empty()) fail(path, line_number, "empty language in the language list");
    out.emplace_back(language);
    if (comma == std::string_view::npos) break;
    languages.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<CurrencyToken> parse_currency_tokens(const std::string& path, std::string_view content) {
  std::vector<CurrencyToken> tokens;
  for_each_entry(path, content, [&](std::size_t line_number, std::string_view line) {
    const auto fields = split_tabs(line);
    if (fields.size() < 2 || fields.size() > 4 || fields[0].empty()) {
      fail(path, line_number, "expected '<token>\\t<ISO 4217 code>[\\t<languages>[\\t<flags>]]'");
    }
    const std::string_view code = fields[1];
    if (code.size() != 3 ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      fail(path, line_number, "currency code '" + std::string(code) + "' is not three capital letters");
    }
    CurrencyToken token{std::string(fields[0]), std::string(code), {}};
    if (fields.size() >= 3) token.languages = parse_languages(path, line_number, fields[2]);
    if (fields.size() == 4) {
      std::string_view flags = fields[3];
      while (true) {
        const std::size_t comma = flags.find(',');
        const std::string_view flag = trim(flags.substr(0, comma));
        if (flag != "context") {
          fail(path, line_number, "unknown flag '" + std::string(flag) + "' (the one flag is 'context')");
        }
        token.needs_price_context = true;
        if (comma == std::string_view::npos) break;
        flags.remove_prefix(comma + 1);
      }
    }
    tokens.push_back(std::move(token));
  });
  return tokens;
}

std::vector<AmountMultiplier> parse_amount_multipliers(const std::string& path, std::string_view content) {
  std::vector<AmountMultiplier> multipliers;
  for_each_entry(path, content, [&](std::size_t line_number, std::string_view line) {
    const auto fields = split_tabs(line);
    int power = 0;
    if (fields.size() < 2 || fields.size() > 3 || fields[0].empty())
      fail(path, line_number, "expected '<token>\\t<power of ten>[\\t<languages>]'");
    const auto [end, error] = std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), power);
    if (error != std::errc{} || end != fields[1].data() + fields[1].size() || power < 1 || power > 12) {
      fail(path, line_number,
           "power of ten '" + std::string(fields[1]) + "' is not a whole number from 1 to 12");
    }
    AmountMultiplier multiplier{std::string(fields[0]), power, {}};
    if (fields.size() == 3) multiplier.languages = parse_languages(path, line_number, fields[2]);
    multipliers.push_back(std::move(multiplier));
  });
  return multipliers;
}

std::vector<GazetteerEntry> parse_gazetteer(const std::string& path, std::string_view content) {
  std::vector<GazetteerEntry> entries;
  for_each_entry(path, content, [&](std::size_t line_number, std::string_view line) {
    GazetteerEntry entry;
    bool first = true;
    while (true) {
      const std::size_t bar = line.find('|');
      const std::string_view name = trim(line.substr(0, bar));
      if (name.empty()) fail(path, line_number, "empty name");
      if (first) {
        entry.name = std::string(name);
      } else {
        entry.variants.emplace_back(name);
      }
      first = false;
      if (bar == std::string_view::npos) break;
      line.remove_prefix(bar + 1);
    }
    entries.push_back(std::move(entry));
  });
  return entries;
}

}  // namespace

std::vector<std::string> load_phrase_list(const std::string& path) {
  return parse_phrase_list(path, read_whole_file(path));
}
std::vector<ActionPattern> load_action_patterns(const std::string& path) {
  return parse_action_patterns(path, read_whole_file(path));
}
std::vector<CurrencyToken> load_currency_tokens(const std::string& path) {
  return parse_currency_tokens(path, read_whole_file(path));
}
std::vector<AmountMultiplier> load_amount_multipliers(const std::string& path) {
  return parse_amount_multipliers(path, read_whole_file(path));
}
std::vector<GazetteerEntry> load_gazetteer(const std::string& path) {
  return parse_gazetteer(path, read_whole_file(path));
}

SignalPatterns load_signal_patterns(const std::string& data_dir) {
  const DataSource source(data_dir);
  if (!source.has_folder("signals")) {
    throw Error(ErrorCode::io,
                source.name_of("signals") + ": signal data directory not found in " + source.description());
  }
  // Each file is optional; a present one is parsed, and its errors name it as the source does.
  const auto parse_if_present = [&](const std::string& path, auto parse) {
    const std::optional<std::string> content = source.read(path);
    return content ? parse(source.name_of(path), *content) : decltype(parse(path, std::string_view{})){};
  };
  SignalPatterns patterns;
  patterns.currencies = parse_if_present("signals/currencies.tsv", parse_currency_tokens);
  patterns.multipliers = parse_if_present("signals/multipliers.tsv", parse_amount_multipliers);
  patterns.person_names = parse_if_present("signals/person_names.txt", parse_phrase_list);
  for (const std::string& name : source.folders_in("signals")) {
    const std::string dir = "signals/" + name + "/";
    LanguageSignalPatterns language;
    language.action_items = parse_if_present(dir + "action_items.txt", parse_action_patterns);
    for (auto& phrase : parse_if_present(dir + "fillers.txt", parse_phrase_list)) {
      if (phrase.front() == '!') {
        language.filler_exceptions.push_back(std::string(trim(std::string_view(phrase).substr(1))));
      } else {
        language.fillers.push_back(std::move(phrase));
      }
    }
    for (auto& phrase : parse_if_present(dir + "interrogatives.txt", parse_phrase_list)) {
      if (phrase.rfind("...", 0) == 0) {
        language.question_endings.push_back(std::string(trim(std::string_view(phrase).substr(3))));
      } else {
        language.interrogatives.push_back(std::move(phrase));
      }
    }
    language.brand_stop_words = parse_if_present(dir + "brand_stop_words.txt", parse_phrase_list);
    language.due_dates = parse_if_present(dir + "due_dates.txt", parse_action_patterns);
    patterns.languages.emplace(name, std::move(language));
  }
  return patterns;
}

}  // namespace parley
