// extract: the one-pass per-node aggregates (characters, words, stopwords, commas, sentence
// ends, link characters, paragraph characters).
#include "winnow/extract/node_stats.hpp"

#include "winnow/extract/block_builder.hpp"

namespace winnow::extract {

using dom::NodeId;
using dom::NodeType;

void NodeStats::measure_text_nodes(const dom::Tree& tree, const StopwordList& stopwords) {
    m_own.assign(tree.size(), TextCounts{});
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != NodeType::text) continue;
        // Script and style text is never counted (aggregate skips those elements): not measured.
        const NodeId parent = node.parent;
        if (parent != dom::k_no_node && tree.node(parent).type == NodeType::element && is_never_text(tree.node(parent).tag))
            continue;
        m_own[id] = measure_text(node.text, stopwords);
    }
}

void NodeStats::aggregate(const dom::Tree& tree) {
    const std::size_t n = tree.size();
    m_totals.assign(n, TextCounts{});
    m_link_chars.assign(n, 0.0f);
    m_paragraph_chars.assign(n, 0.0f);
    for (NodeId id = static_cast<NodeId>(n); id-- > 0;) {
        const dom::Node& node = tree.node(id);
        if (tree.is_removed_here(id)) continue;
        if (node.type == NodeType::text) {
            m_totals[id] = m_own[id];
        } else if (node.type == NodeType::element) {
            if (is_never_text(node.tag)) continue;
            if (node.tag == GUMBO_TAG_A) {
                std::string_view href = tree.attribute(id, "href");
                const float weight = !href.empty() && href.front() == '#' ? k_anchor_link_weight : 1.0f;
                m_link_chars[id] = m_totals[id].chars * weight;
            }
            if (node.tag == GUMBO_TAG_P) m_paragraph_chars[id] = m_totals[id].chars;
        }
        const NodeId parent = node.parent;
        if (parent == dom::k_no_node) continue;
        m_totals[parent] += m_totals[id];
        m_link_chars[parent] += m_link_chars[id];
        m_paragraph_chars[parent] += m_paragraph_chars[id];
    }
}

}  // namespace winnow::extract
