// decode: text normalisation shared by the extractor and the writers: white space collapsed
// (no-break and other Unicode spaces become a space, zero-width characters dropped; both as
// util/utf8.hpp defines them) and Unicode NFC, so that the same page gives the same bytes on
// every machine.
#pragma once

#include <string>
#include <string_view>

namespace winnow::decode {

// Unicode NFC of valid UTF-8 (ill-formed input is repaired first).
std::string to_nfc(std::string_view text);

// Every run of white space (ASCII and Unicode spaces, no-break spaces, line breaks) becomes
// one space; zero-width characters and soft hyphens are dropped; leading and trailing
// spaces are removed.
std::string collapse_whitespace(std::string_view text);

// Appends `text` to `out` with white space collapsed, where `out` may already end in a space
// (so that inline pieces join without doubling spaces). Leading space is kept as one space.
void append_collapsed(std::string& out, std::string_view text);

// Removes trailing spaces and tabs.
void trim_trailing_spaces(std::string& s);

// Lower case (Unicode simple case mapping), for comparing words of text meant for people
// (protocol text is lowered with util/ascii.hpp).
std::string to_lower(std::string_view text);

}  // namespace winnow::decode
