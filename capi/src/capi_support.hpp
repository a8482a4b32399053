#pragma once
// What every C ABI entry point shares: the handle structs behind the opaque types, the guard that
// turns every C++ exception into a status and the thread's message, and the checks and
// conversions of arguments (text with lengths, handles, out-parameters, versioned structs).
//
// Every entry point is written as
//
//   parley_status parley_call_set_times(parley_call* call, int64_t start, int64_t duration) {
//     return capi::guarded([&] {
//       parley::Call& target = capi::handle_arg(call, "call").mutable_call();
//       ...
//     });
//   }
//
// and sets its out-parameters to NULL / 0 before anything can fail (capi::out_arg).
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "parley.h"
#include "parley/analysis.hpp"
#include "parley/error.hpp"
#include "parley/readers.hpp"
#include "parley/sentiment.hpp"
#include "parley/store.hpp"

// The handles. A parley_call shares its Call with the analyses made from it, and copies it before
// a change while one is shared (so an analysis always describes the call it analysed).
struct parley_call {
  std::shared_ptr<parley::Call> call = std::make_shared<parley::Call>();
  std::vector<parley::ReadWarning> warnings;

  const parley::Call& get() const noexcept { return *call; }
  parley::Call& mutable_call() {
    if (call.use_count() > 1) call = std::make_shared<parley::Call>(*call);
    return *call;
  }
};

struct parley_analyzer {
  parley::CallAnalyzer analyzer;
  // The analyzer's terms, shared with its analyses (make_analysis_record needs them for ingest).
  std::shared_ptr<const std::vector<parley::TrackedTerm>> terms;
};

struct parley_analysis {
  std::shared_ptr<const parley::Call> call;
  parley::CallAnalysis analysis;
  std::shared_ptr<const std::vector<parley::TrackedTerm>> terms;
};

struct parley_scorer {
  parley::SentimentScorer scorer;
};

struct parley_store {
  std::unique_ptr<parley::Store> store;
};

namespace parley::capi {

// Records the calling thread's failure and returns its status.
parley_status fail(parley_status status, std::string message) noexcept;
parley_status status_of(ErrorCode code) noexcept;

// Runs an entry point's body; every exception becomes a status and the thread's message.
template <typename Body>
parley_status guarded(Body&& body) noexcept {
  try {
    body();
    return PARLEY_OK;
  } catch (const Error& error) {
    return fail(status_of(error.code()), error.message());
  } catch (const std::bad_alloc&) {
    return fail(PARLEY_E_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& error) {
    return fail(PARLEY_E_INTERNAL, std::string("internal error: ") + error.what());
  } catch (...) {
    return fail(PARLEY_E_INTERNAL, "internal error: an unknown exception");
  }
}

// Error(invalid_argument) "<function>: argument '<name>' <what>" is the shape of argument errors;
// the entry point's name comes first so a host knows which call failed.
[[noreturn]] void argument_error(std::string_view name, std::string_view what);

// Text given as a pointer and a length (PARLEY_NUL_TERMINATED: up to the first NUL). NULL with
// length 0 is empty; NULL with another length, or a length above PARLEY_MAX_INPUT_BYTES, fails.
std::string_view text_arg(const char* data, std::size_t length, std::string_view name);
// The same for a count of array elements (at most PARLEY_MAX_INPUT_BYTES elements); an array
// pointer that is NULL with a count above 0 fails.
void array_arg(const void* data, std::size_t count, std::string_view name);

template <typename Handle>
Handle& handle_arg(Handle* handle, std::string_view name) {
  if (handle == nullptr) argument_error(name, "is NULL");
  return *handle;
}

// Checks an out-parameter and clears what it points to.
template <typename T>
T& out_arg(T* out, std::string_view name) {
  if (out == nullptr) argument_error(name, "is NULL");
  *out = T{};
  return *out;
}
// An optional out-parameter (may be NULL): cleared when given.
template <typename T>
T* optional_out(T* out) {
  if (out != nullptr) *out = T{};
  return out;
}

// A copy the caller frees with parley_string_free.
char* copy_string(std::string_view text);

// Versioned structs: struct_size must be at least sizeof(size_t) plus the fields of the first
// published version (today's sizeof) and at most 64 KiB (a garbage value fails).
void check_struct_size(std::size_t struct_size, std::size_t first_version_size, std::string_view name);

// Reads a caller's struct: the fields it has (struct_size bytes), the rest zero.
template <typename CStruct>
CStruct read_struct(const CStruct* in, std::string_view name) {
  static_assert(std::is_trivially_copyable_v<CStruct>);
  if (in == nullptr) argument_error(name, "is NULL");
  check_struct_size(in->struct_size, sizeof(CStruct), name);
  CStruct out{};
  std::memcpy(&out, in, std::min(in->struct_size, sizeof(CStruct)));
  return out;
}
// Element i of an array of versioned structs whose element size is array[0].struct_size.
template <typename CStruct>
CStruct read_element(const CStruct* array, std::size_t i, std::string_view name) {
  const std::size_t stride = array[0].struct_size;
  const auto* element = reinterpret_cast<const CStruct*>(reinterpret_cast<const char*>(array) + i * stride);
  return read_struct(element, name);
}
// Writes `value` into the caller's struct, as much of it as struct_size holds.
template <typename CStruct>
void write_struct(CStruct* out, const CStruct& value, std::string_view name) {
  static_assert(std::is_trivially_copyable_v<CStruct>);
  if (out == nullptr) argument_error(name, "is NULL");
  const std::size_t size = out->struct_size;
  check_struct_size(size, sizeof(CStruct), name);
  std::memcpy(out, &value, std::min(size, sizeof(CStruct)));
  out->struct_size = size;
}
// The address of element i of an out-array whose element size is out[0].struct_size.
template <typename CStruct>
CStruct* element_at(CStruct* array, std::size_t i) {
  return reinterpret_cast<CStruct*>(reinterpret_cast<char*>(array) + i * array[0].struct_size);
}

// The viewer as the store takes it (checks the struct, the user id and the kind).
Viewer viewer_arg(const parley_viewer* viewer);

// NaN for an absent optional figure.
double or_nan(const std::optional<double>& value) noexcept;

}  // namespace parley::capi
