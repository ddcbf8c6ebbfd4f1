// util: a relative reference (a link's href, an image's src, <base href>) made absolute.
#pragma once

#include <string>
#include <string_view>

namespace winnow::url {

// `reference` resolved against the absolute URL `base` (RFC 3986), or `reference` as written
// when `base` is empty or either cannot be parsed.
std::string resolve_reference(std::string_view base, std::string_view reference);

}  // namespace winnow::url
