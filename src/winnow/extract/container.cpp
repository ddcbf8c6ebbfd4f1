// extract: container choice (JSON-LD anchor, body markers, density scoring, climbing, sibling
// and split-body merging).
#include "winnow/extract/container.hpp"

#include <algorithm>

#include "winnow/decode/text.hpp"
#include "winnow/dom/html_tags.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/page_kinds.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;
using dom::NodeType;
using dom::Tree;

// A paragraph shorter than this says too little to vote for its container (Readability: 25).
constexpr float k_min_paragraph_chars = 25;
// Characters per extra point of paragraph score, and the cap (Readability: 100 and 3).
constexpr float k_chars_per_point = 100;
constexpr float k_max_length_points = 3;
// Ancestors a paragraph's score reaches (Readability: 5), dividers 1, 2, then 3 x level.
constexpr int k_score_levels = 5;
// Priors by tag: article and main are written for this; lists, forms and headings are not.
constexpr float k_prior_article = 10, k_prior_main = 8, k_prior_div = 5, k_prior_section = 3, k_prior_cell = 3,
                k_prior_list = -3, k_prior_heading = -5;
// Class/id vocabulary weights (Readability: 25); explicit body markers weigh more.
constexpr float k_class_weight = 25, k_body_marker_weight = 50;
// A positive class weighs only on an element whose text ends this many sentences: "content" in
// a stock ticker's, a counter's or a label's box says nothing about prose, and five such boxes
// outscored a slideshow's captions (trafilatura-dev economictimes: 20 characters of ticker).
constexpr float k_min_positive_sentence_ends = 1;
// Readability's alternative ancestors: candidates within this share of the top score, and how
// many of them an ancestor must hold to be taken instead.
constexpr float k_alternative_share = 0.75f;
constexpr int k_alternatives_needed = 3;
constexpr std::size_t k_top_candidates = 5;
// Sibling merging (Readability): a sibling joins when it scores this share of the top (at
// least k_min_sibling_score); bare <p> siblings join when long and link-poor.
constexpr float k_sibling_share = 0.2f, k_min_sibling_score = 10, k_sibling_p_chars = 80,
                k_sibling_p_link_density = 0.25f;
// A winner with less non-link text than this climbs (up to k_small_climb_steps levels) to the
// first ancestor holding k_small_climb_gain times more.
constexpr float k_small_container_chars = 1000, k_small_climb_gain = 2;
constexpr int k_small_climb_steps = 3;
// A winner still this small after climbing (of any size on a page whose statements make it a
// product), inside the page's <main> (or role=main) holding k_small_climb_gain times more, is one
// block of a product or service page written as blocks (hero, features, specifications,
// questions): the main region is the container, unless links make up more than this share of it
// (then it is a grid of teasers).
constexpr float k_main_max_link_density = 0.5f;
// The page's footer, as its markup names it: a <footer> element (the never-content pass left it
// because it held more than half of the page's paragraph text: a disclaimer, terms of use) or
// role=contentinfo. A density winner there, on a page whose <main> (or role=main) lies elsewhere
// and holds a scored candidate, gives way to the best candidate in the main region: the author
// marked where the page's content is, and a footer is never it (modern-dev 0362: the footer's
// disclaimer and address instead of the article).
constexpr GumboTag k_footer_tag = GUMBO_TAG_FOOTER;
constexpr std::string_view k_footer_role = "contentinfo";
// The <article> around a body marker becomes the container when it holds at most this many
// times the marker's non-link text.
constexpr float k_article_widen_gain = 1.5f;
// Lead search: nodes scanned back from the container, paragraphs kept, and what a lead looks
// like (prose: long enough, a sentence end, few links).
constexpr int k_lead_scan_nodes = 2000;
constexpr std::size_t k_max_leads = 2;
constexpr float k_min_lead_chars = 60, k_max_lead_link_density = 0.3f;
// The stated standfirst: an element marked (or inside one marked) with this microdata property,
// before the container (after the headline, within this many nodes), whose text is the page's
// meta description (k_min_lead_chars to k_max_stated_lead_chars long: a standfirst, and a bounded
// read per element; only elements within these bounds of its length are read).
constexpr std::string_view k_stated_lead_itemprop = "description";
constexpr int k_stated_lead_scan_nodes = 2000;
constexpr float k_max_stated_lead_chars = 1000;
constexpr float k_stated_lead_min_length = 0.9f, k_stated_lead_max_length = 1.1f;
// Among nested markers the inner one is taken when it holds this share of the outer's text.
constexpr float k_inner_marker_share = 0.9f;
// JSON-LD articleBody: long enough to be the article, paragraphs long enough to look up in it,
// and the share of the matched text the anchor's container must hold.
constexpr std::size_t k_min_ld_body_chars = 500, k_min_anchor_paragraph_bytes = 60;
constexpr float k_anchor_cover_share = 0.8f;
// Page-builder sections: a density winner with less non-link text than this, inside one of
// several sibling elements of the same kind (the same first class name) up to this many levels
// above it, is one section of a page written as sections; the siblings with text and with
// links making up at most this share of it are joined.
constexpr float k_section_join_max_chars = 2500;
constexpr int k_section_join_levels = 5;
constexpr float k_section_max_link_density = 0.5f;
// Split bodies in page-builder sections: a marker with the best marker's class, under a common
// ancestor at most this many levels above the best marker, joins when the two sit in alike
// sections of that ancestor (the same tag and class attribute: `div.module.module-text`
// around each chunk), lies in the same <article> as the best one, in none like it, or in an
// alike tile when neither holds an <h1> (the next story loaded below an article is another
// story), holds at least k_split_section_min_chars of non-link text (a one-line
// note under the body, "the current issue at every kiosk", is not a chunk of it) and its links
// make up at most k_section_max_link_density of it.
constexpr int k_split_section_levels = 4;
constexpr float k_split_section_min_chars = 150;

bool has_block_child(const PageView& view, NodeId id) {
    const Tree& tree = view.tree();
    for (NodeId c = tree.node(id).first_child; c != dom::k_no_node; c = tree.node(c).next_sibling)
        if (tree.node(c).type == NodeType::element && !view.removed_here(c) && dom::is_block_element(tree.node(c).tag))
            return true;
    return false;
}

bool is_paragraph_like(const PageView& view, NodeId id) {
    switch (view.tree().node(id).tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DD:
        case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
            return true;
        case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
            return !has_block_child(view, id);
        default:
            return false;
    }
}

float prior(const PageView& view, NodeId id) {
    const Tree& tree = view.tree();
    float p = 0;
    switch (tree.node(id).tag) {
        case GUMBO_TAG_ARTICLE: p += k_prior_article; break;
        case GUMBO_TAG_MAIN: p += k_prior_main; break;
        case GUMBO_TAG_DIV: p += k_prior_div; break;
        case GUMBO_TAG_SECTION: p += k_prior_section; break;
        case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: p += k_prior_cell; break;
        case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_FORM: p += k_prior_list; break;
        default:
            if (dom::is_heading(tree.node(id).tag)) p += k_prior_heading;
            break;
    }
    const std::uint32_t f = view.flags(id);
    // A marker too short to be trusted as the body does not sway density either: it weighs as
    // the positive class its words make it ("a-button-text__content": text, content), and a
    // positive class only where a sentence ends (k_min_positive_sentence_ends).
    if ((f & k_flag_body_marker) && view.stats().content_chars(id) >= k_min_marker_chars) p += k_body_marker_weight;
    else if ((f & k_flag_positive) && view.stats().text(id).sentence_ends >= k_min_positive_sentence_ends) p += k_class_weight;
    if (f & k_flag_negative) p -= k_class_weight;
    return p;
}

float content_chars(const NodeStats& stats, NodeId id) { return stats.content_chars(id); }


// The container the JSON-LD articleBody points at: the deepest element holding most of the
// DOM paragraphs whose text the articleBody contains.
NodeId json_ld_anchor(const PageView& view) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    const metadata::Statements& statements = view.page().statements();
    if (utf8::code_point_count(statements.ld_article_body) < k_min_ld_body_chars) return dom::k_no_node;
    const std::string body = decode::collapse_whitespace(statements.ld_article_body);
    std::vector<float> matched(tree.size(), 0);
    float total = 0;
    const NodeId end = tree.node(tree.body()).subtree_end;
    for (NodeId id = tree.body(); id < end; ++id) {
        if (view.removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if (!tree.is_element(id, GUMBO_TAG_P)) continue;
        std::string text = decode::collapse_whitespace(view.mask().text_content(tree, id));
        if (text.size() < k_min_anchor_paragraph_bytes || body.find(text) == std::string::npos) continue;
        const float chars = stats.chars(id);
        total += chars;
        for (NodeId at = id; at != dom::k_no_node; at = tree.node(at).parent) matched[at] += chars;
    }
    if (total <= 0) return dom::k_no_node;
    // The deepest node covering the share: walk down from the body through the child that covers it.
    NodeId at = tree.body();
    while (true) {
        NodeId next = dom::k_no_node;
        for (NodeId c = tree.node(at).first_child; c != dom::k_no_node; c = tree.node(c).next_sibling)
            if (matched[c] >= k_anchor_cover_share * total) next = c;
        if (next == dom::k_no_node || tree.node(next).type != NodeType::element || tree.is_element(next, GUMBO_TAG_P))
            break;
        at = next;
    }
    return at;
}

// The explicit body markers, the best one (most non-link text, the inner of nested markers
// when it holds nearly all of it), or k_no_node.
NodeId best_body_marker(const PageView& view, std::vector<NodeId>& markers) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    const NodeId end = tree.node(tree.body()).subtree_end;
    for (NodeId id = tree.body(); id < end; ++id) {
        if (view.removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if ((view.flags(id) & k_flag_body_marker) && tree.node(id).type == NodeType::element) markers.push_back(id);
    }
    NodeId best = dom::k_no_node;
    for (NodeId m : markers)
        if (best == dom::k_no_node || content_chars(stats, m) > content_chars(stats, best)) best = m;
    if (best == dom::k_no_node) return best;
    for (NodeId m : markers)
        if (m != best && tree.contains(best, m) && content_chars(stats, m) >= k_inner_marker_share * content_chars(stats, best) &&
            tree.node(m).depth > tree.node(best).depth)
            best = m;
    return best;
}

NodeId nearest_article(const Tree& tree, NodeId id) {
    for (NodeId at = tree.node(id).parent; at != dom::k_no_node; at = tree.node(at).parent)
        if (tree.is_element(at, GUMBO_TAG_ARTICLE)) return at;
    return dom::k_no_node;
}

// The first class name of an element: the kind a page builder gives its sections.
std::string_view first_class(const Tree& tree, NodeId id) {
    std::string_view cls = tree.attribute(id, "class");
    const std::size_t start = cls.find_first_not_of(" \t\n\r\f");
    if (start == std::string_view::npos) return {};
    cls.remove_prefix(start);
    return cls.substr(0, cls.find_first_of(" \t\n\r\f"));
}

// The child of `ancestor` on the way down to `node` (which it contains).
NodeId child_towards(const Tree& tree, NodeId ancestor, NodeId node) {
    NodeId at = node;
    while (tree.node(at).parent != ancestor) at = tree.node(at).parent;
    return at;
}

// True when `other` sits in a section of a common ancestor near `best` (at most
// k_split_section_levels above it, below the body) that looks like best's own section: the same
// tag and the same class attribute (a teaser module of the same builder has another). Page
// builders put one chunk of the body in each section.
bool in_alike_section(const Tree& tree, NodeId best, NodeId other) {
    NodeId at = tree.node(best).parent;
    for (int level = 0; level < k_split_section_levels && at != dom::k_no_node && at != tree.body();
         ++level, at = tree.node(at).parent) {
        if (!tree.contains(at, other)) continue;
        const NodeId mine = child_towards(tree, at, best), theirs = child_towards(tree, at, other);
        const std::string_view kind = tree.attribute(mine, "class");
        return !kind.empty() && tree.node(mine).tag == tree.node(theirs).tag && tree.attribute(theirs, "class") == kind;
    }
    return false;
}

// The page's <h1> elements in document order, found by one scan on the first question: whether
// an element holds one is then a binary search, however many chunks ask about the same tiles.
class H1Index {
public:
    explicit H1Index(const Tree& tree) : m_tree(tree) {}

    bool holds_h1(NodeId id) {
        if (!m_built) {
            for (NodeId at = 0; at < m_tree.size(); ++at)
                if (m_tree.is_element(at, GUMBO_TAG_H1)) m_h1s.push_back(at);
            m_built = true;
        }
        const auto first = std::lower_bound(m_h1s.begin(), m_h1s.end(), id);
        return first != m_h1s.end() && m_tree.contains(id, *first);
    }

private:
    const Tree& m_tree;
    std::vector<NodeId> m_h1s;
    bool m_built = false;
};

// True when chunks in these <article>s (k_no_node: in none) may be one body: the same article,
// or alike tiles of which neither holds the page's headline (an article with its <h1> is the
// page's story; the next one loaded below it is another story).
bool same_story(H1Index& h1s, NodeId best_article, NodeId other_article) {
    if (best_article == other_article) return true;
    if (best_article == dom::k_no_node || other_article == dom::k_no_node) return false;
    return !h1s.holds_h1(best_article) && !h1s.holds_h1(other_article);
}

// What makes body markers alike: their class attribute, or for a marker without one its id
// without digits (phpBB numbers each post's "post_content2169826" and gives it no class).
std::string marker_kind(const Tree& tree, NodeId marker) {
    const std::string_view cls = tree.attribute(marker, "class");
    if (!cls.empty()) return std::string(cls);
    std::string kind;
    for (char c : tree.attribute(marker, "id"))
        if (!ascii::is_digit(c)) kind += c;
    return kind.empty() ? kind : "#" + kind;
}

// Sibling chunks of a split body: markers with the same class, not nested in each other, in
// the same <article> (or under the same grandparent), or in alike sections of a near common
// ancestor (`sections` is then set). On a page that says it is a forum or a
// Q&A (`thread`), every marker with the same class is a post (the question and each answer):
// all are kept.
std::vector<NodeId> split_body(const Tree& tree, const NodeStats& stats, NodeId best, const std::vector<NodeId>& markers,
                               bool thread, bool& sections) {
    std::vector<NodeId> roots{best};
    const std::string cls = marker_kind(tree, best);
    if (cls.empty()) return roots;
    const NodeId article = nearest_article(tree, best);
    const NodeId parent = tree.node(best).parent;
    const NodeId grandparent = parent == dom::k_no_node ? dom::k_no_node : tree.node(parent).parent;
    H1Index h1s(tree);
    for (NodeId m : markers) {
        if (m == best || tree.contains(best, m) || tree.contains(m, best) || marker_kind(tree, m) != cls) continue;
        if (stats.chars(m) <= 0) continue;
        const bool same_scope = thread || (article != dom::k_no_node ? tree.contains(article, m)
                                                                 : grandparent != dom::k_no_node && tree.contains(grandparent, m));
        const bool alike_section = !same_scope && same_story(h1s, article, nearest_article(tree, m)) &&
                                   in_alike_section(tree, best, m) &&
                                   stats.content_chars(m) >= k_split_section_min_chars &&
                                   stats.link_density(m) <= k_section_max_link_density;
        if (!same_scope && !alike_section) continue;
        if (std::any_of(roots.begin(), roots.end(), [&](NodeId r) { return tree.contains(r, m) || tree.contains(m, r); }))
            continue;
        roots.push_back(m);
        sections = sections || alike_section;
    }
    std::sort(roots.begin(), roots.end());
    return roots;
}

// The sibling sections of the same kind as the small winner or one of its near ancestors below
// the body's child (two or more with text), or nothing.
std::vector<NodeId> sibling_sections(const PageView& view, NodeId top) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    if (content_chars(stats, top) >= k_section_join_max_chars) return {};
    const NodeId body = tree.body();
    NodeId at = top;
    for (int level = 0; level < k_section_join_levels && at != body; ++level, at = tree.node(at).parent) {
        const NodeId parent = tree.node(at).parent;
        if (parent == dom::k_no_node || parent == body) break;
        const std::string_view kind = first_class(tree, at);
        if (kind.empty()) continue;
        std::vector<NodeId> sections;
        for (NodeId s = tree.node(parent).first_child; s != dom::k_no_node; s = tree.node(s).next_sibling)
            if (tree.node(s).type == NodeType::element && !view.removed_here(s) && first_class(tree, s) == kind &&
                stats.chars(s) > 0 && stats.link_density(s) <= k_section_max_link_density)
                sections.push_back(s);
        if (sections.size() >= 2) return sections;
    }
    return {};
}

// The <main> (or role=main) element around a small density winner (any winner on a product
// page) that holds much more text than it with few links, or k_no_node.
NodeId small_winner_main(const PageView& view, NodeId top) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    // On a page whose own statements make it a product (JSON-LD Product, og:type product), the
    // main region is the product's, however long the block density found.
    const bool product = view.page().statement_kind() == metadata::PageKind::product;
    if (!product && content_chars(stats, top) >= k_small_container_chars) return dom::k_no_node;
    for (NodeId at = tree.node(top).parent; at != dom::k_no_node && at != tree.body(); at = tree.node(at).parent) {
        if (!dom::is_main_region(tree, at)) continue;
        const bool fuller = content_chars(stats, at) >= k_small_climb_gain * content_chars(stats, top);
        return fuller && stats.link_density(at) <= k_main_max_link_density ? at : dom::k_no_node;
    }
    return dom::k_no_node;
}

// Whether the element is in the page's footer (k_footer_tag, k_footer_role): one walk up from one
// node, the density winner.
bool in_page_footer(const Tree& tree, NodeId id) {
    for (NodeId at = id; at != dom::k_no_node && at != tree.body(); at = tree.node(at).parent)
        if (tree.is_element(at, k_footer_tag) || ascii::iequals(tree.attribute(at, "role"), k_footer_role)) return true;
    return false;
}

// The best-scoring candidate inside the page's main region when the density winner is in the
// page's footer and the main region is elsewhere, or k_no_node. Candidates are sorted by score.
NodeId main_over_footer(const PageView& view, NodeId top, const std::vector<NodeId>& candidates,
                        const std::vector<float>& score) {
    const Tree& tree = view.tree();
    if (!in_page_footer(tree, top)) return dom::k_no_node;
    const NodeId main = main_region(view);
    if (main == tree.body() || tree.contains(main, top) || tree.contains(top, main)) return dom::k_no_node;
    for (NodeId c : candidates)
        if (score[c] > 0 && tree.contains(main, c)) return c;
    return dom::k_no_node;
}

}  // namespace

ContainerCandidate density_candidate(const PageView& view) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    const NodeId body = tree.body();
    std::vector<float> score(tree.size(), 0);
    std::vector<std::uint8_t> scored(tree.size(), 0);
    std::vector<NodeId> candidates;
    const NodeId end = tree.node(body).subtree_end;
    for (NodeId id = body; id < end; ++id) {
        if (view.removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if (tree.node(id).type != NodeType::element || !is_paragraph_like(view, id)) continue;
        const TextCounts& counts = stats.text(id);
        if (counts.chars < k_min_paragraph_chars) continue;
        const float points = 1 + counts.commas + std::min(counts.chars / k_chars_per_point, k_max_length_points);
        NodeId at = tree.node(id).parent;
        for (int level = 0; level < k_score_levels && at != dom::k_no_node && tree.contains(body, at); ++level) {
            if (!scored[at]) {
                scored[at] = 1;
                score[at] = prior(view, at);
                candidates.push_back(at);
            }
            const float divider = level == 0 ? 1.0f : level == 1 ? 2.0f : 3.0f * static_cast<float>(level);
            score[at] += points / divider;
            at = tree.node(at).parent;
        }
    }
    ContainerCandidate choice;
    choice.method.source = Source::density;
    if (candidates.empty()) {
        choice.roots = {body};
        choice.focus = body;
        choice.chars = content_chars(stats, body);
        return choice;
    }
    for (NodeId c : candidates) score[c] *= 1.0f - std::min(1.0f, stats.link_density(c));
    std::sort(candidates.begin(), candidates.end(), [&](NodeId a, NodeId b) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
    });
    NodeId top = candidates.front();
    if (const NodeId in_main = main_over_footer(view, top, candidates, score); in_main != dom::k_no_node) {
        top = in_main;
        choice.method.main_over_footer = true;
    }
    const float top_score = score[top];

    // Alternative ancestors: an ancestor holding several near-top candidates is the real container.
    std::vector<NodeId> alternatives;
    for (std::size_t i = 1; i < std::min(candidates.size(), k_top_candidates); ++i)
        if (score[candidates[i]] >= k_alternative_share * top_score) alternatives.push_back(candidates[i]);
    if (static_cast<int>(alternatives.size()) >= k_alternatives_needed) {
        for (NodeId at = tree.node(top).parent; at != dom::k_no_node && at != body; at = tree.node(at).parent) {
            int held = 0;
            for (NodeId alt : alternatives) held += tree.contains(at, alt);
            if (held >= k_alternatives_needed) {
                top = at;
                break;
            }
        }
    }
    // Climb while the parent scores higher (Readability's lastScore walk).
    float last = scored[top] ? score[top] : 0;
    for (NodeId at = tree.node(top).parent; at != dom::k_no_node && at != body; at = tree.node(at).parent) {
        if (!scored[at]) continue;
        if (score[at] < last / 3) break;
        if (score[at] > last) {
            top = at;
            break;
        }
        last = score[at];
    }
    // A small winner whose ancestor holds much more text is a lead or a fragment of the article.
    if (content_chars(stats, top) < k_small_container_chars) {
        NodeId at = tree.node(top).parent;
        for (int step = 0; step < k_small_climb_steps && at != dom::k_no_node && at != body; ++step, at = tree.node(at).parent) {
            if (content_chars(stats, at) >= k_small_climb_gain * content_chars(stats, top)) {
                top = at;
                break;
            }
        }
    }
    // A small winner inside the page's main region is one block of a page written as blocks.
    if (const NodeId main = small_winner_main(view, top); main != dom::k_no_node) {
        top = main;
        choice.method.in_main = true;
    }
    // Through only-children.
    while (tree.node(top).parent != dom::k_no_node && tree.node(top).parent != body &&
           tree.element_children(tree.node(top).parent).size() == 1)
        top = tree.node(top).parent;

    choice.focus = top;
    // Page-builder sections.
    if (std::vector<NodeId> sections = sibling_sections(view, top); !sections.empty()) {
        choice.roots = std::move(sections);
        choice.method.sections = true;
        for (NodeId r : choice.roots) choice.chars += content_chars(stats, r);
        return choice;
    }
    // Siblings.
    const NodeId parent = tree.node(top).parent;
    if (parent == dom::k_no_node || top == body) {
        choice.roots = {top};
        choice.chars = content_chars(stats, top);
        return choice;
    }
    const float threshold = std::max(k_min_sibling_score, score[top] * k_sibling_share);
    const std::string_view top_class = tree.attribute(top, "class");
    for (NodeId s = tree.node(parent).first_child; s != dom::k_no_node; s = tree.node(s).next_sibling) {
        if (tree.node(s).type != NodeType::element || view.removed_here(s)) continue;
        if (s == top) {
            choice.roots.push_back(s);
            continue;
        }
        float bonus = !top_class.empty() && tree.attribute(s, "class") == top_class ? score[top] * k_sibling_share : 0;
        bool join = scored[s] && score[s] + bonus >= threshold;
        if (!join && tree.is_element(s, GUMBO_TAG_P)) {
            const float chars = stats.chars(s), density = stats.link_density(s);
            join = (chars > k_sibling_p_chars && density < k_sibling_p_link_density) ||
                   (chars > 0 && chars <= k_sibling_p_chars && density == 0 && stats.text(s).sentence_ends > 0);
        }
        if (join) choice.roots.push_back(s);
    }
    for (NodeId r : choice.roots) choice.chars += content_chars(stats, r);
    return choice;
}

namespace {

// A candidate of one element.
ContainerCandidate single_root(const PageView& view, Source source, NodeId root) {
    return {Method{.source = source}, {root}, root, content_chars(view.stats(), root)};
}

}  // namespace

ContainerCandidate profile_candidate(const PageView& view, NodeId container) {
    return single_root(view, Source::profile, container);
}

std::optional<ContainerCandidate> json_ld_anchor_candidate(const PageView& view) {
    const NodeId anchor = json_ld_anchor(view);
    const dom::Tree& tree = view.tree();
    if (anchor == dom::k_no_node || !tree.contains(tree.body(), anchor) || view.removed(anchor)) return std::nullopt;
    return single_root(view, Source::json_ld_anchor, anchor);
}

std::optional<ContainerCandidate> body_marker_candidate(const PageView& view) {
    std::vector<NodeId> markers;
    const NodeId marker = best_body_marker(view, markers);
    if (marker == dom::k_no_node) return std::nullopt;
    ContainerCandidate choice;
    choice.method.source = Source::body_marker;
    // A forum or Q&A by the page's own statements (its kind does not depend on the extraction).
    const bool thread = view.page().statement_kind() == metadata::PageKind::forum;
    choice.roots = split_body(view.tree(), view.stats(), marker, markers, thread, choice.method.sections);
    choice.focus = marker;
    choice.chars = content_chars(view.stats(), marker);
    return choice;
}

// Leads, standfirsts and datelines often sit beside the body marker in the same <article>:
// when the article holds little more text than the body, the article is the container (the
// block filter removes its bylines and share bars).
void widen_to_article(const PageView& view, ContainerCandidate& choice) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    float body_chars = 0;
    for (NodeId r : choice.roots) body_chars += content_chars(stats, r);
    NodeId article = nearest_article(tree, choice.roots.front());
    if (article == dom::k_no_node || view.removed(article)) return;
    for (NodeId r : choice.roots)
        if (!tree.contains(article, r)) return;
    if (content_chars(stats, article) > k_article_widen_gain * body_chars) return;
    choice.roots = {article};
    choice.method.in_article = true;
}

// The lead (standfirst, preface) often sits just before the container, between the headline
// and the body. Scans backwards from the container within its <article> (or grandparent) for
// prose-like paragraphs, stopping at the headline.
void add_lead(const PageView& view, ContainerCandidate& choice) {
    const Tree& tree = view.tree();
    const NodeStats& stats = view.stats();
    const NodeId first = choice.roots.front();
    NodeId scope = nearest_article(tree, first);
    if (scope == dom::k_no_node) {
        const NodeId parent = tree.node(first).parent;
        scope = parent == dom::k_no_node ? dom::k_no_node : tree.node(parent).parent;
    }
    // Never the whole page: the scope must lie inside the body.
    if (scope == dom::k_no_node || scope == tree.body() || !tree.contains(tree.body(), scope) || scope + 1 >= first) return;
    std::vector<NodeId> leads;
    int scanned = 0;
    for (NodeId id = first - 1; id > scope && scanned < k_lead_scan_nodes && leads.size() < k_max_leads; --id, ++scanned) {
        const dom::Node& node = tree.node(id);
        if (node.type != NodeType::element) continue;
        if (node.tag == GUMBO_TAG_H1) break;
        if (tree.contains(id, first) || !is_paragraph_like(view, id) || node.tag == GUMBO_TAG_TD) continue;
        if (view.flags(id) & (k_flag_never_content | k_flag_boilerplate_inside | k_flag_negative)) continue;
        const TextCounts& counts = stats.text(id);
        if (counts.chars < k_min_lead_chars || counts.sentence_ends == 0 || stats.link_density(id) > k_max_lead_link_density)
            continue;
        if (view.removed(id)) continue;
        if (std::any_of(leads.begin(), leads.end(), [&](NodeId l) { return tree.contains(id, l); })) continue;
        leads.push_back(id);
    }
    if (leads.empty()) return;
    choice.roots.insert(choice.roots.begin(), leads.begin(), leads.end());
    std::sort(choice.roots.begin(), choice.roots.end());
    choice.method.with_lead = true;
}

// The page states its standfirst twice: in its meta description and, in microdata, on the element
// (or its parent) marked itemprop="description". When such an element before the container
// (after the headline) says exactly the meta description, it is the standfirst the container left
// out, whatever its markup: a teaser class, an <h2>, a line without a full stop. (Without the
// microdata the dek matching the description is as often left out by the golds: readability's
// and modern-dev's.)
void add_stated_lead(const PageView& view, ContainerCandidate& choice, std::string_view description) {
    const std::string stated = decode::collapse_whitespace(description);
    const float stated_non_space = static_cast<float>(utf8::non_space_count(stated));
    if (stated_non_space < k_min_lead_chars || stated_non_space > k_max_stated_lead_chars || choice.roots.empty()) return;
    const Tree& tree = view.tree();
    auto described = [&](NodeId id) { return id != dom::k_no_node && ascii::iequals(tree.attribute(id, "itemprop"), k_stated_lead_itemprop); };
    const NodeId first = choice.roots.front();
    const float stated_chars = static_cast<float>(utf8::code_point_count(stated));
    int scanned = 0;
    for (NodeId id = first; id-- > 0 && scanned < k_stated_lead_scan_nodes; ++scanned) {
        const dom::Node& node = tree.node(id);
        if (node.type != NodeType::element) continue;
        if (node.tag == GUMBO_TAG_H1 || node.tag == GUMBO_TAG_BODY) return;
        if (tree.contains(id, first) || !(described(id) || described(node.parent))) continue;
        if (view.removed(id) || (view.flags(id) & k_flag_never_content)) continue;
        // Only an element of about the description's length is read.
        const float chars = view.stats().text(id).chars;
        if (chars < k_stated_lead_min_length * stated_chars || chars > k_stated_lead_max_length * stated_chars) continue;
        if (decode::collapse_whitespace(view.mask().text_content(tree, id)) != stated) continue;
        choice.roots.insert(choice.roots.begin(), id);
        choice.method.with_lead = true;
        return;
    }
}

}  // namespace winnow::extract
