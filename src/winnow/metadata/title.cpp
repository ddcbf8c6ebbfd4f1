// metadata: title choice by agreement and title-repeat detection.
#include "winnow/metadata/title.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <utf8proc.h>

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
// An h1 of at least this many words agrees with a statement that contains all its words.
constexpr std::size_t k_min_contained_h1_words = 2;

// Separators between a page's headline and its site name in <title>.
constexpr std::string_view k_title_separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " / ",
                                                   " \xC2\xBB ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " ~ "};
// The part after a title's only " | " is a site's name (or tagline) when it has at most this many words.
constexpr std::size_t k_max_pipe_suffix_words = 3;

// A bracketed part after the title is a wiki's or archive's name ("searching [Zotero
// Documentation]") when it has from this many words to the next, and no digit ("[Updated 2024]").
constexpr std::size_t k_min_bracket_suffix_words = 2;
constexpr std::size_t k_max_bracket_suffix_words = 4;

// An article's only h1 is its headline as shown, even when og:title and <title> say something
// else (their SEO variant), when it has a headline's length: shorter, it is a section's label
// ("Latest News", "Lorem"); longer, a standfirst or several elements run together.
constexpr std::size_t k_min_sole_h1_words = 4;
constexpr std::size_t k_max_sole_h1_words = 12;

// Labels a forum or archive puts before the headline (lower case).
constexpr std::string_view k_title_labels[] = {"thread:", "topic:", "title:", "subject:", "thema:", "sujet:"};

// Letters, digits and combining marks: "¶", "®" and typographic quotes end a word.
bool is_word_code_point(char32_t c) {
    if (c < 128) return ascii::is_alnum(static_cast<char>(c));
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category <= UTF8PROC_CATEGORY_LO || (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_NO);
}

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
        } else if (is_word_code_point(c)) {
            word.append(lowered, start, i - start);
        } else {
            end_word();
        }
    }
    end_word();
    return words;
}

// True when the words of `h1` (two words or more) stand in a row among the words of `other`: a
// phrase of the statement ("Barbecue charbon" is no phrase of "Barbecue au charbon de bois").
bool contained(std::string_view h1, std::string_view other) {
    const auto words = words_of(h1);
    if (words.size() < k_min_contained_h1_words) return false;
    auto others = words_of(other);
    return std::search(others.begin(), others.end(), words.begin(), words.end()) != others.end();
}

// "3.1 Git Branching" -> {"3.1", "Git Branching"}: a book's or manual's section number in front
// (dotted: "3.1", "2.4.1"), or {"", title} without one.
std::pair<std::string, std::string> section_number_split(std::string_view title) {
    // digits, then one or more groups of a dot and digits ("1. Februar 2022" is a date, no section)
    std::size_t i = 0, groups = 0;
    while (i < title.size() && ascii::is_digit(title[i])) ++i;
    while (i > 0 && i + 1 < title.size() && title[i] == '.' && ascii::is_digit(title[i + 1])) {
        ++i;
        while (i < title.size() && ascii::is_digit(title[i])) ++i;
        ++groups;
    }
    if (groups == 0 || i + 1 >= title.size() || title[i] != ' ' || !ascii::is_alpha(title[i + 1]))
        return {"", std::string(title)};
    return {std::string(title.substr(0, i)), std::string(title.substr(i + 1))};
}

std::string without_label(std::string_view title) {
    const std::string lowered = decode::to_lower(title.substr(0, 16));
    for (std::string_view label : k_title_labels)
        if (std::string_view(lowered).starts_with(label)) return decode::collapse_whitespace(title.substr(label.size()));
    return std::string(title);
}

// A part of a title that names the site: one of its names, or a host name ("davidbau.com").
bool is_site_part(std::string_view part, const SiteNames& site_names) {
    return site_names.matches(part) || is_host_name(decode::collapse_whitespace(part));
}

// "davidbau.com Vibe Coding" -> "Vibe Coding": a host name in front, without a separator.
std::string without_host_prefix(std::string out) {
    const std::size_t space = out.find(' ');
    if (space == std::string::npos || !is_host_name(std::string_view(out).substr(0, space))) return out;
    std::string rest = decode::collapse_whitespace(std::string_view(out).substr(space + 1));
    if (rest.starts_with(": ")) rest.erase(0, 2);
    // a separator after the host is the separators' business ("Wayfair.com - Online Home Store")
    const bool word_follows = !rest.empty() && (static_cast<unsigned char>(rest[0]) >= 0x80 || ascii::is_alnum(rest[0]));
    return word_follows && words_of(rest).size() >= 2 ? rest : out;
}

// "searching [Zotero Documentation]" -> "searching".
std::string without_bracket_suffix(std::string out) {
    if (!out.ends_with(']')) return out;
    const std::size_t open = out.rfind(" [");
    if (open == std::string::npos || open == 0) return out;
    const std::string_view inside = std::string_view(out).substr(open + 2, out.size() - open - 3);
    const std::size_t words = words_of(inside).size();
    if (words < k_min_bracket_suffix_words || words > k_max_bracket_suffix_words || inside.find('[') != std::string_view::npos ||
        std::any_of(inside.begin(), inside.end(), [](char c) { return ascii::is_digit(c); }))
        return out;
    out.resize(open);
    return out;
}

}  // namespace

std::vector<std::string> title_parts(const std::string& title) {
    std::vector<std::string> parts;
    if (title.empty()) return parts;
    parts.push_back(title);
    for (std::string_view separator : k_title_separators) {
        std::size_t start = 0;
        std::vector<std::string> split;
        while (true) {
            std::size_t at = title.find(separator, start);
            split.push_back(title.substr(start, at == std::string::npos ? std::string::npos : at - start));
            if (at == std::string::npos) break;
            start = at + separator.size();
        }
        if (split.size() < 2) continue;
        for (auto& part : split)
            if (!part.empty()) parts.push_back(part);
    }
    return parts;
}

std::string without_site_affix(std::string_view title, const SiteNames& site_names) {
    std::string out = without_bracket_suffix(without_host_prefix(without_label(title)));
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::string_view separator : k_title_separators) {
            const std::size_t last = out.rfind(separator);
            if (last != std::string::npos && last > 0 && is_site_part(out.substr(last + separator.size()), site_names)) {
                out.resize(last);
                changed = true;
            }
            const std::size_t first = out.find(separator);
            if (first != std::string::npos && first > 0 && is_site_part(out.substr(0, first), site_names) &&
                first + separator.size() < out.size()) {
                out.erase(0, first + separator.size());
                changed = true;
            }
        }
    }
    // Whatever the known names: the one short part after a " | " is the site's name or its tagline
    // ("New Links | Hacker News"); a pipe rarely stands inside a headline.
    if (const std::size_t last = out.rfind(" | "); last != std::string::npos && last > 0 && out.find(" | ") == last) {
        const auto site = words_of(out.substr(last + 3));
        if (!site.empty() && site.size() <= k_max_pipe_suffix_words && words_of(out.substr(0, last)).size() >= 2)
            out.resize(last);
    }
    return decode::collapse_whitespace(out);
}

namespace {

// Shared words over the larger word count, of two sorted word lists (a word twice in both counts twice).
double sorted_words_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0.0;
    std::size_t shared = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else ++shared, ++i, ++j;
    }
    return static_cast<double>(shared) / static_cast<double>(std::max(a.size(), b.size()));
}

std::vector<std::string> sorted_words(std::string_view text) {
    auto words = words_of(text);
    std::sort(words.begin(), words.end());
    return words;
}

}  // namespace

double title_similarity(std::string_view a, std::string_view b) {
    return sorted_words_similarity(sorted_words(a), sorted_words(b));
}

void TitleStatements::add(std::string_view statement) {
    m_words.push_back(sorted_words(statement));
    m_most_words = std::max(m_most_words, m_words.back().size());
}

double TitleStatements::best_similarity(std::string_view text) const {
    if (m_words.empty()) return 0.0;
    const auto words = sorted_words(text);
    double best = 0.0;
    for (const auto& statement : m_words) best = std::max(best, sorted_words_similarity(words, statement));
    return best;
}

std::size_t title_word_count(std::string_view text) { return words_of(text).size(); }

namespace {

// At most as many words as words_of finds in `text`, counted without lowering or splitting it:
// each run between ASCII white space that holds an ASCII letter or digit has one at least.
std::size_t fewest_words(std::string_view text) {
    std::size_t words = 0;
    bool counted = false;  // the current run has been counted
    for (char c : text) {
        if (ascii::is_space(c)) counted = false;
        else if (!counted && ascii::is_alnum(c)) {
            ++words;
            counted = true;
        }
    }
    return words;
}

}  // namespace

bool is_title_repeat(std::string_view text, std::string_view title) {
    if (title.empty() || text.empty()) return false;
    return title_similarity(text, title) > k_title_repeat_similarity;
}

bool is_title_repeat(std::string_view text, const TitleStatements& title) {
    if (text.empty()) return false;
    // Shared words over the larger count: a text of more words than a statement's over the
    // threshold cannot pass it, so most paragraphs are never split into words (the same answer).
    if (static_cast<double>(fewest_words(text)) * k_title_repeat_similarity >= static_cast<double>(title.most_words()))
        return false;
    return title.best_similarity(text) > k_title_repeat_similarity;
}

std::string title_part_shown(const Statements& statements, const std::vector<std::string>& first_lines) {
    if (!statements.h1s.empty() || statements.title_parts.size() < 2) return {};
    for (const std::string& line : first_lines)
        for (std::size_t i = 1; i < statements.title_parts.size(); ++i)
            if (is_title_repeat(line, statements.title_parts[i])) return statements.title_parts[i];
    return {};
}

namespace {

// Without an h1 that another statement confirms: og:title, the JSON-LD headline, the <title>.
Sourced title_from_statements(const Statements& s) {
    auto clean = [&](std::string_view text) { return without_site_affix(text, s.site_names); };
    // og:title that is only the site's name (og:site_name) names the site: the page's own <title>
    // says what the page is, unless that <title> names the site too (a home page is its site).
    const bool og_is_site = !s.site_name.empty() && name_key(s.og_title) == name_key(s.site_name.value) &&
                            !s.html_title.empty() &&
                            std::none_of(s.title_parts.begin(), s.title_parts.end(),
                                         [&](const std::string& part) { return is_site_part(part, s.site_names); });
    if (!s.og_title.empty() && !clean(s.og_title).empty() && !og_is_site)
        return {clean(s.og_title), s.og_title_key.empty() ? std::string("og:title") : s.og_title_key};
    if (!s.ld_headline.empty() && !clean(s.ld_headline).empty()) return {clean(s.ld_headline), "json-ld headline"};
    // The <title> without the site's name; else its longest part that reads as a headline.
    if (const std::string title = clean(s.html_title); !title.empty() && title != s.html_title)
        return {title, "<title> without the site's name"};
    std::string best;
    for (std::size_t i = 1; i < s.title_parts.size(); ++i)
        if (words_of(s.title_parts[i]).size() >= k_min_title_part_words && s.title_parts[i].size() > best.size())
            best = s.title_parts[i];
    if (!best.empty()) return {clean(best), "<title> part"};
    if (!s.html_title.empty()) return {clean(s.html_title), "<title>"};
    return s.h1s.empty() ? Sourced{} : Sourced{without_label(s.h1s.front()), "first h1"};
}

// The page's one h1 (repeats of it aside), or nullptr when it has none or several, or when it is
// a kicker or subtitle and the headline run together (no one headline).
const std::string* sole_h1(const Statements& s) {
    const std::string* only = nullptr;
    for (std::size_t i = 0; i < s.h1s.size(); ++i) {
        const std::string& h1 = s.h1s[i];
        if (words_of(h1).empty()) continue;
        if ((only != nullptr && *only != h1) || (i < s.h1s_two_lines.size() && s.h1s_two_lines[i])) return nullptr;
        only = &h1;
    }
    return only;
}

// True when an article's or product's only h1 is its headline rather than `stated`, the title
// its statements give (og:title, JSON-LD headline, <title>), which no h1 agrees with; on a page of
// another kind too when the <title> is its only statement (no og:title or JSON-LD headline, which
// publishers write for each page: a <title> alone is often the site's template, name and
// tagline, "Reddit - The heart of the internet", around a thread's h1). The h1 has
// a headline's length and is one headline (no title separator: "Service - tagline", "Title |
// Site"; no colon at its end, which leads in to what follows), and `stated` is no name (the site's, or a brand's of under 3 words: the h1 is then
// their tagline, "Japan's Top-Selling Saké Brand" on "Hakutsuru").
bool headline_over_statement(const std::string& h1, const Sourced& stated, const SiteNames& site_names, PageKind kind) {
    if (kind != PageKind::article && kind != PageKind::product && !stated.source.starts_with("<title>"))
        return false;
    if (stated.empty() || stated.source == "first h1" || is_site_part(stated.value, site_names) ||
        words_of(stated.value).size() < k_min_title_part_words || site_names.matches(h1))
        return false;
    const std::size_t words = words_of(h1).size();
    if (words < k_min_sole_h1_words || words > k_max_sole_h1_words) return false;
    if (h1.ends_with(':')) return false;  // a lead-in to what follows ("A message from our founder:")
    return std::none_of(std::begin(k_title_separators), std::end(k_title_separators),
                        [&](std::string_view separator) { return h1.find(separator) != std::string::npos; });
}

}  // namespace

Sourced choose_title(const Statements& s, PageKind kind) {
    // The h1 that another statement confirms is the headline as shown. The publisher's own
    // statements (og:title, JSON-LD headline) confirm first; then the <title> and its parts.
    auto best_agreeing = [&](const std::vector<std::string>& others) -> const std::string* {
        const std::string* best_h1 = nullptr;
        double best_similarity = k_agreement_similarity;
        for (const auto& h1 : s.h1s) {
            if (words_of(h1).empty() || (!s.site_name.empty() && title_similarity(h1, s.site_name.value) >= 1.0) ||
                s.site_names.matches(h1))
                continue;
            for (const auto& other : others) {
                double similarity = title_similarity(h1, other);
                if (similarity < k_agreement_similarity && contained(h1, other)) similarity = k_agreement_similarity;
                if (similarity >= best_similarity) {
                    best_similarity = similarity + 1e-9;  // the first of equals stays
                    best_h1 = &h1;
                }
            }
        }
        return best_h1;
    };
    auto clean = [&](std::string_view text) { return without_site_affix(text, s.site_names); };
    std::vector<std::string> publisher;
    if (!s.og_title.empty()) publisher.push_back(s.og_title);
    if (!s.ld_headline.empty()) publisher.push_back(s.ld_headline);
    // The confirmed h1, without a section number that no statement gives ("3.1 Git Branching -
    // Branches in a Nutshell" on "Git - Branches in a Nutshell": the number is the book's outline).
    auto headline = [&](const std::string& h1) {
        auto [number, rest] = section_number_split(without_label(h1));
        if (number.empty()) return rest;
        for (const std::string* statement : {&s.og_title, &s.ld_headline, &s.html_title})
            if (statement->find(number) != std::string::npos) return without_label(h1);
        return rest;
    };
    const std::string og_key = s.og_title_key.empty() ? std::string("og:title") : s.og_title_key;
    if (const std::string* h1 = best_agreeing(publisher)) return {headline(*h1), "h1 confirmed by " + og_key + " or JSON-LD headline"};
    // A <title> part that is the site's name confirms no h1: an h1 like it is a section's label
    // ("Minecraft News" on "... | Minecraft Update News").
    std::vector<std::string> title_parts;
    for (const std::string& part : s.title_parts)
        if (std::string cleaned = clean(part); !cleaned.empty() && !is_site_part(cleaned, s.site_names))
            title_parts.push_back(std::move(cleaned));
    if (const std::string* h1 = best_agreeing(title_parts)) return {headline(*h1), "h1 confirmed by <title>"};
    Sourced stated = title_from_statements(s);
    if (const std::string* h1 = sole_h1(s); h1 != nullptr && headline_over_statement(*h1, stated, s.site_names, kind))
        return {without_label(*h1), "the page's only h1 (" + stated.source + " says otherwise)"};
    return stated;
}

}  // namespace winnow::metadata
