#pragma once
// Internal interface of the json area (any area may include it; never installed): reading JSON
// input documents (options, users, filters, CRM records) into parley's structs, with errors that
// name the document and the JSON path of the value at fault.
//
//   const nlohmann::json document = parse_json_text(text, "options");
//   JsonObject object = JsonField(document, "options").object();
//   object.read("max_warnings", options.max_warnings);   // absent: left as is
//   object.finish();                                      // an unknown member is an error
//
// Shape errors (syntax, a wrong type, a missing or unknown member) are Error(parse):
// "options: timing.turn_merge_gap_ms: expected an integer, found string \"x\"". Range checks stay
// with each struct's validate() (Error(invalid_argument)).
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/enum_names.hpp"
#include "parley/error.hpp"

namespace parley {

// Parses JSON text; a syntax error becomes Error(parse) "<source>:<line>:<column>: <what>".
nlohmann::json parse_json_text(std::string_view content, std::string_view source_name);

// Where and why JSON text is not JSON (line and column count from 1, columns in bytes).
struct JsonSyntaxError {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string what;
};
// As above, but a syntax error is returned in `error` (and the result is empty) rather than thrown.
std::optional<nlohmann::json> parse_json_text(std::string_view content, JsonSyntaxError& error);

class JsonObject;

// One value of a document, with the path that names it in messages ("timing.window_ms",
// "users[3].role"; the source name alone for the whole document).
class JsonField {
 public:
  JsonField(const nlohmann::json& value, std::string source) : value_(&value), source_(std::move(source)) {}
  JsonField(const nlohmann::json& value, std::string source, std::string path)
      : value_(&value), source_(std::move(source)), path_(std::move(path)) {}

  const nlohmann::json& value() const noexcept { return *value_; }
  bool is_null() const noexcept { return value_->is_null(); }
  // "<source>: <path>" (or the source alone at the top).
  std::string where() const;
  [[noreturn]] void fail(std::string_view what) const;  // Error(parse) at this value
  [[noreturn]] void fail_type(std::string_view expected) const;

  JsonObject object() const;             // the value must be an object
  std::vector<JsonField> array() const;  // the value must be an array
  std::string string() const;            // a string
  bool boolean() const;                  // true or false
  double number() const;                 // any finite number
  std::int64_t int64() const;            // an integer (no fraction) in int64 range
  // An integer within T's range (T an integral type other than bool).
  template <typename T>
  T integer() const {
    const std::int64_t value = int64();
    if constexpr (std::is_unsigned_v<T>) {
      if (value < 0) fail("expected an integer >= 0, found " + value_->dump());
      if (static_cast<std::uint64_t>(value) > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
        fail("integer " + value_->dump() + " is too large");
    } else {
      if (value < std::numeric_limits<T>::min() || value > std::numeric_limits<T>::max())
        fail("integer " + value_->dump() + " is out of range");
    }
    return static_cast<T>(value);
  }
  // A name from an enum's table (model/enum_names.hpp), exact spelling or an alias.
  template <typename Enum, std::size_t N>
  Enum name(const detail::EnumName<Enum> (&table)[N]) const {
    const std::string text = string();
    if (const std::optional<Enum> value = detail::parse_name(table, text)) return *value;
    fail("unknown value \"" + text + "\" (expected " + detail::name_list(table) + ")");
  }
  std::vector<std::string> strings() const;  // an array of strings
  // A name given by an enum's public name function, one of `values` (for enums whose table is
  // private to their area): field.name_among(processing_statuses, processing_status_name).
  template <typename Enum, std::size_t N>
  Enum name_among(const Enum (&values)[N], std::string_view (*name_of)(Enum) noexcept) const {
    const std::string text = string();
    std::string expected;
    for (std::size_t i = 0; i < N; ++i) {
      if (name_of(values[i]) == text) return values[i];
      if (i > 0) expected += i + 1 == N ? " or " : ", ";
      expected += name_of(values[i]);
    }
    fail("unknown value \"" + text + "\" (expected " + expected + ")");
  }

  // A member or element's field (paths "a.b", "a[3]").
  JsonField member(const nlohmann::json& value, std::string_view name) const;
  JsonField element(const nlohmann::json& value, std::size_t index) const;

  // Generic read into a value by its type: std::string, bool, floating point, integers,
  // std::vector<std::string>, std::optional<any of those> (null = absent).
  template <typename T>
  void read_into(T& target) const;

 private:
  const nlohmann::json* value_;
  std::string source_;
  std::string path_;
};

// An object being read member by member; finish() refuses members nobody asked for.
class JsonObject {
 public:
  explicit JsonObject(JsonField field) : field_(std::move(field)) {}

  const JsonField& field() const noexcept { return field_; }
  // The member, if present (null counts as present: callers decide what null means).
  std::optional<JsonField> find(std::string_view name);
  JsonField require(std::string_view name);  // missing: Error(parse) "missing member 'name'"
  // Reads member `name` into target when present (JsonField::read_into); absent leaves it as is.
  template <typename T>
  void read(std::string_view name, T& target) {
    if (std::optional<JsonField> member = find(name)) member->read_into(target);
  }
  // Reads an enum member by its table.
  template <typename Enum, std::size_t N>
  void read_name(std::string_view name, Enum& target, const detail::EnumName<Enum> (&table)[N]) {
    if (std::optional<JsonField> member = find(name)) target = member->name(table);
  }
  // Error(parse) naming the first member that was never asked for, with the known ones.
  void finish() const;

 private:
  JsonField field_;
  std::vector<std::string> known_;
};

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
void JsonField::read_into(T& target) const {
  if constexpr (IsOptional<T>::value) {
    if (is_null()) {
      target.reset();
    } else {
      typename T::value_type value{};
      read_into(value);
      target = std::move(value);
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    target = string();
  } else if constexpr (std::is_same_v<T, bool>) {
    target = boolean();
  } else if constexpr (std::is_floating_point_v<T>) {
    target = static_cast<T>(number());
  } else if constexpr (std::is_integral_v<T>) {
    target = integer<T>();
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    target = strings();
  } else {
    static_assert(sizeof(T) == 0, "JsonField::read_into: no reader for this type");
  }
}

// A JSON array of items read by `read` (user_from_json...).
template <typename Read>
auto array_from_json(const JsonField& field, Read read) {
  std::vector<decltype(read(field))> out;
  for (const JsonField& item : field.array()) out.push_back(read(item));
  return out;
}

}  // namespace parley
