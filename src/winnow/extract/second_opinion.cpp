// extract: rescue decisions and the JSON-LD articleBody fallback.
#include "winnow/extract/second_opinion.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/extract/block_filter.hpp"
#include "winnow/extract/text_measure.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

// Under this many characters a result is probably a teaser, not the article.
constexpr std::size_t k_short_result_chars = 250;
// A result under this share of the page's text, and under k_small_result_chars, is suspect.
constexpr double k_small_result_share = 0.2;
constexpr std::size_t k_small_result_chars = 3000;
// The relaxed pass replaces the main result only when this much longer (it lets more boilerplate in).
constexpr double k_relaxed_gain = 1.5;
// The JSON-LD articleBody replaces a DOM result under this many characters, or under this
// share of its own length.
constexpr std::size_t k_json_ld_min_result_chars = 200;
constexpr double k_json_ld_min_share = 0.5;
// An articleBody shorter than this is a summary, not the article.
constexpr std::size_t k_json_ld_min_body_chars = 250;

// jusText's thresholds for a good block: length, stopword density (lower with the union list,
// whose densities run lower), link density.
constexpr float k_prose_min_chars = 70;
constexpr float k_prose_stopword_density = 0.30f, k_prose_union_stopword_density = 0.20f;
constexpr float k_prose_max_link_density = 0.2f;
// Short blocks (headings, datelines) crossed while looking for more prose on each side.
constexpr int k_max_skipped_blocks = 1;

bool is_prose(const SourcedBlock& block, const StopwordList& stopwords, const std::string& title, RegexGuard& regexes) {
    if (block.block.kind != BlockKind::paragraph && block.block.kind != BlockKind::quote) return false;
    const TextCounts counts = measure_text(block.block.text, stopwords);
    if (counts.chars < k_prose_min_chars || counts.words <= 0 || counts.sentence_ends == 0) return false;
    const float density = counts.stopwords / counts.words;
    const float needed = stopwords.is_union ? k_prose_union_stopword_density : k_prose_stopword_density;
    if (density < needed || block_link_density(block) > k_prose_max_link_density) return false;
    if (is_boilerplate_line(block.block.text, regexes) || metadata::is_title_repeat(block.block.text, title)) return false;
    return true;
}

}  // namespace

std::size_t extend_with_prose_neighbours(std::vector<Block>& kept, const std::vector<SourcedBlock>& page_blocks,
                                         const StopwordList& stopwords, const std::string& title, RegexGuard& regexes) {
    if (kept.empty()) return 0;
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
        if (is_prose(page_blocks[i], stopwords, title, regexes)) {
            before.push_back(page_blocks[i].block);
            skipped = 0;
        } else if (++skipped > k_max_skipped_blocks) {
            break;
        }
    }
    skipped = 0;
    for (std::size_t i = last + 1; i < page_blocks.size(); ++i) {
        if (is_prose(page_blocks[i], stopwords, title, regexes)) {
            after.push_back(page_blocks[i].block);
            skipped = 0;
        } else if (++skipped > k_max_skipped_blocks) {
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

std::size_t blocks_chars(const std::vector<Block>& blocks) {
    std::size_t n = 0;
    for (const Block& b : blocks) n += utf8::code_point_count(b.text);
    return n;
}

bool needs_rescue(std::size_t result_chars, std::size_t page_chars) {
    if (result_chars < k_short_result_chars) return true;
    return result_chars < k_small_result_share * static_cast<double>(page_chars) && result_chars < k_small_result_chars;
}

bool prefer_relaxed(std::size_t main_chars, std::size_t relaxed_chars) {
    return static_cast<double>(relaxed_chars) >= k_relaxed_gain * static_cast<double>(main_chars) && relaxed_chars > 0;
}

std::vector<Block> json_ld_rescue(const metadata::Statements& statements, std::size_t result_chars) {
    const std::size_t body_chars = utf8::code_point_count(statements.ld_article_body);
    if (body_chars < k_json_ld_min_body_chars) return {};
    if (result_chars >= k_json_ld_min_result_chars &&
        static_cast<double>(result_chars) >= k_json_ld_min_share * static_cast<double>(body_chars))
        return {};
    std::vector<Block> blocks;
    const std::string& body = statements.ld_article_body;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string line = decode::collapse_whitespace(body.substr(start, end - start));
        if (!line.empty()) blocks.push_back(Block{BlockKind::paragraph, 0, 0, std::move(line)});
        start = end + 1;
    }
    return blocks;
}

}  // namespace winnow::extract
