// parley: the command-line face of the library (docs/cli.md).
//   parley analyze [options] FILE...   every metric of every call
//   parley sentiment [options]         score each line of stdin
//   parley demo [--db FILE]            the sample organisation through analysis, store and dashboards
//   parley version
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "parley/parley.hpp"

namespace {

constexpr std::string_view usage_text =
    "usage: parley analyze [--role NAME=seller|customer|other ...] [--our-user NAME ...]\n"
    "                      [--our-domain DOMAIN ...] [--language TAG] [--input-format FORMAT]\n"
    "                      [--terms FILE] [--format text|json] FILE...\n"
    "       parley sentiment [--lang TAG] [--format tsv|json]   (one text per line on stdin)\n"
    "       parley demo [--db FILE] [--seed N]   (sample organisation -> SQLite -> dashboards)\n"
    "       parley version\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> arguments(argv + 1, argv + argc);
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
    std::fputs(usage_text.data(), arguments.empty() ? stderr : stdout);
    return arguments.empty() ? 2 : 0;
  }
  const std::string_view command = arguments[0];
  const std::span<const std::string_view> rest(arguments.data() + 1, arguments.size() - 1);
  try {
    if (command == "analyze") return parley_cli::run_analyze(rest);
    if (command == "sentiment") return parley_cli::run_sentiment(rest);
    if (command == "demo") return parley_cli::run_demo(rest);
    if (command == "version" || command == "--version") {
      fmt::print("parley {}\n", parley::version());
      return 0;
    }
    throw parley_cli::UsageError(fmt::format("unknown command '{}'", command));
  } catch (const parley_cli::UsageError& error) {
    fmt::print(stderr, "parley: {}\n{}", error.what(), usage_text);
    return 2;
  } catch (const parley::Error& error) {
    fmt::print(stderr, "parley: {}\n", error.message());
    return 1;
  }
}
