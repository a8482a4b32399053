#include <doctest/doctest.h>

#include "parley/activities.hpp"

TEST_CASE("calendar reader: placeholder") { CHECK(true); }
