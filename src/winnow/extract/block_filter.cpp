// extract: the in-container block filter, as two ordered tables.
//
// - `k_block_rules`: rules that judge one block at a time, in order; the first that applies
//   drops the block under its name (what --explain prints). A rule may take the blocks after it
//   along (a boilerplate heading takes its section).
// - `k_group_rules`: passes over runs of blocks, in order, after the block rules: link lists,
//   repeats, edge trimming.
//
// Each rule is a small function over a `BlockView` (the block, its measures, its ancestry).
#include "winnow/extract/block_filter.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "winnow/extract/captions.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/page_furniture.hpp"
#include "winnow/extract/reader_appeals.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/url.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// A block under an ancestor with a byline/meta/caption token is kept anyway when it is this
// long with prose-like stopword density: a real paragraph inside an oddly named wrapper.
constexpr float k_keep_long_chars = 300;
// Byline/meta/caption ancestry is not trusted when it would take more than this share of the text.
constexpr float k_max_ancestry_share = 0.5f;
// A figure caption of this many words ending a sentence is a description, kept (unless the
// mode drops every caption: FavorSettings::prose_captions).
constexpr float k_prose_caption_words = 12;
// A line right under an image (captions.hpp) of at most this many words is read as its caption.
constexpr float k_image_line_max_words = 40;
// ... and, when its first text is in an inline element, that element holds the block and at most
// this much more (not a long run of lines that merely starts under the image).
constexpr float k_image_line_inline_share = 1.2f;
// A signature line: at most this many words, with a comma between name and role.
constexpr float k_signature_words = 6;
// Below this length the classes of the inline element holding a block's first text count too.
constexpr float k_inline_ancestry_chars = 100;
// Short blocks: links making up more than the mode's share of them (FavorSettings::
// short_link_density) mark navigation.
constexpr float k_short_block_chars = 100;
// Any block made almost only of links (and having a few) is a link list.
constexpr float k_link_farm_density = 0.9f;
constexpr std::uint32_t k_link_farm_links = 2;
// A heading made of one link (at least this share of it) right over a paragraph of prose
// (k_keep_long_chars) is the title of what the paragraph describes (a course, a hotel, a tool in
// a roundup), not navigation: the link-density rules spare it. A teaser's excerpt is shorter.
constexpr float k_linked_title_density = 0.9f;
// A list right after a line ending in this (not a boilerplate heading such as "Related posts:"),
// with more of the text after it, whose links all leave the page's site, is what the line
// introduces ("Top Expert Recommendations:" over the tools it names, each linked to a shop):
// the link rules spare its items. Links to the site's own pages under such a line are its
// navigation ("More on HBS:", "Jump to:"), and go as before.
constexpr char k_introduced_list_end = ':';
// A whole list (or table) whose items are mostly links, and short on average, is a link list.
constexpr float k_list_link_density = 0.6f, k_list_item_chars = 120;
// A line of at most this many words is read as a heading by the boilerplate-heading rule, even
// when not marked up as one ("Related articles" in a bold paragraph).
constexpr float k_heading_like_words = 6;
// A heading-like line right before at least this many link-heavy blocks that went is the title
// of a box of links (a teaser box, "read also" links) inside the body.
constexpr std::size_t k_box_label_min_links = 2;
// A boilerplate heading takes along the following blocks that are list items, short (under
// this many characters) or link-heavy, up to the next heading. After the mode's share of the text
// (FavorSettings::tail_cut_share) it cuts the rest ("Related articles" and all below).
constexpr float k_section_short_chars = 200, k_section_link_density = 0.5f;
// Repeated blocks longer than this are dropped (teasers echoing the lead, duplicated captions).
// Longer repeats are the author's own (a repeated refrain, a test page) and stay.
constexpr std::size_t k_min_repeat_chars = 50, k_max_repeat_chars = 200;
// Title repeats are searched among blocks this short.
constexpr std::size_t k_max_title_repeat_chars = 300;
// A heading whose links all have this target prefix point into the page ("#language-design"): a
// section's title made a permalink to itself (static site generators, docs, wikis), not
// navigation, which the link-density rule spares. A heading linking elsewhere stays suspect (a
// teaser of another article).
constexpr char k_in_page_target_prefix = '#';
// Edge trimming: a block with at most FavorSettings::edge_short_words words and no sentence end
// is weak at an edge, and one of at most this many words matching a boilerplate pattern, or
// this link-dense.
constexpr float k_edge_pattern_words = 20, k_edge_link_density = 0.5f;
// A link-free table row of at least this many filled cells is data (a ranking's or a timetable's
// line), not a label at an edge: edge trimming keeps it, as it keeps code. On a product page
// (its statements say so) a two-cell row is its specification ("Material | Stainless steel");
// elsewhere two cells are as often a record's metadata ("Subjects: | Computer Science").
constexpr std::size_t k_edge_data_row_cells = 3, k_edge_product_row_cells = 2;
// In a listing's main region (the listing candidate, keep_link_lines) edge trimming that would
// take more than this share of the kept text does not run: product tiles and teasers are short
// lines without a sentence end, and only the introduction read as strong.
constexpr float k_listing_max_trim_share = 0.5f;
// Edge trimming stops at a line of the nearest strong block's own element when that element is
// this (a <p> split at <br>: the author's lines); a <div>'s lines are as often a widget's controls.
constexpr GumboTag k_flow_lines_tag = GUMBO_TAG_P;
// The page's own byline and dateline lines go when among this many kept blocks at either end.
constexpr std::size_t k_furniture_edge_blocks = 3;
// The pitch before an appeal in the same paragraph (drop_appeal_pitch): two sentences or so
// ("Gefällt dir unser Klettermagazin? Bei der Lancierung ... versorgen."), not an article's end.
constexpr float k_appeal_pitch_max_chars = 450;
// A teaser (drop_teasers): a linked title, at most this many paragraphs of excerpt, a read-more line.
constexpr std::size_t k_teaser_excerpt_blocks = 3;
// A heading right before an element the never-content pass removed with these flags (a related
// list, a widget, a layer) titled that box; with nothing kept under it, it goes too.
constexpr std::uint32_t k_removed_box_flags = k_flag_never_content | k_flag_overlay;

// A block as the rules see it: measured once, with what its ancestors below the container say.
struct BlockView {
    const SourcedBlock* sourced = nullptr;
    TextCounts counts;
    float link_density = 0;
    std::uint32_t inherited = 0;  // flags of the ancestors between the block and the container
    bool in_caption = false;      // inside a <figcaption>, or the line right under an image
    bool image_line = false;      // ... the latter (captions.hpp)
    NodeId figure = dom::k_no_node;  // the caption's figure (for a line under an image, its block)
    bool long_prose = false;      // k_keep_long_chars or more with prose's stopword density
    bool self_anchor_heading = false;  // a heading whose links all point into the page (k_in_page_target_prefix)
    bool introduced = false;      // an item of a list the text introduces, its links leaving the site
    bool linked_title = false;    // a heading of one link over prose (k_linked_title_density)
    bool keep = true;

    const Block& block() const { return sourced->block; }
    const std::string& text() const { return sourced->block.text; }
    bool is_heading() const { return sourced->block.kind == BlockKind::heading; }
};

// What the rules share: the blocks, the options, and facts about the whole container.
struct FilterState {
    std::vector<BlockView>& views;
    const BlockFilterOptions& options;
    std::vector<Removal>& removals;
    RegexGuard& regexes;
    const Page& page;             // the page: its tree, its node flags, its statements
    float total_chars = 0;        // characters of all the container's blocks
    bool trust_ancestry = true;   // byline/meta/caption ancestry takes at most half of them
    std::vector<NodeId> prose_parents{};  // parents of the prose paragraphs (sorted): the article's flow
    PageFurniture furniture{};    // the page's date and authors, for its byline and dateline lines
    metadata::TitleStatements title_words{};  // options.title split into words once, for repeats_title
    bool listing = false;         // the page's statements make it a listing
    bool product = false;         // ... a product
    std::string site_host{};      // the page's host, from its URL or its canonical link ("" when unknown)

    const dom::Tree& tree() const { return page.tree(); }

    // Drops a block (once) and, when explaining, records it under `rule`, or under the site's
    // drop_text rule that also matches it (looked up once, for this block), so a profile's
    // author sees their own rule at work.
    void drop(std::size_t i, std::string rule) {
        BlockView& view = views[i];
        if (!view.keep) return;
        view.keep = false;
        if (!options.explain) return;
        if (options.text_rules)
            if (std::string site_rule = drop_text_rule_name(*options.text_rules, view.block(), regexes); !site_rule.empty())
                rule = std::move(site_rule);
        removals.push_back({std::move(rule), removal_excerpt(view.text())});
    }
    // Drops a block that is part of a box the article is not, for good: the second opinion will
    // not add it back (BlockFilterOptions::held_out).
    void hold_out(std::size_t i, std::string rule) {
        drop(i, std::move(rule));
        if (options.held_out && views[i].sourced->source != dom::k_no_node) options.held_out->push_back(views[i].sourced->source);
    }
};

std::string fixed2(float value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(value));
    return buffer;
}

// --- Rules over one block ----------------------------------------------------------------

// A repeat of the title, or a heading with a title class: it goes to the title, in every mode.
bool repeats_title(const BlockView& b, const FilterState& s) {
    return b.text().size() <= k_max_title_repeat_chars &&
           (metadata::is_title_repeat(b.text(), s.title_words) || (b.is_heading() && (b.inherited & k_flag_title_class)));
}
// On a listing page (by its own statements) a heading made of a link is a teaser's title.
bool is_teaser_title(const BlockView& b, const FilterState& s) { return s.listing && b.is_heading(); }
// Blocks whose links are their content, which the link-density and link-farm rules spare: a
// teaser's title on a listing, a linked title over prose, an item of a list the text introduces.
bool links_are_content(const BlockView& b, const FilterState& s) {
    return s.options.keep_link_lines || is_teaser_title(b, s) || b.linked_title || b.introduced;
}
bool is_short_and_linked(const BlockView& b, const FilterState& s) {
    return !links_are_content(b, s) && !b.self_anchor_heading && b.counts.chars < k_short_block_chars &&
           b.link_density > s.options.favor->short_link_density;
}
bool is_link_farm(const BlockView& b, const FilterState& s) {
    return !links_are_content(b, s) && b.link_density > k_link_farm_density && b.sourced->links >= k_link_farm_links;
}
bool under_never_content(const BlockView& b, const FilterState& s) {
    return !s.options.relaxed &&
           (b.inherited & (k_flag_never_content | (s.options.thread ? 0u : std::uint32_t{k_flag_comment_section})));
}
bool under_boilerplate(const BlockView& b, const FilterState& s) {
    return !s.options.relaxed && (b.inherited & k_flag_boilerplate_inside) && !b.long_prose && s.trust_ancestry;
}
// A caption that is a sentence describing the picture stays; a bare credit or label goes.
bool is_sentence(const BlockView& b) { return b.counts.words >= k_prose_caption_words && b.counts.sentence_ends > 0; }
bool is_prose_caption(const BlockView& b, const FilterState& s) { return s.options.favor->prose_captions && is_sentence(b); }
bool is_bare_caption(const BlockView& b, const FilterState& s) {
    return b.in_caption && !b.image_line && !b.long_prose && !is_prose_caption(b, s) && s.trust_ancestry;
}
// The same for a line right under an image, without <figcaption> ("Abbildung 8: Vorgehensweise").
bool is_bare_image_line(const BlockView& b, const FilterState& s) {
    return b.image_line && !b.long_prose && !is_prose_caption(b, s) && s.trust_ancestry;
}
// A descriptive caption stays where the author placed the picture, between the paragraphs; the
// caption of a figure outside the article's flow (a lead image in the header, a gallery, a
// picture module) is the photo desk's, with its agency credit.
bool is_caption_outside_flow(const BlockView& b, const FilterState& s) {
    return b.in_caption && !b.long_prose && s.trust_ancestry && b.figure != dom::k_no_node &&
           !figure_in_flow(s.tree(), b.figure, s.prose_parents);
}
bool is_share_block(const BlockView& b, FilterState& s) { return is_share_line(b.text(), s.regexes); }
bool is_boilerplate_block(const BlockView& b, FilterState& s) { return is_boilerplate_line(b.text(), s.regexes); }
bool opens_boilerplate_section(const BlockView& b, FilterState& s) {
    return (b.is_heading() || b.counts.words <= k_heading_like_words) && is_boilerplate_heading(b.text(), s.regexes);
}

// After a boilerplate heading: late in the text it starts the page's tail (everything after it
// goes); otherwise the section under it goes (list items, short or link-heavy blocks, up to the
// next heading). Returns true when the rest of the blocks is gone.
bool drop_boilerplate_section(std::size_t i, FilterState& s) {
    float before = 0;
    for (std::size_t j = 0; j < i; ++j) before += s.views[j].keep ? s.views[j].counts.chars : 0;
    if (before >= s.options.favor->tail_cut_share * s.total_chars) {
        for (std::size_t j = i + 1; j < s.views.size(); ++j) s.drop(j, "heuristic boilerplate-tail");
        return true;
    }
    for (std::size_t j = i + 1; j < s.views.size(); ++j) {
        const BlockView& next = s.views[j];
        if (next.is_heading()) break;
        const bool weak = next.block().kind == BlockKind::list_item || next.counts.chars < k_section_short_chars ||
                          next.link_density > k_section_link_density;
        if (!weak) break;
        s.drop(j, "heuristic boilerplate-section");
    }
    return false;
}

struct BlockRule {
    std::string_view name;                              // what --explain prints
    bool (*applies)(const BlockView&, FilterState&);    // true: the block goes
    bool show_link_density = false;                     // the name is followed by the block's link density
    bool (*then)(std::size_t, FilterState&) = nullptr;  // what else goes with it; true: stop judging
};

// Wraps a rule that needs no regex search (and so no mutable state).
template <bool (*Rule)(const BlockView&, const FilterState&)>
bool pure(const BlockView& b, FilterState& s) { return Rule(b, s); }

// In order: the first rule that applies drops the block.
const BlockRule k_block_rules[] = {
    {"heuristic title-repeat", pure<repeats_title>},
    {"heuristic link-density", pure<is_short_and_linked>, true},
    {"heuristic link-farm", pure<is_link_farm>, true},
    {"heuristic ancestry never-content", pure<under_never_content>},
    {"heuristic ancestry boilerplate", pure<under_boilerplate>},
    {"heuristic caption", pure<is_bare_caption>},
    {"heuristic image-line", pure<is_bare_image_line>},
    {"heuristic caption-outside-flow", pure<is_caption_outside_flow>},
    {"heuristic share-line", is_share_block},
    {"heuristic boilerplate-line", is_boilerplate_block},
    {"heuristic boilerplate-heading", opens_boilerplate_section, false, drop_boilerplate_section},
};

// --- Rules over runs of blocks -----------------------------------------------------------

// Lists and tables made of short links: related-article lists, tag lists, link farms.
void drop_link_lists(FilterState& s) {
    if (s.options.keep_link_lines) return;  // a listing's teasers
    auto& views = s.views;
    for (std::size_t i = 0; i < views.size();) {
        const Block& first = views[i].block();
        if (first.kind != BlockKind::list_item && first.kind != BlockKind::table_row) {
            ++i;
            continue;
        }
        std::size_t j = i;
        float chars = 0, link_chars = 0;
        while (j < views.size() && views[j].block().kind == first.kind && views[j].block().group == first.group) {
            chars += views[j].counts.chars;
            link_chars += views[j].sourced->link_chars;
            ++j;
        }
        const float density = chars > 0 ? link_chars / chars : 0;
        if (!views[i].introduced && density > k_list_link_density && chars / static_cast<float>(j - i) < k_list_item_chars)
            for (std::size_t k = i; k < j; ++k) s.drop(k, "heuristic link-list " + fixed2(density));
        i = j;
    }
}

// Whether every link of the blocks [begin, end) leads off the page's site (an absolute URL on
// another host than the page's): a relative link, an in-page anchor or one to the site itself is
// the site's own navigation. Hosts are compared whole: a sister site's links ("www.yahoo.com" on
// "finance.yahoo.com") still count as leaving (Readability keeps such a "More news:" list).
bool links_leave_site(const FilterState& s, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k)
        for (const Span& span : s.views[k].block().markup.spans)
            if (span.kind == SpanKind::link)
                if (const std::string host = url::host(span.target); host.empty() || host == s.site_host) return false;
    return true;
}

// Marks the items of each list that the text introduces with links away (k_introduced_list_end).
void mark_introduced_lists(FilterState& s) {
    auto& views = s.views;
    for (std::size_t i = 1; i < views.size(); ++i) {
        const BlockView& before = views[i - 1];
        const Block& first = views[i].block();
        if (first.kind != BlockKind::list_item || before.block().kind == BlockKind::list_item) continue;
        std::size_t j = i;
        while (j < views.size() && views[j].block().kind == first.kind && views[j].block().group == first.group) ++j;
        std::string_view intro = before.text();
        while (!intro.empty() && (intro.back() == ' ' || intro.back() == '\n')) intro.remove_suffix(1);
        if (j < views.size() && intro.ends_with(k_introduced_list_end) && links_leave_site(s, i, j) &&
            !is_boilerplate_heading(before.text(), s.regexes))
            for (std::size_t k = i; k < j; ++k) views[k].introduced = true;
    }
}

// Exact repeats of the previous kept block.
void drop_repeats(FilterState& s) {
    const BlockView* previous = nullptr;
    for (std::size_t i = 0; i < s.views.size(); ++i) {
        const BlockView& view = s.views[i];
        if (!view.keep) continue;
        const std::size_t size = view.text().size();
        if (previous && size > k_min_repeat_chars && size < k_max_repeat_chars && previous->text() == view.text())
            s.drop(i, "heuristic repeat");
        else
            previous = &view;
    }
}

// The cells of a table row's text (joined with k_cell_separator) that hold something.
std::size_t filled_cells(std::string_view row) {
    std::size_t filled = 0;
    for (std::size_t begin = 0; begin <= row.size();) {
        std::size_t end = row.find(k_cell_separator, begin);
        if (end == std::string_view::npos) end = row.size();
        if (row.substr(begin, end - begin).find_first_not_of(' ') != std::string_view::npos) ++filled;
        begin = end + k_cell_separator.size();
    }
    return filled;
}

bool is_weak_edge(const BlockView& view, FilterState& s, bool at_end = false) {
    RegexGuard& regexes = s.regexes;
    const FavorSettings& favor = *s.options.favor;
    const Block& block = view.block();
    const std::string& text = block.text;
    if (block.kind == BlockKind::preformatted) return false;  // code is kept verbatim
    if (view.link_density > k_edge_link_density) return true;
    auto matches_pattern = [&] {
        return view.counts.words <= k_edge_pattern_words && (is_boilerplate_line(text, regexes) || is_share_line(text, regexes));
    };
    // (A row's links are not counted in its link density: its spans say whether it has one.)
    if (block.kind == BlockKind::table_row && std::ranges::none_of(block.markup.spans, [](const Span& span) { return span.kind == SpanKind::link; }) &&
        filled_cells(text) >= (s.product ? k_edge_product_row_cells : k_edge_data_row_cells))
        return matches_pattern();
    // At the end a short "Name, Role" line without links is a signature ("Jean Barker,
    // Secretary"), and a list without links a summary: both stay (unless a pattern says otherwise).
    const bool signature = block.kind == BlockKind::paragraph && view.counts.words <= k_signature_words &&
                           view.counts.commas > 0;
    if (at_end && favor.edge_keeps_signatures && view.sourced->links == 0 && (signature || block.kind == BlockKind::list_item)) return matches_pattern();
    if (view.counts.words <= favor.edge_short_words && view.counts.sentence_ends == 0) return true;
    return matches_pattern();
}

// A weak edge block is in the flow of the article when it is a paragraph of the same element as
// the nearest strong paragraph, under the same parent (or a line of that paragraph's own <p>),
// with no boilerplate class above it and no link or pattern against it: a list of short lines
// the author wrote ("+ Added Slime Block"), an opening quote, a sign-off. Edge trimming stops
// there.
bool in_article_flow(const BlockView& view, const BlockView& anchor, const FilterState& s) {
    if (view.block().kind != BlockKind::paragraph || anchor.block().kind != BlockKind::paragraph) return false;
    const NodeId element = view.sourced->block_element, anchor_element = anchor.sourced->block_element;
    if (element == dom::k_no_node || anchor_element == dom::k_no_node) return false;
    const dom::Tree& tree = s.tree();
    // Lines of the strong block's own <p> (split at <br>) are the author's too: a changelog's
    // "+ Added Slime Block" lines before its first long one. Not a <div> or a widget's element,
    // whose lines are as often controls ("or to enjoy", "FREE standard shipping").
    if (element == anchor_element) {
        if (tree.node(element).tag != k_flow_lines_tag) return false;
    } else if (tree.node(element).parent != tree.node(anchor_element).parent || tree.node(element).tag != tree.node(anchor_element).tag) {
        return false;
    }
    if (view.inherited & (k_flag_never_content | k_flag_comment_section | k_flag_boilerplate_inside)) return false;
    return view.sourced->links == 0;
}

// Weak short blocks at both ends of the kept text, and trailing headings; only when something
// strong remains (a page of short lines keeps them). Trimming stops at a block in the flow of
// the article (in_article_flow) next to the nearest strong block.
void trim_edges(FilterState& s) {
    auto& views = s.views;
    std::size_t first_strong = views.size(), last_strong = views.size();
    for (std::size_t i = 0; i < views.size(); ++i) {
        const BlockView& view = views[i];
        if (!view.keep || view.is_heading() || is_weak_edge(view, s)) continue;
        if (first_strong == views.size()) first_strong = i;
        last_strong = i;
    }
    if (first_strong == views.size()) return;
    auto pattern = [&](const BlockView& view) {
        return is_boilerplate_line(view.text(), s.regexes) || is_share_line(view.text(), s.regexes);
    };
    std::vector<std::size_t> start, end;
    for (std::size_t i = 0; i < views.size(); ++i) {
        if (!views[i].keep) continue;
        if (!is_weak_edge(views[i], s) || views[i].is_heading()) break;
        if (in_article_flow(views[i], views[first_strong], s) && !pattern(views[i])) break;
        start.push_back(i);
    }
    for (std::size_t i = views.size(); i-- > 0;) {
        if (!views[i].keep) continue;
        if (!views[i].is_heading() && !is_weak_edge(views[i], s, /*at_end=*/true)) break;
        if (!views[i].is_heading() && in_article_flow(views[i], views[last_strong], s) && !pattern(views[i])) break;
        end.push_back(i);
    }
    // The listing candidate's main region: trimming that would take most of it took the tiles.
    if (s.options.keep_link_lines) {
        float kept = 0, trimmed = 0;
        for (const BlockView& view : views) kept += view.keep ? view.counts.chars : 0;
        for (std::size_t i : start) trimmed += views[i].counts.chars;
        for (std::size_t i : end) trimmed += views[i].counts.chars;
        if (trimmed > k_listing_max_trim_share * kept) return;
    }
    for (std::size_t i : start) s.drop(i, "heuristic edge-trim start");
    for (std::size_t i : end) s.drop(i, "heuristic edge-trim end");
}

// Drops the blocks among the first and last k_furniture_edge_blocks kept ones that `applies`
// says are the template's, under `rule` + " start" or " end".
template <class Applies>
void drop_at_edges(FilterState& s, std::string_view rule, Applies applies) {
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < s.views.size(); ++i)
        if (s.views[i].keep) kept.push_back(i);
    for (std::size_t k = 0; k < kept.size(); ++k) {
        if (k >= k_furniture_edge_blocks && k + k_furniture_edge_blocks < kept.size()) continue;
        if (applies(s.views[kept[k]])) s.drop(kept[k], std::string(rule) + (k < k_furniture_edge_blocks ? " start" : " end"));
    }
}

// The page's own byline and dateline lines (page_furniture.hpp) at the edges: the template
// prints them above or below the article, sometimes after its lead or before its closing line.
// After trimming, so that a dateline still stops the trimming as before (what lies beyond it stays).
void drop_edge_bylines(FilterState& s) {
    drop_at_edges(s, "heuristic edge-byline",
                  [&](const BlockView& view) { return is_furniture_line(view.text(), view.counts, s.furniture); });
}

// Disclosures of affiliate links and of opinions that are not the publication's
// (reader_appeals.hpp) at the edges: the template's note above or below the article. Inside it
// the same words are the subject.
void drop_edge_disclosures(FilterState& s) {
    drop_at_edges(s, "heuristic disclosure", [&](const BlockView& view) { return is_editorial_disclosure(view.text(), s.regexes); });
}

// The box an appeal opens: its highest ancestor below the container that holds no kept block
// before it ("Apoya el periodismo" and the three lines of its box); k_no_node when the appeal
// shares its parent with the article's paragraphs. `kept_before` holds the elements of the kept
// blocks before the appeal, so each ancestor is one lookup, not a scan of the blocks.
NodeId appeal_box(const FilterState& s, std::size_t appeal, const std::set<NodeId>& kept_before) {
    const dom::Tree& tree = s.tree();
    NodeId box = dom::k_no_node;
    NodeId node = s.views[appeal].sourced->block_element;
    if (node == dom::k_no_node) return box;
    for (NodeId up = tree.node(node).parent; up != dom::k_no_node; up = tree.node(up).parent) {
        const auto first = kept_before.lower_bound(up);
        if (first != kept_before.end() && tree.contains(up, *first)) break;
        box = up;
    }
    return box;
}

// The pitch before an appeal in the same paragraph: the kept lines right before it that share its
// block element (a <p> split by <br><br>: "Gefällt dir unser Magazin? ... brauchen wir deine
// Unterstützung." over "Darum: unterstütze unser Magazin"), all in the body's last part (`late`
// from `tail_start` on) and k_appeal_pitch_max_chars at most together; a longer run is the article
// written in one element, and stays.
void drop_appeal_pitch(FilterState& s, std::size_t appeal) {
    const NodeId element = s.views[appeal].sourced->block_element;
    if (element == dom::k_no_node) return;
    float chars = 0;
    std::size_t first = appeal;
    for (std::size_t j = appeal; j-- > 0;) {
        const BlockView& view = s.views[j];
        if (view.sourced->block_element != element) break;
        if (!view.keep) continue;
        chars += view.counts.chars;
        if (chars > k_appeal_pitch_max_chars) return;
        first = j;
    }
    for (std::size_t j = first; j < appeal; ++j) s.hold_out(j, "heuristic appeal-pitch");
}

// Appeals to the reader (reader_appeals.hpp) in the body's last part: after the mode's share of
// the kept text (FavorSettings::tail_cut_share, as for a boilerplate heading's tail cut; never
// in recall mode). An appeal takes along the later blocks of its own box (appeal_box); one that
// shares its parent with the article's paragraphs goes alone: what follows may be the article's.
void drop_end_appeals(FilterState& s) {
    float total = 0;
    for (const BlockView& view : s.views) total += view.keep ? view.counts.chars : 0;
    float before = 0;
    NodeId box = dom::k_no_node;  // the appeal box being dropped
    const dom::Tree& tree = s.tree();
    // The elements of the kept blocks passed so far (only this loop drops, and only the block at
    // hand): gathered once the first appeal is found, most pages having none.
    std::set<NodeId> kept_before;
    std::size_t gathered = 0;  // the blocks before this one are in kept_before
    // A call an earlier rule dropped (a "join our" line) still opens its box.
    for (std::size_t i = 0; i < s.views.size(); ++i) {
        BlockView& view = s.views[i];
        const NodeId element = view.sourced->block_element;
        if (box != dom::k_no_node && element != dom::k_no_node && tree.contains(box, element)) {
            s.drop(i, "heuristic appeal-box");
            continue;
        }
        box = dom::k_no_node;
        const bool late = before >= s.options.favor->tail_cut_share * total;
        if (view.keep) before += view.counts.chars;
        if (!late || !is_reader_appeal(view.text(), s.regexes)) continue;
        s.drop(i, "heuristic appeal-end");
        drop_appeal_pitch(s, i);
        for (; gathered < i; ++gathered)
            if (const BlockView& passed = s.views[gathered]; passed.keep && passed.sourced->block_element != dom::k_no_node)
                kept_before.insert(passed.sourced->block_element);
        box = appeal_box(s, i, kept_before);
    }
}

// Teasers of other stories: a heading made of one link (k_linked_title_density), its excerpt (up to
// k_teaser_excerpt_blocks paragraphs) and a link line that only says "read more" (READ THE REST,
// Weiterlesen) after it. The article's own text never sends the reader elsewhere for its rest; a
// roundup's linked titles over their descriptions carry no such line, and stay. Not on a listing.
void drop_teasers(FilterState& s) {
    if (s.options.keep_link_lines || s.listing) return;  // a listing's teasers are its content
    auto& views = s.views;
    for (std::size_t i = 1; i < views.size(); ++i) {
        const BlockView& more = views[i];
        if (more.link_density < k_linked_title_density || more.sourced->links != 1 || !is_read_more_line(more.text(), s.regexes))
            continue;
        std::size_t j = i;
        while (j > 0 && i - j < k_teaser_excerpt_blocks && views[j - 1].block().kind == BlockKind::paragraph &&
               views[j - 1].link_density < k_linked_title_density)
            --j;
        if (j == i || j == 0) continue;
        const BlockView& title = views[j - 1];
        if (!title.is_heading() || title.sourced->links != 1 || title.link_density < k_linked_title_density) continue;
        for (std::size_t k = j - 1; k <= i; ++k) s.hold_out(k, "heuristic teaser");
    }
}

// Appeals to the reader (reader_appeals.hpp) boxed on their own inside the body, anywhere: the
// appeal's block is alone in an element of its own (an ancestor of its block element holding no
// other kept block), between kept blocks of the article. A donation box dropped between the
// paragraphs; an appeal written as a paragraph among the article's (a charity's own page) has no
// such element, and stays.
void drop_boxed_appeals(FilterState& s) {
    const dom::Tree& tree = s.tree();
    auto& views = s.views;
    std::size_t previous = views.size();  // the last kept block before i
    for (std::size_t i = 0; i < views.size(); ++i) {
        if (!views[i].keep) continue;
        const std::size_t before = previous;
        previous = i;
        const NodeId element = views[i].sourced->block_element;
        if (before == views.size() || element == dom::k_no_node || !is_reader_appeal(views[i].text(), s.regexes)) continue;
        std::size_t next = i + 1;
        while (next < views.size() && !views[next].keep) ++next;
        if (next == views.size()) continue;
        const NodeId prev_element = views[before].sourced->block_element, next_element = views[next].sourced->block_element;
        if (prev_element == dom::k_no_node || next_element == dom::k_no_node) continue;
        NodeId box = element;
        for (NodeId up = tree.node(box).parent;
             up != dom::k_no_node && !tree.contains(up, prev_element) && !tree.contains(up, next_element); up = tree.node(up).parent)
            box = up;
        if (box != element) s.hold_out(i, "heuristic appeal-boxed");
    }
}

// The title line of a box of links inside the body: a heading-like line (at most
// k_heading_like_words words, no sentence end, not marked up as a heading) right before at least
// k_box_label_min_links link-heavy blocks that the rules dropped, up to the next kept block or
// heading ("Mehr Kolumnen auf MeinMMO:" over its teasers). Once its links are gone it introduces
// nothing. A marked-up heading stays (its section may go on past the links), and so does a
// label before a single link (a source line, "Quelle: ...", is the rules' business).
void drop_box_labels(FilterState& s) {
    auto& views = s.views;
    for (std::size_t i = 0; i < views.size(); ++i) {
        const BlockView& view = views[i];
        if (!view.keep || view.is_heading() || view.block().kind != BlockKind::paragraph ||
            view.counts.words > k_heading_like_words || view.counts.sentence_ends > 0)
            continue;
        std::size_t links = 0;
        bool box = true;
        for (std::size_t j = i + 1; j < views.size() && !views[j].keep && !views[j].is_heading(); ++j) {
            if (views[j].link_density <= k_section_link_density) box = false;
            ++links;
        }
        if (box && links >= k_box_label_min_links) s.drop(i, "heuristic box-label");
    }
}

// Whether the element after `heading`'s element is a box the never-content pass removed by its
// class (a related list, a widget, a newsletter box, a layer): what the heading titled is gone.
bool heads_removed_box(const FilterState& s, std::size_t heading) {
    const NodeId element = s.views[heading].sourced->block_element;
    if (element == dom::k_no_node) return false;
    const NodeId next = s.tree().next_element(element);
    return next != dom::k_no_node && (s.page.flags(next) & k_removed_box_flags);
}

// A heading with nothing kept under it (the next kept block is a heading of the same or a higher
// rank, or there is none) whose next element is a removed box: "Our Related Services" or
// "Weitere Tourentipps in Schweden" over related teasers, a match's title over its live-score
// widget. After the end rules, which may have taken what followed it (a disclosure). Not in a
// listing, where headings are teasers' titles, nor in the relaxed pass, which keeps such boxes.
void drop_bare_headings(FilterState& s) {
    if (s.options.keep_link_lines || s.listing || s.options.relaxed) return;
    std::size_t previous = s.views.size();  // the previous kept block, when it is a heading
    auto judge = [&](std::size_t next_rank) {
        if (previous != s.views.size() && s.views[previous].block().markup.level >= next_rank && heads_removed_box(s, previous))
            s.drop(previous, "heuristic bare-heading");
    };
    for (std::size_t i = 0; i < s.views.size(); ++i) {
        if (!s.views[i].keep) continue;
        if (s.views[i].is_heading()) judge(s.views[i].block().markup.level);
        previous = s.views[i].is_heading() ? i : s.views.size();
    }
    judge(0);
}

struct GroupRule {
    std::string_view name;
    void (*run)(FilterState&);
};

// In order, after the block rules.
const GroupRule k_group_rules[] = {
    {"link lists", drop_link_lists},
    {"repeats", drop_repeats},
    {"teasers", drop_teasers},
    {"box labels", drop_box_labels},
    {"edge trimming", trim_edges},
    {"edge bylines", drop_edge_bylines},
    {"end appeals", drop_end_appeals},
    {"boxed appeals", drop_boxed_appeals},
    {"edge disclosures", drop_edge_disclosures},
    {"bare headings", drop_bare_headings},
};

// Flags inherited from ancestors below the roots, one top-down pass over the roots' subtrees.
std::vector<std::uint32_t> inherited_flags(const Page& page, const std::vector<NodeId>& roots,
                                           std::vector<std::uint8_t>& in_caption) {
    const dom::Tree& tree = page.tree();
    std::vector<std::uint32_t> inherited(tree.size(), 0);
    in_caption.assign(tree.size(), 0);
    for (NodeId root : roots) {
        const NodeId end = tree.node(root).subtree_end;
        for (NodeId id = root + 1; id < end; ++id) {
            const NodeId parent = tree.node(id).parent;
            inherited[id] = inherited[parent] | page.flags(id);
            in_caption[id] = in_caption[parent] || tree.is_element(id, GUMBO_TAG_FIGCAPTION);
        }
    }
    return inherited;
}

// A block that is the line under an image: it follows the image (captions.hpp) and, when its
// first text is in an inline element, that element holds the block (and little more).
bool is_line_under_image(const dom::Tree& tree, const SourcedBlock& block) {
    if (!follows_image(tree, block.source, block.block_element, block.block.text)) return false;
    if (block.source == block.block_element) return true;
    const float inline_chars = static_cast<float>(utf8::non_space_count(tree.text_content(block.source)));
    const float chars = static_cast<float>(utf8::non_space_count(block.block.text));
    return inline_chars >= chars && inline_chars <= k_image_line_inline_share * chars;
}

// True when every link under `element` (a heading) points into the page (k_in_page_target_prefix).
bool links_only_into_page(const dom::Tree& tree, NodeId element) {
    if (element == dom::k_no_node) return false;
    bool any = false;
    for (NodeId id = element + 1; id < tree.node(element).subtree_end; ++id) {
        if (tree.node(id).type != dom::NodeType::element || tree.node(id).tag != GUMBO_TAG_A) continue;
        const std::string_view href = tree.attribute(id, "href");
        if (href.empty() || href.front() != k_in_page_target_prefix) return false;
        any = true;
    }
    return any;
}

// The views of the blocks: measured once, with their ancestry.
std::vector<BlockView> view_blocks(const Page& page, const std::vector<NodeId>& roots,
                                   const std::vector<SourcedBlock>& blocks) {
    std::vector<std::uint8_t> in_caption;
    const std::vector<std::uint32_t> inherited = inherited_flags(page, roots, in_caption);
    const float prose_density = prose_stopword_density(page.stopwords());
    std::vector<BlockView> views(blocks.size());
    NodeId anchor_checked = dom::k_no_node;
    bool anchor_only = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        BlockView& view = views[i];
        view.sourced = &blocks[i];
        view.counts = measure_text(blocks[i].block.text, page.stopwords());
        view.link_density = block_link_density(blocks[i]);
        // An inline element's class speaks for the whole block only when the block is short:
        // a paragraph opening with <span class="dateline"> is still a paragraph.
        const bool short_block = view.counts.chars < k_inline_ancestry_chars;
        const NodeId judged = short_block ? blocks[i].source : blocks[i].block_element;
        if (judged != dom::k_no_node) {
            view.inherited = inherited[judged];
            view.in_caption = in_caption[judged];
        }
        view.long_prose = view.counts.chars >= k_keep_long_chars && view.counts.words > 0 &&
                          view.counts.stopwords / view.counts.words >= prose_density;
        const dom::Tree& tree = page.tree();
        if (view.in_caption) {
            view.figure = caption_figure(tree, judged, dom::k_no_node);
        } else if (blocks[i].block.kind == BlockKind::paragraph && view.counts.words <= k_image_line_max_words &&
                   is_line_under_image(tree, blocks[i])) {
            view.in_caption = view.image_line = true;
            view.figure = blocks[i].block_element;
        }
        // Several heading blocks of one element (text around a block inside an <h1>) read it once.
        if (view.is_heading() && blocks[i].links > 0) {
            if (blocks[i].block_element != anchor_checked) {
                anchor_checked = blocks[i].block_element;
                anchor_only = links_only_into_page(tree, anchor_checked);
            }
            view.self_anchor_heading = anchor_only;
        }
    }
    for (std::size_t i = 1; i < views.size(); ++i) {
        BlockView& heading = views[i - 1];
        heading.linked_title = heading.is_heading() && heading.sourced->links == 1 && heading.link_density >= k_linked_title_density &&
                               views[i].block().kind == BlockKind::paragraph && views[i].long_prose;
    }
    return views;
}

}  // namespace

float block_link_density(const SourcedBlock& block) {
    const std::size_t chars = utf8::non_space_count(block.block.text);
    return chars ? std::min(1.0f, block.link_chars / static_cast<float>(chars)) : 0.0f;
}

std::vector<Block> filter_blocks(const Page& page, const std::vector<NodeId>& roots, std::vector<SourcedBlock> blocks,
                                 const BlockFilterOptions& options, std::vector<Removal>& removals, RegexGuard& regexes) {
    std::vector<BlockView> views = view_blocks(page, roots, blocks);
    FilterState state{views, options, removals, regexes, page};
    state.furniture = page_furniture(page.statements(), page.statement_kind());
    state.listing = page.statement_kind() == metadata::PageKind::listing;
    state.product = page.statement_kind() == metadata::PageKind::product;
    state.site_host = url::host(page.statements().address);
    if (!options.title.empty()) state.title_words.add(options.title);
    // Guard: when byline/meta/caption ancestry would take most of the container's text, the
    // wrapper's name is misleading (a video page whose text sits in "item-caption").
    float boilerplate_chars = 0;
    for (const BlockView& view : views) {
        state.total_chars += view.counts.chars;
        if ((view.inherited & k_flag_boilerplate_inside) || view.in_caption) boilerplate_chars += view.counts.chars;
    }
    state.trust_ancestry = boilerplate_chars <= k_max_ancestry_share * state.total_chars;
    for (const BlockView& view : views)
        if (view.block().kind == BlockKind::paragraph && !view.in_caption && is_sentence(view) &&
            view.sourced->block_element != dom::k_no_node)
            state.prose_parents.push_back(page.tree().node(view.sourced->block_element).parent);
    std::sort(state.prose_parents.begin(), state.prose_parents.end());

    mark_introduced_lists(state);
    // Every block is judged, even one a section already took: a boilerplate heading there still
    // takes its own section along.
    for (std::size_t i = 0; i < views.size(); ++i) {
        for (const BlockRule& rule : k_block_rules) {
            if (!rule.applies(views[i], state)) continue;
            std::string name(rule.name);
            if (rule.show_link_density) (name += ' ') += fixed2(views[i].link_density);
            state.drop(i, std::move(name));
            if (rule.then && rule.then(i, state)) i = views.size();
            break;
        }
    }
    for (const GroupRule& rule : k_group_rules) rule.run(state);

    std::vector<Block> kept;
    kept.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (views[i].keep) kept.push_back(std::move(blocks[i].block));
    return kept;
}

}  // namespace winnow::extract
