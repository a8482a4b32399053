// parley: the command-line face of the library (docs/cli.md).
//   parley analyze [options] FILE...   every metric of every call
//   parley sentiment [options]         score each line of stdin
//   parley ingest --db FILE [options] [TRANSCRIPT...]   mail, calendars, activities, calls -> a store
//   parley relationship --db FILE --record TYPE:ID     a record's relationship KPIs and health
//   parley demo [--db FILE]            the sample organisation through analysis, store and dashboards
//   parley version
// Every command answers --help / -h with its usage on stdout.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "parley/parley.hpp"

namespace {

int run_version(std::span<const std::string_view> arguments) {
  if (!arguments.empty() && parley_cli::is_help_option(arguments[0])) {
    fmt::print("{}", parley_cli::usage_text("version"));
    return 0;
  }
  if (!arguments.empty())
    throw parley_cli::UsageError(fmt::format("version: unexpected argument '{}'", arguments[0]));
  fmt::print("parley {}\n", parley::version());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> arguments(argv + 1, argv + argc);
  if (arguments.empty()) {
    fmt::print(stderr, "{}", parley_cli::usage_text());
    return 2;
  }
  const std::string_view command = arguments[0];
  if (parley_cli::is_help_option(command) || command == "help") {
    fmt::print("{}", parley_cli::usage_text());
    return 0;
  }
  const std::span<const std::string_view> rest(arguments.data() + 1, arguments.size() - 1);
  try {
    if (command == "analyze") return parley_cli::run_analyze(rest);
    if (command == "sentiment") return parley_cli::run_sentiment(rest);
    if (command == "ingest") return parley_cli::run_ingest(rest);
    if (command == "relationship") return parley_cli::run_relationship(rest);
    if (command == "demo") return parley_cli::run_demo(rest);
    if (command == "version" || command == "--version") return run_version(rest);
    fmt::print(stderr, "parley: unknown command '{}'\n{}", command, parley_cli::usage_text());
    return 2;
  } catch (const parley_cli::UsageError& error) {
    const std::string_view known = command == "--version" ? "version" : command;
    fmt::print(stderr, "parley: {}\n{}(parley {} --help lists the options)\n", error.what(),
               parley_cli::usage_text(known, false), known);
    return 2;
  } catch (const parley::Error& error) {
    fmt::print(stderr, "parley: {}\n", error.message());
    return 1;
  }
}
