// metadata: what kind of page this is (an article, a forum thread, a product, a listing of
// other pages, documentation, or a service or other page), told from the page's structure and
// statements (JSON-LD types, og:type, repeated teaser blocks, post structures, price and cart
// markup), plus flags for pages that are not what they seem: an error page served with 200, a
// consent or cookie wall, a paywall notice, a JavaScript shell with no text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/metadata/statements.hpp"

namespace winnow::metadata {

enum class PageKind : unsigned char { article, forum, product, listing, documentation, service };

std::string_view page_kind_name(PageKind kind);
// "article" -> article; false for an unknown name.
bool parse_page_kind(std::string_view name, PageKind& kind);
// Every kind's name, in the enum's order.
std::vector<std::string_view> page_kind_names();

// What the extractor found: the size of the article it kept.
struct ArticleShape {
    std::size_t chars = 0;       // characters of the body text
    std::size_t paragraphs = 0;  // paragraph blocks
    std::size_t prose_run = 0;   // most prose paragraphs one after the other in the kept text
    std::string title;
    // Counts a kept block, in order: a paragraph of prose length extends the current run of
    // prose, anything else (a heading, a list, a short line) ends it.
    void add_block(bool paragraph, std::size_t block_chars);

private:
    std::size_t m_current_run = 0;
};

struct PageKindVerdict {
    PageKind kind = PageKind::article;
    std::vector<std::string> flags;  // error_page, consent_wall, paywall, javascript_shell
    std::string evidence;            // what decided, in words, for --explain
};

// True for the kinds whose pages are publications with a date (article, forum, documentation,
// which may show when it was last changed) and an author (article, forum). A product, listing
// or service page's dates are its template's (a CMS's creation date) and its "author" its owner
// or a name in its listings: the extractor leaves both out there.
constexpr bool has_date(PageKind kind) {
    return kind == PageKind::article || kind == PageKind::forum || kind == PageKind::documentation;
}
constexpr bool has_byline(PageKind kind) { return kind == PageKind::article || kind == PageKind::forum; }

PageKindVerdict classify_page(const Statements& statements, const ArticleShape& article);

}  // namespace winnow::metadata
