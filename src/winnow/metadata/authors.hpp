// metadata: person names from an author statement. "By Jane Roe and John Doe, Staff Writers",
// "Von Eva Muster", "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal" become the
// names alone: byline words and roles stripped, co-authors split, and never a URL, an e-mail
// address, a handle, or the name of the site or its publisher.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::metadata {

// Names that are the site's or the publisher's, not a person's (og:site_name, the JSON-LD
// publisher, the host name): matched ignoring case, spaces and punctuation, so that
// "USA TODAY" matches the host www.usatoday.com.
class NotPeople {
public:
    void add(std::string_view name);
    void add_host(std::string_view host);
    bool contains(std::string_view name) const;

private:
    std::vector<std::string> m_keys;
};

// True for "https://...", "www....", "name@example.com", "mailto:...", "@handle".
bool is_url_or_email(std::string_view text);

// The text after a byline word at its start ("By", "Written by", "Von", "Par", "Por", "Autor:"),
// or "" when it has none.
std::string after_byline_word(std::string_view text);

// The person names in an author statement, in order and without repeats.
std::vector<std::string> author_names(std::string_view statement, const NotPeople& not_people);

// True when the text reads as one person's name as a byline shows it: 1 to 5 words, no
// sentence punctuation, not a common label ("Admin", "Share", "Menu").
bool looks_like_name(std::string_view text);

}  // namespace winnow::metadata
