// extract: the short-line text patterns of boilerplate, in the languages of the corpora: rows of
// share buttons, calls to action, credits, datelines, bylines, comment prompts, ad labels, and
// the headings that open a boilerplate section ("Related articles", "Mehr zum Thema"). Every
// search goes through the page's RegexGuard, under the name its removals carry.
#pragma once

#include <string>

#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// Text patterns are tested only on blocks this short: a paragraph that mentions a newsletter
// is still a paragraph.
inline constexpr std::size_t k_pattern_max_chars = 160;
// Share-button lines can be a little longer (a row of ten network names).
inline constexpr std::size_t k_share_line_max_chars = 200;

// True for a short text made only of share-button words ("Facebook Twitter E-Mail Drucken").
bool is_share_line(const std::string& text, RegexGuard& regexes);

// True for a short text that is a call to action, credit, dateline, byline, comment counter or
// ad label.
bool is_boilerplate_line(const std::string& text, RegexGuard& regexes);

// A read-more line is no longer than this ("Continue reading the full story »").
inline constexpr std::size_t k_read_more_max_chars = 40;

// True for a line that only says "read more" ("READ THE REST", "Weiterlesen »", "Lire la suite").
bool is_read_more_line(const std::string& text, RegexGuard& regexes);

// True for a heading that opens a boilerplate section ("Related articles", "Mehr zum Thema").
bool is_boilerplate_heading(const std::string& text, RegexGuard& regexes);

}  // namespace winnow::extract
