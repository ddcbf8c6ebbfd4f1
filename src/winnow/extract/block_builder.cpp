#include "winnow/extract/block_builder.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;
using dom::NodeType;
using dom::Tree;

// Below this depth under the container a subtree is read as plain text rather than walked,
// so a page of 10,000 nested elements cannot exhaust the stack.
constexpr unsigned k_max_walk_depth = 1500;

// A table is a data table (rows written as "a | b") unless a cell holds block content,
// which marks a layout table whose cells are read as ordinary containers.
bool is_layout_table(const Tree& tree, NodeId table) {
    const dom::Node& t = tree.node(table);
    for (NodeId id = table + 1; id < t.subtree_end; ++id) {
        const dom::Node& n = tree.node(id);
        if (n.type != NodeType::element) continue;
        switch (n.tag) {
            case GUMBO_TAG_TABLE: case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
            case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_BLOCKQUOTE:
            case GUMBO_TAG_PRE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
                return true;
            default:
                break;
        }
    }
    return false;
}

class BlockBuilder {
public:
    explicit BlockBuilder(const Tree& tree) : m_tree(tree) {}

    std::vector<SourcedBlock> run(const std::vector<NodeId>& roots) {
        for (NodeId root : roots) {
            m_block_elements.assign(1, root);
            walk(root, 0);
            flush();
        }
        return std::move(m_blocks);
    }

private:
    const Tree& m_tree;
    std::vector<SourcedBlock> m_blocks;
    std::string m_buffer;        // inline text of the block being built
    NodeId m_source = dom::k_no_node;         // element of the buffer's first text
    NodeId m_source_block = dom::k_no_node;   // innermost block element open at the first text
    std::vector<NodeId> m_block_elements;     // open block-level elements
    std::uint32_t m_link_depth = 0;           // open <a> elements
    float m_link_chars = 0;
    std::uint32_t m_links = 0;

    void push_block(Block block, NodeId source) {
        SourcedBlock sourced;
        sourced.block = std::move(block);
        sourced.source = source;
        sourced.block_element = source;
        m_blocks.push_back(std::move(sourced));
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

    void flush() {
        std::string text = decode::collapse_whitespace(m_buffer);
        m_buffer.clear();
        const NodeId source = m_source, source_block = m_source_block;
        const float link_chars = m_link_chars;
        const std::uint32_t links = m_links;
        m_source = m_source_block = dom::k_no_node;
        m_link_chars = 0;
        m_links = 0;
        if (text.empty()) return;
        Block block;
        block.text = std::move(text);
        if (m_item_depth >= 0) {
            block.kind = BlockKind::list_item;
            block.depth = static_cast<std::uint32_t>(m_item_depth);
            block.group = m_group;
        } else if (m_kind == BlockKind::heading) {
            block.kind = BlockKind::heading;
        } else if (m_quote_depth > 0) {
            block.kind = BlockKind::quote;
        }
        SourcedBlock sourced;
        sourced.block = std::move(block);
        sourced.source = source;
        sourced.block_element = source_block;
        sourced.link_chars = link_chars;
        sourced.links = links;
        m_blocks.push_back(std::move(sourced));
    }

    void walk_children(NodeId id, unsigned depth) {
        for (NodeId c = m_tree.node(id).first_child; c != dom::k_no_node; c = m_tree.node(c).next_sibling)
            walk(c, depth + 1);
    }

    void walk(NodeId id, unsigned depth) {
        if (m_tree.is_removed_here(id)) return;
        const dom::Node& node = m_tree.node(id);
        if (node.type == NodeType::text) {
            append_text(id, node.text);
            return;
        }
        if (node.type == NodeType::document) {
            walk_children(id, depth);
            return;
        }
        if (is_never_text(node.tag)) return;
        if (depth > k_max_walk_depth) {
            append_text(id, m_tree.text_content(id));
            return;
        }
        switch (node.tag) {
            case GUMBO_TAG_BR:
                // Inside a list item or heading a line break is a space; elsewhere it ends a block,
                // the way a reader sees two lines.
                if (m_item_depth >= 0 || m_kind == BlockKind::heading) m_buffer += ' ';
                else flush();
                return;
            case GUMBO_TAG_PRE:
                flush();
                push_block(Block{BlockKind::preformatted, 0, 0, m_tree.text_content(id)}, id);
                return;
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
            m_kind = BlockKind::heading;
            m_block_elements.push_back(id);
            walk_children(id, depth);
            flush();
            m_block_elements.pop_back();
            m_kind = saved;
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
            m_block_elements.push_back(id);
            walk_children(id, depth);
            flush();
            m_block_elements.pop_back();
            return;
        }
        if (node.tag == GUMBO_TAG_A) {
            ++m_link_depth;
            const float before = m_link_chars;
            walk_children(id, depth);
            --m_link_depth;
            if (m_link_chars > before) ++m_links;
            return;
        }
        // Inline elements (and unknown ones) add their text to the current block. An image's alt
        // text is not page text.
        walk_children(id, depth);
    }

    void walk_list(NodeId id, unsigned depth) {
        flush();
        int saved_item = m_item_depth;
        std::uint32_t saved_group = m_group;
        // Nested lists share their top-level list's group: all its items are consecutive lines.
        if (m_list_depth == 0) m_group = m_next_group++;
        m_item_depth = static_cast<int>(m_list_depth);
        ++m_list_depth;
        walk_children(id, depth);
        flush();
        --m_list_depth;
        m_item_depth = saved_item;
        m_group = saved_group;
    }

    void walk_list_item(NodeId id, unsigned depth) {
        flush();
        m_block_elements.push_back(id);
        walk_children(id, depth);
        flush();
        m_block_elements.pop_back();
    }

    void walk_data_table(NodeId table) {
        flush();
        std::uint32_t group = m_next_group++;
        const std::size_t first_row = m_blocks.size();
        const dom::Node& t = m_tree.node(table);
        for (NodeId id = table + 1; id < t.subtree_end; ++id) {
            if (m_tree.is_removed_here(id)) {
                id = m_tree.node(id).subtree_end - 1;
                continue;
            }
            if (!m_tree.is_element(id, GUMBO_TAG_TR)) continue;
            std::string row;
            for (NodeId cell : m_tree.element_children(id)) {
                if (m_tree.is_removed_here(cell)) continue;
                GumboTag tag = m_tree.node(cell).tag;
                if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
                std::string text = decode::collapse_whitespace(cell_text(cell));
                if (!row.empty()) row += " | ";
                row += text;
            }
            if (row.find_first_not_of(" |") != std::string::npos)
                push_block(Block{BlockKind::table_row, 0, group, row}, id);
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
            if (m_tree.is_element(c, GUMBO_TAG_CAPTION) && !m_tree.is_removed_here(c))
                return decode::collapse_whitespace(m_tree.text_content(c));
        return {};
    }

    // Cell text with block boundaries and line breaks as spaces, so cells never glue words.
    std::string cell_text(NodeId cell) const {
        std::string out;
        const dom::Node& c = m_tree.node(cell);
        for (NodeId id = cell + 1; id < c.subtree_end; ++id) {
            const dom::Node& n = m_tree.node(id);
            if (m_tree.is_removed_here(id) || (n.type == NodeType::element && is_never_text(n.tag))) {
                id = n.subtree_end - 1;
                continue;
            }
            if (n.type == NodeType::text) decode::append_collapsed(out, n.text);
            else if (n.tag == GUMBO_TAG_BR || is_block_element(n.tag)) out += ' ';
        }
        return out;
    }
};

}  // namespace

bool is_never_text(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_MAP: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT:
        case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
        case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_IMG:
        case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_PARAM:
        // Ruby annotations (readings over CJK characters) and their fallback parentheses: read
        // inline they would split the base text, "漢(かん)字" instead of "漢字".
        case GUMBO_TAG_RT: case GUMBO_TAG_RP:
            return true;
        default:
            return false;
    }
}

bool is_block_element(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI:
        case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_XMP: case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_OPTGROUP:
            return true;
        default:
            return false;
    }
}

std::vector<SourcedBlock> build_sourced_blocks(const Tree& tree, const std::vector<NodeId>& roots) {
    return BlockBuilder(tree).run(roots);
}

std::vector<Block> build_blocks(const Tree& tree, NodeId root) {
    std::vector<Block> blocks;
    for (auto& sourced : BlockBuilder(tree).run({root})) blocks.push_back(std::move(sourced.block));
    return blocks;
}

}  // namespace winnow::extract
