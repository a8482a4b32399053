#pragma once
// Splits CSV text (RFC 4180) into records with libcsv, each with the line it starts on, for the
// CSV forms of activities and opportunities.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::activities_detail {

struct CsvRecord {
  std::size_t line = 0;  // where the record starts (a quoted field may span lines)
  std::vector<std::string> fields;
};

// A quoting error: the line it was found on and the field (0-based) being read.
struct CsvSyntaxProblem {
  std::size_t line = 0;
  std::size_t field = 0;
  std::string message;
};

// Calls on_record for every record in order, on_problem for every quoting error (the record is
// dropped and reading resumes on the next line). A leading UTF-8 byte order mark is skipped; lines
// end in CRLF, LF or CR; blank lines between records are skipped; spaces are data (RFC 4180).
// on_record returns false to stop reading.
void split_csv(std::string_view text, const std::function<bool(CsvRecord&)>& on_record,
               const std::function<void(const CsvSyntaxProblem&)>& on_problem);

}  // namespace parley::activities_detail
