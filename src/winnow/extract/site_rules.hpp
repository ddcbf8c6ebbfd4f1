// extract: the rules a site's profile (and profiles/default.toml) hand to the extractor,
// already compiled. The profiles stage builds them; the extractor only applies them.
#pragma once

#include <boost/regex.hpp>

#include <string>
#include <vector>

#include "winnow/dom/selector.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"

namespace winnow::extract {

struct SelectorRule {
    std::string origin;  // "profile cryptopolitan.com" or "default"
    dom::SelectorList selector;
};

struct TextRule {
    std::string origin;   // "profile cryptopolitan.com" or "default"
    std::string pattern;  // as written in the profile
    boost::regex regex;
};

struct SiteRules {
    std::vector<SelectorRule> content;  // article container, tried in order
    std::vector<SelectorRule> drop;     // elements removed before extraction
    std::vector<TextRule> drop_text;    // whole blocks removed
    std::vector<TextRule> stop_text;    // a block after which the rest of the body is cut
    std::vector<SelectorRule> title;
    std::vector<SelectorRule> author;
    std::vector<SelectorRule> date;
};

// Removes the elements matched by the drop rules, recording each removal.
void apply_drop_rules(dom::Tree& tree, const SiteRules& rules, std::vector<Removal>& removals);

// The container named by the first content rule that matches, or k_no_node.
dom::NodeId find_content_container(const dom::Tree& tree, const SiteRules& rules);

// Removes blocks matched by drop_text and cuts the body at the first stop_text block.
void apply_text_rules(std::vector<Block>& blocks, const SiteRules& rules, std::vector<Removal>& removals);

}  // namespace winnow::extract
