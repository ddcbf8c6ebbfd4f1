// util: UTF-8 code points, and the one definition of white space and of invisible characters in
// page text. The decoder collapses white space and drops invisible characters with these, the
// writers trim with them, and the extractor measures text with them, so that what is counted is
// what is written.
//
// U+200B ZERO WIDTH SPACE is invisible, not white space: it is dropped and never separates two
// words. Pages put it inside words as a line-break hint ("long\u200Bword"), and Unicode does not
// give it the White_Space property; where a page means a space it writes one beside it. The same
// holds for the other zero-width characters, the soft hyphen and the direction marks.
#pragma once

#include <string>
#include <string_view>

namespace winnow::utf8 {

// Decodes the code point at `i` and moves `i` past it; an ill-formed sequence gives U+FFFD and
// moves one byte.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp`; a surrogate or a value beyond U+10FFFF appends U+FFFD.
void append(std::string& out, char32_t cp);

// The number of code points in valid UTF-8 (continuation bytes are not counted).
std::size_t code_point_count(std::string_view s);

// The same without the ASCII spaces: the characters of text whose white space is collapsed (link
// density is link characters over these).
std::size_t non_space_count(std::string_view s);

// `s` when it has at most `max_bytes` bytes, else its start cut at a character boundary and
// "..." (`max_bytes` in all, the dots included): for quoting page text in messages.
std::string shorten(std::string_view s, std::size_t max_bytes);

// `s` made safe to print on a terminal or write to a log as one line: every C0 and C1 control
// (escape sequences, line breaks, tab, DEL) becomes a space, an ill-formed byte U+FFFD, and the
// ends are trimmed. For text that comes from servers (status text, headers) or from pages.
std::string printable_line(std::string_view s);

// White space in page text: ASCII white space, NEL, no-break spaces, the Unicode spaces of
// U+2000..U+200A, line and paragraph separators, U+205F and the ideographic space U+3000.
bool is_space(char32_t cp);

// Characters dropped from page text: zero-width characters (U+200B..U+200D, U+2060, U+FEFF),
// the soft hyphen, the left-to-right and right-to-left marks, and the C0 and C1 controls but
// for tab, line feed, carriage return and NEL.
bool is_invisible(char32_t cp);

// Han ideographs, hiragana and katakana: scripts written without spaces between words.
bool is_cjk(char32_t cp);

}  // namespace winnow::utf8
