// extract: what the page says about itself, read before anything is removed: title candidates
// (<title> parts, og:title, JSON-LD headline, h1s), JSON-LD articleBody/author/datePublished,
// language, description, site name.
#pragma once

#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"

namespace winnow::extract {

struct PageStatements {
    std::string html_title;                // <title>, white space collapsed
    std::vector<std::string> title_parts;  // <title> split on " | ", " - ", " – "...
    std::string og_title;                  // og:title or twitter:title
    std::string ld_headline;               // JSON-LD headline (or name of an Article)
    std::vector<std::string> h1s;          // the h1s of the body, in order
    std::string ld_article_body;           // JSON-LD articleBody: the publisher's own text
    std::string author;
    std::string date;
    std::string language;                  // lower case BCP 47 tag, or empty
    std::string description;
    std::string site_name;
};

PageStatements read_page_statements(const dom::Tree& tree);

}  // namespace winnow::extract
