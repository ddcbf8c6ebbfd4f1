// extract: filtering the blocks of the chosen container, where precision is won. An ordered
// table of named rules (block_filter.cpp): each block is judged by repeats of the title, its
// link density, the class/id tokens of its ancestors up to the container, short-line text
// patterns (block_patterns.hpp) and boilerplate headings (which take the run under them along);
// then runs of blocks by link lists, repeats of the previous block, and edge trimming of weak
// short blocks at both ends. A dropped block is recorded under its rule's name with --explain.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/block_patterns.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/extract/text_measure.hpp"

namespace winnow::extract {

struct BlockFilterOptions {
    std::string title;          // the chosen headline: its repeats leave the body
    bool explain = false;
    bool relaxed = false;       // the rescue pass: class/id ancestry is not used
    // The mode's limits (link density, captions, tail cut, edge trimming).
    const FavorSettings* favor = &favor_settings(Favor::balanced);
    bool thread = false;        // a forum or Q&A page: comment sections are its posts
    bool keep_link_lines = false;  // a listing: link-only lines and link lists are its teasers
    // The site's rules, whose drop_text is consulted only when explaining: a block the
    // heuristics drop that a rule also matches is recorded under the rule's name (the result is
    // the same).
    const SiteRules* text_rules = nullptr;
    // Out: the source nodes of the blocks dropped as parts of a box the article is not (a teaser of
    // another story, the pitch before an appeal), which the second opinion must not take back as
    // prose beside the container. Not gathered when null.
    std::vector<dom::NodeId>* held_out = nullptr;
};

// Keeps the blocks that read as the article; records the others when explaining. The built-in
// phrase patterns search through `regexes`, the page's guard.
std::vector<Block> filter_blocks(const Page& page, const std::vector<dom::NodeId>& roots,
                                 std::vector<SourcedBlock> blocks, const BlockFilterOptions& options,
                                 std::vector<Removal>& removals, RegexGuard& regexes);

// Link characters over all (non-space) characters of a block's text.
float block_link_density(const SourcedBlock& block);

}  // namespace winnow::extract
