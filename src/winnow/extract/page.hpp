// extract: the page as every stage of the extractor sees it.
//
// - `Page` is built once per document and never changes: the tree, each element's flags (what
//   its class, id, role and attributes say, node_flags.hpp), the page's own statements (title
//   candidates, JSON-LD, meta), the stopword list of its language and every text node's measures.
// - `Mask` is a stage's removals as a value: which nodes are gone. A stage takes a mask and
//   returns a new one (the profile's drop rules, the never-content pass); nothing is ever
//   restored by hand, so a later stage cannot bring back what an earlier one removed unless it
//   starts again from the earlier mask on purpose (the relaxed pass starts from the mask after
//   the profile's drop rules, never from an empty one).
// - `NodeStats` are the per-node aggregates of the text a mask leaves (characters, words,
//   stopwords, commas, sentence ends, link characters, paragraph characters), summed in one
//   bottom-up pass over the node array (children have larger ids than their parents).
//   Everything later reads these instead of walking subtrees, so no stage is quadratic.
// - `PageView` ties the three together: a page, a mask, and the statistics of that mask,
//   computed when the view is made. Stages that judge nodes take a view.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/text_measure.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/metadata/statements.hpp"

namespace winnow::extract {

// Links to "#..." (in-page anchors, footnotes, tabs) are less of a sign of navigation than
// links away: their text counts this much of a link character.
inline constexpr float k_anchor_link_weight = 0.3f;

class Page {
public:
    // Measures the page once: flags of every element, stopwords of the statements' language,
    // every text node's counts.
    Page(const dom::Tree& tree, metadata::Statements statements);

    const dom::Tree& tree() const { return *m_tree; }
    dom::NodeId body() const { return m_tree->body(); }
    const metadata::Statements& statements() const { return m_statements; }
    // The page's kind by its own statements alone (JSON-LD types, og:type, ...): it does not
    // depend on the extraction, so the stages that ask (a forum's comment sections are its
    // posts, a listing's teasers its text) read it here, classified once.
    metadata::PageKind statement_kind() const { return m_statement_kind; }
    // The NodeFlag bits of an element (0 for text nodes).
    std::uint32_t flags(dom::NodeId id) const { return m_flags[id]; }
    const std::vector<std::uint32_t>& all_flags() const { return m_flags; }
    // Whether an element's text is never read: a never-text element (script, style, button, ...,
    // dom/html_tags.hpp) other than a disclosure toggle (an accordion's question, node_flags.hpp).
    bool never_text(dom::NodeId id) const;
    const StopwordList& stopwords() const { return *m_stopwords; }
    // A text node's own counts; zero for elements and for script or style text.
    const TextCounts& own_text(dom::NodeId id) const { return m_own_text[id]; }

private:
    const dom::Tree* m_tree;
    metadata::Statements m_statements;
    metadata::PageKind m_statement_kind;
    std::vector<std::uint32_t> m_flags;
    const StopwordList* m_stopwords;
    std::vector<TextCounts> m_own_text;
};

// The nodes a stage has removed. A removed node takes its subtree with it.
class Mask {
public:
    // Nothing removed.
    explicit Mask(const dom::Tree& tree) : m_removed(tree.size(), 0) {}

    void remove(dom::NodeId id) { m_removed[id] = 1; }
    // True when this very node was removed (walks then skip its subtree).
    bool removed_here(dom::NodeId id) const { return m_removed[id] != 0; }
    // True when the node or one of its ancestors was removed.
    bool removed(const dom::Tree& tree, dom::NodeId id) const;
    // The text of the subtree as in the page (not collapsed), without removed nodes.
    std::string text_content(const dom::Tree& tree, dom::NodeId id) const;

private:
    std::vector<std::uint8_t> m_removed;
};

// Per-node sums of the text a mask leaves; nodes inside removed subtrees count nothing.
class NodeStats {
public:
    NodeStats(const Page& page, const Mask& mask);

    const TextCounts& text(dom::NodeId id) const { return m_totals[id]; }
    float chars(dom::NodeId id) const { return m_totals[id].chars; }
    float link_chars(dom::NodeId id) const { return m_link_chars[id]; }
    // Link characters over all characters; 0 for a node without text.
    float link_density(dom::NodeId id) const {
        return m_totals[id].chars > 0 ? m_link_chars[id] / m_totals[id].chars : 0.0f;
    }
    // Characters of text inside <p> elements below the node: the article's kind of text.
    float paragraph_chars(dom::NodeId id) const { return m_paragraph_chars[id]; }
    // Characters that are not inside links.
    float content_chars(dom::NodeId id) const { return chars(id) - link_chars(id); }

private:
    std::vector<TextCounts> m_totals;
    std::vector<float> m_link_chars;
    std::vector<float> m_paragraph_chars;
};

// A page, a mask over it, and the statistics of what the mask leaves (computed on construction).
class PageView {
public:
    PageView(const Page& page, Mask mask) : m_page(&page), m_mask(std::move(mask)), m_stats(page, m_mask) {}

    const Page& page() const { return *m_page; }
    const dom::Tree& tree() const { return m_page->tree(); }
    const Mask& mask() const { return m_mask; }
    const NodeStats& stats() const { return m_stats; }
    std::uint32_t flags(dom::NodeId id) const { return m_page->flags(id); }
    bool removed_here(dom::NodeId id) const { return m_mask.removed_here(id); }
    bool removed(dom::NodeId id) const { return m_mask.removed(tree(), id); }

private:
    const Page* m_page;
    Mask m_mask;
    NodeStats m_stats;
};

}  // namespace winnow::extract
