// decode: bytes -> valid UTF-8. Owns charset discovery (byte-order mark, the HTTP
// Content-Type charset, <meta charset> / http-equiv, then detection with uchardet) and the
// conversion with iconv. Invalid sequences become U+FFFD; nothing here can fail.
#pragma once

#include <string>
#include <string_view>

namespace winnow::decode {

// Where the charset used for decoding came from, most trusted first.
enum class CharsetSource { byte_order_mark, user, http_header, meta_tag, valid_utf8, detected, fallback };

struct DecodedDocument {
    std::string text;     // valid UTF-8, byte-order mark removed
    std::string charset;  // the charset the bytes were read as, lower case ("utf-8", "windows-1251")
    CharsetSource source = CharsetSource::fallback;
};

// Decodes an HTML page. `http_charset` is the charset parameter of the Content-Type header, if
// any. `user_charset` (`--encoding`) overrides everything but a byte-order mark, as a browser's
// "Text Encoding" menu does (the HTML standard's encoding sniffing order).
DecodedDocument decode_html(std::string_view bytes, std::string_view http_charset = {}, std::string_view user_charset = {});
// The same, taking the bytes: a page in valid UTF-8 (most pages) becomes the text without a copy.
DecodedDocument decode_owned_html(std::string&& bytes, std::string_view http_charset = {},
                                  std::string_view user_charset = {});

// True when pages in `label` can be decoded (iconv knows it, after the WHATWG aliases).
bool is_supported_charset(std::string_view label);

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8" -> "utf-8"), or "".
std::string charset_from_content_type(std::string_view content_type);

// The charset declared by <meta charset> or <meta http-equiv="Content-Type"> in the first
// bytes of the page, lower case, or "".
std::string charset_from_meta(std::string_view bytes);

// Converts bytes in `charset` to UTF-8, replacing what cannot be converted by U+FFFD.
// Returns false when iconv does not know the charset.
bool convert_to_utf8(std::string_view bytes, std::string_view charset, std::string& out);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Replaces every ill-formed UTF-8 sequence by U+FFFD.
std::string repair_utf8(std::string_view bytes);

}  // namespace winnow::decode
