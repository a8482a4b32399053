// The enum <-> name mechanism every area's name functions use (src/model/enum_names.hpp).
#include <doctest/doctest.h>

#include <cstdint>

#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/model.hpp"

namespace {

enum class Colour : std::uint8_t { red, green, blue };

constexpr parley::detail::EnumName<Colour> colour_names[] = {
    {Colour::red, "red"},
    {Colour::green, "green"},
    {Colour::blue, "blue"},
    {Colour::red, "crimson"},  // alias
};

}  // namespace

using parley::detail::name_list;
using parley::detail::name_of;
using parley::detail::NameCase;
using parley::detail::parse_name;

TEST_CASE("enum names: the first entry names a value, aliases only parse") {
  CHECK(name_of(colour_names, Colour::red) == "red");
  CHECK(name_of(colour_names, Colour::blue) == "blue");
  CHECK(name_of(colour_names, static_cast<Colour>(7)) == "unknown");
  CHECK(parse_name(colour_names, "green") == Colour::green);
  CHECK(parse_name(colour_names, "crimson") == Colour::red);
  CHECK_FALSE(parse_name(colour_names, "unknown").has_value());
  CHECK_FALSE(parse_name(colour_names, "").has_value());
  static_assert(name_of(colour_names, Colour::green) == "green");
  static_assert(*parse_name(colour_names, "blue") == Colour::blue);
}

TEST_CASE("enum names: exact or ASCII case-insensitive parsing") {
  CHECK_FALSE(parse_name(colour_names, "Green").has_value());
  CHECK(parse_name(colour_names, "Green", NameCase::ascii_insensitive) == Colour::green);
  CHECK(parse_name(colour_names, "CRIMSON", NameCase::ascii_insensitive) == Colour::red);
  CHECK_FALSE(parse_name(colour_names, "gree", NameCase::ascii_insensitive).has_value());
}

TEST_CASE("enum names: the list for messages leaves aliases out") {
  CHECK(name_list(colour_names) == "red, green or blue");
  constexpr parley::detail::EnumName<Colour> two[] = {{Colour::red, "red"}, {Colour::blue, "blue"}};
  CHECK(name_list(two) == "red or blue");
  constexpr parley::detail::EnumName<Colour> one[] = {{Colour::green, "green"}};
  CHECK(name_list(one) == "green");
}

TEST_CASE("ASCII helpers: case folding, comparison and the primary language subtag") {
  using namespace parley::detail;
  CHECK(ascii_lower('Q') == 'q');
  CHECK(ascii_lower('q') == 'q');
  CHECK(ascii_lower('@') == '@');
  CHECK(ascii_lowered("Ünïcode ABC") == "Ünïcode abc");  // only ASCII letters fold
  CHECK(equals_ascii_case_insensitive("Contoso.COM", "contoso.com"));
  CHECK_FALSE(equals_ascii_case_insensitive("Ä", "ä"));
  CHECK_FALSE(equals_ascii_case_insensitive("abc", "abcd"));
  CHECK(primary_language_subtag("pt-BR") == "pt");
  CHECK(primary_language_subtag("ZH_Hant_TW") == "zh");
  CHECK(primary_language_subtag("EN") == "en");
  CHECK(primary_language_subtag("") == "");
}

TEST_CASE("role and error code names: written names, aliases, round trips") {
  using parley::Role;
  for (Role role : {Role::seller, Role::customer, Role::other}) {
    CHECK(parley::parse_role(parley::role_name(role)) == role);
  }
  CHECK(parley::role_name(Role::customer) == "customer");
  CHECK(parley::parse_role("Agent") == Role::seller);
  CHECK(parley::parse_role("PROSPECT") == Role::customer);
  CHECK_FALSE(parley::parse_role("manager").has_value());
  CHECK(parley::error_code_name(parley::ErrorCode::not_permitted) == "not_permitted");
  CHECK(parley::error_code_name(parley::ErrorCode::internal) == "internal");
  CHECK(parley::error_code_name(static_cast<parley::ErrorCode>(0)) == "unknown");
}
