// write: the output formats. The text format is the one of the seed files: the title on the
// first line, one blank line, then the body's blocks separated by one blank line; list items as
// "  • item" (two more spaces per nesting level) on consecutive lines; table rows on
// consecutive lines; preformatted text with its line breaks. No trailing spaces, NFC, one final
// newline. The same Article always gives the same bytes.
#pragma once

#include <string>

#include "winnow/extract/article.hpp"

namespace winnow::write {

// The body alone: the blocks in the text format, without the title and without a final newline.
std::string render_body(const extract::Article& article);

// The whole text file: title, blank line, body, final newline. A page without a title starts
// with an empty line where the title would be, so the body never reads as a title.
std::string render_text(const extract::Article& article);

// Preformatted text as written in both formats: Unicode spaces as ASCII spaces, invisible
// characters dropped, trailing spaces and blank lines at the edges removed, runs of blank lines
// squeezed to one.
std::string preformatted_text(const std::string& text);

}  // namespace winnow::write
