// extract: per-node aggregates of the text below each node, computed in one bottom-up pass over
// the node array (children have larger ids than their parents), skipping removed subtrees and
// elements that never hold page text. Everything later reads these instead of walking subtrees,
// so no stage is quadratic. Text nodes are measured once (NodeStats::measure_text_nodes); after a
// removal only the cheap aggregation is redone (NodeStats::aggregate).
#pragma once

#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/text_measure.hpp"

namespace winnow::extract {

// Links to "#..." (in-page anchors, footnotes, tabs) are less of a sign of navigation than
// links away: their text counts this much of a link character.
inline constexpr float k_anchor_link_weight = 0.3f;

class NodeStats {
public:
    // Measures every text node once with the page's stopword list.
    void measure_text_nodes(const dom::Tree& tree, const StopwordList& stopwords);
    // Sums the measures bottom-up, leaving out removed subtrees.
    void aggregate(const dom::Tree& tree);

    const TextCounts& text(dom::NodeId id) const { return m_totals[id]; }
    float chars(dom::NodeId id) const { return m_totals[id].chars; }
    float link_chars(dom::NodeId id) const { return m_link_chars[id]; }
    // Link characters over all characters; 0 for a node without text.
    float link_density(dom::NodeId id) const {
        return m_totals[id].chars > 0 ? m_link_chars[id] / m_totals[id].chars : 0.0f;
    }
    // Characters of text inside <p> elements below the node: the article's kind of text.
    float paragraph_chars(dom::NodeId id) const { return m_paragraph_chars[id]; }

private:
    std::vector<TextCounts> m_own;  // text nodes' own measures
    std::vector<TextCounts> m_totals;
    std::vector<float> m_link_chars;
    std::vector<float> m_paragraph_chars;
};

}  // namespace winnow::extract
