// Reads one mbox (or .eml file or folder) with parley::read_mail and prints what it read: the
// whole-process side of benchmarks/mbox_vs_grep.sh, against `grep -c '^From '` on the same file.
// Usage: parley_mail_read FILE [OUR_DOMAIN]   (default our domain: parley.example)
// Prints "ACTIVITIES activities, ERRORS errors, SKIPPED skipped" and the first error, if any.
#include <cstdio>
#include <exception>
#include <string>

#include "parley/activities.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parley_mail_read FILE [OUR_DOMAIN]\n");
    return 2;
  }
  try {
    parley::ActivityReadOptions options;
    options.our_side.domains.emplace_back(argc > 2 ? argv[2] : "parley.example");
    options.linking.account_from_customer_domain = true;
    const parley::ActivityReadResult result = parley::read_mail(argv[1], options);
    std::printf("%zu activities, %zu errors, %zu skipped\n", result.activities.size(), result.errors.size(),
                result.skipped);
    if (!result.errors.empty()) {
      const parley::ActivityReadError& first = result.errors.front();
      std::printf("first error: %s: %s: %s\n", first.file.c_str(), first.where.c_str(),
                  first.message.c_str());
    }
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "parley_mail_read: %s\n", error.what());
    return 1;
  }
}
