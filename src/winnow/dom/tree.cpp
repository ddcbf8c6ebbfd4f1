#include "winnow/dom/tree.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "winnow/decode/decode.hpp"
#include "winnow/dom/gumbo_heap.hpp"
#include "winnow/dom/prescan.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::dom {
namespace {

// Gumbo's allocations for a page come from this thread's heap and go all at once after the
// copy: one release instead of a free() per node, attribute and string.
GumboHeap& gumbo_heap() {
    thread_local GumboHeap heap;
    return heap;
}

bool is_svg(const GumboElement& element) { return element.tag_namespace == GUMBO_NAMESPACE_SVG && element.tag == GUMBO_TAG_SVG; }

// The text of an <svg>'s content (what a walk over its text nodes reads), appended to `out`;
// false when it holds an HTML element (through <foreignObject>), which the tree then keeps.
bool append_svg_text(const GumboNode* svg, std::string& out) {
    std::vector<const GumboNode*> stack;
    auto push_children = [&stack](const GumboElement& element) {
        for (unsigned i = element.children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(element.children.data[i]));
    };
    push_children(svg->v.element);
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
            if (node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) return false;
            push_children(node->v.element);
        } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            out += node->v.text.text;
        }
    }
    return true;
}

// The texts the scan before parsing left out just after this element's start tag: a script's or
// style's text, the runs of an SVG's text.
std::span<const RemovedText> removed_text_of(const GumboElement& element, std::string_view parsed,
                                             const std::vector<RemovedText>& removed) {
    const bool raw_text = element.tag_namespace == GUMBO_NAMESPACE_HTML &&
                          (element.tag == GUMBO_TAG_SCRIPT || element.tag == GUMBO_TAG_STYLE);
    if (removed.empty() || !(raw_text || is_svg(element)) || !element.original_tag.data) return {};
    const std::size_t after_tag = static_cast<std::size_t>(element.original_tag.data - parsed.data()) + element.original_tag.length;
    auto [first, last] = std::equal_range(removed.begin(), removed.end(), RemovedText{after_tag, 0, 0},
                                          [](const RemovedText& a, const RemovedText& b) { return a.copy_position < b.copy_position; });
    return {first, last};
}

// The attributes the scan took from this element's start tag, or null.
const TakenAttributes* taken_attributes_of(const GumboElement& element, std::string_view parsed,
                                           const std::vector<TakenAttributes>& taken) {
    if (taken.empty() || !element.original_tag.data) return nullptr;
    const std::size_t at = static_cast<std::size_t>(element.original_tag.data - parsed.data());
    auto it = std::lower_bound(taken.begin(), taken.end(), at,
                               [](const TakenAttributes& piece, std::size_t position) { return piece.copy_position < position; });
    return it != taken.end() && it->copy_position == at ? &*it : nullptr;
}

// The name as written in the source for a tag Gumbo does not know ("<my-widget ...").
std::string unknown_tag_name(const GumboElement& element) {
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string_view name(piece.data ? piece.data : "", piece.length);
    auto end = name.find_first_of(" \t\n\r\f/>");
    return ascii::lower(name.substr(0, end));
}


// Reads an element's attributes, as written in the page, into `out` (appended): from the page
// when the scan took them from the tag (TakenAttributes), else from Gumbo.
void read_attributes(const GumboElement& element, std::string_view parsed, const std::vector<TakenAttributes>& taken,
                     std::string_view taken_texts, AttributeReader& reader, std::vector<Attribute>& out) {
    if (const TakenAttributes* piece = taken_attributes_of(element, parsed, taken)) {
        // The scan took the attributes from the tag (Gumbo has none, or a formatting element's
        // marker); an element the tree builder clones keeps its tag, and so its attributes.
        if (piece->references) {
            for (const auto& [name, value] : piece->decoded) out.push_back({ascii::lower(name), value});
        } else {
            for (const AttributeText& attribute : reader.read(taken_texts.substr(piece->begin, piece->end - piece->begin)))
                out.push_back({ascii::lower(attribute.name), std::string(attribute.value)});
        }
        return;
    }
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        out.push_back({ascii::lower(attr->name), attr->value});
    }
}

// React's streamed Suspense content (React 18 and later server rendering: Next.js' app router,
// Remix and others). A boundary whose content is not ready when the page starts is written as
// "<!--$?--><template id="B:1f"></template>FALLBACK<!--/$-->"; its content comes later, at the
// end of the body, as <div hidden id="S:1f">CONTENT</div>, with a script $RC("B:1f","S:1f") that
// puts CONTENT in place of the template and the fallback (up to the boundary's matching "/$"
// comment). A placeholder, <template id="P:12">, is replaced by the content of S:12 the same way
// ($RS). Without a script engine the content stays hidden at the end of the page, away from the
// part of the page it belongs to (a product page's description, a post's text): the tree puts it
// where the scripts would. Ids are React's: a letter, a colon, a number in lower-case hex.
// The most '<' whose nodes and attributes parse_page reserves room for ahead: 9 times the
// largest page of the three corpora (28,406). An 18 MB page of "< " reserved 18 million nodes and
// as many attributes, and failed with out of memory under a 3 GB address-space limit.
constexpr std::size_t k_max_reserved_tags = std::size_t{1} << 18;
constexpr std::string_view k_segment_marker = "id=\"S:";  // how React writes a segment's div: the cheap test
constexpr std::string_view k_boundary_open_marks[] = {"$", "$?", "$!"};  // React's boundary comments: shown, pending, failed
constexpr std::string_view k_boundary_close_mark = "/$";

// The number of a React id "B:1f" for the letter 'B', or empty.
std::string_view stream_id_number(std::string_view id, char letter) {
    if (id.size() < 3 || id[0] != letter || id[1] != ':') return {};
    const std::string_view number = id.substr(2);
    for (char c : number)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return {};
    return number;
}

// The "/$" comment that closes each sibling's boundary, for every child of one parent: for a
// template at index `at`, the first "/$" after it with as many boundaries open before it as
// before the template (boundaries nest), as $RC finds it; -1 when there is none. One backward
// pass per parent, so that a page of many templates and no end marks stays linear.
std::vector<long> boundary_ends(const GumboVector& siblings) {
    auto mark_of = [&](std::size_t i) {
        const auto* node = static_cast<const GumboNode*>(siblings.data[i]);
        if (node->type != GUMBO_NODE_COMMENT) return 0;
        const std::string_view mark = node->v.text.text;
        if (mark == k_boundary_close_mark) return -1;
        return std::find(std::begin(k_boundary_open_marks), std::end(k_boundary_open_marks), mark) != std::end(k_boundary_open_marks) ? 1 : 0;
    };
    std::vector<long> open_before(siblings.length + 1, 0);  // boundaries opened minus closed before index i
    for (std::size_t i = 0; i < siblings.length; ++i) open_before[i + 1] = open_before[i] + mark_of(i);
    std::vector<long> ends(siblings.length, -1);
    std::unordered_map<long, long> next_close;  // open count before a "/$" -> the nearest such "/$" seen
    for (std::size_t i = siblings.length; i-- > 0;) {
        if (auto it = next_close.find(open_before[i + 1]); it != next_close.end()) ends[i] = it->second;
        if (mark_of(i) < 0) next_close[open_before[i]] = static_cast<long>(i);
    }
    return ends;
}

// The page's segments: each hidden <div id="S:n"> (the first, when an id comes twice, as
// getElementById finds it), found in one walk over Gumbo's tree. Each is placed once at most:
// a template that names a segment already placed, or its own segment, stays an empty template.
class StreamedSegments {
public:
    void index(const GumboNode* root, std::string_view parsed, const std::vector<TakenAttributes>& taken,
               std::string_view taken_texts, AttributeReader& reader) {
        std::vector<const GumboNode*> stack{root};
        std::vector<Attribute> attributes;
        while (!stack.empty()) {
            const GumboNode* node = stack.back();
            stack.pop_back();
            // Template contents are inert: React's segments are never there.
            if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
            const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
            for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
            if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_DIV) continue;
            attributes.clear();
            read_attributes(node->v.element, parsed, taken, taken_texts, reader, attributes);
            std::string_view number;
            bool hidden = false;
            for (const Attribute& a : attributes) {
                if (a.name == "id") number = stream_id_number(a.value, 'S');
                else if (a.name == "hidden") hidden = true;
            }
            if (!hidden || number.empty() || m_by_number.contains(std::string(number))) continue;
            m_by_number.emplace(std::string(number), node);
            m_state.emplace(node, false);
        }
    }
    bool empty() const { return m_state.empty(); }

    // The segment a template's id names ("B:n" or "P:n") and that is not placed yet, now marked
    // placed; else null.
    const GumboNode* take_for(std::string_view template_id) {
        std::string_view number = stream_id_number(template_id, 'B');
        if (number.empty()) number = stream_id_number(template_id, 'P');
        if (number.empty()) return nullptr;
        auto it = m_by_number.find(std::string(number));
        if (it == m_by_number.end()) return nullptr;
        bool& placed = m_state.at(it->second);
        if (placed) return nullptr;
        placed = true;
        return it->second;
    }
    // For a segment's div met where it stands: true when it was placed at its template (the
    // div is then skipped); a segment met before any template names it stays where it is (a
    // hidden div, as on a page without scripts) and is marked placed, so that it comes once.
    bool placed_elsewhere(const GumboNode* div) {
        auto it = m_state.find(div);
        if (it == m_state.end()) return false;
        if (it->second) return true;
        it->second = true;
        return false;
    }

    // The siblings after a boundary's template up to the boundary's own "/$" comment, as $RC
    // removes them: how many, or -1 when there is no such comment.
    long fallback_length(const GumboNode* template_node) {
        const GumboNode* parent = template_node->parent;
        if (!parent) return -1;
        const GumboVector& siblings = parent->type == GUMBO_NODE_DOCUMENT ? parent->v.document.children : parent->v.element.children;
        const std::size_t at = template_node->index_within_parent;
        if (at >= siblings.length || siblings.data[at] != template_node) return -1;
        auto [it, added] = m_boundary_ends.try_emplace(parent);
        if (added) it->second = boundary_ends(siblings);
        const long end = it->second[at];
        return end < 0 ? -1 : end - static_cast<long>(at) - 1;
    }

private:
    std::unordered_map<const GumboNode*, std::vector<long>> m_boundary_ends;  // parent: boundary_ends of its children
    std::unordered_map<std::string, const GumboNode*> m_by_number;
    std::unordered_map<const GumboNode*, bool> m_state;  // segment div: placed
};

}  // namespace

Tree Tree::parse(std::string_view utf8_html, const ParseOptions& options) { return parse_page(utf8_html, nullptr, options); }

Tree Tree::parse(std::string&& utf8_html, const ParseOptions& options) { return parse_page(utf8_html, &utf8_html, options); }

Tree Tree::parse_page(std::string_view utf8_html, std::string* owned, const ParseOptions& parse_options) {
    Tree tree;
    std::string scanned;
    std::vector<RemovedText> removed;
    std::string removed_texts;  // the texts the scan left out, as the tree keeps them
    std::vector<TakenAttributes> taken;
    std::string taken_texts;  // the attributes the scan left out, as the tokenizer reads them
    // The scan always runs, for its limits on nesting and attributes (prescan.hpp). It removes
    // bodies only from valid UTF-8: Gumbo replaces ill-formed UTF-8 in its own way, which the scan
    // does not imitate (never the case after decode).
    const bool remove = parse_options.prescan && (parse_options.valid_utf8 || decode::is_valid_utf8(utf8_html));
    const bool streamed = parse_options.streamed_segments && utf8_html.find(k_segment_marker) != std::string_view::npos;
    // Room for the whole page: pages of it that the copy does not fill are never touched.
    scanned.reserve(utf8_html.size());
    strip_unread_content(utf8_html, scanned, &removed, remove ? ScanMode::remove_unread : ScanMode::limits_only, &taken);
    // The texts are taken now, so that a page given to keep can go before Gumbo runs; each
    // piece then points into removed_texts (taken_texts), as Gumbo's input stream gives it.
    // Room for them first: script, style and svg bodies are most of a modern page's bytes, and
    // a string grown piece by piece copies them again at each doubling.
    std::size_t removed_bytes = 0, taken_bytes = 0;
    for (const RemovedText& piece : removed) removed_bytes += piece.end - piece.begin;
    for (const TakenAttributes& piece : taken) taken_bytes += piece.references ? 0 : piece.end - piece.begin;
    removed_texts.reserve(removed_bytes);
    taken_texts.reserve(taken_bytes);
    for (RemovedText& piece : removed) {
        const std::size_t begin = removed_texts.size();
        append_raw_text(removed_texts, utf8_html.substr(piece.begin, piece.end - piece.begin));
        piece.begin = begin;
        piece.end = removed_texts.size();
    }
    for (TakenAttributes& piece : taken) {
        if (piece.references) continue;  // decoded by the scan
        const std::size_t begin = taken_texts.size();
        append_raw_text(taken_texts, utf8_html.substr(piece.begin, piece.end - piece.begin));
        piece.begin = begin;
        piece.end = taken_texts.size();
    }
    if (owned) std::string().swap(*owned);
    utf8_html = scanned;
    GumboHeap& heap = gumbo_heap();
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // errors are not used; collecting them costs time
    options.allocator = GumboHeap::allocate_hook;
    options.deallocator = GumboHeap::deallocate_hook;
    options.userdata = &heap;
    GumboOutput* output = gumbo_parse_with_options(&options, utf8_html.data(), utf8_html.size());

    AttributeReader attribute_reader;
    StreamedSegments segments;
    if (streamed) segments.index(output->document, utf8_html, taken, taken_texts, attribute_reader);

    // Room for every node and attribute from the start: a vector that grows moves all it holds
    // at each doubling (2.6% of trafilatura-dev's pipeline time). Each '<' of the copy opens at
    // most one element and one text node after it; the three corpora have at most 1.7 nodes and
    // 2.0 attributes per '<'. Room never filled costs address space only, not touched pages, but
    // a process under an address-space limit (ulimit -v, a worker's memory cap) has to find it:
    // past k_max_reserved_tags the vectors grow as they need.
    const auto tags = std::min(static_cast<std::size_t>(std::count(utf8_html.begin(), utf8_html.end(), '<')),
                               k_max_reserved_tags);
    tree.m_nodes.reserve(2 * tags + 16);
    tree.m_attributes.reserve(2 * tags);
    Node document;
    document.type = NodeType::document;
    tree.m_nodes.push_back(std::move(document));

    // Iterative pre-order copy; each stack entry is a Gumbo node and its parent's id.
    struct Pending {
        const GumboNode* node;
        NodeId parent;
    };
    std::vector<Pending> stack;
    std::vector<NodeId> open;  // ids whose subtree_end is not known yet, with the stack size at their push
    const GumboVector& top = output->document->v.document.children;
    for (unsigned i = top.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(top.data[i]), 0});

    // A node that would be deeper than k_max_depth goes to the deepest allowed parent instead,
    // as in a browser: it becomes the next sibling of the element at the limit.
    auto allowed_parent = [&tree](NodeId parent) {
        return tree.m_nodes[parent].depth < k_max_depth ? parent : tree.m_nodes[parent].parent;
    };
    // Appends a node as the last child of `parent`.
    auto attach = [&tree, &allowed_parent](NodeId parent, Node node) {
        parent = allowed_parent(parent);
        NodeId id = static_cast<NodeId>(tree.m_nodes.size());
        node.parent = parent;
        node.depth = tree.m_nodes[parent].depth + 1;
        Node& p = tree.m_nodes[parent];
        node.prev_sibling = p.last_child;
        if (p.last_child != k_no_node) tree.m_nodes[p.last_child].next_sibling = id;
        else p.first_child = id;
        p.last_child = id;
        tree.m_nodes.push_back(std::move(node));
        return id;
    };

    while (!stack.empty()) {
        auto [gnode, parent] = stack.back();
        stack.pop_back();
        switch (gnode->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA: {
                Node text;
                text.type = NodeType::text;
                text.text = gnode->v.text.text;
                // Adjacent text pieces (Gumbo splits around entities in some cases) become one.
                NodeId last = tree.m_nodes[allowed_parent(parent)].last_child;
                if (last != k_no_node && tree.m_nodes[last].type == NodeType::text) {
                    tree.m_nodes[last].text += text.text;
                } else {
                    NodeId id = attach(parent, std::move(text));
                    tree.m_nodes[id].subtree_end = id + 1;
                }
                break;
            }
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                const GumboElement& element = gnode->v.element;
                if (!segments.empty()) {
                    if (element.tag == GUMBO_TAG_DIV && segments.placed_elsewhere(gnode)) break;
                    const GumboAttribute* template_id =
                        gnode->type == GUMBO_NODE_TEMPLATE ? gumbo_get_attribute(&element.attributes, "id") : nullptr;
                    if (const GumboNode* segment = template_id ? segments.take_for(template_id->value) : nullptr) {
                        // A boundary's fallback goes (when its end is found, as $RC finds it):
                        // its nodes are next on the stack, in order.
                        const long fallback = template_id->value[0] == 'B' ? segments.fallback_length(gnode) : 0;
                        if (fallback > 0 && static_cast<std::size_t>(fallback) <= stack.size()) {
                            const GumboVector& siblings = gnode->parent->type == GUMBO_NODE_DOCUMENT
                                                              ? gnode->parent->v.document.children
                                                              : gnode->parent->v.element.children;
                            bool in_order = true;
                            for (long i = 1; i <= fallback && in_order; ++i)
                                in_order = stack[stack.size() - i].node == siblings.data[gnode->index_within_parent + i];
                            if (in_order) stack.resize(stack.size() - fallback);
                        }
                        const GumboVector& content = segment->v.element.children;
                        for (unsigned i = content.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(content.data[i]), parent});
                        break;
                    }
                }
                Node node;
                node.tag = element.tag;
                if (element.tag == GUMBO_TAG_UNKNOWN) {
                    tree.m_unknown_tag_names.push_back(unknown_tag_name(element));
                    node.tag_name = tree.m_unknown_tag_names.back();
                } else {
                    node.tag_name = gumbo_normalized_tagname(element.tag);
                }
                node.attribute_begin = static_cast<std::uint32_t>(tree.m_attributes.size());
                read_attributes(element, utf8_html, taken, taken_texts, attribute_reader, tree.m_attributes);
                node.attribute_count = static_cast<std::uint32_t>(tree.m_attributes.size() - node.attribute_begin);
                NodeId id = attach(parent, std::move(node));
                if (element.tag == GUMBO_TAG_HTML && tree.m_html == k_no_node) tree.m_html = id;
                if (element.tag == GUMBO_TAG_HEAD && tree.m_head == k_no_node) tree.m_head = id;
                if (element.tag == GUMBO_TAG_BODY && tree.m_body == k_no_node) tree.m_body = id;
                // Template contents are inert in a browser; they are never shown as text.
                if (gnode->type == GUMBO_NODE_TEMPLATE) break;
                // A script, style or SVG whose text Gumbo did not see gets it from the page; an
                // SVG keeps its text only, as one node (a drawing is never the page's text).
                Node text_node;
                text_node.type = NodeType::text;
                for (const RemovedText& piece : removed_text_of(element, utf8_html, removed))
                    text_node.text.append(removed_texts, piece.begin, piece.end - piece.begin);
                std::string svg_text;
                const bool svg_drawing = is_svg(element) && append_svg_text(gnode, svg_text);
                if (svg_drawing) text_node.text += svg_text;
                if (!text_node.text.empty()) attach(id, std::move(text_node));
                if (svg_drawing) break;
                for (unsigned i = element.children.length; i-- > 0;)
                    stack.push_back({static_cast<const GumboNode*>(element.children.data[i]), id});
                break;
            }
            default:  // comments and the document node itself carry no text
                break;
        }
    }
    // Gumbo's output, all at once: gumbo_destroy_output would walk the tree recursively (a page
    // of 300,000 nested elements exhausted the stack), and free() each of its blocks.
    heap.release();

    // Nodes were appended in document order, so a subtree ends where the next node outside it begins:
    // compute subtree_end bottom-up (children always have larger ids than their parents).
    for (NodeId id = static_cast<NodeId>(tree.m_nodes.size()); id-- > 0;) {
        Node& node = tree.m_nodes[id];
        node.subtree_end = node.last_child == k_no_node ? id + 1 : tree.m_nodes[node.last_child].subtree_end;
    }
    if (tree.m_html == k_no_node) tree.m_html = 0;
    if (tree.m_body == k_no_node) tree.m_body = tree.m_html;
    tree.m_removed.assign(tree.m_nodes.size(), 0);
    return tree;
}

std::span<const Attribute> Tree::attributes(NodeId id) const {
    const Node& n = m_nodes[id];
    return {m_attributes.data() + n.attribute_begin, n.attribute_count};
}

std::string_view Tree::attribute(NodeId id, std::string_view name) const {
    for (const Attribute& a : attributes(id))
        if (a.name == name) return a.value;
    return {};
}

bool Tree::has_attribute(NodeId id, std::string_view name) const {
    for (const Attribute& a : attributes(id))
        if (a.name == name) return true;
    return false;
}

bool Tree::is_removed(NodeId id) const {
    for (NodeId at = id; at != k_no_node; at = m_nodes[at].parent)
        if (m_removed[at]) return true;
    return false;
}

std::string Tree::text_content(NodeId id) const {
    std::string out;
    const NodeId end = m_nodes[id].subtree_end;
    for (NodeId at = id; at < end;) {
        if (m_removed[at]) {
            at = m_nodes[at].subtree_end;
            continue;
        }
        if (m_nodes[at].type == NodeType::text) out += m_nodes[at].text;
        ++at;
    }
    return out;
}

NodeId Tree::previous_element(NodeId id) const {
    for (NodeId s = m_nodes[id].prev_sibling; s != k_no_node; s = m_nodes[s].prev_sibling)
        if (m_nodes[s].type == NodeType::element) return s;
    return k_no_node;
}

NodeId Tree::next_element(NodeId id) const {
    for (NodeId s = m_nodes[id].next_sibling; s != k_no_node; s = m_nodes[s].next_sibling)
        if (m_nodes[s].type == NodeType::element) return s;
    return k_no_node;
}

std::vector<NodeId> Tree::element_children(NodeId id) const {
    std::vector<NodeId> out;
    for (NodeId c = m_nodes[id].first_child; c != k_no_node; c = m_nodes[c].next_sibling)
        if (m_nodes[c].type == NodeType::element) out.push_back(c);
    return out;
}

namespace {
// The marks a permalink shows instead of words.
constexpr std::string_view k_permalink_marks[] = {"\xC2\xB6" /* ¶ */, "#", "\xC2\xA7" /* § */, "\xF0\x9F\x94\x97" /* 🔗 */};
// A permalink is a link and its mark, perhaps in a <span>: more nodes are something else.
constexpr NodeId k_max_permalink_nodes = 4;
}  // namespace

bool is_main_region(const Tree& tree, NodeId id) {
    return tree.is_element(id, GUMBO_TAG_MAIN) ||
           (tree.node(id).type == NodeType::element && ascii::iequals(tree.attribute(id, "role"), "main"));
}

bool is_permalink_anchor(const Tree& tree, NodeId id) {
    if (!tree.is_element(id, GUMBO_TAG_A) || !tree.attribute(id, "href").starts_with('#') ||
        tree.node(id).subtree_end - id > k_max_permalink_nodes)
        return false;
    std::string text;
    for (NodeId at = id + 1; at < tree.node(id).subtree_end; ++at)
        if (tree.node(at).type == NodeType::text) text += tree.node(at).text;
    const std::string_view mark = ascii::trim(text);
    return std::find(std::begin(k_permalink_marks), std::end(k_permalink_marks), mark) != std::end(k_permalink_marks);
}

std::string dump_tree(const Tree& tree) {
    std::string out;
    for (NodeId id = 0; id < tree.size(); ++id) {
        const Node& node = tree.node(id);
        out.append(2 * node.depth, ' ');
        if (node.type == NodeType::document) {
            out += "#document";
        } else if (node.type == NodeType::text) {
            out += '"';
            out += node.text;
            out += '"';
        } else {
            out += '<';
            out += node.tag_name;
            for (const Attribute& a : tree.attributes(id)) out += " " + a.name + "=\"" + a.value + "\"";
            out += '>';
        }
        out += '\n';
    }
    return out;
}

}  // namespace winnow::dom
