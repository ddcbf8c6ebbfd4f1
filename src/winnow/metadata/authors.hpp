// metadata: person names from an author statement. "By Jane Roe and John Doe, Staff Writers",
// "Von Eva Muster", "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal" become the
// names alone: byline words and roles stripped, co-authors split, and never a URL, an e-mail
// address, a handle, or the name of the site or its publisher.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/metadata/site_names.hpp"

namespace winnow::metadata {

// Byline words that are a preposition alone ("By Jane Roe", "Von Eva Muster", "Przez Jana
// Kowalska"): they open a byline line, but in an element of their own before the name's they are
// no label ("Di" heads a calendar's Tuesday column, "by" a credit). Lower case. The extractor's
// byline lines (extract/block_patterns.cpp) open with the same words.
inline constexpr std::string_view k_byline_prepositions[] = {"by", "von", "par", "por", "door", "av", "af", "przez", "di"};

// Words that label a picture's credit before a ':', a '©' or "by" ("Foto: dpa", "Photo by Jane Roe
// on Unsplash"). Lower case. The name after them is a photographer's or an agency's, not the
// author's (statements_gather.cpp); the extractor drops such credit lines (extract/block_patterns.cpp).
inline constexpr std::string_view k_picture_credit_words[] = {
    "photo", "foto", "fotos", "image", "images", "bild", "bilder", "picture", "credit", "credits", "quelle",
    "source", "fuente", "crédit", "crédits", "illustration", "grafik", "video", "titelbild", "symbolbild",
    "beitragsbild"};

// True for "https://...", "www....", "name@example.com", "mailto:...", "@handle".
bool is_url_or_email(std::string_view text);

// The text after a byline word at its start ("By", "Written by", "Von", "Par", "Por", "Autor:"),
// or "" when it has none.
std::string after_byline_word(std::string_view text);

// True when the text is a byline word alone ("Written by", "By:", "Author"), a label for the
// name that follows it.
bool is_byline_label(std::string_view text);

// True when the text is a byline label that names its role ("Written by", "Article by", "Author:",
// "Autor"), not a preposition alone ("By", "Von", "Di"): such a label in an element of its own
// heads an author box wherever it stands.
bool is_author_label(std::string_view text);

// The person names in an author statement, in order and without repeats. A statement taken from
// a byline's text (`from_text`) also loses the job titles, labels and site name that follow the
// name in the next element.
std::vector<std::string> author_names(std::string_view statement, const SiteNames& site_names, bool from_text = false);

// True when a name names nobody: an editorial desk ("Teufel Editorial Team", "TVT-Redaktion"), a CMS's placeholder or default account ("No Author", "Super User",
// "wordpressadmin"), a platform ("YouTube") or a common label ("Admin", "Share").
bool names_nobody(std::string_view name);

// True when a name is the site's: one of its names (SiteNames::matches), its name after a definite
// article or a masthead in capitals after one ("DER SPIEGEL" on spiegel.de, "Die FURCHE"), or words
// whose initials spell its name ("Deutsches Rotes Kreuz" on drk.de).
bool names_the_site(std::string_view name, const SiteNames& site_names);

// True when a name reads as a person's rather than an organisation's: two to four capitalised
// words, no digits, no acronym, no word of a company or publication ("News", "Inc", "Clinic").
bool looks_like_person(std::string_view text);

// True when the text reads as one person's name as a byline shows it: 1 to 5 words, no
// sentence punctuation, not a common label ("Admin", "Share", "Menu").
bool looks_like_name(std::string_view text);

// "Roy, Aniruddha" -> "Aniruddha Roy": a name written last name first, as library and scholarly
// tags (citation_author, DC.creator) write one person each. Anything else comes back unchanged
// ("Jane Roe, MD", "Roe, Doe and Poe").
std::string uninverted_name(std::string_view text);

// True when the `size` bytes of `text` at `at` stand as whole words: no letter or digit (nor a
// byte of a non-ASCII character) right before or after them: "Tim Green", not "Tim Greenberg".
bool stands_whole(std::string_view text, std::size_t at, std::size_t size);

// True when a name is an account's login rather than a person's name as written: one word with a
// dot or underscore inside ("andrew.keaveney") or with letters and digits mixed ("mdelatorreq6vk").
// A CMS writes the login when the author's display name is not set.
bool looks_like_login(std::string_view text);

}  // namespace winnow::metadata
