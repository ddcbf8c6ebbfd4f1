// The first extractor: removes what is never content, picks the main block by text and link
// density (Readability's scoring, simplified), builds blocks and drops the repeated title.
#include "winnow/extract/extractor.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "winnow/decode/text.hpp"
#include "winnow/extract/block_builder.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;
using dom::NodeType;
using dom::Tree;

// A paragraph shorter than this says too little to vote for its container.
constexpr std::size_t k_min_paragraph_chars = 25;
// Characters per extra point of paragraph score, and the cap (Readability: 100 and 3).
constexpr double k_chars_per_point = 100.0;
constexpr double k_max_length_points = 3.0;
// Share of a paragraph's score passed to its grandparent (Readability halves it).
constexpr double k_grandparent_share = 0.5;
// Class and id words of containers that hold boilerplate, not the article.
constexpr std::string_view k_boilerplate_words[] = {
    "comment", "comments", "share", "sharing", "social", "related", "sidebar", "footer", "menu", "nav",
    "cookie", "consent", "newsletter", "subscribe", "promo", "sponsor", "widget", "breadcrumb", "author",
    "popup", "modal", "banner", "advert", "ads", "ad", "outbrain", "taboola", "disqus"};
// Class and id words of containers that hold the article.
constexpr std::string_view k_content_words[] = {"article", "body", "content", "entry", "main", "post",
                                                "story", "text"};
// A removal by class or id that would take away more than this share of the page's text is
// a false alarm (a body class named "post-footer-wrapper", say) and is undone.
constexpr double k_max_removed_share = 0.85;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// Splits class and id values into words on spaces, '-', '_', ':', '.' and camelCase, so that
// "sidebar" does not match "bar" and "header" does not match "ad".
std::vector<std::string> class_id_words(const Tree& tree, NodeId id) {
    std::vector<std::string> words;
    for (std::string_view value : {tree.attribute(id, "class"), tree.attribute(id, "id")}) {
        std::string word;
        auto end_word = [&] {
            if (!word.empty()) words.push_back(lower(word));
            word.clear();
        };
        for (std::size_t i = 0; i < value.size(); ++i) {
            char c = value[i];
            if (c == ' ' || c == '-' || c == '_' || c == ':' || c == '.' || c == '\t' || c == '\n') {
                end_word();
                continue;
            }
            if (std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
                std::islower(static_cast<unsigned char>(value[i - 1])))
                end_word();
            word += c;
        }
        end_word();
    }
    return words;
}

bool has_word(const std::vector<std::string>& words, std::span<const std::string_view> vocabulary) {
    for (const auto& w : words)
        for (auto v : vocabulary)
            if (w == v) return true;
    return false;
}

bool is_hidden(const Tree& tree, NodeId id) {
    if (tree.has_attribute(id, "hidden")) return true;
    if (lower(tree.attribute(id, "aria-hidden")) == "true") return true;
    std::string style = lower(tree.attribute(id, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// Length of collapsed text, counted once per node bottom-up.
struct TextStats {
    std::vector<std::uint32_t> chars;
    std::vector<std::uint32_t> link_chars;
};

TextStats count_text(const Tree& tree) {
    TextStats stats;
    stats.chars.assign(tree.size(), 0);
    stats.link_chars.assign(tree.size(), 0);
    for (NodeId id = static_cast<NodeId>(tree.size()); id-- > 0;) {
        const dom::Node& n = tree.node(id);
        if (tree.is_removed_here(id)) {
            stats.chars[id] = stats.link_chars[id] = 0;
            continue;
        }
        if (n.type == NodeType::text) stats.chars[id] = static_cast<std::uint32_t>(decode::collapse_whitespace(n.text).size());
        if (n.type == NodeType::element && is_never_text(n.tag)) stats.chars[id] = 0;
        if (n.type == NodeType::element && n.tag == GUMBO_TAG_A) stats.link_chars[id] = stats.chars[id];
        if (n.parent != dom::k_no_node && !(n.type == NodeType::element && is_never_text(n.tag))) {
            stats.chars[n.parent] += stats.chars[id];
            stats.link_chars[n.parent] += stats.link_chars[id];
        }
    }
    return stats;
}

void record(std::vector<Removal>& removals, bool explain, std::string rule, const Tree& tree, NodeId id) {
    if (!explain) return;
    std::string text = decode::collapse_whitespace(tree.text_content(id));
    if (text.empty()) return;
    if (text.size() > 80) text = text.substr(0, 77) + "...";
    removals.push_back({std::move(rule), std::move(text)});
}

// Structural removals: elements that are never the article wherever they stand.
void remove_never_content(Tree& tree, const TextStats& stats, bool explain, std::vector<Removal>& removals) {
    const double page_chars = std::max<double>(1.0, stats.chars[tree.body()]);
    for (NodeId id = 0; id < tree.size(); ++id) {
        const dom::Node& n = tree.node(id);
        if (n.type != NodeType::element || tree.is_removed_here(id)) continue;
        std::string rule;
        if (is_never_text(n.tag) && n.tag != GUMBO_TAG_HEAD) rule = "heuristic never-text <" + std::string(n.tag_name) + ">";
        else if (is_hidden(tree, id)) rule = "heuristic hidden";
        else if (n.tag == GUMBO_TAG_NAV || n.tag == GUMBO_TAG_ASIDE || n.tag == GUMBO_TAG_HEADER ||
                 n.tag == GUMBO_TAG_FOOTER || n.tag == GUMBO_TAG_FORM) {
            // Guard: pages do put the whole article in one of these.
            if (stats.chars[id] < 0.5 * page_chars) rule = "heuristic structure <" + std::string(n.tag_name) + ">";
        } else if (has_word(class_id_words(tree, id), k_boilerplate_words) && n.tag != GUMBO_TAG_BODY &&
                   n.tag != GUMBO_TAG_HTML && stats.chars[id] < k_max_removed_share * page_chars) {
            rule = "heuristic class \"" + std::string(tree.attribute(id, "class")) + "\"";
        }
        if (rule.empty()) continue;
        record(removals, explain, rule, tree, id);
        tree.remove(id);
        id = n.subtree_end - 1;
    }
}

bool is_paragraph_like(const Tree& tree, NodeId id) {
    const dom::Node& n = tree.node(id);
    switch (n.tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_LI: case GUMBO_TAG_DD:
            return true;
        case GUMBO_TAG_DIV:
            for (NodeId c : tree.element_children(id))
                if (is_block_element(tree.node(c).tag)) return false;
            return true;
        default:
            return false;
    }
}

double container_prior(const Tree& tree, NodeId id) {
    double prior = 0;
    switch (tree.node(id).tag) {
        case GUMBO_TAG_ARTICLE: prior += 10; break;
        case GUMBO_TAG_MAIN: prior += 8; break;
        case GUMBO_TAG_DIV: prior += 5; break;
        case GUMBO_TAG_SECTION: prior += 3; break;
        default: break;
    }
    auto words = class_id_words(tree, id);
    if (has_word(words, k_content_words)) prior += 25;
    return prior;
}

NodeId choose_container(const Tree& tree, const TextStats& stats) {
    std::unordered_map<NodeId, double> scores;
    for (NodeId id = tree.body(); id < tree.node(tree.body()).subtree_end; ++id) {
        if (tree.is_removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if (tree.node(id).type != NodeType::element || !is_paragraph_like(tree, id)) continue;
        std::string text = decode::collapse_whitespace(tree.text_content(id));
        if (text.size() < k_min_paragraph_chars) continue;
        double score = 1 + static_cast<double>(std::count(text.begin(), text.end(), ','));
        score += std::min(static_cast<double>(text.size()) / k_chars_per_point, k_max_length_points);
        NodeId parent = tree.node(id).parent;
        if (parent == dom::k_no_node) continue;
        if (!scores.contains(parent)) scores[parent] = container_prior(tree, parent);
        scores[parent] += score;
        NodeId grandparent = tree.node(parent).parent;
        if (grandparent == dom::k_no_node) continue;
        if (!scores.contains(grandparent)) scores[grandparent] = container_prior(tree, grandparent);
        scores[grandparent] += score * k_grandparent_share;
    }
    NodeId best = tree.body();
    double best_score = -1;
    for (auto [id, score] : scores) {
        double link_density = stats.chars[id] ? double(stats.link_chars[id]) / stats.chars[id] : 1.0;
        double adjusted = score * (1 - link_density);
        if (adjusted > best_score || (adjusted == best_score && id < best)) {
            best_score = adjusted;
            best = id;
        }
    }
    return best;
}

std::string meta_content(const Tree& tree, std::string_view key) {
    if (tree.head() == dom::k_no_node) return {};
    for (NodeId id = tree.head(); id < tree.node(tree.head()).subtree_end; ++id) {
        if (!tree.is_element(id, GUMBO_TAG_META)) continue;
        if (lower(tree.attribute(id, "property")) == key || lower(tree.attribute(id, "name")) == key)
            return decode::collapse_whitespace(tree.attribute(id, "content"));
    }
    return {};
}

std::string first_element_text(const Tree& tree, GumboTag tag) {
    for (NodeId id = 0; id < tree.size(); ++id)
        if (tree.is_element(id, tag)) return decode::collapse_whitespace(tree.text_content(id));
    return {};
}

// The headline: og:title, else the first h1, else <title> without the site name after a separator.
std::string choose_title(const Tree& tree) {
    if (auto og = meta_content(tree, "og:title"); !og.empty()) return og;
    if (auto h1 = first_element_text(tree, GUMBO_TAG_H1); !h1.empty()) return h1;
    std::string title = first_element_text(tree, GUMBO_TAG_TITLE);
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB "}) {
        auto pos = title.find(sep);
        if (pos != std::string::npos && pos > 0) return title.substr(0, pos);
    }
    return title;
}

bool same_text(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

}  // namespace

Article extract_article(Tree& tree, const ExtractOptions& options) {
    Article article;
    article.title = choose_title(tree);
    article.language = lower(tree.attribute(tree.html(), "lang"));
    article.description = meta_content(tree, "og:description");
    article.site_name = meta_content(tree, "og:site_name");
    static const SiteRules k_no_rules;
    const SiteRules& rules = options.site_rules ? *options.site_rules : k_no_rules;

    apply_drop_rules(tree, rules, article.removals);
    NodeId container = find_content_container(tree, rules);
    TextStats stats = count_text(tree);
    remove_never_content(tree, stats, options.explain, article.removals);
    if (container == dom::k_no_node || tree.is_removed(container)) {
        stats = count_text(tree);
        container = choose_container(tree, stats);
        article.method = "density";
    } else {
        article.method = "profile";
    }
    article.blocks = build_blocks(tree, container);
    apply_text_rules(article.blocks, rules, article.removals, &article.warnings);

    // The headline goes in the title, not in the body.
    std::erase_if(article.blocks, [&](const Block& b) { return same_text(b.text, article.title); });

    if (article.blocks.empty()) {
        // Rescue: never empty for a page with text.
        for (NodeId id = 0; id < tree.size(); ++id) tree.restore(id);
        article.blocks = build_blocks(tree, tree.body());
        // Phrase rules still remove boilerplate blocks, but no stop_text: on a whole page a
        // "Related posts" heading in a sidebar may come before the article.
        SiteRules drop_only;
        drop_only.drop_text = rules.drop_text;
        apply_text_rules(article.blocks, drop_only, article.removals, &article.warnings);
        article.method = "whole-page";
    }
    return article;
}

}  // namespace winnow::extract
