// decode: text normalisation shared by the extractor and the writers: white space collapsed
// (no-break and other Unicode spaces become a space, zero-width characters dropped) and
// Unicode NFC, so that the same page gives the same bytes on every machine.
#pragma once

#include <string>
#include <string_view>

namespace winnow::decode {

// Unicode NFC of valid UTF-8 (ill-formed input is repaired first).
std::string to_nfc(std::string_view utf8);

// Every run of white space (ASCII and Unicode spaces, no-break spaces, line breaks) becomes
// one space; zero-width characters and soft hyphens are dropped; leading and trailing
// spaces are removed.
std::string collapse_whitespace(std::string_view utf8);

// Appends `utf8` to `out` with white space collapsed, where `out` may already end in a space
// (so that inline pieces join without doubling spaces). Leading space is kept as one space.
void append_collapsed(std::string& out, std::string_view utf8);

// Removes trailing spaces and tabs.
void trim_trailing_spaces(std::string& s);

// Decodes one UTF-8 code point at `i` (advancing `i`); U+FFFD for a broken sequence.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

// True for code points that count as white space in page text.
bool is_space_code_point(char32_t cp);

// True for zero-width and invisible formatting code points that are dropped from text.
bool is_invisible_code_point(char32_t cp);

}  // namespace winnow::decode
