// extract: the second opinion (prose next to the main result).
#include "winnow/extract/second_opinion.hpp"

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

bool is_prose(const SourcedBlock& block, const StopwordList& stopwords, const std::string& title, RegexGuard& regexes) {
    if (block.block.kind != BlockKind::paragraph && block.block.kind != BlockKind::quote) return false;
    const TextCounts counts = measure_text(block.block.text, stopwords);
    if (counts.chars < k_prose_min_chars || counts.words <= 0 || counts.sentence_ends == 0) return false;
    const float density = counts.stopwords / counts.words;
    const float needed = prose_stopword_density(stopwords);
    if (density < needed || block_link_density(block) > k_prose_max_link_density) return false;
    // An appeal to the reader is never the article's prose beside it (the block filter drops it at the end).
    if (is_boilerplate_line(block.block.text, regexes) || is_reader_appeal(block.block.text, regexes) ||
        metadata::is_title_repeat(block.block.text, title))
        return false;
    return true;
}

}  // namespace

std::size_t extend_with_prose_neighbours(std::vector<Block>& kept, const std::vector<SourcedBlock>& page_blocks,
                                         const StopwordList& stopwords, const std::string& title, RegexGuard& regexes,
                                         const FavorSettings& favor, const dom::Tree* tree) {
    if (kept.empty() || !favor.prose_neighbours) return 0;
    auto is_prose_neighbour = [&](const SourcedBlock& block) {
        return is_prose(block, stopwords, title, regexes) && !(tree && in_figcaption(*tree, block.source));
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
    for (std::size_t i = first; i-- > 0;) {
        if (is_prose_neighbour(page_blocks[i])) {
            before.push_back(page_blocks[i].block);
            skipped = 0;
        } else if (++skipped > favor.max_skipped_blocks) {
            break;
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
