// extract: rescue decisions and the JSON-LD articleBody fallback.
#include "winnow/extract/second_opinion.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/extract/text_measure.hpp"

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

}  // namespace

std::size_t blocks_chars(const std::vector<Block>& blocks) {
    std::size_t n = 0;
    for (const Block& b : blocks) n += code_point_count(b.text);
    return n;
}

bool needs_rescue(std::size_t result_chars, std::size_t page_chars) {
    if (result_chars < k_short_result_chars) return true;
    return result_chars < k_small_result_share * static_cast<double>(page_chars) && result_chars < k_small_result_chars;
}

bool prefer_relaxed(std::size_t main_chars, std::size_t relaxed_chars) {
    return static_cast<double>(relaxed_chars) >= k_relaxed_gain * static_cast<double>(main_chars) && relaxed_chars > 0;
}

std::vector<Block> json_ld_rescue(const PageStatements& statements, std::size_t result_chars) {
    const std::size_t body_chars = code_point_count(statements.ld_article_body);
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
