// extract: the second opinion. A jusText-style look at the blocks of the whole cleaned page
// around the main result: prose the container missed right before or after it (leads,
// standfirsts, a second text block) is added back.
#pragma once

#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/candidate.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/extract/text_measure.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// The jusText-style second opinion: in the blocks of the whole cleaned page, the main result
// is located, and the prose blocks right before and after it (long enough, stopword-rich,
// link-poor, ending a sentence) that the container missed are added back, in order, crossing
// the mode's number of other blocks (before the container, with the page's tree, up to 3 while
// the walk stays in the body's region, away from the headline's block); none when the mode adds
// nothing outside the container.
// With the page's tree, a figure's caption is never such prose (a lead image's caption is not
// the lead); nor is a block whose source the block filter held out (BlockFilterOptions::held_out:
// a teaser, an appeal's pitch; sorted). Returns how many blocks were added.
std::size_t extend_with_prose_neighbours(std::vector<Block>& kept, const std::vector<SourcedBlock>& page_blocks,
                                         const StopwordList& stopwords, const std::string& title, RegexGuard& regexes,
                                         const FavorSettings& favor = favor_settings(Favor::balanced),
                                         const dom::Tree* tree = nullptr, const std::vector<dom::NodeId>& held_out = {});

// A jusText-style candidate over the blocks of the whole cleaned page (experimental, off unless
// ExtractOptions::justext): prose blocks (as the second opinion judges them) are good; short
// link-poor blocks that are no boilerplate line are kept when the nearest judged blocks on both
// sides are good (a heading: when the next one is); everything else goes.
Candidate justext_candidate(const std::vector<SourcedBlock>& page_blocks, const StopwordList& stopwords,
                            const std::string& title, RegexGuard& regexes);

}  // namespace winnow::extract
