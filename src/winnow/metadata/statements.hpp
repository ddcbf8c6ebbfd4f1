// metadata: what the page says about itself, read before anything is removed: title candidates
// (<title> parts, og:title, JSON-LD headline, h1s), JSON-LD articleBody/author/datePublished,
// language, description, site name.
#pragma once

#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"

namespace winnow::metadata {

struct Statements {
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

// What is known about the page besides its tree.
struct Context {
    std::string url;  // the page's address, when known
};

// Reads every statement in one walk of the tree.
Statements read_statements(const dom::Tree& tree, const Context& context);

}  // namespace winnow::metadata
