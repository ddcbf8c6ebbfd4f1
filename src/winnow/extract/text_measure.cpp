// extract: character, word, stopword, comma and sentence-end counts for any language.
#include "winnow/extract/text_measure.hpp"

#include <utf8proc.h>

#include <unordered_map>

#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using utf8::next_code_point;

// Chinese and Japanese write about 1.8 characters per word-equivalent of European text:
// counting each character as 0.55 word keeps word thresholds meaningful there.
constexpr float k_cjk_word_weight = 0.55f;

bool is_comma(char32_t c) { return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x060C; }

bool is_sentence_end(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B;
}

bool is_letter_or_digit(char32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category <= UTF8PROC_CATEGORY_LO || category == UTF8PROC_CATEGORY_ND ||
           category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
}

StopwordList make_list(std::string_view language) {
    StopwordList list;
    list.is_union = language.empty();
    for (const StopwordSource& source : stopword_sources()) {
        if (!list.is_union && source.language != language) continue;
        std::size_t start = 0;
        while (start < source.words.size()) {
            std::size_t end = source.words.find('\n', start);
            if (end == std::string_view::npos) end = source.words.size();
            if (end > start) list.words.insert(source.words.substr(start, end - start));
            start = end + 1;
        }
    }
    return list;
}

}  // namespace

TextCounts& TextCounts::operator+=(const TextCounts& o) {
    chars += o.chars;
    words += o.words;
    stopwords += o.stopwords;
    commas += o.commas;
    sentence_ends += o.sentence_ends;
    return *this;
}

const StopwordList& stopwords_for(std::string_view tag) {
    // Built once on first use and never changed after: immutable shared data.
    static const std::unordered_map<std::string_view, StopwordList> k_lists = [] {
        std::unordered_map<std::string_view, StopwordList> lists;
        for (const StopwordSource& source : stopword_sources()) lists.emplace(source.language, make_list(source.language));
        lists.emplace(std::string_view{}, make_list({}));
        return lists;
    }();
    const std::string code = ascii::lower(tag.substr(0, tag.find_first_of("-_")));
    if (auto it = k_lists.find(code); it != k_lists.end() && !code.empty()) return it->second;
    return k_lists.at({});
}

TextCounts measure_text(std::string_view text, const StopwordList& stopwords) {
    TextCounts counts;
    std::string word;     // the current word, lower case
    bool in_space = true;
    bool word_has_letter = false;
    auto end_word = [&] {
        if (word_has_letter) {
            counts.words += 1;
            if (stopwords.words.contains(word)) counts.stopwords += 1;
        }
        word.clear();
        word_has_letter = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        unsigned char b = static_cast<unsigned char>(text[i]);
        char32_t c;
        if (b < 128) {
            // ASCII, most of most pages: the same counts as below without the Unicode tables.
            ++i;
            if (b == ' ' || (b >= '\t' && b <= '\r')) {
                if (!in_space) counts.chars += 1;
                in_space = true;
                end_word();
                continue;
            }
            if (b < 0x20 || b == 0x7F) continue;  // invisible
            in_space = false;
            counts.chars += 1;
            if (ascii::is_alnum(static_cast<char>(b))) {
                word += ascii::lower(static_cast<char>(b));
                if (!ascii::is_digit(static_cast<char>(b))) word_has_letter = true;
                continue;
            }
            if (b == ',') counts.commas += 1;
            if (b == '.' || b == '!' || b == '?') {
                std::size_t next = i;
                if (next >= text.size() || utf8::is_space(next_code_point(text, next))) counts.sentence_ends += 1;
            }
            if (b != '\'') end_word();
            continue;
        }
        c = next_code_point(text, i);
        // White space and invisible characters as util/utf8.hpp defines them: what is counted is
        // what the writer keeps (a zero-width space joins the letters around it).
        if (utf8::is_space(c)) {
            if (!in_space) counts.chars += 1;
            in_space = true;
            end_word();
            continue;
        }
        if (utf8::is_invisible(c)) continue;
        in_space = false;
        counts.chars += 1;
        if (utf8::is_cjk(c)) {
            end_word();
            counts.words += k_cjk_word_weight;
            std::string single;
            utf8::append(single, c);
            if (stopwords.words.contains(single)) counts.stopwords += k_cjk_word_weight;
            continue;
        }
        if (is_comma(c)) counts.commas += 1;
        if (is_sentence_end(c)) {
            std::size_t next = i;
            if (next >= text.size() || utf8::is_space(next_code_point(text, next))) counts.sentence_ends += 1;
        }
        if (is_letter_or_digit(c)) {
            if (c < 128) word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            else utf8::append(word, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
            if (!(c >= '0' && c <= '9')) word_has_letter = true;
        } else if (c != '\'' && c != 0x2019) {
            end_word();
        }
    }
    end_word();
    return counts;
}

}  // namespace winnow::extract
