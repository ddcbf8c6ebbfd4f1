// dom: the parsed page. Gumbo parses the UTF-8 text as a browser would; the result is copied
// once into a compact array of nodes (parent, children, siblings, attributes, text) and the
// Gumbo output is freed, so nothing here points into a buffer that may go away. Every walk
// over the tree is iterative: 10,000 nested elements must not exhaust the stack. The tree is at
// most k_max_depth deep: a node deeper than that goes to the deepest allowed parent, as in a
// browser (and the scan before parsing keeps Gumbo's own stack within the same limit).
//
// The tree keeps every element with its attributes and text, except the drawing inside an
// <svg> (paths, shapes, groups: never the page's text): an <svg> keeps one text node with the
// text of its content (titles, labels, white space), so that every text the page had is still
// there. An SVG holding HTML (through <foreignObject>) is kept whole. Most of a modern page's
// bytes are scripts, styles and drawings, and most of the rest attributes; the scan before
// parsing (prescan.hpp) removes them before Gumbo sees them and their texts and attributes are
// copied back from the page; Gumbo allocates from
// one heap per thread, released in one step after each page (gumbo_heap.hpp).
//
// React's streamed content is read where the page's scripts put it (React 18 and later server
// rendering: Next.js' app router, Remix...). A Suspense boundary not ready when the page starts
// is sent as "<!--$?--><template id="B:n"></template>FALLBACK<!--/$-->" and its content later,
// at the end of the body, as <div hidden id="S:n">, with a script $RC("B:n","S:n") that moves it
// in place of the template and the fallback (a placeholder <template id="P:n"> is filled from
// S:n by $RS). Without the scripts the content would be a hidden div after the footer, away from
// the part of the page it belongs to: the copy from Gumbo's output puts the div's children where
// the template is and skips the fallback up to the boundary's own "/$" comment (the scan keeps
// comments that short) and the div where it stands. Only React's ids ("S:" and a number in
// lower-case hex, on a hidden <div>); each segment is used once (a template naming a segment
// already used, or its own, stays an empty template; a segment met before any template names it
// stays where it is), so the tree stays in document order. A page without `id="S:` in it is not
// searched for segments. Off by default (ParseOptions::streamed_segments).
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::dom {

using NodeId = std::uint32_t;
inline constexpr NodeId k_no_node = UINT32_MAX;
// Browsers' limit on the depth of the tree (Blink, WebKit): deeper nodes become siblings.
inline constexpr std::uint32_t k_max_depth = 512;

enum class NodeType : std::uint8_t { document, element, text };

// h1 to h6 (consecutive in Gumbo's tag list).
constexpr bool is_heading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

struct Attribute {
    std::string name;   // lower case, as Gumbo gives it
    std::string value;  // as written, entities decoded
};

struct Node {
    NodeType type = NodeType::element;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    std::string_view tag_name;  // lower case; for text nodes empty
    NodeId parent = k_no_node;
    NodeId first_child = k_no_node;
    NodeId last_child = k_no_node;
    NodeId prev_sibling = k_no_node;
    NodeId next_sibling = k_no_node;
    std::uint32_t attribute_begin = 0;
    std::uint32_t attribute_count = 0;
    std::uint32_t depth = 0;
    std::uint32_t subtree_end = 0;  // one past the last descendant: nodes are in document order
    std::string text;               // text nodes only, as in the page (not collapsed)
};

struct ParseOptions {
    // Scan the page first and let Gumbo parse only what the tree keeps. Off, Gumbo reads every
    // byte: the tree is the same, only slower (the path the scan is checked against).
    bool prescan = true;
    // Read React's streamed content where the page's scripts put it (see the top of this file).
    // Off by default: on the development corpora what pages stream late is as often
    // recommendations, sidebars and clamped previews as their main text, and the extractor
    // does not trim those yet (modern-dev F1 0.827 -> 0.824; winnow clean --streamed-segments).
    bool streamed_segments = false;
    // The caller vouches that the text is valid UTF-8 (decode's output always is), so the scan
    // need not check it again (a pass over the whole page: 0.5% of the pipeline's time).
    bool valid_utf8 = false;
};

class Tree {
public:
    // Parses UTF-8 HTML; Gumbo never fails on bad markup, so neither does this.
    static Tree parse(std::string_view utf8_html, const ParseOptions& options = {});
    static Tree parse(const char* utf8_html, const ParseOptions& options = {}) {
        return parse(std::string_view(utf8_html), options);
    }
    // The same, taking the page: its memory goes as soon as the scan before parsing is done.
    static Tree parse(std::string&& utf8_html, const ParseOptions& options = {});

    std::size_t size() const { return m_nodes.size(); }
    const Node& node(NodeId id) const { return m_nodes[id]; }
    NodeId document() const { return 0; }
    NodeId html() const { return m_html; }
    NodeId head() const { return m_head; }
    NodeId body() const { return m_body; }

    std::span<const Attribute> attributes(NodeId id) const;
    // The attribute's value, or an empty view when it is absent.
    std::string_view attribute(NodeId id, std::string_view name) const;
    bool has_attribute(NodeId id, std::string_view name) const;

    bool is_element(NodeId id, GumboTag tag) const {
        return m_nodes[id].type == NodeType::element && m_nodes[id].tag == tag;
    }
    // True when `ancestor` is `id` or contains it.
    bool contains(NodeId ancestor, NodeId id) const {
        return id >= ancestor && id < m_nodes[ancestor].subtree_end;
    }

    // Reads an element as another tag from now on (before extraction, which only reads the
    // tree: a <noscript> that holds the page is read as a <div>). `tag_name` must outlive the
    // tree (a string literal).
    void retag(NodeId id, GumboTag tag, std::string_view tag_name) {
        m_nodes[id].tag = tag;
        m_nodes[id].tag_name = tag_name;
    }

    // Removal is a mark, not a change of structure: walks skip removed subtrees.
    void remove(NodeId id) { m_removed[id] = 1; }
    void restore(NodeId id) { m_removed[id] = 0; }
    bool is_removed_here(NodeId id) const { return m_removed[id] != 0; }
    // True when the node or one of its ancestors is removed.
    bool is_removed(NodeId id) const;

    // The text of the subtree as in the page (not collapsed), skipping removed nodes.
    std::string text_content(NodeId id) const;

    // The element children of `id`, in order.
    std::vector<NodeId> element_children(NodeId id) const;
    // The element sibling right before (after) `id`, past text nodes, or k_no_node.
    NodeId previous_element(NodeId id) const;
    NodeId next_element(NodeId id) const;

private:
    // `owned`, when given, holds the page (utf8_html views it) and may be freed early.
    static Tree parse_page(std::string_view utf8_html, std::string* owned, const ParseOptions& options);

    std::vector<Node> m_nodes;
    std::vector<Attribute> m_attributes;
    std::vector<std::uint8_t> m_removed;
    std::deque<std::string> m_unknown_tag_names;  // names of tags Gumbo does not know
    NodeId m_html = k_no_node;
    NodeId m_head = k_no_node;
    NodeId m_body = k_no_node;
};

// True for a heading's permalink: a link to a place on the page (href "#...") whose whole text
// is one mark, "¶" (Sphinx), "#" (Hugo, VitePress, most static-site generators), "§" or "🔗".
// It is the page's furniture, never the heading's or the article's words.
bool is_permalink_anchor(const Tree& tree, NodeId id);

// True for the region the page marks as its main content: a <main> element or role=main.
bool is_main_region(const Tree& tree, NodeId id);

// The whole tree as text, one line per node (indented element with its attributes, or quoted
// text): to compare two parses and to read a tree when debugging.
std::string dump_tree(const Tree& tree);

}  // namespace winnow::dom
