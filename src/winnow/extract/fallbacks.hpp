// extract: the strategies the rescue cascade falls back on (arbitrate.cpp decides when): a
// relaxed pass over the page, the publisher's JSON-LD articleBody, the whole page, the meta
// description. Each returns a candidate and decides nothing.
#pragma once

#include <string>
#include <vector>

#include "winnow/extract/candidate.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// The relaxed pass, from the page after the profile's drop rules (`dropped`): only tags, hidden
// elements, roles and overlays are removed (not class-based boilerplate), the container is
// chosen by density alone, and the filter runs without its ancestry rules. Its removals are not
// recorded (it is a second try, not the page's story). The filter's limits are the mode's.
Candidate relaxed_candidate(const PageView& dropped, const std::string& title, const SiteRules& rules,
                            RegexGuard& regexes, const FavorSettings& favor = favor_settings(Favor::balanced));

// The JSON-LD articleBody as paragraphs, one per non-blank line.
Candidate article_body_candidate(const std::string& article_body);

// Every block of the page the mask leaves, unfiltered but for the title and the site's drop_text
// rules (no stop_text: on a whole page a "Related posts" heading in a sidebar may come before
// the article).
Candidate whole_page_candidate(const dom::Tree& tree, const Mask& mask, const std::string& title, const SiteRules& rules,
                               std::vector<Removal>& removals, RegexGuard& regexes);

// The meta description as one paragraph.
Candidate description_candidate(const std::string& description);

}  // namespace winnow::extract
