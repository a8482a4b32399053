// Activities and opportunities in their JSON and CSV forms (docs/crm-input.md). A CSV row becomes
// the JSON object of the same record and goes through crm_json's reader, so member names, enum
// names and value types are checked in one place for both forms.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>

#include "activities/csv_records.hpp"
#include "activities/linking.hpp"
#include "crm/crm_json.hpp"
#include "json/json_input.hpp"
#include "parley/activities.hpp"
#include "parley/error.hpp"
#include "parley/utf8.hpp"

namespace parley {
namespace {

using activities_detail::CsvRecord;
using activities_detail::CsvSyntaxProblem;
using nlohmann::json;

// ---- Files ----

// The file's bytes. A path that is not there is the caller's error (thrown); a file over the limit
// or unreadable is the result's.
std::optional<std::string> read_input(const std::filesystem::path& path, std::uint64_t max_bytes,
                                      std::vector<ActivityReadError>& errors) {
  const std::string name = path.string();
  std::error_code code;
  const std::uintmax_t size = std::filesystem::file_size(path, code);
  if (code) throw Error(ErrorCode::io, fmt::format("cannot read '{}': {}", name, code.message()));
  if (size > max_bytes) {
    errors.push_back({name, "", fmt::format("the file is {} bytes, more than the limit of {} (max_file_bytes)",
                                            size, max_bytes)});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
    errors.push_back({name, "", "cannot read the file"});
    return std::nullopt;
  }
  return text;
}

bool within_limit(std::string_view text, std::string_view name, std::uint64_t max_bytes,
                  std::vector<ActivityReadError>& errors) {
  if (text.size() <= max_bytes) return true;
  errors.push_back({std::string(name), "",
                    fmt::format("the file is {} bytes, more than the limit of {} (max_file_bytes)", text.size(),
                                max_bytes)});
  return false;
}

// ---- Errors of the JSON reader ----

struct MemberError {
  std::string path;  // "type", "our_side[1].id", "[3].type"; empty for the record as a whole
  std::string what;
};

// JsonField's messages are "<source>: <path>: <what>", or "<source>: <what>" for the value itself.
MemberError split_member_error(std::string_view message, std::string_view source) {
  if (message.starts_with(source) && message.substr(source.size()).starts_with(": "))
    message.remove_prefix(source.size() + 2);
  // A path is member names and [n]: no spaces or quotes, which every <what> has before its ": ".
  if (const std::size_t colon = message.find(": "); colon != std::string_view::npos) {
    const std::string_view path = message.substr(0, colon);
    if (path.find_first_of(" '\"(") == std::string_view::npos)
      return {std::string(path), std::string(message.substr(colon + 2))};
  }
  return {"", std::string(message)};
}

// ---- The JSON form ----

template <typename Record, typename Add>
void read_json_records(std::string_view text, const std::string& name, Record (*from_json)(const JsonField&),
                       std::vector<ActivityReadError>& errors, Add&& add) {
  JsonSyntaxError syntax;
  const std::optional<json> document = parse_json_text(text, syntax);
  if (!document) {
    errors.push_back({name, fmt::format("line {}, column {}", syntax.line, syntax.column), syntax.what});
    return;
  }
  if (!document->is_array()) {
    errors.push_back({name, "", fmt::format("expected an array of records, found {}", document->type_name())});
    return;
  }
  for (const JsonField& item : JsonField(*document, name).array()) {
    try {
      add(from_json(item));
    } catch (const Error& error) {
      MemberError member = split_member_error(error.message(), name);
      errors.push_back({name, std::move(member.path), std::move(member.what)});
    }
  }
}

// ---- The CSV form ----

// How a cell holds its member's value.
enum class CellKind {
  text,     // the string as written
  scalar,   // a JSON number, true or false (TRUE and FALSE too, as spreadsheets write them)
  strings,  // items separated by ';'
  parties,  // items separated by ';', each id|display_name|email|time_zone
  events,   // items separated by ';', each kind|time_ms
};

struct Column {
  std::string name;
  CellKind kind = CellKind::text;
  std::string_view expected;  // what a scalar cell must hold, for messages
  bool boolean = false;
};

// The member names of list items, in the order a cell gives their fields.
constexpr std::string_view party_members[] = {"id", "display_name", "email", "time_zone"};
constexpr std::string_view event_members[] = {"kind", "time_ms"};

// The columns of a form are the members its JSON writer writes for a default record, each read by
// the type of its default value: the two forms cannot drift apart.
std::vector<Column> form_columns(const json& defaults) {
  std::vector<Column> columns;
  for (const auto& [name, value] : defaults.items()) {
    Column column;
    column.name = name;
    if (value.is_string()) {
      column.kind = CellKind::text;
    } else if (value.is_array()) {
      column.kind = name == "our_side" || name == "customer_side" ? CellKind::parties
                    : name == "engagement"                        ? CellKind::events
                                                                  : CellKind::strings;
    } else {
      column.kind = CellKind::scalar;
      column.boolean = value.is_boolean();
      column.expected = value.is_boolean()             ? "true or false"
                        : value.is_number_integer()    ? "an integer"
                                                       : "a number";
    }
    columns.push_back(std::move(column));
  }
  return columns;
}

// A cell that cannot become its member's value.
struct CellError {
  std::string message;
};

std::string excerpt(std::string_view cell) {
  return std::string(cell.size() > 60 ? cell.substr(0, 57) : cell) + (cell.size() > 60 ? "..." : "");
}

json scalar_value(std::string_view cell, std::string_view expected, bool boolean) {
  std::string text(cell);
  if (boolean && (text == "TRUE" || text == "FALSE" || text == "True" || text == "False"))
    text = text.front() == 'T' ? "true" : "false";
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded() || !(value.is_number() || value.is_boolean()))
    throw CellError{fmt::format("expected {}, found \"{}\"", expected, excerpt(cell))};
  return value;
}

void trim_spaces(std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    text.clear();
    return;
  }
  text.erase(text.find_last_not_of(" \t\r\n") + 1);
  text.erase(0, first);
}

// A list cell: items separated by ';', an item's fields by '|', a backslash makes the next ';', '|'
// or '\' plain; spaces around fields are dropped and empty items skipped.
std::vector<std::vector<std::string>> list_items(std::string_view cell) {
  std::vector<std::vector<std::string>> items;
  std::vector<std::string> item(1);
  const auto end_item = [&] {
    for (std::string& field : item) trim_spaces(field);
    if (item.size() > 1 || !item.front().empty()) items.push_back(std::move(item));
    item.assign(1, std::string());
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '\\') {
      if (i + 1 == cell.size() || (cell[i + 1] != ';' && cell[i + 1] != '|' && cell[i + 1] != '\\'))
        throw CellError{"a backslash must be followed by ';', '|' or '\\' (it makes them plain text)"};
      item.back() += cell[++i];
    } else if (c == ';') {
      end_item();
    } else if (c == '|') {
      item.emplace_back();
    } else {
      item.back() += c;
    }
  }
  end_item();
  return items;
}

template <std::size_t N>
json list_objects(std::string_view cell, const std::string_view (&members)[N], std::string_view column) {
  json out = json::array();
  for (const std::vector<std::string>& fields : list_items(cell)) {
    if (fields.size() > N) {
      std::string form;
      for (const std::string_view member : members) {
        if (!form.empty()) form += '|';
        form += member;
      }
      throw CellError{fmt::format("item {} has {} fields; an item of {} is {}", out.size() + 1, fields.size(),
                                  column, form)};
    }
    json object = json::object();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i == 0 || !fields[i].empty()) {
        object[std::string(members[i])] =
            members[i] == "time_ms" ? scalar_value(fields[i], "an integer", false) : json(fields[i]);
      }
    }
    out.push_back(std::move(object));
  }
  return out;
}

json cell_value(std::string_view cell, const Column& column) {
  switch (column.kind) {
    case CellKind::text: return json(cell);
    case CellKind::scalar: return scalar_value(cell, column.expected, column.boolean);
    case CellKind::parties: return list_objects(cell, party_members, column.name);
    case CellKind::events: return list_objects(cell, event_members, column.name);
    case CellKind::strings: {
      json out = json::array();
      for (const std::vector<std::string>& fields : list_items(cell)) {
        if (fields.size() > 1)
          throw CellError{fmt::format("item {} has a '|'; an item of {} is one value (write \\| for a plain '|')",
                                      out.size() + 1, column.name)};
        out.push_back(fields.front());
      }
      return out;
    }
  }
  return json(cell);
}

std::string row_where(std::size_t line, std::string_view column = {}) {
  return column.empty() ? fmt::format("line {}", line) : fmt::format("line {}, column {}", line, column);
}

// Reads one form's CSV text: the header row, then one record per row.
template <typename Record, typename Add>
void read_csv_records(std::string_view text, const std::string& name, const json& defaults,
                      Record (*from_json)(const JsonField&), std::vector<ActivityReadError>& errors, Add&& add) {
  const std::vector<Column> known = form_columns(defaults);
  std::vector<const Column*> header;
  bool header_read = false;
  bool header_failed = false;

  const auto read_header = [&](const CsvRecord& record) {
    header_read = true;
    const auto fail = [&](std::string where, std::string message) {
      errors.push_back({name, std::move(where), std::move(message)});
      header_failed = true;
    };
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const std::string& title = record.fields[i];
      if (title.empty()) return fail(row_where(record.line), fmt::format("column {} has no name", i + 1));
      const auto column = std::find_if(known.begin(), known.end(), [&](const Column& c) { return c.name == title; });
      if (column == known.end()) {
        std::string names;
        for (const Column& c : known) {
          if (!names.empty()) names += ", ";
          names += c.name;
        }
        return fail(row_where(record.line, title), fmt::format("unknown column '{}' (known: {})", title, names));
      }
      if (std::find(header.begin(), header.end(), &*column) != header.end())
        return fail(row_where(record.line, title), fmt::format("the column '{}' appears twice", title));
      header.push_back(&*column);
    }
    if (std::none_of(header.begin(), header.end(), [](const Column* c) { return c->name == "id"; }))
      fail(row_where(record.line), "no 'id' column: every record needs an id");
  };

  const auto read_row = [&](const CsvRecord& record) {
    if (record.fields.size() != header.size()) {
      errors.push_back({name, row_where(record.line),
                        fmt::format("{} fields, but the header names {} columns", record.fields.size(),
                                    header.size())});
      return;
    }
    json object = json::object();
    for (std::size_t i = 0; i < header.size(); ++i) {
      const Column& column = *header[i];
      const std::string& cell = record.fields[i];
      if (cell.empty()) {
        if (column.name == "id") {
          errors.push_back({name, row_where(record.line, "id"), "empty: every record needs an id"});
          return;
        }
        continue;  // a member left out: its default
      }
      try {
        if (!is_valid_utf8(cell))
          throw CellError{fmt::format("not valid UTF-8 (byte {})", find_invalid_utf8(cell) + 1)};
        object[column.name] = cell_value(cell, column);
      } catch (const CellError& error) {
        errors.push_back({name, row_where(record.line, column.name), error.message});
        return;
      }
    }
    constexpr std::string_view source = "row";
    try {
      add(from_json(JsonField(object, std::string(source))));
    } catch (const Error& error) {
      const MemberError member = split_member_error(error.message(), source);
      const std::string_view column = std::string_view(member.path).substr(0, member.path.find_first_of(".["));
      errors.push_back({name, row_where(record.line, column),
                        member.path == column ? member.what : member.path + ": " + member.what});
    }
  };

  activities_detail::split_csv(
      text,
      [&](CsvRecord& record) {
        if (!header_read) {
          read_header(record);
        } else {
          read_row(record);
        }
        return !header_failed;
      },
      [&](const CsvSyntaxProblem& problem) {
        if (!header_read) {
          header_read = true;
          header_failed = true;
          errors.push_back({name, row_where(problem.line), "the header row: " + problem.message});
          return;
        }
        const bool named = problem.field < header.size();
        errors.push_back(
            {name, row_where(problem.line, named ? std::string_view(header[problem.field]->name) : ""),
             problem.message});
      });
  if (!header_read) errors.push_back({name, "", "the file is empty: no header row"});
}

// ---- Activities and opportunities ----

ActivityReadResult activities_from_text(std::string_view text, const std::string& name,
                                        const ActivityReadOptions& options, bool csv) {
  ActivityReadResult result;
  if (!within_limit(text, name, options.max_file_bytes, result.errors)) return result;
  const auto add = [&](Activity activity) {
    activities_detail::fill_record_links(activity, options.linking);
    result.activities.push_back(std::move(activity));
  };
  if (csv) {
    read_csv_records(text, name, to_json_value(Activity{}), activity_from_json, result.errors, add);
  } else {
    read_json_records(text, name, activity_from_json, result.errors, add);
  }
  return result;
}

ActivityReadResult activities_from_file(const std::filesystem::path& path, const ActivityReadOptions& options,
                                        bool csv) {
  ActivityReadResult result;
  const std::optional<std::string> text = read_input(path, options.max_file_bytes, result.errors);
  return text ? activities_from_text(*text, path.string(), options, csv) : result;
}

OpportunityReadResult opportunities_from_text(std::string_view text, const std::string& name, bool csv) {
  OpportunityReadResult result;
  const auto add = [&](Opportunity opportunity) { result.opportunities.push_back(std::move(opportunity)); };
  if (csv) {
    read_csv_records(text, name, to_json_value(Opportunity{}), opportunity_from_json, result.errors, add);
  } else {
    read_json_records(text, name, opportunity_from_json, result.errors, add);
  }
  return result;
}

OpportunityReadResult opportunities_from_file(const std::filesystem::path& path, bool csv) {
  OpportunityReadResult result;
  const std::optional<std::string> text = read_input(path, ActivityReadOptions{}.max_file_bytes, result.errors);
  return text ? opportunities_from_text(*text, path.string(), csv) : result;
}

}  // namespace

ActivityReadResult read_activities_json(const std::filesystem::path& path, const ActivityReadOptions& options) {
  return activities_from_file(path, options, false);
}

ActivityReadResult read_activities_json_text(std::string_view text, std::string_view name,
                                             const ActivityReadOptions& options) {
  return activities_from_text(text, std::string(name), options, false);
}

ActivityReadResult read_activities_csv(const std::filesystem::path& path, const ActivityReadOptions& options) {
  return activities_from_file(path, options, true);
}

ActivityReadResult read_activities_csv_text(std::string_view text, std::string_view name,
                                            const ActivityReadOptions& options) {
  return activities_from_text(text, std::string(name), options, true);
}

OpportunityReadResult read_opportunities_json(const std::filesystem::path& path) {
  return opportunities_from_file(path, false);
}

OpportunityReadResult read_opportunities_json_text(std::string_view text, std::string_view name) {
  return opportunities_from_text(text, std::string(name), false);
}

OpportunityReadResult read_opportunities_csv(const std::filesystem::path& path) {
  return opportunities_from_file(path, true);
}

OpportunityReadResult read_opportunities_csv_text(std::string_view text, std::string_view name) {
  return opportunities_from_text(text, std::string(name), true);
}

}  // namespace parley
