// metadata: small helpers for the values pages state: entities decoded (a JSON-LD string or a
// double-escaped meta tag may carry "&amp;"), white space collapsed.
#pragma once

#include <string>
#include <string_view>

namespace winnow::metadata {

// HTML character references decoded as a browser decodes them in text ("&amp;" "&#8217;"
// "&eacute;"), the rest unchanged.
std::string decode_entities(std::string_view text);

// The value as it should be shown: entities decoded (when the text has any), white space
// collapsed.
std::string clean_value(std::string_view text);

}  // namespace winnow::metadata
