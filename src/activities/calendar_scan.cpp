#include "activities/calendar_scan.hpp"

#include <optional>
#include <utility>

namespace parley::activities_detail {
namespace {

std::string line_at(std::size_t line) { return "line " + std::to_string(line); }

// Unfolded content lines: a physical line starting with a space or a tab continues the one before
// (the one whitespace character is dropped); CRLF and bare LF both end a line; blank lines (or
// whitespace only) are skipped.
std::vector<CalendarLine> unfold(std::string_view text) {
  std::vector<CalendarLine> lines;
  std::size_t number = 0;
  bool continuable = false;  // a blank line ends folding
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view physical = text.substr(position, end - position);
    position = end + 1;
    ++number;
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    if (!physical.empty() && (physical.front() == ' ' || physical.front() == '\t') && continuable) {
      lines.back().text.append(physical.substr(1));
      continue;
    }
    if (physical.find_first_not_of(" \t") == std::string_view::npos) {
      continuable = false;
      continue;
    }
    lines.push_back({number, std::string(physical)});
    continuable = true;
  }
  return lines;
}

// "BEGIN:VEVENT" -> ("BEGIN", "VEVENT"); nullopt for any other property.
struct Delimiter {
  bool begin = false;
  std::string component;  // upper-cased
};
std::optional<Delimiter> delimiter_of(std::string_view line) {
  const std::string name = content_line_name(line);
  if (name != "BEGIN" && name != "END") return std::nullopt;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon != name.size()) return std::nullopt;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return Delimiter{name == "BEGIN", upper_ascii(value)};
}

}  // namespace

std::string upper_ascii(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

std::string content_line_name(std::string_view line) {
  std::size_t end = 0;
  while (end < line.size() && line[end] != ';' && line[end] != ':') ++end;
  std::string_view name = line.substr(0, end);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  return upper_ascii(name);
}

CalendarScan scan_calendar(std::string_view text) {
  CalendarScan scan;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  const std::vector<CalendarLine> lines = unfold(text);
  if (lines.empty()) {
    scan.problems.push_back({"", "empty file: no BEGIN:VCALENDAR"});
    return scan;
  }

  enum class State { outside, calendar, block, other };
  State state = State::outside;
  std::size_t calendar_line = 0;        // BEGIN:VCALENDAR of the open calendar
  std::vector<std::string> open;        // components open inside the block or ignored component
  std::vector<std::size_t> open_lines;  // their BEGIN lines
  CalendarBlock block;
  bool block_is_event = false;
  bool reported_stray_text = false;

  const auto close_block = [&](std::string problem) {
    if (block.problem.empty()) block.problem = std::move(problem);
    (block_is_event ? scan.events : scan.time_zones).push_back(std::move(block));
    block = CalendarBlock{};
    open.clear();
    open_lines.clear();
    state = State::calendar;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const CalendarLine& line = lines[i];
    const std::optional<Delimiter> delimiter = delimiter_of(line.text);
    switch (state) {
      case State::outside:
        if (delimiter && delimiter->begin && delimiter->component == "VCALENDAR") {
          state = State::calendar;
          calendar_line = line.line;
          scan.methods.emplace_back();
        } else if (scan.methods.empty()) {
          scan.problems.push_back(
              {line_at(line.line), "not an iCalendar file: the first line is not BEGIN:VCALENDAR"});
          return scan;
        } else if (!reported_stray_text) {
          scan.problems.push_back({line_at(line.line), "text after END:VCALENDAR is ignored"});
          reported_stray_text = true;
        }
        break;
      case State::calendar:
        if (!delimiter) {
          if (content_line_name(line.text) == "METHOD") {
            const std::size_t colon = line.text.find(':');
            if (colon != std::string::npos) scan.methods.back() = upper_ascii(line.text.substr(colon + 1));
          }
        } else if (delimiter->begin) {
          block_is_event = delimiter->component == "VEVENT";
          state = block_is_event || delimiter->component == "VTIMEZONE" ? State::block : State::other;
          open = {delimiter->component};
          open_lines = {line.line};
          if (state == State::block) {
            block.calendar = scan.methods.size() - 1;
            block.first_line = line.line;
            block.lines.push_back(line);
          }
        } else if (delimiter->component == "VCALENDAR") {
          state = State::outside;
        } else {
          scan.problems.push_back({line_at(line.line), "END:" + delimiter->component + " without its BEGIN"});
        }
        break;
      case State::block:
      case State::other: {
        const bool keep = state == State::block;
        if (keep && line.text.find('\0') != std::string::npos && block.problem.empty()) {
          block.problem = "binary data (a NUL byte) at line " + std::to_string(line.line);
        }
        if (delimiter && delimiter->begin &&
            (delimiter->component == "VEVENT" || delimiter->component == "VTIMEZONE" ||
             delimiter->component == "VCALENDAR")) {
          // A top-level component cannot nest: the open one lacks its END. Read this line again
          // in the calendar.
          const std::string problem = "no END:" + open.front() + " before BEGIN:" + delimiter->component +
                                      " at line " + std::to_string(line.line);
          if (keep) {
            close_block(problem);
          } else {
            scan.problems.push_back({line_at(open_lines.front()), problem});
            open.clear();
            state = State::calendar;
          }
          --i;
          break;
        }
        if (keep) block.lines.push_back(line);
        if (!delimiter) break;
        if (delimiter->begin) {
          open.push_back(delimiter->component);
          open_lines.push_back(line.line);
          break;
        }
        if (delimiter->component == open.back()) {
          open.pop_back();
          open_lines.pop_back();
          if (open.empty()) {
            if (keep) {
              close_block("");
            } else {
              state = State::calendar;
            }
          }
          break;
        }
        if (delimiter->component == "VCALENDAR") {
          const std::string problem =
              "no END:" + open.front() + " before END:VCALENDAR at line " + std::to_string(line.line);
          if (keep) {
            block.lines.pop_back();
            close_block(problem);
          } else {
            scan.problems.push_back({line_at(open_lines.front()), problem});
            open.clear();
          }
          state = State::outside;
          break;
        }
        std::string problem = "END:" + delimiter->component + " at line " + std::to_string(line.line);
        problem += open.size() > 1 ? " while BEGIN:" + open.back() + " (line " +
                                         std::to_string(open_lines.back()) + ") is still open"
                                   : " inside BEGIN:" + open.back();
        if (keep) {
          if (block.problem.empty()) block.problem = std::move(problem);
        } else {
          scan.problems.push_back({line_at(line.line), std::move(problem)});
        }
        break;
      }
    }
  }

  const std::size_t last_line = lines.back().line;
  if (state == State::block) {
    close_block("truncated file: it ends before END:" + open.front());
  } else if (state == State::other) {
    scan.problems.push_back(
        {line_at(open_lines.front()), "truncated file: it ends before END:" + open.front()});
  } else if (state == State::calendar) {
    scan.problems.push_back(
        {line_at(last_line), "truncated file: no END:VCALENDAR for the BEGIN:VCALENDAR at line " +
                                 std::to_string(calendar_line)});
  }
  return scan;
}

}  // namespace parley::activities_detail
