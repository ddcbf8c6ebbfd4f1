// metadata: title choice by agreement and title-repeat detection.
#include "winnow/metadata/title.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata {
namespace {

// Two statements agree when this share of their words is shared (site suffixes differ).
constexpr double k_agreement_similarity = 0.6;
// A body heading this similar to the title is the title again (notes: 0.75).
constexpr double k_title_repeat_similarity = 0.75;
// A <title> part under this many words is a site name, not a headline.
constexpr std::size_t k_min_title_part_words = 3;

// Lower-case words; each CJK character is a word of its own (those scripts do not space words).
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    const std::string lowered = decode::to_lower(text);
    std::string word;
    auto end_word = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < lowered.size();) {
        const std::size_t start = i;
        const char32_t c = utf8::next_code_point(lowered, i);
        if (utf8::is_cjk(c)) {
            end_word();
            words.emplace_back(lowered.substr(start, i - start));
        } else if (c >= 128 || ascii::is_alnum(static_cast<char>(c))) {
            word.append(lowered, start, i - start);
        } else {
            end_word();
        }
    }
    end_word();
    return words;
}

}  // namespace

double title_similarity(std::string_view a, std::string_view b) {
    auto wa = words_of(a), wb = words_of(b);
    if (wa.empty() || wb.empty()) return 0.0;
    std::multiset<std::string> sb(wb.begin(), wb.end());
    std::size_t shared = 0;
    for (const auto& w : wa)
        if (auto it = sb.find(w); it != sb.end()) {
            ++shared;
            sb.erase(it);
        }
    return static_cast<double>(shared) / static_cast<double>(std::max(wa.size(), wb.size()));
}

bool is_title_repeat(std::string_view text, std::string_view title) {
    if (title.empty() || text.empty()) return false;
    return title_similarity(text, title) > k_title_repeat_similarity;
}

std::string title_part_shown(const Statements& statements, const std::vector<std::string>& first_lines) {
    if (!statements.h1s.empty() || statements.title_parts.size() < 2) return {};
    for (const std::string& line : first_lines)
        for (std::size_t i = 1; i < statements.title_parts.size(); ++i)
            if (is_title_repeat(line, statements.title_parts[i])) return statements.title_parts[i];
    return {};
}

std::string choose_title(const Statements& s) {
    // The h1 that another statement confirms is the headline as shown. The publisher's own
    // statements (og:title, JSON-LD headline) confirm first; then the <title> and its parts.
    auto best_agreeing = [&](const std::vector<std::string>& others) -> const std::string* {
        const std::string* best_h1 = nullptr;
        double best_similarity = k_agreement_similarity;
        for (const auto& h1 : s.h1s) {
            if (words_of(h1).empty() || (!s.site_name.empty() && title_similarity(h1, s.site_name) >= 1.0)) continue;
            for (const auto& other : others) {
                const double similarity = title_similarity(h1, other);
                if (similarity >= best_similarity) {
                    best_similarity = similarity + 1e-9;  // the first of equals stays
                    best_h1 = &h1;
                }
            }
        }
        return best_h1;
    };
    std::vector<std::string> publisher;
    if (!s.og_title.empty()) publisher.push_back(s.og_title);
    if (!s.ld_headline.empty()) publisher.push_back(s.ld_headline);
    if (const std::string* h1 = best_agreeing(publisher)) return *h1;
    if (const std::string* h1 = best_agreeing(s.title_parts)) return *h1;
    if (!s.og_title.empty()) return s.og_title;
    if (!s.ld_headline.empty()) return s.ld_headline;
    // The longest <title> part that reads as a headline.
    std::string best;
    for (std::size_t i = 1; i < s.title_parts.size(); ++i)
        if (words_of(s.title_parts[i]).size() >= k_min_title_part_words && s.title_parts[i].size() > best.size())
            best = s.title_parts[i];
    if (!best.empty()) return best;
    if (!s.html_title.empty()) return s.html_title;
    return s.h1s.empty() ? std::string{} : s.h1s.front();
}

}  // namespace winnow::metadata
