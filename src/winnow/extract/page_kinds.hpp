// extract: strategies for pages that are not news (issue 12, class 5): a listing's teasers.
// Each returns a candidate and decides nothing; arbitrate.cpp says when it is trusted.
#pragma once

#include <string>

#include "winnow/extract/candidate.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// The page's main region: the <main> (or role=main) element with the most text the mask
// leaves, else the body.
dom::NodeId main_region(const PageView& cleaned);

// A listing's body: the blocks of the main region (teaser titles, summaries, prices) through the
// block filter, whose link rules keep their hands off: a teaser's title is a link and a product
// grid a list of links.
Candidate listing_candidate(const PageView& cleaned, const std::string& title, const SiteRules& rules,
                            RegexGuard& regexes);

}  // namespace winnow::extract
