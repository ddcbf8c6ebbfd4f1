// metadata: the headline, chosen by agreement between the page's statements (<title> parts,
// og:title, JSON-LD headline, h1s), and the test that tells a repeat of it in the body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/metadata/page_kind.hpp"
#include "winnow/metadata/statements.hpp"

namespace winnow::metadata {

// The <title> whole, then its parts split on " | ", " - ", " – ", " — ", " / ", " » ", " :: ",
// " · ", " • ", " ~ " (each separator tried on its own).
std::vector<std::string> title_parts(const std::string& title);

// The title without the site's name before or after a separator ("Dental Care | ONE Health
// Ohio" -> "Dental Care" when the site is ONE Health Ohio) and without a label in front
// ("Thread: ...", "Title: ..."), and without the short part after its only " | " ("New Links | Hacker
// News" -> "New Links") even when no statement names the site.
std::string without_site_affix(std::string_view title, const SiteNames& site_names);

// The headline. An h1 that agrees with another statement wins (it is what the reader sees): its
// words overlap (shared words over the larger count, at least 0.6) or, for an h1 of two words or
// more, its words stand in a row in the statement (a phrase of it); a section number in front
// ("3.1") that no statement gives is left out. Then og:title or the JSON-LD headline; then the
// longest <title> part; then the first h1. Site affixes are removed from statements.
// On an article or a product page (`kind`: the page's kind by its statements), or on any page
// whose only statement is its <title>, its only h1, of a headline's length (4 to 12 words, no
// title separator), wins over an og:title or <title> that says something else (an SEO variant,
// a site's template), unless that statement is a name (the site's, or one of under 3 words: the
// h1 is then its tagline).
// The source says which statement gave it ("h1, confirmed by og:title").
Sourced choose_title(const Statements& statements, PageKind kind = PageKind::article);

// Without an h1, a <title> part that the body's first lines repeat is the headline as shown:
// returns that part, or "" when none of `first_lines` repeats one.
std::string title_part_shown(const Statements& statements, const std::vector<std::string>& first_lines);

// Word-overlap similarity of two texts: shared words over the larger word count, in [0, 1].
double title_similarity(std::string_view a, std::string_view b);

// The number of words title_similarity counts in a text (each CJK character is a word).
std::size_t title_word_count(std::string_view text);

// Title statements split into words once, for comparing many texts with all of them (a page's
// headings with its og:title, twitter:title, <title> and its parts).
class TitleStatements {
public:
    void add(std::string_view statement);
    bool empty() const { return m_words.empty(); }
    // The highest title_similarity of `text` with one of the statements; 0 with none.
    double best_similarity(std::string_view text) const;
    // The most words of one statement.
    std::size_t most_words() const { return m_most_words; }

private:
    std::vector<std::vector<std::string>> m_words;  // each statement's words, sorted
    std::size_t m_most_words = 0;
};

// True when a body line repeats the title (similarity above k_title_repeat_similarity).
bool is_title_repeat(std::string_view text, std::string_view title);
// The same with the title split into words once (for all the lines of a page).
bool is_title_repeat(std::string_view text, const TitleStatements& title);

}  // namespace winnow::metadata
