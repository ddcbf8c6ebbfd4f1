// metadata: what the page says about itself, read before anything is removed, in one walk of
// the tree: the title candidates (<title> parts, og:title, JSON-LD headline, h1s), authors,
// dates, language, description, site name, canonical URL, image, tags and categories, each
// with the source it came from (for --explain), and the structural signals the page kind is
// told from. Sources are trusted in this order: JSON-LD, microdata and RDFa, meta tags
// (OpenGraph, Twitter, Dublin Core), rel=author and byline elements, <time datetime>, the
// URL's date, and last the visible text (htmldate's order).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/site_names.hpp"

namespace winnow::metadata {

// A value and where it came from: "json-ld NewsArticle.datePublished", "meta og:site_name".
struct Sourced {
    std::string value;
    std::string source;
    bool empty() const { return value.empty(); }
};

// Structure counted during the walk, for the page kind (page_kind.hpp).
struct PageSignals {
    std::vector<std::string> ld_types;        // @types of JSON-LD objects that are the page's own
    std::size_t ld_listed_articles = 0;       // article-like JSON-LD objects inside lists
    std::size_t ld_listed_products = 0;       // products inside lists
    std::size_t ld_posts = 0;                 // Comment, Answer, DiscussionForumPosting objects
    std::string og_type;                      // og:type, lower case
    std::size_t microdata_articles = 0;       // itemtype Article, BlogPosting, NewsArticle...
    std::size_t microdata_posts = 0;          // itemtype Comment, Answer, DiscussionForumPosting
    std::size_t microdata_products = 0;       // itemtype Product
    std::size_t price_marks = 0;              // itemprop=price, price classes with a currency
    std::size_t cart_marks = 0;               // add-to-cart buttons and forms
    std::size_t article_elements = 0;         // <article>
    bool h1_in_article = false;               // an h1 inside an <article> element
    std::size_t headings = 0;                 // h2-h4 outside navigation and footers
    std::size_t linked_headings = 0;          // of those, the ones that are a link to another page
    std::size_t author_marks = 0;             // byline elements (one per post on a forum)
    std::size_t time_elements = 0;            // <time>
    std::size_t post_marks = 0;               // elements whose class says post/message/reply
    std::size_t code_blocks = 0;              // <pre>
    std::size_t body_chars = 0;               // text characters of the body (no script, style)
    std::size_t link_chars = 0;               // of those, inside links
    std::size_t paragraph_count = 0;          // <p> of prose: 80 characters or more, mostly not links
    std::size_t max_sibling_prose = 0;        // most prose paragraphs under one parent
    std::size_t max_sibling_prose_blocks = 0; // most prose paragraphs and prose list items (tips written as
                                              // items) side by side, an item counted for its list's parent
    std::size_t headline_links = 0;           // links with a headline's length (4 to 30 words), not in the
                                              // site's <header>, a <cite> or inline in a prose paragraph
    std::size_t teasers_elsewhere = 0;        // headline links and linked headings to another site than the page's
    std::size_t teaser_free_chars = 0;        // the most text (not in links, navigation or footers) before the first
                                              // teaser, between two or after the last: a story stands in one such stretch
    std::size_t distinct_dates = 0;           // different days among the dates outside zones (<time>, date classes,
                                              // short date lines): a listing of posts shows one per teaser
    bool app_root = false;                    // an empty #root, #app, #__next... the page is a JavaScript app
    bool paywall_mark = false;                // class paywall, JSON-LD isAccessibleForFree false
    bool consent_mark = false;                // a cookie or consent layer
    bool docs_path = false;                   // the URL path names documentation (/docs/, /api/, /reference/)
    bool pagination = false;                  // a link to a later page of the page's own path (/page/2, ?page=2)
    bool listing_path = false;                // the URL path ends like a listing's (/blog/, /category/NAME, /page/2)
    bool forum_path = false;                  // the URL path names a thread (/thread/, /topic/, /questions/)
    bool product_path = false;                // the URL path names a product (/product/, /products/, /p/)
    bool meta_author = false;                 // a meta tag names an author, even one that is no person's
                                              // name (a CMS's "Super User", the agency that built the site)
};

struct Statements {
    // Title evidence, for choose_title (title.hpp).
    std::string html_title;                // <title>, white space collapsed
    std::vector<std::string> title_parts;  // <title> whole, then split on " | ", " - ", " – "...
    std::string og_title;                  // the publisher's title meta tag (dc.title, og:title, twitter:title...)
    std::string og_title_key;              // which one ("og:title")
    std::string ld_headline;               // JSON-LD headline (or name of an Article)
    std::vector<std::string> h1s;          // the h1s of the body, in order
    std::vector<bool> h1s_two_lines;       // for each: it holds a kicker or subtitle beside the headline
    std::string ld_article_body;           // JSON-LD articleBody: the publisher's own text
    std::string image_descriptions;        // the alt texts of the body's images (at most 2 KiB), the
                                           // page's words when its text is placeholder (language.hpp)

    std::vector<std::string> authors;      // person names
    std::string authors_source;
    Sourced date;                          // published, ISO 8601
    Sourced date_modified;                 // ISO 8601
    std::string language;                  // declared BCP 47 tag, normalised case ("en-US"), or empty
    std::string language_source;
    Sourced description;
    Sourced site_name;
    Sourced canonical_url;
    std::string address;                   // the page's URL: the one given, else canonical_url
    Sourced image;
    std::vector<std::string> tags;
    std::vector<std::string> categories;
    SiteNames site_names;                  // the site's and publisher's names, never a person or a title
    PageSignals signals;
};

// What is known about the page besides its tree.
struct Context {
    std::string url;  // the page's address, when known (dates in the path, the host's name)
    // Dates after this day are not publication dates (a test fixes it; by default, today).
    std::chrono::sys_days today{};
    // The page's stated_address() when the caller has already read it (the pipeline does, for
    // the profile): the page is then not scanned for it again.
    std::optional<Sourced> stated_address;
};

// Reads every statement in one walk of the tree.
Statements read_statements(const dom::Tree& tree, const Context& context);

// The address a saved page gives for itself, with its source: its first absolute <link
// rel="canonical">, else its first absolute og:url; empty when neither. It is the page's
// `canonical_url`, and without a URL given the page's address: for its profile, its links' base,
// its host (a site's name, links that leave the site).
Sourced stated_address(const dom::Tree& tree);

// A language tag in BCP 47 case ("en-us" -> "en-US", "zh_hant_tw" -> "zh-Hant-TW"), or "" when
// the text is not a tag ("{{lang}}", "English").
std::string normalise_language_tag(std::string_view tag);

}  // namespace winnow::metadata
