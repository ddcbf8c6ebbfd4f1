// extract: the never-content pass, one walk in document order; a removed element's subtree is
// skipped. Guards keep elements that hold most of the page's text.
#include "winnow/extract/cleaning.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "winnow/decode/text.hpp"
#include "winnow/dom/html_tags.hpp"
#include "winnow/extract/extractor.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// nav, aside, form: kept when they hold more than this share of the page's paragraph text
// (pages put the article in an aside, ASP.NET pages wrap everything in one form); a form also
// when it holds more than this share of the page's text (forum software wraps its posts, often
// written without <p>, in a moderation form).
constexpr float k_structural_guard_share = 0.5f;
// A class-based removal that would take more than this share of the page's text is a false
// alarm (a wrapper named "page has-sidebar") and is not done.
constexpr float k_class_guard_share = 0.85f;
// A <noscript> holding more than this share of the page's text (its own included) is the page
// served without JavaScript, not a fallback notice or a tracking pixel.
constexpr float k_content_noscript_share = 0.5f;
// A comment section may hold most of the page's text (a short post under a long thread) and
// body markers of its own ("post-text" on each comment): neither guard keeps it when an
// explicit article body outside it holds this many non-link characters (not on a forum page,
// whose comments are its posts).
constexpr float k_body_beside_comments_chars = 200;
// A layer (modal, popup, overlay class) that holds an <article> with this many paragraph
// characters is the article shown in a layer, not a consent or login box: it stays.
constexpr float k_layer_article_chars = 500;

// A <form> a reader fills in holds a control to fill (a text field, a box, a list, a button). On a
// forum page, one with nothing but hidden fields around paragraphs is a post's wrapper: old
// Reddit writes each comment's text in such a form (its edit form, opened only for the comment's
// author). Elsewhere such forms hold download notices and the like.
bool is_wrapper_form(const dom::Tree& tree, const NodeStats& stats, NodeId form) {
    if (stats.paragraph_chars(form) <= 0) return false;
    for (NodeId id = form + 1; id < tree.node(form).subtree_end; ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != dom::NodeType::element) continue;
        if (node.tag == GUMBO_TAG_TEXTAREA || node.tag == GUMBO_TAG_SELECT || node.tag == GUMBO_TAG_BUTTON) return false;
        if (node.tag == GUMBO_TAG_INPUT && ascii::lower(tree.attribute(id, "type")) != "hidden") return false;
    }
    return true;
}

bool is_inside(const dom::Tree& tree, NodeId id, GumboTag tag) {
    for (NodeId at = tree.node(id).parent; at != dom::k_no_node; at = tree.node(at).parent)
        if (tree.is_element(at, tag)) return true;
    return false;
}

// For each node, whether an explicit article body lies strictly below it: a wrapper of the
// article is never boilerplate. One bottom-up pass.
std::vector<std::uint8_t> body_marker_below(const Page& page) {
    const dom::Tree& tree = page.tree();
    std::vector<std::uint8_t> below(tree.size(), 0);
    for (NodeId id = static_cast<NodeId>(tree.size()); id-- > 1;) {
        const NodeId parent = tree.node(id).parent;
        if (parent != dom::k_no_node && ((page.flags(id) & k_flag_body_marker) || below[id])) below[parent] = 1;
    }
    return below;
}

// For each node, the paragraph characters of the largest <article> at or below it. One
// bottom-up pass.
std::vector<float> article_chars_below(const PageView& view) {
    const dom::Tree& tree = view.tree();
    std::vector<float> below(tree.size(), 0);
    for (NodeId id = static_cast<NodeId>(tree.size()); id-- > 1;) {
        if (tree.is_element(id, GUMBO_TAG_ARTICLE)) below[id] = std::max(below[id], view.stats().paragraph_chars(id));
        const NodeId parent = tree.node(id).parent;
        if (parent != dom::k_no_node) below[parent] = std::max(below[parent], below[id]);
    }
    return below;
}

// The outermost explicit article bodies (markers not inside another) with their non-link
// characters.
std::vector<std::pair<NodeId, float>> outermost_markers(const PageView& view) {
    const dom::Tree& tree = view.tree();
    std::vector<std::pair<NodeId, float>> markers;
    for (NodeId id = 1; id < tree.size(); ++id) {
        if (!(view.flags(id) & k_flag_body_marker) || view.removed(id)) continue;
        markers.emplace_back(id, view.stats().content_chars(id));
        id = tree.node(id).subtree_end - 1;
    }
    return markers;
}

// The characters of the text below `top` that extraction reads, counted as NodeStats counts them
// (text right inside a never-text element and never-text subtrees other than `top` itself are
// skipped), stopping once `enough` is reached.
float readable_chars(const dom::Tree& tree, NodeId top, float enough) {
    const StopwordList& no_words = stopwords_for({});
    float chars = 0;
    const NodeId end = tree.node(top).subtree_end;
    for (NodeId id = top + 1; id < end && chars < enough; ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type == dom::NodeType::element && dom::is_never_text(node.tag)) {
            id = node.subtree_end - 1;
        } else if (node.type == dom::NodeType::text) {
            const dom::Node& parent = tree.node(node.parent);
            if (!(parent.type == dom::NodeType::element && dom::is_never_text(parent.tag)))
                chars += measure_text(node.text, no_words).chars;
        }
    }
    return chars;
}

}  // namespace

std::size_t unwrap_content_noscripts(dom::Tree& tree) {
    const NodeId body = tree.body();
    if (body == dom::k_no_node) return 0;
    // The noscripts (not nested in one another) and their text.
    std::vector<std::pair<NodeId, float>> noscripts;
    float noscript_chars = 0, largest = 0;
    const NodeId end = tree.node(body).subtree_end;
    for (NodeId id = body; id < end; ++id) {
        if (!tree.is_element(id, GUMBO_TAG_NOSCRIPT)) continue;
        const float chars = readable_chars(tree, id, std::numeric_limits<float>::infinity());
        noscripts.emplace_back(id, chars);
        noscript_chars += chars;
        largest = std::max(largest, chars);
        id = tree.node(id).subtree_end - 1;
    }
    if (largest <= 0) return 0;
    // The body's text outside the noscripts, counted only as far as a noscript could still hold
    // more than its share of the page.
    const float outside = readable_chars(tree, body, largest / k_content_noscript_share - noscript_chars);
    std::size_t unwrapped = 0;
    for (const auto& [id, chars] : noscripts)
        if (chars > k_content_noscript_share * (outside + noscript_chars)) {
            tree.retag(id, GUMBO_TAG_DIV, "div");
            ++unwrapped;
        }
    return unwrapped;
}

void record_removal(const dom::Tree& tree, const Mask& mask, NodeId id, std::string rule, std::vector<Removal>& removals) {
    std::string text = decode::collapse_whitespace(mask.text_content(tree, id));
    if (text.empty()) return;
    removals.push_back({std::move(rule), removal_excerpt(text)});
}

Mask remove_never_content(const PageView& view, const CleaningOptions& options, std::vector<Removal>& removals) {
    const dom::Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    const NodeId body = tree.body();
    const float page_chars = std::max(1.0f, stats.chars(body));
    const float page_paragraph_chars = std::max(1.0f, stats.paragraph_chars(body));
    Mask mask = view.mask();
    const std::vector<std::uint8_t> marker_below = body_marker_below(view.page());
    auto holds_body_marker = [&](NodeId id) { return marker_below[id] != 0; };
    // On a forum or Q&A page the comment sections are the thread's posts.
    const std::uint32_t comments = options.thread ? 0u : std::uint32_t{k_flag_comment_section};
    const std::vector<std::pair<NodeId, float>> markers = outermost_markers(view);
    const std::vector<float> article_below = article_chars_below(view);
    auto article_layer = [&](NodeId id, std::uint32_t f) {
        return (f & k_flag_overlay) && article_below[id] >= k_layer_article_chars;
    };
    // The largest explicit article body outside a comment section (for one that holds the
    // section, what it holds besides it): the comment section's own markers ("post-text" on
    // each comment) are the comments' bodies, not the article's.
    // Not on a forum or Q&A page (by its own statements): there the comments are the posts.
    const bool thread = view.page().statement_kind() == metadata::PageKind::forum;
    auto body_beside = [&](NodeId id) {
        if (thread) return false;
        float outside = 0;
        for (const auto& [marker, chars] : markers) {
            if (tree.contains(id, marker)) continue;
            outside = std::max(outside, tree.contains(marker, id) ? chars - stats.content_chars(id) : chars);
        }
        return outside >= k_body_beside_comments_chars;
    };
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& node = tree.node(id);
        if (node.type != dom::NodeType::element || mask.removed_here(id)) continue;
        if (node.tag == GUMBO_TAG_HTML || node.tag == GUMBO_TAG_BODY || node.tag == GUMBO_TAG_HEAD) continue;
        const std::uint32_t f = view.flags(id);
        std::string rule;
        // An image holds no text, so it changes no measure; it stays for the writers (Markdown --images).
        if (view.page().never_text(id) && node.tag != GUMBO_TAG_IMG) {
            rule = "heuristic never-text <" + std::string(node.tag_name) + ">";
        } else if (f & k_flag_hidden) {
            rule = "heuristic hidden";
        } else if (node.tag == GUMBO_TAG_A && dom::is_permalink_anchor(tree, id)) {
            rule = "heuristic permalink";
        } else if (node.tag == GUMBO_TAG_NAV || node.tag == GUMBO_TAG_ASIDE || node.tag == GUMBO_TAG_FORM ||
                   node.tag == GUMBO_TAG_MENU || node.tag_name == "dialog") {
            if (stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars &&
                !holds_body_marker(id) &&
                !(node.tag == GUMBO_TAG_FORM &&
                  (stats.chars(id) > k_structural_guard_share * page_chars || (thread && is_wrapper_form(tree, stats, id)))))
                rule = "heuristic structure <" + std::string(node.tag_name) + ">";
        } else if (node.tag == GUMBO_TAG_HEADER || node.tag == GUMBO_TAG_FOOTER) {
            // Article headers hold lead paragraphs: only page headers and footers go.
            if (!is_inside(tree, id, GUMBO_TAG_ARTICLE) && !is_inside(tree, id, GUMBO_TAG_MAIN) &&
                stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars &&
                !holds_body_marker(id))
                rule = "heuristic structure <" + std::string(node.tag_name) + ">";
        } else if (f & (k_flag_role_remove | k_flag_role_landmark)) {
            if (stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars &&
                !holds_body_marker(id))
                rule = "heuristic role \"" + std::string(tree.attribute(id, "role")) + "\"";
        } else if ((f & (options.relaxed ? k_flag_overlay | comments : k_flag_never_content | comments | k_flag_overlay)) &&
                   node.tag != GUMBO_TAG_ARTICLE && node.tag != GUMBO_TAG_MAIN) {
            const std::string names = decode::collapse_whitespace(std::string(tree.attribute(id, "class")) + " " +
                                                                  std::string(tree.attribute(id, "id")));
            if (stats.chars(id) <= k_class_guard_share * page_chars && !holds_body_marker(id) &&
                !article_layer(id, f) &&
                ((f & (k_flag_comment_section | k_flag_overlay)) ||
                 stats.paragraph_chars(id) <= k_structural_guard_share * page_paragraph_chars))
                rule = "heuristic class \"" + names + "\"";
            else if ((f & k_flag_comment_section) && body_beside(id))
                rule = "heuristic comments-beside-body \"" + names + "\"";
        }
        if (rule.empty()) continue;
        const NodeId element = id;
        id = node.subtree_end - 1;  // a removed (or kept whole) element's subtree is not judged
        if (options.keep != dom::k_no_node && tree.contains(element, options.keep)) continue;
        if (options.explain) record_removal(tree, mask, element, std::move(rule), removals);
        mask.remove(element);
    }
    return mask;
}

}  // namespace winnow::extract
