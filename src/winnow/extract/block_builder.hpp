// extract: turns a DOM subtree into blocks for the writer. Block-level elements end a block,
// inline elements never split words; lists, tables, preformatted text, headings and quotes
// keep their kind. Shared by every extraction strategy, so they all write the same way.
#pragma once

#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/page.hpp"

namespace winnow::extract {

// The blocks of the subtree of `root`, skipping the nodes the mask removes (none: every node).
std::vector<Block> build_blocks(const dom::Tree& tree, const Mask& mask, dom::NodeId root);
std::vector<Block> build_blocks(const dom::Tree& tree, dom::NodeId root);

// A block and where it came from, for the filters that judge it.
struct SourcedBlock {
    Block block;
    dom::NodeId source = dom::k_no_node;  // the element holding the block's first text
    dom::NodeId block_element = dom::k_no_node;  // the innermost block-level element around it
    float link_chars = 0;                 // characters of the block's text inside links
    std::uint32_t links = 0;              // links with text in the block
};

// The blocks of several subtrees (in the order given, normally document order) with their
// sources. List and table groups stay distinct across the roots.
std::vector<SourcedBlock> build_sourced_blocks(const dom::Tree& tree, const Mask& mask,
                                               const std::vector<dom::NodeId>& roots);
// The same over a view's mask, reading the page's disclosure toggles (Page::never_text).
std::vector<SourcedBlock> build_sourced_blocks(const PageView& view, const std::vector<dom::NodeId>& roots);

}  // namespace winnow::extract
