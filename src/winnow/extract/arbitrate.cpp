// extract: the order of trust between containers and the rescue cascade.
#include "winnow/extract/arbitrate.hpp"

#include <algorithm>

#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/block_filter.hpp"
#include "winnow/extract/container.hpp"
#include "winnow/extract/fallbacks.hpp"
#include "winnow/extract/page_kinds.hpp"
#include "winnow/extract/second_opinion.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// --- Containers --------------------------------------------------------------------------
// A body marker is trusted when it holds k_min_marker_chars of non-link text (container.hpp), and
// when it is related to the density winner (one contains the other) or holds at least this share
// of the density winner's text (otherwise it is a teaser box using the same class name).
constexpr float k_min_marker_share = 0.3f;

// --- Rescue ------------------------------------------------------------------------------
// Under this many characters a result is probably a teaser, not the article.
constexpr std::size_t k_short_result_chars = 250;
// A result under the mode's share of the page's text (FavorSettings::small_result_share), and
// under k_small_result_chars, is suspect; the relaxed pass then replaces it only when the mode's
// gain longer (relaxed_gain: it lets more boilerplate in).
constexpr std::size_t k_small_result_chars = 3000;
// A listing page's main region replaces the result when this much longer: the container then
// holds one teaser or the page's introduction, not the list.
constexpr double k_listing_gain = 2.5;
// ... but not a result holding this many characters of paragraphs of k_prose_paragraph_chars or
// more: that is an article (on a page its teaser-like menus made a listing), not a teaser.
constexpr std::size_t k_listing_article_prose_chars = 2000, k_prose_paragraph_chars = 300;
// The jusText candidate (when asked for) replaces a short result only when this much longer.
constexpr double k_justext_gain = 1.5;
// The JSON-LD articleBody replaces a DOM result under this many characters, or under this
// share of its own length.
constexpr std::size_t k_json_ld_min_result_chars = 200;
constexpr double k_json_ld_min_share = 0.5;
// An articleBody shorter than this is a summary, not the article.
constexpr std::size_t k_json_ld_min_body_chars = 250;
// The body's first blocks searched for a repeat of a <title> part when the page has no h1.
constexpr std::size_t k_title_search_blocks = 3;

// True when a result holds an article's prose: k_listing_article_prose_chars in paragraphs of
// k_prose_paragraph_chars or more. A page of teasers has none so long.
bool holds_article_prose(const Candidate& result) {
    std::size_t prose = 0;
    for (const Block& block : result.blocks)
        if (block.kind == BlockKind::paragraph)
            if (const std::size_t chars = utf8::code_point_count(block.text); chars >= k_prose_paragraph_chars) prose += chars;
    return prose >= k_listing_article_prose_chars;
}

bool related(const dom::Tree& tree, NodeId node, const std::vector<NodeId>& roots) {
    return std::any_of(roots.begin(), roots.end(),
                       [&](NodeId r) { return tree.contains(node, r) || tree.contains(r, node); });
}

// True when a result of `result_chars` is too short for a page of `page_chars` characters.
bool needs_rescue(std::size_t result_chars, std::size_t page_chars, const FavorSettings& favor) {
    if (result_chars < k_short_result_chars) return true;
    return result_chars < favor.small_result_share * static_cast<double>(page_chars) && result_chars < k_small_result_chars;
}

// True when the publisher's articleBody (`body_chars` long) is worth more than a DOM result.
bool prefer_article_body(std::size_t result_chars, std::size_t body_chars) {
    if (body_chars < k_json_ld_min_body_chars) return false;
    return result_chars < k_json_ld_min_result_chars ||
           static_cast<double>(result_chars) < k_json_ld_min_share * static_cast<double>(body_chars);
}

}  // namespace

ContainerCandidate choose_container(const PageView& cleaned, const FavorSettings& favor, std::string_view description) {
    const dom::Tree& tree = cleaned.tree();
    ContainerCandidate density = density_candidate(cleaned);
    std::optional<ContainerCandidate> marker = body_marker_candidate(cleaned);
    // 1. The JSON-LD anchor: the publisher's own statement of the text, found in the DOM. A body
    //    marker around it is the body (its split chunks included).
    if (std::optional<ContainerCandidate> anchor = json_ld_anchor_candidate(cleaned)) {
        if (marker && tree.contains(marker->focus, anchor->focus)) return *marker;
        return *anchor;
    }
    // 2. An explicit body marker, when it holds enough text and agrees with density.
    if (marker && marker->chars >= k_min_marker_chars &&
        (related(tree, marker->focus, density.roots) || marker->chars >= k_min_marker_share * density.chars)) {
        widen_to_article(cleaned, *marker);
        if (favor.leads) {
            add_lead(cleaned, *marker);
            add_stated_lead(cleaned, *marker, description);
        }
        return *marker;
    }
    // 3. Density scoring.
    if (favor.leads) {
        add_lead(cleaned, density);
        add_stated_lead(cleaned, density, description);
    }
    return density;
}

Candidate arbitrate(const ArbiterInput& input, std::string& title, std::vector<Removal>& removals, RegexGuard& regexes) {
    const PageView& cleaned = input.cleaned;
    const Page& page = cleaned.page();
    const dom::Tree& tree = page.tree();
    const bool profile = input.profile_container != dom::k_no_node;
    const FavorSettings& favor = *input.favor;

    // The main result: the container the order of trust chooses (a profile's overrides all),
    // its blocks filtered, the second opinion's prose beside it, the site's text rules.
    const ContainerCandidate container =
        profile ? profile_candidate(cleaned, input.profile_container) : choose_container(cleaned, favor, input.description);
    std::vector<SourcedBlock> blocks = build_sourced_blocks(cleaned, container.roots);
    if (!input.title_from_profile) {
        std::vector<std::string> first_lines;
        for (std::size_t i = 0; i < blocks.size() && i < k_title_search_blocks; ++i) first_lines.push_back(blocks[i].block.text);
        if (auto shown = metadata::title_part_shown(page.statements(), first_lines); !shown.empty()) title = shown;
    }
    BlockFilterOptions filter;
    filter.title = title;
    filter.explain = input.explain;
    filter.text_rules = &input.rules;
    filter.favor = &favor;
    filter.thread = input.thread;
    std::vector<dom::NodeId> held_out;
    filter.held_out = &held_out;
    std::vector<Block> kept = filter_blocks(page, container.roots, std::move(blocks), filter, removals, regexes);
    std::sort(held_out.begin(), held_out.end());
    Method method = container.method;
    // The blocks of the whole cleaned page, for the second opinion (not beside a profile's container).
    const std::vector<SourcedBlock> page_blocks =
        profile ? std::vector<SourcedBlock>{} : build_sourced_blocks(cleaned, {tree.body()});
    if (!profile && extend_with_prose_neighbours(kept, page_blocks, page.stopwords(), title, regexes, favor, &page.tree(),
                                                 held_out) > 0)
        method.with_prose = true;
    apply_text_rules(kept, input.rules, removals, regexes);
    Candidate best(method, std::move(kept));

    // Rescue 1: the relaxed pass, when the result is short for the page and it finds much more.
    const auto page_chars = static_cast<std::size_t>(cleaned.stats().chars(tree.body()));
    if (!profile && needs_rescue(best.chars, page_chars, favor)) {
        Candidate relaxed = relaxed_candidate(input.dropped, title, input.rules, regexes, favor);
        if (relaxed.chars > 0 && static_cast<double>(relaxed.chars) >= favor.relaxed_gain * static_cast<double>(best.chars))
            best = std::move(relaxed);
    }
    // Rescue 1b (experimental, only when asked for): the jusText-style candidate.
    if (input.justext && !profile && needs_rescue(best.chars, page_chars, favor)) {
        Candidate justext = justext_candidate(page_blocks, page.stopwords(), title, regexes);
        if (justext.chars > 0 && static_cast<double>(justext.chars) >= k_justext_gain * static_cast<double>(best.chars))
            best = std::move(justext);
    }
    // A listing page (by its own statements): its teasers are the body when the container holds
    // a small part of them.
    // The main region's text bounds the candidate's: when it is not that much longer, the
    // candidate is not built.
    if (!profile && !best.empty() && page.statement_kind() == metadata::PageKind::listing && !holds_article_prose(best) &&
        cleaned.stats().chars(main_region(cleaned)) >= k_listing_gain * static_cast<double>(best.chars)) {
        Candidate listing = listing_candidate(cleaned, title, input.rules, regexes);
        if (listing.chars >= k_short_result_chars &&
            static_cast<double>(listing.chars) >= k_listing_gain * static_cast<double>(best.chars))
            best = std::move(listing);
    }
    // Rescue 2: the publisher's own articleBody when the DOM result is poor beside it.
    const std::string& article_body = page.statements().ld_article_body;
    if (prefer_article_body(best.chars, utf8::code_point_count(article_body)))
        if (Candidate from_json_ld = article_body_candidate(article_body); !from_json_ld.empty())
            best = std::move(from_json_ld);
    // Rescue 3: the whole page, then the meta description: a page with text never comes back empty.
    // The whole page starts from the profile's drop rules: what a profile removes never comes back.
    if (best.empty()) best = whole_page_candidate(tree, input.dropped.mask(), title, input.rules, removals, regexes);
    if (best.empty() && !input.description.empty()) best = description_candidate(input.description);
    return best;
}

}  // namespace winnow::extract
