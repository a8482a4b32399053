#pragma once
// Internal interface of the model layer (any area may include it; never installed): the one way an
// enum's values get their names in C++, JSON, SQL and files.
//
// Each enum has one constexpr table of {value, name} entries, defined beside the enum's public
// `<enum>_name` / `parse_<enum>` functions:
//
//   constexpr detail::EnumName<Role> role_names[] = {
//       {Role::seller, "seller"}, {Role::customer, "customer"}, {Role::other, "other"},
//       {Role::seller, "rep"},  // an alias: parsed, never written
//   };
//   std::string_view role_name(Role role) noexcept { return detail::name_of(role_names, role); }
//   std::optional<Role> parse_role(std::string_view name) noexcept {
//     return detail::parse_name(role_names, name, detail::NameCase::ascii_insensitive);
//   }
//
// The first entry of a value is its name; later entries of the same value are aliases that
// parse_name accepts too. Error messages list the accepted names with name_list(table).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/ascii.hpp"

namespace parley::detail {

template <typename Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

enum class NameCase : bool { exact, ascii_insensitive };

// The name of `value`: its first entry in `table`, or "unknown" for a value the table lacks (an
// integer cast to the enum).
template <typename Enum, std::size_t N>
constexpr std::string_view name_of(const EnumName<Enum> (&table)[N], Enum value) noexcept {
  for (const EnumName<Enum>& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "unknown";
}

// The value named `name` (a name or an alias), if any.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> parse_name(const EnumName<Enum> (&table)[N], std::string_view name,
                                         NameCase match = NameCase::exact) noexcept {
  for (const EnumName<Enum>& entry : table) {
    if (match == NameCase::exact ? entry.name == name : equals_ascii_case_insensitive(entry.name, name)) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// The names (aliases left out) for a message: "keyword or competitor", "day, week or month".
template <typename Enum, std::size_t N>
std::string name_list(const EnumName<Enum> (&table)[N]) {
  std::string out;
  std::size_t listed = 0, count = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (name_of(table, table[i].value) == table[i].name) ++count;
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (name_of(table, table[i].value) != table[i].name) continue;
    if (listed > 0) out += listed + 1 == count ? " or " : ", ";
    out += table[i].name;
    ++listed;
  }
  return out;
}

}  // namespace parley::detail
