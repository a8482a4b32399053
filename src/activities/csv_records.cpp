// CSV records with libcsv: strict RFC 4180 quoting, embedded newlines, and line numbers (libcsv
// reports none, so the text is fed one line at a time).
#include "activities/csv_records.hpp"

#include <csv.h>

#include <new>
#include <string>

namespace parley::activities_detail {
namespace {

constexpr unsigned char csv_options = CSV_STRICT | CSV_STRICT_FINI;

// Spaces around fields are data, as RFC 4180 says (libcsv trims spaces and tabs by default).
int no_space(unsigned char /*c*/) { return 0; }

class CsvSplitter {
 public:
  CsvSplitter(const std::function<bool(CsvRecord&)>& on_record,
              const std::function<void(const CsvSyntaxProblem&)>& on_problem)
      : on_record_(on_record), on_problem_(on_problem) {
    start_parser();
  }
  ~CsvSplitter() { csv_free(&parser_); }
  CsvSplitter(const CsvSplitter&) = delete;
  CsvSplitter& operator=(const CsvSplitter&) = delete;

  void split(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t line = 0;
    std::size_t at = 0;
    while (at < text.size() && !stopped_) {
      ++line;
      std::size_t end = text.find_first_of("\r\n", at);
      end = end == std::string_view::npos ? text.size()
            : text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? end + 2
                                                                                  : end + 1;
      const std::string_view chunk = text.substr(at, end - at);
      at = end;
      if (!in_record_) {
        if (chunk.find_first_not_of("\r\n") == std::string_view::npos) continue;  // a blank line
        record_.line = line;
        in_record_ = true;
      }
      const std::size_t used = csv_parse(&parser_, chunk.data(), chunk.size(), on_field, on_row_end, this);
      if (used != chunk.size() && !stopped_) {
        problem(line, csv_error(&parser_) == CSV_EPARSE
                          ? "a quote inside a field that does not start with one, or a closing quote not "
                            "followed by a comma or the end of the line (RFC 4180: double a quote inside "
                            "a quoted field)"
                          : csv_strerror(csv_error(&parser_)));
      }
    }
    if (stopped_) return;
    if (csv_fini(&parser_, on_field, on_row_end, this) != 0)
      problem(record_.line, "a quoted field is never closed");
  }

 private:
  static void on_field(void* data, std::size_t length, void* self) {
    auto& splitter = *static_cast<CsvSplitter*>(self);
    splitter.record_.fields.emplace_back(data == nullptr ? "" : std::string(static_cast<const char*>(data), length));
  }
  static void on_row_end(int /*terminator*/, void* self) {
    auto& splitter = *static_cast<CsvSplitter*>(self);
    splitter.in_record_ = false;
    if (splitter.stopped_) return;
    if (!splitter.on_record_(splitter.record_)) splitter.stopped_ = true;
    splitter.record_.fields.clear();
  }

  void start_parser() {
    if (csv_init(&parser_, csv_options) != 0) throw std::bad_alloc();
    csv_set_space_func(&parser_, no_space);
  }

  // Reports the record being read and starts afresh on the next line.
  void problem(std::size_t line, std::string message) {
    on_problem_({line, record_.fields.size(), std::move(message)});
    record_.fields.clear();
    in_record_ = false;
    csv_free(&parser_);
    start_parser();
  }

  const std::function<bool(CsvRecord&)>& on_record_;
  const std::function<void(const CsvSyntaxProblem&)>& on_problem_;
  csv_parser parser_{};
  CsvRecord record_;
  bool in_record_ = false;
  bool stopped_ = false;
};

}  // namespace

void split_csv(std::string_view text, const std::function<bool(CsvRecord&)>& on_record,
               const std::function<void(const CsvSyntaxProblem&)>& on_problem) {
  CsvSplitter(on_record, on_problem).split(text);
}

}  // namespace parley::activities_detail
