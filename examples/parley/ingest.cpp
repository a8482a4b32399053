// parley ingest: reads mail, calendars, activities and opportunities (JSON or CSV) and transcripts,
// and stores them and the analysed calls in an SQLite store on behalf of a viewer. A malformed
// message, event or record is one error line on stderr ("FILE: WHERE: MESSAGE"); the rest is stored.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/activities.hpp"
#include "parley/error.hpp"
#include "parley/ingest.hpp"
#include "parley/store.hpp"

namespace parley_cli {
namespace {

enum class InputKind { mail, calendar, activities, opportunities, transcript };

struct Input {
  InputKind kind;
  std::string path;
  bool csv = false;  // activities and opportunities: the CSV form, else the JSON one
};

// The form of a CRM export, by the file's extension.
bool is_csv_file(std::string_view option, std::string_view path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".csv") return true;
  if (extension == ".json") return false;
  throw UsageError(fmt::format("{} wants a .json or .csv file, got '{}'", option, path));
}

struct IngestArguments {
  std::string database;
  std::string viewer = "admin";
  std::vector<std::string> user_files;
  parley::ActivityReadOptions read_options;
  std::int64_t window_days = 90;
  std::optional<std::int64_t> now_ms;
  TranscriptOptions transcript;
  std::string transcript_seller;
  std::vector<Input> inputs;  // in the order given
  bool help = false;
};

std::int64_t parse_count(std::string_view option, std::string_view value, std::int64_t max) {
  std::int64_t n = -1;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (error != std::errc() || end != value.data() + value.size() || n < 0 || n > max)
    throw UsageError(fmt::format("{} wants an integer from 0 to {}, got '{}'", option, max, value));
  return n;
}

IngestArguments parse_arguments(std::span<const std::string_view> arguments) {
  IngestArguments parsed;
  parley::ActivityLinking& linking = parsed.read_options.linking;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string_view argument = arguments[i];
    if (is_help_option(argument)) {
      parsed.help = true;
      return parsed;
    }
    if (argument == "--db") {
      parsed.database = std::string(take_value(arguments, i));
    } else if (argument == "--ours") {
      const std::string value(take_value(arguments, i));
      if (value.find('@') != std::string::npos) {
        parsed.read_options.our_side.addresses.push_back(value);
      } else {
        parsed.read_options.our_side.domains.push_back(value);
        parsed.transcript.role_rules.our_email_domains.push_back(value);
      }
    } else if (argument == "--record") {
      const RecordRef record = parse_record(take_value(arguments, i));
      std::string& field = record.type == "account"   ? linking.account_id
                           : record.type == "contact" ? linking.contact_id
                           : record.type == "lead"    ? linking.lead_id
                                                      : linking.opportunity_id;
      if (!field.empty() && field != record.id)
        throw UsageError(
            fmt::format("--record {}: one {} only (already {})", arguments[i], record.type, field));
      field = record.id;
    } else if (argument == "--account-from-domain") {
      linking.account_from_customer_domain = true;
    } else if (argument == "--viewer") {
      parsed.viewer = std::string(take_value(arguments, i));
    } else if (argument == "--users") {
      parsed.user_files.emplace_back(take_value(arguments, i));
    } else if (argument == "--mbox" || argument == "--eml") {
      parsed.inputs.push_back({InputKind::mail, std::string(take_value(arguments, i))});
    } else if (argument == "--ics") {
      parsed.inputs.push_back({InputKind::calendar, std::string(take_value(arguments, i))});
    } else if (argument == "--activities" || argument == "--opportunities") {
      const std::string path(take_value(arguments, i));
      parsed.inputs.push_back({argument == "--activities" ? InputKind::activities : InputKind::opportunities, path,
                               is_csv_file(argument, path)});
    } else if (argument == "--window-days") {
      parsed.window_days = parse_count(argument, take_value(arguments, i), 36600);
    } else if (argument == "--now") {
      parsed.now_ms = parse_instant(argument, take_value(arguments, i));
    } else if (argument == "--time-zone") {
      parsed.read_options.default_time_zone = std::string(take_value(arguments, i));
    } else if (argument == "--role") {
      add_role_rule(parsed.transcript.role_rules, take_value(arguments, i));
    } else if (argument == "--our-user") {
      parsed.transcript.role_rules.our_users.emplace_back(take_value(arguments, i));
    } else if (argument == "--seller") {
      parsed.transcript_seller = std::string(take_value(arguments, i));
    } else if (argument == "--language") {
      parsed.transcript.read_options.default_language = std::string(take_value(arguments, i));
    } else if (argument.starts_with("--")) {
      throw UsageError(fmt::format("unknown option '{}'", argument));
    } else {
      parsed.inputs.push_back({InputKind::transcript, std::string(argument)});
    }
  }
  if (parsed.database.empty()) throw UsageError("ingest needs --db FILE");
  if (parsed.inputs.empty() && parsed.user_files.empty())
    throw UsageError(
        "ingest needs something to read (--mbox, --eml, --ics, --activities, --opportunities, --users or a "
        "TRANSCRIPT)");
  const bool reads_mail_or_calendars = std::any_of(
      parsed.inputs.begin(), parsed.inputs.end(),
      [](const Input& input) { return input.kind == InputKind::mail || input.kind == InputKind::calendar; });
  const parley::OurSide& ours = parsed.read_options.our_side;
  if (reads_mail_or_calendars && ours.domains.empty() && ours.addresses.empty()) {
    // Without it every message and meeting would be skipped as nobody's.
    throw UsageError("reading mail or calendars needs --ours DOMAIN|ADDRESS (which side is ours)");
  }
  return parsed;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw parley::Error(parley::ErrorCode::io, fmt::format("cannot read '{}'", path));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What one input gave: printed as its summary line.
struct InputReport {
  std::size_t stored = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
};

class Ingest {
 public:
  Ingest(parley::Store& store, parley::Viewer viewer, const IngestArguments& arguments)
      : store_(store), viewer_(std::move(viewer)), arguments_(arguments) {}

  // Stores the users of a JSON array file (the store's form); returns false on an error.
  bool put_users(const std::string& path) {
    try {
      const std::vector<parley::User> users = parley::users_from_json(read_file(path), path);
      store_.put_users(viewer_, users);
      fmt::print("{}: {}\n", path, plural(users.size(), "user", "users"));
      return true;
    } catch (const parley::Error& error) {
      fmt::print(stderr, "{}: {}\n", path, error.message());
      return false;
    }
  }

  // Known users' email addresses become their ids in what the readers produce.
  void map_user_emails(parley::ActivityReadOptions& options) {
    for (const parley::User& user : store_.users(viewer_)) {
      if (!user.email.empty()) options.linking.ids_by_email.emplace_back(user.email, user.id);
    }
  }

  InputReport read(const Input& input, const parley::ActivityReadOptions& options,
                   const parley::CallAnalyzer& analyzer, std::int64_t now_ms) {
    InputReport report;
    try {
      switch (input.kind) {
        case InputKind::mail:
        case InputKind::calendar:
        case InputKind::activities: {
          const parley::ActivityReadResult result =
              input.kind == InputKind::mail       ? parley::read_mail(input.path, options)
              : input.kind == InputKind::calendar ? parley::read_calendar(input.path, options)
              : input.csv                         ? parley::read_activities_csv(input.path, options)
                                                  : parley::read_activities_json(input.path, options);
          print_errors(input.path, result.errors, report);
          report.skipped = result.skipped;
          store(input.path, result.activities, report);
          break;
        }
        case InputKind::opportunities: {
          const parley::OpportunityReadResult result = input.csv ? parley::read_opportunities_csv(input.path)
                                                                 : parley::read_opportunities_json(input.path);
          print_errors(input.path, result.errors, report);
          store(input.path, result.opportunities, report);
          break;
        }
        case InputKind::transcript: store_transcript(input.path, analyzer, now_ms, report); break;
      }
    } catch (const parley::Error& error) {
      // The whole input failed (a missing file, a JSON syntax error, a refused call). JSON errors
      // already start with the file's name.
      const std::string& message = error.message();
      if (message.starts_with(input.path + ":"))
        fmt::print(stderr, "{}\n", message);
      else
        fmt::print(stderr, "{}: {}\n", input.path, message);
      ++report.errors;
    }
    return report;
  }

 private:
  static void print_errors(const std::string& path, const std::vector<parley::ActivityReadError>& errors,
                           InputReport& report) {
    for (const parley::ActivityReadError& error : errors) {
      fmt::print(stderr, "{}: {}{}{}\n", path, error.where, error.where.empty() ? "" : ": ", error.message);
    }
    report.errors += errors.size();
  }

  void put(std::span<const parley::Activity> activities) { store_.put_activities(viewer_, activities); }
  void put(std::span<const parley::Opportunity> opportunities) { store_.put_opportunities(viewer_, opportunities); }
  static std::string_view noun(const parley::Activity&) { return "activity"; }
  static std::string_view noun(const parley::Opportunity&) { return "opportunity"; }

  // In one transaction; when the store refuses the batch, one by one, so each refused record is
  // named and the others are stored.
  template <typename Record>
  void store(const std::string& path, const std::vector<Record>& records, InputReport& report) {
    if (records.empty()) return;
    try {
      put(std::span<const Record>(records));
      report.stored += records.size();
      return;
    } catch (const parley::Error&) {
    }
    for (const Record& record : records) {
      try {
        put(std::span<const Record>(&record, 1));
        ++report.stored;
      } catch (const parley::Error& error) {
        fmt::print(stderr, "{}: {} '{}': {}\n", path, noun(record), record.id, error.message());
        ++report.errors;
      }
    }
  }

  void store_transcript(const std::string& path, const parley::CallAnalyzer& analyzer, std::int64_t now_ms,
                        InputReport& report) {
    AnalysedTranscript read = analyse_transcript(path, arguments_.transcript, analyzer);
    parley::Call& call = read.call;
    if (call.owner_seller_id.empty()) call.owner_seller_id = arguments_.transcript_seller;
    if (call.owner_seller_id.empty()) {
      throw parley::Error(parley::ErrorCode::invalid_argument,
                          "the transcript does not name its seller: give --seller USER");
    }
    if (call.start_time_ms <= 0) {
      // The format has no start time: the file's modification time stands for it.
      const auto written = std::filesystem::last_write_time(path);
      const auto system = std::chrono::file_clock::to_sys(written);
      call.start_time_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(system.time_since_epoch()).count();
    }
    const parley::ActivityLinking& linking = arguments_.read_options.linking;
    if (call.account_id.empty()) call.account_id = linking.account_id;
    if (call.contact_id.empty()) call.contact_id = linking.contact_id;
    if (call.lead_id.empty()) call.lead_id = linking.lead_id;
    if (call.opportunity_id.empty()) call.opportunity_id = linking.opportunity_id;
    const parley::CallWithAnalysis stored{
        call, parley::make_analysis_record(read.analysis, analyzer.tracked_terms())};
    store_.ingest_calls(viewer_, std::span(&stored, 1), now_ms);
    report.stored = 1;
  }

  parley::Store& store_;
  parley::Viewer viewer_;
  const IngestArguments& arguments_;
};

}  // namespace

int run_ingest(std::span<const std::string_view> arguments) {
  IngestArguments parsed = parse_arguments(arguments);
  if (parsed.help) {
    fmt::print("{}", usage_text("ingest"));
    return 0;
  }
  const std::int64_t now_ms = parsed.now_ms ? *parsed.now_ms : clock_now_ms();
  constexpr std::int64_t day_ms = 86'400'000;
  parsed.read_options.expand_from_ms = now_ms - parsed.window_days * day_ms;
  parsed.read_options.expand_to_ms = now_ms + parsed.window_days * day_ms;

  auto store = parley::open_sqlite_store(parsed.database);
  Ingest ingest(*store, resolve_viewer(*store, parsed.viewer), parsed);
  bool failed = false;
  for (const std::string& file : parsed.user_files) failed |= !ingest.put_users(file);
  parley::ActivityReadOptions options = parsed.read_options;
  ingest.map_user_emails(options);

  parley::AnalysisOptions analysis_options;
  if (!parsed.transcript.read_options.default_language.empty())
    analysis_options.default_language = parsed.transcript.read_options.default_language;
  const parley::CallAnalyzer analyzer(analysis_options);
  for (const Input& input : parsed.inputs) {
    const InputReport report = ingest.read(input, options, analyzer, now_ms);
    std::string line = fmt::format("{}: {}", input.path,
                                   input.kind == InputKind::transcript ? plural(report.stored, "call", "calls")
                                   : input.kind == InputKind::opportunities
                                       ? plural(report.stored, "opportunity", "opportunities")
                                       : plural(report.stored, "activity", "activities"));
    if (report.errors > 0) line += ", " + plural(report.errors, "error", "errors");
    if (report.skipped > 0) line += fmt::format(", {} skipped", report.skipped);
    fmt::print("{}\n", line);
    failed |= report.errors > 0;
  }
  return failed ? 1 : 0;
}

}  // namespace parley_cli
