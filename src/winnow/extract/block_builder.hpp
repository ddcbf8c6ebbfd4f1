// extract: turns a DOM subtree into blocks for the writer. Block-level elements end a block,
// inline elements never split words; lists, tables, preformatted text, headings and quotes
// keep their kind. Shared by every extraction strategy, so they all write the same way.
#pragma once

#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"

namespace winnow::extract {

// The blocks of the subtree of `root`, skipping removed nodes.
std::vector<Block> build_blocks(const dom::Tree& tree, dom::NodeId root);

// True for elements that start a new block in a browser's default style sheet.
bool is_block_element(GumboTag tag);

// True for elements whose content is never page text (scripts, styles, form controls, media).
bool is_never_text(GumboTag tag);

}  // namespace winnow::extract
