#include "winnow/extract/block_builder.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "winnow/decode/text.hpp"
#include "winnow/dom/html_tags.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;
using dom::NodeType;
using dom::Tree;
using dom::is_block_element;
using dom::is_never_text;

// Below this depth under the container a subtree is read as plain text rather than walked,
// so a page of 10,000 nested elements cannot exhaust the stack.
constexpr unsigned k_max_walk_depth = 1500;

// A cell that wraps its value in a <p> or <div> (as table editors of many CMSs do) still holds
// data when it is this short (non-space bytes); a longer one is a page laid out in a table.
constexpr std::size_t k_max_data_cell_bytes = 200;

std::size_t non_space_text_bytes(const Tree& tree, NodeId id) {
    std::size_t n = 0;
    for (NodeId d = id; d < tree.node(id).subtree_end; ++d)
        if (tree.node(d).type == NodeType::text)
            for (char c : tree.node(d).text) n += c != ' ' && c != '\n' && c != '\t' && c != '\r';
    return n;
}

// A table is a data table (rows written as "a | b") unless it holds structure no row can keep
// (a nested table, a list, a heading, a quote, code, an article) or long cells of paragraphs:
// then it is a layout table, whose cells are read as ordinary containers.
bool is_layout_table(const Tree& tree, NodeId table) {
    const dom::Node& t = tree.node(table);
    bool paragraphs = false;
    std::size_t longest_cell = 0;
    for (NodeId id = table + 1; id < t.subtree_end; ++id) {
        const dom::Node& n = tree.node(id);
        if (n.type != NodeType::element) continue;
        switch (n.tag) {
            case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
            case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_BLOCKQUOTE:
            case GUMBO_TAG_PRE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
                return true;
            case GUMBO_TAG_P: case GUMBO_TAG_DIV:
                paragraphs = true;
                break;
            case GUMBO_TAG_TD: case GUMBO_TAG_TH:
                longest_cell = std::max(longest_cell, non_space_text_bytes(tree, id));
                break;
            default:
                break;
        }
    }
    return paragraphs && longest_cell > k_max_data_cell_bytes;
}

// The inline elements whose structure the writers show (Markdown), or nullopt.
std::optional<SpanKind> inline_span_kind(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
            return SpanKind::strong;
        case GUMBO_TAG_EM: case GUMBO_TAG_I:
            return SpanKind::emphasis;
        case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TT:
            return SpanKind::code;
        default:
            return std::nullopt;
    }
}

// A link's target as written, or empty for an anchor without one and for script links.
std::string link_target(const Tree& tree, NodeId a) {
    std::string_view href = ascii::trim(tree.attribute(a, "href"));
    if (href.empty() || ascii::istarts_with(href, "javascript:")) return {};
    return std::string(href);
}

// An image's source as written: `src`, unless it is missing or an inline placeholder (data:)
// and a lazy loader keeps the real address in a data attribute.
std::string image_source(const Tree& tree, NodeId img) {
    std::string_view src = ascii::trim(tree.attribute(img, "src"));
    if (!src.empty() && !ascii::istarts_with(src, "data:")) return std::string(src);
    for (std::string_view name : {"data-src", "data-lazy-src", "data-original"})
        if (auto lazy = ascii::trim(tree.attribute(img, name)); !lazy.empty()) return std::string(lazy);
    return std::string(src);
}

// An HTML integer attribute (<ol start>, <li value>): optional white space, sign, digits; what
// follows the digits is ignored, as browsers do.
std::optional<std::int64_t> html_integer(std::string_view s) {
    s = ascii::trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc() || end == s.data()) return std::nullopt;
    return value;
}

// The language of a code block: a class token "language-x" or "lang-x" on the <pre> or on a
// <code> inside it (the convention of CommonMark renderers, highlight.js and Prism).
std::string code_language(const Tree& tree, NodeId pre) {
    const dom::Node& p = tree.node(pre);
    for (NodeId id = pre; id < p.subtree_end; ++id) {
        if (id != pre && !tree.is_element(id, GUMBO_TAG_CODE)) continue;
        std::string_view classes = tree.attribute(id, "class");
        std::size_t i = 0;
        while (i < classes.size()) {
            std::size_t end = classes.find_first_of(" \t\n\r\f", i);
            if (end == std::string_view::npos) end = classes.size();
            std::string_view token = classes.substr(i, end - i);
            i = end + 1;
            for (std::string_view prefix : {"language-", "lang-"})
                if (token.size() > prefix.size() && ascii::istarts_with(token, prefix)) return std::string(token.substr(prefix.size()));
        }
    }
    return {};
}

// Maps byte offsets of a buffer whose only white space is ASCII space to offsets in its
// collapse_whitespace() result (leading, doubled and trailing spaces dropped).
class CollapsedOffsets {
public:
    explicit CollapsedOffsets(std::string_view buffer) : m_map(buffer.size() + 1) {
        std::size_t out = 0;
        bool last_space = true;  // a space at the start is dropped
        for (std::size_t i = 0; i < buffer.size(); ++i) {
            m_map[i] = out;
            const bool space = buffer[i] == ' ';
            if (!(space && last_space)) ++out;
            last_space = space;
        }
        m_map[buffer.size()] = out;
    }
    std::uint32_t operator()(std::size_t offset, std::size_t text_size) const {
        return static_cast<std::uint32_t>(std::min(m_map[std::min(offset, m_map.size() - 1)], text_size));
    }

private:
    std::vector<std::size_t> m_map;
};

// A span being collected: offsets into a buffer, and its opening order (to sort nested spans
// that start at one offset outer first).
struct PendingSpan {
    Span span;
    std::uint32_t order = 0;
};

// The spans of a buffer as spans of its collapsed text: offsets mapped, white space at the
// edges left out, empty ones dropped, sorted by begin with outer spans first.
std::vector<Span> collapsed_spans(std::vector<PendingSpan> pending, std::string_view buffer, std::string_view text) {
    std::vector<Span> spans;
    if (pending.empty()) return spans;
    const CollapsedOffsets offsets(buffer);
    std::stable_sort(pending.begin(), pending.end(), [](const PendingSpan& a, const PendingSpan& b) {
        if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
        if (a.span.end != b.span.end) return a.span.end > b.span.end;
        return a.order < b.order;
    });
    for (PendingSpan& p : pending) {
        Span span = std::move(p.span);
        span.begin = offsets(span.begin, text.size());
        span.end = offsets(span.end, text.size());
        if (span.kind != SpanKind::image) {
            while (span.begin < span.end && text[span.begin] == ' ') ++span.begin;
            while (span.end > span.begin && text[span.end - 1] == ' ') --span.end;
            if (span.begin == span.end) continue;
        }
        spans.push_back(std::move(span));
    }
    // Trimming can reorder spans that started at one offset; keep the documented order.
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return spans;
}

class BlockBuilder {
public:
    BlockBuilder(const Tree& tree, const Mask& mask, const Page* page = nullptr) : m_tree(tree), m_mask(mask), m_page(page) {}

    std::vector<SourcedBlock> run(const std::vector<NodeId>& roots) {
        for (NodeId root : roots) {
            m_block_elements.assign(1, root);
            m_root_first_block = m_blocks.size();
            walk(root, 0);
            flush();
            attach_trailing_images();
        }
        return std::move(m_blocks);
    }

private:
    const Tree& m_tree;
    const Mask& m_mask;
    const Page* m_page;  // the page's flags (disclosure toggles are read), when known
    std::vector<SourcedBlock> m_blocks;
    std::string m_buffer;        // inline text of the block being built
    NodeId m_source = dom::k_no_node;         // element of the buffer's first text
    NodeId m_source_block = dom::k_no_node;   // innermost block element open at the first text
    std::vector<NodeId> m_block_elements;     // open block-level elements
    std::uint32_t m_link_depth = 0;           // open <a> elements
    float m_link_chars = 0;
    std::uint32_t m_links = 0;

    // Inline markup of the buffer: spans closed so far, and those still open (their begin is an
    // offset into the buffer; a flush cuts them and they go on from the start of the next one).
    std::vector<PendingSpan> m_spans;
    std::vector<PendingSpan> m_open_spans;
    std::uint32_t m_span_order = 0;
    std::vector<Span> m_pending_images;       // images that stood alone, for the next block
    std::size_t m_root_first_block = 0;

    // The block being built: what the open elements make of it.
    std::uint8_t m_heading_level = 0;
    ListMarker m_item_marker = ListMarker::bullet;
    std::int64_t m_item_number = 0;
    // The open lists: their kind and the number of the next item (numbered lists).
    struct OpenList {
        ListMarker marker = ListMarker::bullet;
        std::int64_t next = 1;
        std::int64_t step = 1;
    };
    std::vector<OpenList> m_lists;

    // Every block goes through here: images that stood alone before it come along.
    void add_block(SourcedBlock sourced) {
        if (!m_pending_images.empty()) {
            auto& spans = sourced.block.markup.spans;
            spans.insert(spans.begin(), std::make_move_iterator(m_pending_images.begin()),
                         std::make_move_iterator(m_pending_images.end()));
            m_pending_images.clear();
        }
        m_blocks.push_back(std::move(sourced));
    }

    void push_block(Block block, NodeId source) {
        SourcedBlock sourced;
        sourced.block = std::move(block);
        sourced.source = source;
        sourced.block_element = source;
        add_block(std::move(sourced));
    }

    // Images left at the end of a root go with its last block, after its text.
    void attach_trailing_images() {
        if (m_pending_images.empty()) return;
        if (m_blocks.size() > m_root_first_block) {
            Block& last = m_blocks.back().block;
            for (Span& image : m_pending_images) {
                image.begin = image.end = static_cast<std::uint32_t>(last.text.size());
                last.markup.spans.push_back(std::move(image));
            }
        }
        m_pending_images.clear();
    }

    void append_text(NodeId id, const std::string& text) {
        const std::size_t before = m_buffer.size();
        decode::append_collapsed(m_buffer, text);
        if (m_buffer.size() == before) return;
        if (m_source == dom::k_no_node && m_buffer.find_first_not_of(' ') != std::string::npos) {
            m_source = m_tree.node(id).parent;
            m_source_block = m_block_elements.empty() ? m_source : m_block_elements.back();
        }
        if (m_link_depth > 0)
            m_link_chars += static_cast<float>(utf8::non_space_count(std::string_view(m_buffer).substr(before)));
    }

    BlockKind m_kind = BlockKind::paragraph;
    std::uint32_t m_list_depth = 0;   // lists entered
    int m_item_depth = -1;            // depth of the open list item, -1 outside lists
    std::uint32_t m_quote_depth = 0;
    std::uint32_t m_group = 0;
    std::uint32_t m_next_group = 1;

    void open_span(Span span) {
        span.begin = static_cast<std::uint32_t>(m_buffer.size());
        m_open_spans.push_back({std::move(span), m_span_order++});
    }

    void close_span() {
        PendingSpan pending = std::move(m_open_spans.back());
        m_open_spans.pop_back();
        pending.span.end = static_cast<std::uint32_t>(m_buffer.size());
        if (pending.span.end > pending.span.begin) m_spans.push_back(std::move(pending));
    }

    void add_image(NodeId img) {
        Span image;
        image.kind = SpanKind::image;
        image.begin = image.end = static_cast<std::uint32_t>(m_buffer.size());
        image.target = image_source(m_tree, img);
        image.alt = decode::collapse_whitespace(m_tree.attribute(img, "alt"));
        if (!image.target.empty()) m_spans.push_back({std::move(image), m_span_order++});
    }

    // The buffer's spans for a block of `text`; spans still open are cut at the buffer's end.
    std::vector<Span> take_spans(const std::string& text) {
        for (PendingSpan& open : m_open_spans) {
            PendingSpan cut = open;
            cut.span.end = static_cast<std::uint32_t>(m_buffer.size());
            if (cut.span.end > cut.span.begin) m_spans.push_back(std::move(cut));
            open.span.begin = 0;
        }
        if (m_spans.empty()) return {};
        std::vector<Span> spans = collapsed_spans(std::move(m_spans), m_buffer, text);
        m_spans.clear();
        return spans;
    }

    void flush() {
        std::string text = decode::collapse_whitespace(m_buffer);
        std::vector<Span> spans = take_spans(text);
        m_buffer.clear();
        const NodeId source = m_source, source_block = m_source_block;
        const float link_chars = m_link_chars;
        const std::uint32_t links = m_links;
        m_source = m_source_block = dom::k_no_node;
        m_link_chars = 0;
        m_links = 0;
        if (text.empty()) {
            // A block of images alone: they go with the next block of text.
            for (Span& span : spans)
                if (span.kind == SpanKind::image) {
                    span.alone = true;
                    span.begin = span.end = 0;
                    m_pending_images.push_back(std::move(span));
                }
            return;
        }
        Block block;
        block.text = std::move(text);
        block.markup.spans = std::move(spans);
        if (m_item_depth >= 0) {
            block.kind = BlockKind::list_item;
            block.depth = static_cast<std::uint32_t>(m_item_depth);
            block.group = m_group;
            block.markup.marker = m_item_marker;
            block.markup.number = m_item_number;
        } else if (m_kind == BlockKind::heading) {
            block.kind = BlockKind::heading;
            block.markup.level = m_heading_level;
        } else if (m_quote_depth > 0) {
            block.kind = BlockKind::quote;
        }
        SourcedBlock sourced;
        sourced.block = std::move(block);
        sourced.source = source;
        sourced.block_element = source_block;
        sourced.link_chars = link_chars;
        sourced.links = links;
        add_block(std::move(sourced));
    }

    // The children of a block element, ending in a block of their own (the element is the
    // innermost block element of the blocks inside).
    void walk_block(NodeId id, unsigned depth) {
        m_block_elements.push_back(id);
        walk_children(id, depth);
        flush();
        m_block_elements.pop_back();
    }

    void walk_children(NodeId id, unsigned depth) {
        for (NodeId c = m_tree.node(id).first_child; c != dom::k_no_node; c = m_tree.node(c).next_sibling)
            walk(c, depth + 1);
    }

    // Whether the element's text is never read (Page::never_text; without a page, by its tag).
    bool never_text(NodeId id) const { return m_page ? m_page->never_text(id) : is_never_text(m_tree.node(id).tag); }

    void walk(NodeId id, unsigned depth) {
        if (m_mask.removed_here(id)) return;
        const dom::Node& node = m_tree.node(id);
        if (node.type == NodeType::text) {
            append_text(id, node.text);
            return;
        }
        if (node.type == NodeType::document) {
            walk_children(id, depth);
            return;
        }
        if (node.tag == GUMBO_TAG_IMG) {
            add_image(id);  // an image's alt text is not page text, but the writers may show the image
            return;
        }
        if (never_text(id)) return;
        if (depth > k_max_walk_depth) {
            append_text(id, m_mask.text_content(m_tree, id));
            return;
        }
        switch (node.tag) {
            case GUMBO_TAG_BR:
                // Inside a list item or heading a line break is a space; elsewhere it ends a block,
                // the way a reader sees two lines.
                if (m_item_depth >= 0 || m_kind == BlockKind::heading) m_buffer += ' ';
                else flush();
                return;
            case GUMBO_TAG_PRE: {
                flush();
                Block pre{BlockKind::preformatted, 0, 0, m_mask.text_content(m_tree, id)};
                pre.markup.language = code_language(m_tree, id);
                push_block(std::move(pre), id);
                return;
            }
            case GUMBO_TAG_UL:
            case GUMBO_TAG_OL:
            case GUMBO_TAG_DL:
                walk_list(id, depth);
                return;
            case GUMBO_TAG_LI:
            case GUMBO_TAG_DT:
            case GUMBO_TAG_DD:
                if (m_item_depth >= 0) {
                    walk_list_item(id, depth);
                    return;
                }
                break;
            case GUMBO_TAG_TABLE:
                if (!is_layout_table(m_tree, id)) {
                    walk_data_table(id);
                    return;
                }
                break;
            case GUMBO_TAG_BLOCKQUOTE:
                flush();
                ++m_quote_depth;
                walk_children(id, depth);
                flush();
                --m_quote_depth;
                return;
            default:
                break;
        }
        if (dom::is_heading(node.tag) && m_item_depth < 0) {
            flush();
            BlockKind saved = m_kind;
            const std::uint8_t saved_level = m_heading_level;
            m_kind = BlockKind::heading;
            m_heading_level = static_cast<std::uint8_t>(1 + (node.tag - GUMBO_TAG_H1));
            walk_block(id, depth);
            m_kind = saved;
            m_heading_level = saved_level;
            return;
        }
        if (is_block_element(node.tag)) {
            // Inside a list item or heading, blocks are joined by a space: one item stays one line.
            if (m_item_depth >= 0 || m_kind == BlockKind::heading) {
                m_buffer += ' ';
                walk_children(id, depth);
                m_buffer += ' ';
                return;
            }
            flush();
            walk_block(id, depth);
            return;
        }
        if (node.tag == GUMBO_TAG_A) {
            ++m_link_depth;
            const float before = m_link_chars;
            std::string target = link_target(m_tree, id);
            const bool linked = !target.empty();
            if (linked) open_span(Span{SpanKind::link, 0, 0, std::move(target), {}, false});
            walk_children(id, depth);
            if (linked) close_span();
            --m_link_depth;
            if (m_link_chars > before) ++m_links;
            return;
        }
        // Inline elements (and unknown ones) add their text to the current block.
        if (auto kind = inline_span_kind(node.tag)) {
            open_span(Span{*kind, 0, 0, {}, {}, false});
            walk_children(id, depth);
            close_span();
            return;
        }
        walk_children(id, depth);
    }

    // The first number of a numbered list and the step between items: <ol start>, and
    // <ol reversed> counting down from the number of items.
    OpenList numbered_list(NodeId ol) const {
        OpenList list{ListMarker::number, 1, 1};
        if (m_tree.has_attribute(ol, "reversed")) {
            list.step = -1;
            list.next = 0;
            for (NodeId c : m_tree.element_children(ol)) list.next += m_tree.is_element(c, GUMBO_TAG_LI);
        }
        if (auto start = html_integer(m_tree.attribute(ol, "start"))) list.next = *start;
        return list;
    }

    void walk_list(NodeId id, unsigned depth) {
        flush();
        int saved_item = m_item_depth;
        std::uint32_t saved_group = m_group;
        const ListMarker saved_marker = m_item_marker;
        const std::int64_t saved_number = m_item_number;
        // Nested lists share their top-level list's group: all its items are consecutive lines.
        if (m_list_depth == 0) m_group = m_next_group++;
        m_item_depth = static_cast<int>(m_list_depth);
        ++m_list_depth;
        const GumboTag tag = m_tree.node(id).tag;
        m_lists.push_back(tag == GUMBO_TAG_OL ? numbered_list(id)
                                              : OpenList{tag == GUMBO_TAG_DL ? ListMarker::definition : ListMarker::bullet, 0, 0});
        // Text of the list outside any item.
        m_item_marker = tag == GUMBO_TAG_DL ? ListMarker::definition : ListMarker::bullet;
        m_item_number = 0;
        walk_children(id, depth);
        flush();
        m_lists.pop_back();
        --m_list_depth;
        m_item_depth = saved_item;
        m_group = saved_group;
        m_item_marker = saved_marker;
        m_item_number = saved_number;
    }

    void walk_list_item(NodeId id, unsigned depth) {
        flush();
        const ListMarker saved_marker = m_item_marker;
        const std::int64_t saved_number = m_item_number;
        const GumboTag tag = m_tree.node(id).tag;
        OpenList& list = m_lists.back();
        if (tag == GUMBO_TAG_DT) {
            m_item_marker = ListMarker::term;
        } else if (tag == GUMBO_TAG_DD) {
            m_item_marker = ListMarker::definition;
        } else if (list.marker == ListMarker::number) {
            m_item_marker = ListMarker::number;
            if (auto value = html_integer(m_tree.attribute(id, "value"))) list.next = *value;
            m_item_number = list.next;
            list.next += list.step;
        } else {
            m_item_marker = ListMarker::bullet;
        }
        walk_block(id, depth);
        m_item_marker = saved_marker;
        m_item_number = saved_number;
    }

    void walk_data_table(NodeId table) {
        flush();
        std::uint32_t group = m_next_group++;
        const std::size_t first_row = m_blocks.size();
        const dom::Node& t = m_tree.node(table);
        for (NodeId id = table + 1; id < t.subtree_end; ++id) {
            if (m_mask.removed_here(id)) {
                id = m_tree.node(id).subtree_end - 1;
                continue;
            }
            if (!m_tree.is_element(id, GUMBO_TAG_TR)) continue;
            Block row{BlockKind::table_row, 0, group, {}};
            bool all_header_cells = true;
            for (NodeId cell : m_tree.element_children(id)) {
                if (m_mask.removed_here(cell)) continue;
                GumboTag tag = m_tree.node(cell).tag;
                if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
                all_header_cells = all_header_cells && tag == GUMBO_TAG_TH;
                if (!row.text.empty()) row.text += k_cell_separator;
                append_cell(row, cell);
            }
            if (row.text.find_first_not_of(" |") != std::string::npos) {
                const NodeId parent = m_tree.node(id).parent;
                row.markup.header = all_header_cells || (parent != dom::k_no_node && m_tree.is_element(parent, GUMBO_TAG_THEAD));
                push_block(std::move(row), id);
            }
        }
        if (const auto caption = first_caption(table); !caption.empty()) {
            SourcedBlock sourced;
            sourced.block = Block{BlockKind::paragraph, 0, 0, caption};
            sourced.source = sourced.block_element = table;
            m_blocks.insert(m_blocks.begin() + static_cast<std::ptrdiff_t>(first_row), std::move(sourced));
        }
    }

    std::string first_caption(NodeId table) const {
        for (NodeId c : m_tree.element_children(table))
            if (m_tree.is_element(c, GUMBO_TAG_CAPTION) && !m_mask.removed_here(c))
                return decode::collapse_whitespace(m_mask.text_content(m_tree, c));
        return {};
    }

    // Appends a cell's text to the row, with its inline markup and a cell span around it. Block
    // boundaries and line breaks become spaces, so cells never glue words. Iterative: the open
    // inline elements are closed when the walk leaves their subtree.
    void append_cell(Block& row, NodeId cell) {
        std::string buffer;
        std::vector<PendingSpan> spans;
        struct Open {
            PendingSpan pending;
            NodeId end;  // one past the element's subtree
        };
        std::vector<Open> open;
        std::uint32_t order = 0;
        auto close_until = [&](NodeId id) {
            while (!open.empty() && id >= open.back().end) {
                open.back().pending.span.end = static_cast<std::uint32_t>(buffer.size());
                if (open.back().pending.span.end > open.back().pending.span.begin) spans.push_back(std::move(open.back().pending));
                open.pop_back();
            }
        };
        const dom::Node& c = m_tree.node(cell);
        for (NodeId id = cell + 1; id < c.subtree_end; ++id) {
            close_until(id);
            const dom::Node& n = m_tree.node(id);
            if (m_mask.removed_here(id) || (n.type == NodeType::element && n.tag != GUMBO_TAG_IMG && never_text(id))) {
                id = n.subtree_end - 1;
                continue;
            }
            if (n.type == NodeType::text) {
                decode::append_collapsed(buffer, n.text);
                continue;
            }
            if (n.tag == GUMBO_TAG_BR || is_block_element(n.tag)) {
                buffer += ' ';
                continue;
            }
            const auto here = static_cast<std::uint32_t>(buffer.size());
            if (n.tag == GUMBO_TAG_IMG) {
                std::string src = image_source(m_tree, id);
                if (!src.empty())
                    spans.push_back({Span{SpanKind::image, here, here, std::move(src),
                                          decode::collapse_whitespace(m_tree.attribute(id, "alt")), false},
                                     order++});
            } else if (n.tag == GUMBO_TAG_A) {
                if (std::string target = link_target(m_tree, id); !target.empty())
                    open.push_back({{Span{SpanKind::link, here, 0, std::move(target), {}, false}, order++}, n.subtree_end});
            } else if (auto kind = inline_span_kind(n.tag)) {
                open.push_back({{Span{*kind, here, 0, {}, {}, false}, order++}, n.subtree_end});
            }
        }
        close_until(c.subtree_end);
        const std::string text = decode::collapse_whitespace(buffer);
        const auto offset = static_cast<std::uint32_t>(row.text.size());
        row.markup.spans.push_back(Span{SpanKind::cell, offset, offset + static_cast<std::uint32_t>(text.size()), {}, {}, false});
        for (Span& span : collapsed_spans(std::move(spans), buffer, text)) {
            span.begin += offset;
            span.end += offset;
            row.markup.spans.push_back(std::move(span));
        }
        row.text += text;
    }
};
}  // namespace

std::vector<SourcedBlock> build_sourced_blocks(const Tree& tree, const Mask& mask, const std::vector<NodeId>& roots) {
    return BlockBuilder(tree, mask).run(roots);
}

std::vector<SourcedBlock> build_sourced_blocks(const PageView& view, const std::vector<NodeId>& roots) {
    return BlockBuilder(view.tree(), view.mask(), &view.page()).run(roots);
}

std::vector<Block> build_blocks(const Tree& tree, const Mask& mask, NodeId root) {
    std::vector<Block> blocks;
    for (auto& sourced : BlockBuilder(tree, mask).run({root})) blocks.push_back(std::move(sourced.block));
    return blocks;
}

std::vector<Block> build_blocks(const Tree& tree, NodeId root) { return build_blocks(tree, Mask(tree), root); }

}  // namespace winnow::extract
