// extract: the main-content extractor's interface. It takes the parsed page and returns the
// cleaned document: the title, the body's blocks and what the page says about itself.
#pragma once

#include <string>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/site_rules.hpp"

namespace winnow::extract {

struct ExtractOptions {
    const SiteRules* site_rules = nullptr;  // profile and default rules, or none
    bool explain = false;                   // record every removal in Article::removals
    bool justext = false;                   // experimental: a jusText-style candidate may rescue a short result
    std::string url;                        // the page's address, when known
};

// Extracts the article. The tree is only read. Never fails: a page with text always yields some text.
Article extract_article(const dom::Tree& tree, const ExtractOptions& options);

}  // namespace winnow::extract
