// extract: the second opinion (prose next to the main result).
#include "winnow/extract/second_opinion.hpp"

#include <algorithm>

#include "winnow/decode/text.hpp"
#include "winnow/extract/block_filter.hpp"
#include "winnow/extract/captions.hpp"
#include "winnow/extract/reader_appeals.hpp"
#include "winnow/extract/text_measure.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

// jusText's thresholds for a good block: length and link density (its stopword density is
// prose_stopword_density, text_measure.hpp). Next to the container, the short blocks (headings,
// datelines) crossed on each side are the mode's (FavorSettings::max_skipped_blocks).
constexpr float k_prose_min_chars = 70;
constexpr float k_prose_max_link_density = 0.2f;
// jusText candidate: blocks shorter than this (code points) are judged by their context.
constexpr std::size_t k_context_max_chars = 70;
// Before the container, past the mode's crossing, the walk goes on across up to this many other
// blocks in a row while it stays in the body's region (body_region): the body's earlier
// paragraphs cut off by a product card, a run of headings or a figure. Crossing that many
// everywhere brought in the dek and the notices by the headline, which the golds leave out.
constexpr int k_body_region_skipped_blocks = 3;

// The body's region for the walk back from the block `first`: the largest element around it that
// does not hold the page's headline, the last <h1> among the blocks before it; none (k_no_node)
// without such a headline. A dek, a byline or a notice sits with the headline; the article's own
// paragraphs cut off from the container sit below it.
dom::NodeId body_region(const dom::Tree& tree, const std::vector<SourcedBlock>& page_blocks, std::size_t first) {
    const dom::NodeId start = page_blocks[first].block_element;
    if (start == dom::k_no_node) return dom::k_no_node;
    for (std::size_t i = first; i-- > 0;) {
        const dom::NodeId headline = page_blocks[i].block_element;
        if (headline == dom::k_no_node || !tree.is_element(headline, GUMBO_TAG_H1)) continue;
        if (tree.contains(headline, start)) return dom::k_no_node;
        dom::NodeId region = start;
        for (dom::NodeId up = tree.node(region).parent; up != dom::k_no_node && !tree.contains(up, headline);
             up = tree.node(up).parent)
            region = up;
        return region;
    }
    return dom::k_no_node;
}

bool is_prose(const SourcedBlock& block, const StopwordList& stopwords, const std::string& title, RegexGuard& regexes) {
    if (block.block.kind != BlockKind::paragraph && block.block.kind != BlockKind::quote) return false;
    const TextCounts counts = measure_text(block.block.text, stopwords);
    if (counts.chars < k_prose_min_chars || counts.words <= 0 || counts.sentence_ends == 0) return false;
    const float density = counts.stopwords / counts.words;
    const float needed = prose_stopword_density(stopwords);
    if (density < needed || block_link_density(block) > k_prose_max_link_density) return false;
    // An appeal to the reader or a disclosure is never the article's prose beside it (the block
    // filter drops them at the edges).
    if (is_boilerplate_line(block.block.text, regexes) || is_reader_appeal(block.block.text, regexes) ||
        is_editorial_disclosure(block.block.text, regexes) || metadata::is_title_repeat(block.block.text, title))
        return false;
    return true;
}

}  // namespace

std::size_t extend_with_prose_neighbours(std::vector<Block>& kept, const std::vector<SourcedBlock>& page_blocks,
                                         const StopwordList& stopwords, const std::string& title, RegexGuard& regexes,
                                         const FavorSettings& favor, const dom::Tree* tree,
                                         const std::vector<dom::NodeId>& held_out) {
    if (kept.empty() || !favor.prose_neighbours) return 0;
    auto is_prose_neighbour = [&](const SourcedBlock& block) {
        return is_prose(block, stopwords, title, regexes) && !(tree && in_figcaption(*tree, block.source)) &&
               !std::binary_search(held_out.begin(), held_out.end(), block.source);
    };
    // The main result's first and last blocks in the page's blocks.
    std::size_t first = page_blocks.size(), last = page_blocks.size();
    for (std::size_t i = 0; i < page_blocks.size(); ++i)
        if (page_blocks[i].block.text == kept.front().text) {
            first = i;
            break;
        }
    for (std::size_t i = page_blocks.size(); i-- > 0;)
        if (page_blocks[i].block.text == kept.back().text) {
            last = i;
            break;
        }
    if (first == page_blocks.size() || last == page_blocks.size() || last < first) return 0;
    std::vector<Block> before, after;
    int skipped = 0;
    std::size_t stop = page_blocks.size();  // the block the walk back could not cross
    for (std::size_t i = first; i-- > 0;) {
        if (is_prose_neighbour(page_blocks[i])) {
            before.push_back(page_blocks[i].block);
            skipped = 0;
        } else if (++skipped > favor.max_skipped_blocks) {
            stop = i;
            break;
        }
    }
    // In the body's region the walk goes on: that block is one crossed of k_body_region_skipped_blocks.
    const dom::NodeId region = tree && stop < page_blocks.size() && favor.max_skipped_blocks < k_body_region_skipped_blocks
                                   ? body_region(*tree, page_blocks, first)
                                   : dom::k_no_node;
    if (region != dom::k_no_node && tree->contains(region, page_blocks[stop].block_element)) {
        for (std::size_t i = stop; i-- > 0;) {
            const dom::NodeId element = page_blocks[i].block_element;
            if (element == dom::k_no_node || !tree->contains(region, element)) break;
            if (is_prose_neighbour(page_blocks[i])) {
                before.push_back(page_blocks[i].block);
                skipped = 0;
            } else if (++skipped > k_body_region_skipped_blocks) {
                break;
            }
        }
    }
    skipped = 0;
    for (std::size_t i = last + 1; i < page_blocks.size(); ++i) {
        if (is_prose_neighbour(page_blocks[i])) {
            after.push_back(page_blocks[i].block);
            skipped = 0;
        } else if (++skipped > favor.max_skipped_blocks) {
            break;
        }
    }
    const std::size_t added = before.size() + after.size();
    if (added == 0) return 0;
    std::vector<Block> merged(before.rbegin(), before.rend());
    merged.insert(merged.end(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
    merged.insert(merged.end(), after.begin(), after.end());
    kept = std::move(merged);
    return added;
}

Candidate justext_candidate(const std::vector<SourcedBlock>& page_blocks, const StopwordList& stopwords,
                            const std::string& title, RegexGuard& regexes) {
    enum class Class : std::uint8_t { good, bad, short_block };
    std::vector<Class> classes(page_blocks.size(), Class::bad);
    for (std::size_t i = 0; i < page_blocks.size(); ++i) {
        const SourcedBlock& block = page_blocks[i];
        const std::string& text = block.block.text;
        if (is_prose(block, stopwords, title, regexes)) classes[i] = Class::good;
        else if (utf8::code_point_count(text) < k_context_max_chars && block_link_density(block) <= k_prose_max_link_density &&
                 !is_boilerplate_line(text, regexes) && !metadata::is_title_repeat(text, title))
            classes[i] = Class::short_block;
    }
    // The class of the nearest block before (step -1) or after (+1) `i` that is not short.
    auto nearest = [&](std::size_t i, int step) {
        for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + step; j >= 0 && j < std::ssize(classes); j += step)
            if (classes[j] != Class::short_block) return classes[j];
        return Class::bad;
    };
    std::vector<Block> kept;
    for (std::size_t i = 0; i < page_blocks.size(); ++i) {
        bool keep = classes[i] == Class::good;
        if (classes[i] == Class::short_block)
            keep = nearest(i, +1) == Class::good &&
                   (page_blocks[i].block.kind == BlockKind::heading || nearest(i, -1) == Class::good);
        if (keep) kept.push_back(page_blocks[i].block);
    }
    return Candidate(Method{.source = Source::justext}, std::move(kept));
}

}  // namespace winnow::extract
