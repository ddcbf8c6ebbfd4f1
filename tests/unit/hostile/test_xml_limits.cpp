// Hostile feeds and sitemaps (issue 18): a document of deeply nested elements is refused at the
// depth limit with one clear error, long before it costs memory (scripts/bench-hostile measures
// the peak on a 19.5 MB one); real documents, including an Atom entry's XHTML, still read.
#include <catch2/catch.hpp>

#include <string>

#include "winnow/run/sources.hpp"

using namespace winnow::run;

namespace {

std::string nested(std::size_t depth) {
    std::string out;
    out.reserve(depth * 7);
    for (std::size_t i = 0; i < depth; ++i) out += "<a>";
    for (std::size_t i = 0; i < depth; ++i) out += "</a>";
    return out;
}

}  // namespace

TEST_CASE("hostile: a sitemap of 1,000,000 nested elements is refused at the depth limit", "[hostile][sources]") {
    const std::string xml = "<?xml version=\"1.0\"?>\n<urlset>" + nested(1000000) + "</urlset>";
    auto parsed = parse_sitemap(xml, "https://example.org/sitemap.xml", 64 << 20);
    REQUIRE(!parsed.has_value());
    CHECK(parsed.error().message == "elements nested more than 256 deep at line 2");

    auto feed = parse_feed("<rss><channel>" + nested(1000000) + "</channel></rss>", "https://example.org/feed");
    REQUIRE(!feed.has_value());
    CHECK(feed.error().message.starts_with("elements nested more than 256 deep"));
}

TEST_CASE("hostile: documents within the depth limit read as before", "[hostile][sources]") {
    // 250 levels of <div> inside an Atom entry's content, the entry's link after them.
    std::string divs;
    for (int i = 0; i < 250; ++i) divs += "<div>";
    divs += "text";
    for (int i = 0; i < 250; ++i) divs += "</div>";
    const std::string atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>One</title><content type=\"xhtml\">" +
                             divs + "</content><link rel=\"alternate\" href=\"https://example.org/one\"/></entry></feed>";
    auto urls = parse_feed(atom, "https://example.org/feed");
    REQUIRE(urls.has_value());
    REQUIRE(urls->size() == 1);
    CHECK((*urls)[0] == "https://example.org/one");

    // Only <loc> text is kept, and it is read whole.
    const std::string big_text(1 << 20, 'x');
    auto sitemap = parse_sitemap("<urlset><url><loc>https://example.org/a</loc><lastmod>" + big_text +
                                     "</lastmod></url></urlset>",
                                 "https://example.org/sitemap.xml", 64 << 20);
    REQUIRE(sitemap.has_value());
    REQUIRE(sitemap->pages.size() == 1);
    CHECK(sitemap->pages[0] == "https://example.org/a");
}
