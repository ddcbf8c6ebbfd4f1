// extract: strategies for pages that are not news.
#include "winnow/extract/page_kinds.hpp"

#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/block_filter.hpp"

namespace winnow::extract {

using dom::NodeId;

NodeId main_region(const PageView& cleaned) {
    const dom::Tree& tree = cleaned.tree();
    const NodeId body = tree.body();
    if (body == dom::k_no_node) return dom::k_no_node;
    NodeId best = dom::k_no_node;
    for (NodeId id = body; id < tree.node(body).subtree_end; ++id) {
        if (tree.node(id).type != dom::NodeType::element) continue;
        if (cleaned.removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if (dom::is_main_region(tree, id))
            if (best == dom::k_no_node || cleaned.stats().chars(id) > cleaned.stats().chars(best)) best = id;
    }
    return best == dom::k_no_node ? body : best;
}

Candidate listing_candidate(const PageView& cleaned, const std::string& title, const SiteRules& rules,
                            RegexGuard& regexes) {
    const NodeId root = main_region(cleaned);
    if (root == dom::k_no_node) return {};
    std::vector<Removal> unrecorded;
    BlockFilterOptions filter;
    filter.title = title;
    filter.keep_link_lines = true;
    std::vector<Block> kept = filter_blocks(cleaned.page(), {root},
                                            build_sourced_blocks(cleaned, {root}), filter,
                                            unrecorded, regexes);
    apply_text_rules(kept, rules, unrecorded, regexes);
    return Candidate(Method{.source = Source::listing}, std::move(kept));
}

}  // namespace winnow::extract
