// decode: what the bytes are before they are read as text. Binary formats are told apart by
// their first bytes so that a PNG or a PDF is refused with a reason instead of parsed.
#pragma once

#include <string>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow::decode {

// The name of a binary format recognised by its signature ("PNG image", "PDF document"), or "".
std::string binary_format(std::string_view bytes);

// True when the bytes start with the gzip signature.
bool is_gzip(std::string_view bytes);

// Inflates gzip data; refuses output over `max_bytes` (0 = no limit) without inflating it all.
Result<std::string> gunzip(std::string_view bytes, std::size_t max_bytes);

// Inflates HTTP "deflate" data: zlib-wrapped (RFC 1950) as the standard says, or raw deflate
// (RFC 1951) as some servers send it; the same limit as gunzip.
Result<std::string> inflate_deflate(std::string_view bytes, std::size_t max_bytes);

}  // namespace winnow::decode
