#pragma once
// The calendar reader's first pass over an iCalendar file, before libical sees it: unfolds content
// lines (RFC 5545 3.1) keeping the physical line each starts on, and cuts the file into its
// VCALENDARs and their top-level VEVENT and VTIMEZONE blocks. libical's parser reports no line
// numbers and gives up on a broken structure as a whole; this pass lets every error name its line
// and lets one broken VEVENT leave the others readable.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::activities_detail {

// One unfolded content line.
struct CalendarLine {
  std::size_t line = 0;  // 1-based physical line it starts on
  std::string text;
};

// A top-level VEVENT or VTIMEZONE, BEGIN to END (nested VALARM / STANDARD / DAYLIGHT included).
struct CalendarBlock {
  std::size_t calendar = 0;    // index of its VCALENDAR in the file (0-based)
  std::size_t first_line = 0;  // the physical line of its BEGIN
  std::vector<CalendarLine> lines;
  std::string problem;  // non-empty: its structure is broken (no END, a stray END, binary data)
};

// A problem outside any VEVENT or VTIMEZONE: `where` is "line N" or "file".
struct CalendarFileProblem {
  std::string where;
  std::string message;
};

struct CalendarScan {
  std::vector<CalendarBlock> events;      // VEVENTs in file order ("VEVENT 1" is events[0])
  std::vector<CalendarBlock> time_zones;  // VTIMEZONEs in file order
  std::vector<std::string> methods;       // each VCALENDAR's METHOD, upper-cased ("" if none)
  std::vector<CalendarFileProblem> problems;
};

CalendarScan scan_calendar(std::string_view text);

// The property name of a content line, upper-cased ("DTSTART" for "dtstart;TZID=...:...").
std::string content_line_name(std::string_view line);
std::string upper_ascii(std::string_view text);

}  // namespace parley::activities_detail
