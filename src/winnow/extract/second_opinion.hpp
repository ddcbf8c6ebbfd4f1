// extract: the rescue cascade that makes sure a page with text never comes back empty. When the
// main result is short (under k_short_result_chars, or a small share of the page), a relaxed
// pass (class-based removals undone, density scoring, only link-density filtering) is tried and
// kept when clearly longer; the JSON-LD articleBody is used when the DOM result is short beside
// it; the whole page's text is the last resort.
#pragma once

#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/extract/text_measure.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// The number of characters (code points) of the blocks' text.
std::size_t blocks_chars(const std::vector<Block>& blocks);

// True when a result of `result_chars` is too short for a page of `page_chars` characters.
bool needs_rescue(std::size_t result_chars, std::size_t page_chars);

// True when the relaxed result should replace the main one.
bool prefer_relaxed(std::size_t main_chars, std::size_t relaxed_chars);

// Paragraph blocks made from the JSON-LD articleBody when the DOM result is poor beside it,
// or an empty vector when the DOM result stands.
std::vector<Block> json_ld_rescue(const metadata::Statements& statements, std::size_t result_chars);

// The jusText-style second opinion: in the blocks of the whole cleaned page, the main result
// is located, and the prose blocks right before and after it (long enough, stopword-rich,
// link-poor, ending a sentence) that the container missed are added back, in order. Returns
// how many blocks were added.
std::size_t extend_with_prose_neighbours(std::vector<Block>& kept, const std::vector<SourcedBlock>& page_blocks,
                                         const StopwordList& stopwords, const std::string& title, RegexGuard& regexes);

}  // namespace winnow::extract
