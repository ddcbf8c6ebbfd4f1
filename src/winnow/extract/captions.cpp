// extract: image captions by structure (see captions.hpp).
#include "winnow/extract/captions.hpp"

#include <algorithm>

#include "winnow/util/ascii.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// A figure one or two single-child wrappers deep (`<div class="wp-block-image"><figure>`) still
// stands between the paragraphs; deeper, it is a gallery or a picture module.
constexpr int k_flow_wrapper_levels = 2;
// The first bytes of a block's text, to find the text node it starts with.
constexpr std::size_t k_start_bytes = 16;

bool is_blank_text(const dom::Node& node) { return std::all_of(node.text.begin(), node.text.end(), ascii::is_space); }

// True when `text` starts with `start` once white-space runs are read as one space (the block's
// text is collapsed so; a difference of markup, such as an entity, only makes this false).
bool starts_alike(std::string_view text, std::string_view start) {
    std::size_t i = 0;
    while (i < text.size() && ascii::is_space(text[i])) ++i;
    for (std::size_t j = 0; j < start.size(); ++j) {
        if (i >= text.size()) return false;
        if (ascii::is_space(start[j])) {
            if (!ascii::is_space(text[i])) return false;
            while (i < text.size() && ascii::is_space(text[i])) ++i;
            continue;
        }
        if (text[i++] != start[j]) return false;
    }
    return true;
}

// An image, or an element holding an image and no text (`<a><img></a>`, `<picture>`).
bool is_picture(const dom::Tree& tree, NodeId id) {
    const dom::Node& node = tree.node(id);
    if (node.type != dom::NodeType::element) return false;
    if (node.tag == GUMBO_TAG_IMG) return true;
    bool image = false;
    for (NodeId inner = id + 1; inner < node.subtree_end; ++inner) {
        const dom::Node& n = tree.node(inner);
        if (n.type == dom::NodeType::text && !is_blank_text(n) && !tree.is_element(n.parent, GUMBO_TAG_NOSCRIPT)) return false;
        if (n.type == dom::NodeType::element && n.tag == GUMBO_TAG_IMG) image = true;
    }
    return image;
}

}  // namespace

bool in_figcaption(const dom::Tree& tree, NodeId node) {
    for (NodeId id = node; id != dom::k_no_node; id = tree.node(id).parent)
        if (tree.is_element(id, GUMBO_TAG_FIGCAPTION)) return true;
    return false;
}

NodeId caption_figure(const dom::Tree& tree, NodeId node, NodeId limit) {
    NodeId caption = dom::k_no_node;
    for (NodeId id = node; id != dom::k_no_node && id != limit; id = tree.node(id).parent) {
        if (tree.is_element(id, GUMBO_TAG_FIGURE)) return id;
        if (caption == dom::k_no_node && tree.is_element(id, GUMBO_TAG_FIGCAPTION)) caption = id;
    }
    return caption == dom::k_no_node ? dom::k_no_node : tree.node(caption).parent;
}

bool follows_image(const dom::Tree& tree, NodeId source, NodeId block_element, std::string_view block_text) {
    if (source == dom::k_no_node || block_element == dom::k_no_node) return false;
    // The block's first text node: the first one under `source` that is not blank (directly
    // under it when `source` is the block element, which may hold several blocks between line
    // breaks), and it must start the block's text.
    const std::string_view start = block_text.substr(0, k_start_bytes);
    NodeId node = dom::k_no_node;
    const NodeId end = tree.node(source).subtree_end;
    for (NodeId id = source + 1; id < end; ++id) {
        const dom::Node& n = tree.node(id);
        if (source == block_element && n.parent != source) continue;
        if (n.type != dom::NodeType::text || is_blank_text(n)) continue;
        node = id;
        break;
    }
    if (node == dom::k_no_node) return false;
    if (!starts_alike(tree.node(node).text, start)) return false;
    bool line_break = false;
    while (node != block_element) {
        for (NodeId prev = tree.node(node).prev_sibling; prev != dom::k_no_node; prev = tree.node(prev).prev_sibling) {
            const dom::Node& p = tree.node(prev);
            if (p.type == dom::NodeType::text && is_blank_text(p)) continue;
            if (tree.is_element(prev, GUMBO_TAG_BR)) {
                line_break = true;
                continue;
            }
            // The line must be set apart from the picture: on its own line, or in its own element.
            return is_picture(tree, prev) && (line_break || source != block_element);
        }
        node = tree.node(node).parent;
        if (node == dom::k_no_node) return false;
    }
    return false;
}

bool figure_in_flow(const dom::Tree& tree, NodeId figure, const std::vector<NodeId>& prose_parents) {
    NodeId node = figure;
    for (int level = 0; level <= k_flow_wrapper_levels && node != dom::k_no_node; ++level) {
        const NodeId parent = tree.node(node).parent;
        if (parent == dom::k_no_node) return false;
        if (std::binary_search(prose_parents.begin(), prose_parents.end(), parent)) return true;
        // Climb only through a wrapper that holds nothing else.
        if (tree.element_children(parent).size() != 1) return false;
        node = parent;
    }
    return false;
}

}  // namespace winnow::extract
