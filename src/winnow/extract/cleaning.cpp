// extract: the never-content pass, one walk in document order; a removed element's subtree is
// skipped. Guards keep elements that hold most of the page's text.
#include "winnow/extract/cleaning.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/site_rules.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// nav, aside, form: kept when they hold more than this share of the page's paragraph text
// (pages put the article in an aside, ASP.NET pages wrap everything in one form).
constexpr float k_structural_guard_share = 0.5f;
// A class-based removal that would take more than this share of the page's text is a false
// alarm (a wrapper named "page has-sidebar") and is not done.
constexpr float k_class_guard_share = 0.85f;

bool is_inside(const dom::Tree& tree, NodeId id, GumboTag tag) {
    for (NodeId at = tree.node(id).parent; at != dom::k_no_node; at = tree.node(at).parent)
        if (tree.is_element(at, tag)) return true;
    return false;
}

// For each node, whether an explicit article body lies strictly below it: a wrapper of the
// article is never boilerplate. One bottom-up pass.
std::vector<std::uint8_t> body_marker_below(const dom::Tree& tree, const std::vector<std::uint32_t>& flags) {
    std::vector<std::uint8_t> below(tree.size(), 0);
    for (NodeId id = static_cast<NodeId>(tree.size()); id-- > 1;) {
        const NodeId parent = tree.node(id).parent;
        if (parent != dom::k_no_node && ((flags[id] & k_flag_body_marker) || below[id])) below[parent] = 1;
    }
    return below;
}

}  // namespace

void record_removal(const dom::Tree& tree, NodeId id, std::string rule, std::vector<Removal>& removals) {
    std::string text = decode::collapse_whitespace(tree.text_content(id));
    if (text.empty()) return;
    removals.push_back({std::move(rule), removal_excerpt(text)});
}

std::vector<NodeId> remove_never_content(dom::Tree& tree, const NodeStats& stats, const std::vector<std::uint32_t>& flags,
                          const CleaningOptions& options, std::vector<Removal>& removals) {
    const NodeId body = tree.body();
    const float page_chars = std::max(1.0f, stats.chars(body));
    const float page_paragraph_chars = std::max(1.0f, stats.paragraph_chars(body));
    std::vector<NodeId> removed;
    const std::vector<std::uint8_t> marker_below = body_marker_below(tree, flags);
    auto holds_body_marker = [&](const dom::Tree&, const std::vector<std::uint32_t>&, NodeId id) {
        return marker_below[id] != 0;
    };
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != dom::NodeType::element || tree.is_removed_here(id)) continue;
        if (node.tag == GUMBO_TAG_HTML || node.tag == GUMBO_TAG_BODY || node.tag == GUMBO_TAG_HEAD) continue;
        const std::uint32_t f = flags[id];
        std::string rule;
        // An image holds no text, so it changes no measure; it stays for the writers (Markdown --images).
        if (is_never_text(node.tag) && node.tag != GUMBO_TAG_IMG) {
            rule = "heuristic never-text <" + std::string(node.tag_name) + ">";
        } else if (f & k_flag_hidden) {
            rule = "heuristic hidden";
        } else if (node.tag == GUMBO_TAG_NAV || node.tag == GUMBO_TAG_ASIDE || node.tag == GUMBO_TAG_FORM ||
                   node.tag == GUMBO_TAG_MENU || node.tag_name == "dialog") {
            if (stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars &&
                !holds_body_marker(tree, flags, id))
                rule = "heuristic structure <" + std::string(node.tag_name) + ">";
        } else if (node.tag == GUMBO_TAG_HEADER || node.tag == GUMBO_TAG_FOOTER) {
            // Article headers hold lead paragraphs: only page headers and footers go.
            if (!is_inside(tree, id, GUMBO_TAG_ARTICLE) && !is_inside(tree, id, GUMBO_TAG_MAIN) &&
                stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars &&
                !holds_body_marker(tree, flags, id))
                rule = "heuristic structure <" + std::string(node.tag_name) + ">";
        } else if (f & (k_flag_role_remove | k_flag_role_landmark)) {
            if (stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars &&
                !holds_body_marker(tree, flags, id))
                rule = "heuristic role \"" + std::string(tree.attribute(id, "role")) + "\"";
        } else if ((f & (options.relaxed ? k_flag_overlay | k_flag_comment_section : k_flag_never_content | k_flag_comment_section | k_flag_overlay)) &&
                   node.tag != GUMBO_TAG_ARTICLE && node.tag != GUMBO_TAG_MAIN &&
                   stats.chars(id) <= k_class_guard_share * page_chars && !holds_body_marker(tree, flags, id) &&
                   ((f & (k_flag_comment_section | k_flag_overlay)) ||
                    stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars)) {
            rule = "heuristic class \"" + decode::collapse_whitespace(std::string(tree.attribute(id, "class")) + " " +
                                                                     std::string(tree.attribute(id, "id"))) + "\"";
        }
        if (rule.empty()) continue;
        if (options.explain) record_removal(tree, id, std::move(rule), removals);
        tree.remove(id);
        removed.push_back(id);
        id = node.subtree_end - 1;
    }
    return removed;
}

}  // namespace winnow::extract
