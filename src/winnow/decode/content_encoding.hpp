// decode: HTTP Content-Encoding, for bodies that were stored as they came over the wire (WARC
// response records): gzip, deflate (zlib or raw, as servers send both), br, identity.
#pragma once

#include <string>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow::decode {

// Undoes the codings listed in a Content-Encoding value ("gzip", "br", "gzip, br": applied in
// that order, so undone in reverse). Fails (bad_input) on an unknown coding or damaged data,
// (too_large) past `max_bytes` decoded bytes (0 = no limit).
Result<std::string> decode_content_encoding(std::string body, std::string_view encoding, std::size_t max_bytes);

}  // namespace winnow::decode
