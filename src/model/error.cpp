#include "parley/error.hpp"

#include "model/enum_names.hpp"

namespace parley {
namespace {

constexpr detail::EnumName<ErrorCode> error_code_names[] = {
    {ErrorCode::invalid_argument, "invalid_argument"},
    {ErrorCode::parse, "parse"},
    {ErrorCode::invalid_utf8, "invalid_utf8"},
    {ErrorCode::limit_exceeded, "limit_exceeded"},
    {ErrorCode::not_found, "not_found"},
    {ErrorCode::not_permitted, "not_permitted"},
    {ErrorCode::io, "io"},
    {ErrorCode::storage, "storage"},
    {ErrorCode::internal, "internal"},
};

}  // namespace

std::string_view error_code_name(ErrorCode code) noexcept { return detail::name_of(error_code_names, code); }

}  // namespace parley
