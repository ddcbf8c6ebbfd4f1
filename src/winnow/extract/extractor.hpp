// extract: the main-content extractor's interface. It takes the parsed page and returns the
// cleaned document: the title, the body's blocks and what the page says about itself.
#pragma once

#include <optional>
#include <string>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/metadata/statements.hpp"

namespace winnow::extract {

struct ExtractOptions {
    const SiteRules* site_rules = nullptr;  // profile and default rules, or none
    bool explain = false;                   // record every removal in Article::removals
    bool justext = false;                   // experimental: a jusText-style candidate may rescue a short result
    Favor favor = Favor::balanced;          // --favor: less boilerplate, or nothing missed (favor.hpp)
    std::string url;                        // the page's address (given, else stated), when known
    std::optional<metadata::Sourced> stated_address;  // metadata::Context::stated_address
    // The tree had a <noscript> holding the page read as a <div> (unwrap_content_noscripts,
    // done while the tree could still change): `method` says so.
    bool noscript_page = false;
};

// Before extraction, while the tree can still change: a <noscript> holding more than half of
// the page's text (its own included) is the page served to clients without JavaScript (forum
// software renders its posts only there): it is read as a <div> from now on. Returns the
// number of elements unwrapped; set ExtractOptions::noscript_page when it is not zero.
std::size_t unwrap_content_noscripts(dom::Tree& tree);

// Extracts the article. The tree is only read. Never fails: a page with text always yields some text.
Article extract_article(const dom::Tree& tree, const ExtractOptions& options);

}  // namespace winnow::extract
