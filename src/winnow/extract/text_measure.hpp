// extract: measuring text the same way in every language. Counts characters, words (CJK
// characters count 0.55 of a word each, since those scripts do not separate words), stopwords
// (function words from per-language lists, see stopwords/README.md), commas and sentence ends.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

namespace winnow::extract {

// One compiled-in list: the language code and its words, one a line (stopwords/LANG.txt,
// embedded by CMake: cmake/embed_text.cmake).
struct StopwordSource {
    std::string_view language;
    std::string_view words;
};
std::span<const StopwordSource> stopword_sources();

// The stopwords of one language, or the union of all lists when the language is unknown.
struct StopwordList {
    std::unordered_set<std::string_view> words;
    bool is_union = false;  // the union: its densities are lower, so its thresholds are too
};

// The list for a language tag such as "de", "de-AT" or "en_US"; the union when there is none.
const StopwordList& stopwords_for(std::string_view language_tag);

// jusText's stopword density of prose (stopwords over words), and the lower one for the union
// list, whose densities run lower.
inline constexpr float k_prose_stopword_density = 0.30f, k_prose_union_stopword_density = 0.20f;
inline float prose_stopword_density(const StopwordList& list) {
    return list.is_union ? k_prose_union_stopword_density : k_prose_stopword_density;
}

struct TextCounts {
    float chars = 0;          // characters, white space runs counted as one
    float words = 0;          // words; CJK characters count k_cjk_word_weight each
    float stopwords = 0;      // words (or CJK function characters) found in the stopword list
    float commas = 0;         // , and the CJK and Arabic commas
    float sentence_ends = 0;  // . ! ? and their CJK forms, when they end a word

    TextCounts& operator+=(const TextCounts& other);
};

// Counts the text (raw, white space not yet collapsed).
TextCounts measure_text(std::string_view text, const StopwordList& stopwords);


}  // namespace winnow::extract
