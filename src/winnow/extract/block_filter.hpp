// extract: filtering the blocks of the chosen container, where precision is won. Each block
// is judged by the class/id tokens of its ancestors up to the container, its link density,
// short-block text patterns (share buttons, calls to action, credits, datelines, bylines),
// boilerplate headings (which take the run under them along), repeats of the title and of the
// previous block, and finally edge trimming of weak short blocks at both ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/extract/text_measure.hpp"

namespace winnow::extract {

struct BlockFilterOptions {
    std::string title;          // the chosen headline: its repeats leave the body
    bool explain = false;
    bool relaxed = false;       // the rescue pass: class/id ancestry is not used
    // The site's rules, whose drop_text is consulted only when explaining: a block the
    // heuristics drop that a rule also matches is recorded under the rule's name (the result is
    // the same).
    const SiteRules* text_rules = nullptr;
};

// Keeps the blocks that read as the article; records the others when explaining. The built-in
// phrase patterns search through `regexes`, the page's guard.
std::vector<Block> filter_blocks(const dom::Tree& tree, const std::vector<std::uint32_t>& flags,
                                 const std::vector<dom::NodeId>& roots, std::vector<SourcedBlock> blocks,
                                 const StopwordList& stopwords, const BlockFilterOptions& options,
                                 std::vector<Removal>& removals, RegexGuard& regexes);

// Link characters over all (non-space) characters of a block's text.
float block_link_density(const SourcedBlock& block);

// True for a short text made only of share-button words ("Facebook Twitter E-Mail Drucken").
bool is_share_line(const std::string& text, RegexGuard& regexes);

// True for a short text that is a call to action, credit, dateline, byline, comment counter or
// ad label.
bool is_boilerplate_line(const std::string& text, RegexGuard& regexes);

// True for a heading that opens a boilerplate section ("Related articles", "Mehr zum Thema").
bool is_boilerplate_heading(const std::string& text, RegexGuard& regexes);

}  // namespace winnow::extract
