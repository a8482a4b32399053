#include <fmt/format.h>

#include "parley/parley.hpp"

int main() {
  fmt::print("parley {}\n", parley::version());
  return 0;
}
