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

// Lower case (Unicode simple case mapping), for comparing words of text meant for people.
std::string to_lower(std::string_view utf8);

// True for Chinese and Japanese characters (hiragana, katakana, CJK ideographs): scripts that
// do not separate words with spaces.
constexpr bool is_cjk(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

}  // namespace winnow::decode
