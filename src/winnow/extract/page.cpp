// extract: the page measured once, masks, and the per-node aggregates of a mask.
#include "winnow/extract/page.hpp"

#include "winnow/dom/html_tags.hpp"
#include "winnow/extract/node_flags.hpp"

namespace winnow::extract {

using dom::NodeId;
using dom::NodeType;

Page::Page(const dom::Tree& tree, metadata::Statements statements)
    : m_tree(&tree),
      m_statements(std::move(statements)),
      m_statement_kind(metadata::classify_page(m_statements, {}).kind),
      m_flags(classify_nodes(tree, m_statement_kind == metadata::PageKind::product)),
      m_stopwords(&stopwords_for(m_statements.language)),
      m_own_text(tree.size(), TextCounts{}) {
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != NodeType::text) continue;
        // Script and style text is never counted (NodeStats skips those elements): not measured.
        const NodeId parent = node.parent;
        if (parent != dom::k_no_node && tree.node(parent).type == NodeType::element &&
            dom::is_never_text(tree.node(parent).tag))
            continue;
        m_own_text[id] = measure_text(node.text, *m_stopwords);
    }
}

bool Page::never_text(NodeId id) const {
    return dom::is_never_text(m_tree->node(id).tag) && !(m_flags[id] & k_flag_disclosure_toggle);
}

bool Mask::removed(const dom::Tree& tree, NodeId id) const {
    for (NodeId at = id; at != dom::k_no_node; at = tree.node(at).parent)
        if (m_removed[at]) return true;
    return false;
}

std::string Mask::text_content(const dom::Tree& tree, NodeId id) const {
    std::string out;
    const NodeId end = tree.node(id).subtree_end;
    for (NodeId at = id; at < end;) {
        if (m_removed[at]) {
            at = tree.node(at).subtree_end;
            continue;
        }
        if (tree.node(at).type == NodeType::text) out += tree.node(at).text;
        ++at;
    }
    return out;
}

NodeStats::NodeStats(const Page& page, const Mask& mask) {
    const dom::Tree& tree = page.tree();
    const std::size_t n = tree.size();
    m_totals.assign(n, TextCounts{});
    m_link_chars.assign(n, 0.0f);
    m_paragraph_chars.assign(n, 0.0f);
    for (NodeId id = static_cast<NodeId>(n); id-- > 0;) {
        const dom::Node& node = tree.node(id);
        if (mask.removed_here(id)) continue;
        if (node.type == NodeType::text) {
            m_totals[id] = page.own_text(id);
        } else if (node.type == NodeType::element) {
            // A disclosure toggle's text is read (Page::never_text) but not counted: the container
            // is chosen on the page's text as before, and accordion headings counted would pull it
            // to an accordion of feature titles.
            if (dom::is_never_text(node.tag)) continue;
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
