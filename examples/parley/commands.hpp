#pragma once
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parley_cli {

// A command line that cannot be understood: exit status 2 with the usage text.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "--help" or "-h": every command answers it with its usage on stdout and exit status 0.
bool is_help_option(std::string_view argument) noexcept;
// The synopsis of one command ("analyze", "sentiment", "demo", "version"), followed by what it does
// and its options when `with_options`; the synopsis of every command when `command` is empty.
// Starts with "usage: ".
std::string usage_text(std::string_view command = {}, bool with_options = true);

int run_analyze(std::span<const std::string_view> arguments);
int run_sentiment(std::span<const std::string_view> arguments);
int run_demo(std::span<const std::string_view> arguments);

}  // namespace parley_cli
