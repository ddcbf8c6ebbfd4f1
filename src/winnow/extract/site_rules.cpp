#include "winnow/extract/site_rules.hpp"

namespace winnow::extract {

void apply_drop_rules(dom::Tree&, const SiteRules&, std::vector<Removal>&) {}

dom::NodeId find_content_container(const dom::Tree&, const SiteRules&) { return dom::k_no_node; }

void apply_text_rules(std::vector<Block>&, const SiteRules&, std::vector<Removal>&) {}

}  // namespace winnow::extract
