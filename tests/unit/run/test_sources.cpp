#include <catch2/catch.hpp>


#include <map>

#include "winnow/run/sources.hpp"
#include "winnow/warc/writer.hpp"

using namespace winnow::run;

namespace {

const char* k_rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>News</title>
<link>https://news.example/</link><atom:link href="https://news.example/feed" rel="self"/>
<item><title>One</title><link>https://news.example/2026/one.html?utm_source=rss</link><guid>x1</guid></item>
<item><title>Two</title><atom:link href="https://elsewhere.example/"/><link>
  /2026/two.html  </link></item>
<item><title>Three</title><guid isPermaLink="true">https://news.example/2026/three.html</guid></item>
<item><title>No link</title><guid isPermaLink="false">tag:news.example,2026:4</guid></item>
<item><title>Dup</title><link>https://NEWS.example/2026/one.html#comments</link></item>
</channel></rss>)";

const char* k_atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<link href="https://blog.example/" rel="alternate"/>
<entry><title>A</title><link rel="self" href="https://blog.example/api/a"/>
  <link rel="alternate" type="text/html" href="posts/a.html"/><id>urn:a</id></entry>
<entry><title>B</title><link href="https://blog.example/posts/b.html"/></entry>
<entry><title>C</title><link rel="enclosure" href="https://blog.example/c.mp3"/></entry>
</feed>)";

}  // namespace

TEST_CASE("RSS 2.0 items give their links (or permalink guids), resolved, normalised, once", "[run][sources]") {
    auto urls = parse_feed(k_rss, "https://news.example/feed");
    REQUIRE(urls);
    CHECK(*urls == std::vector<std::string>{"https://news.example/2026/one.html", "https://news.example/2026/two.html",
                                            "https://news.example/2026/three.html"});
}

TEST_CASE("Atom entries give their alternate links", "[run][sources]") {
    auto urls = parse_feed(k_atom, "https://blog.example/feed.atom");
    REQUIRE(urls);
    CHECK(*urls == std::vector<std::string>{"https://blog.example/posts/a.html", "https://blog.example/posts/b.html"});
}

TEST_CASE("a document that is not a feed, or not XML, is refused with a reason", "[run][sources]") {
    auto html = parse_feed("<html><body>hi</body></html>", "https://x.example/");
    REQUIRE_FALSE(html);
    CHECK_THAT(html.error().message, Catch::Contains("not an RSS or Atom feed"));
    auto broken = parse_feed("<rss><channel><item></channel>", "https://x.example/");
    REQUIRE_FALSE(broken);
    CHECK_THAT(broken.error().message, Catch::Contains("not well-formed XML at line 1"));
}

TEST_CASE("sitemap indexes are followed into gzipped sitemaps", "[run][sources]") {
    std::map<std::string, std::string> site = {
        {"https://s.example/sitemap.xml",
         R"(<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://s.example/sitemap-1.xml.gz</loc></sitemap>
            <sitemap><loc>https://s.example/sitemap-2.xml</loc></sitemap>
            <sitemap><loc>https://s.example/missing.xml</loc></sitemap>
            <sitemap><loc>https://s.example/sitemap.xml</loc></sitemap></sitemapindex>)"},
        {"https://s.example/sitemap-1.xml.gz",
         winnow::warc::gzip_member(R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://s.example/a</loc>
                 <lastmod>2026-11-01</lastmod></url><url><loc>https://s.example/b?gclid=1</loc></url></urlset>)")},
        {"https://s.example/sitemap-2.xml",
         R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://s.example/c </loc></url>
            <url><loc>https://s.example/a</loc></url></urlset>)"},
    };
    std::vector<std::string> fetched;
    DocumentFetcher fetch = [&](const std::string& url) -> winnow::Result<std::string> {
        fetched.push_back(url);
        auto found = site.find(url);
        if (found == site.end()) return winnow::fail(winnow::ErrorKind::network, url + ": HTTP 404");
        return found->second;
    };
    SourceConfig source;
    source.kind = SourceKind::sitemap;
    source.url = "https://s.example/sitemap.xml";
    auto urls = collect_source_urls(source, fetch, 1 << 20);
    REQUIRE(urls);
    CHECK(urls->urls == std::vector<std::string>{"https://s.example/a", "https://s.example/b", "https://s.example/c"});
    REQUIRE(urls->problems.size() == 1);
    CHECK_THAT(urls->problems[0], Catch::StartsWith("https://s.example/missing.xml: HTTP 404"));
    CHECK(fetched.size() == 4);  // the index is not fetched twice although it lists itself

    source.url = "https://s.example/none.xml";
    auto missing = collect_source_urls(source, fetch, 1 << 20);
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::Contains("https://s.example/none.xml"));
}

TEST_CASE("URL list sources keep their order without duplicates", "[run][sources]") {
    SourceConfig source;
    source.kind = SourceKind::urls;
    source.urls = {"https://x.example/b", "https://x.example/a", "https://x.example/b"};
    auto urls = collect_source_urls(source, nullptr, 0);
    REQUIRE(urls);
    CHECK(urls->urls == std::vector<std::string>{"https://x.example/b", "https://x.example/a"});
}
