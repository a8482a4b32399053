#pragma once
#include <span>
#include <stdexcept>
#include <string_view>

namespace parley_cli {

// A command line that cannot be understood: exit status 2 with the usage text.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

int run_analyze(std::span<const std::string_view> arguments);
int run_sentiment(std::span<const std::string_view> arguments);
int run_demo(std::span<const std::string_view> arguments);

}  // namespace parley_cli
