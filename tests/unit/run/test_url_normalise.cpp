#include <catch2/catch.hpp>

#include "winnow/run/url_normalise.hpp"

using winnow::run::normalise_url;
using winnow::run::resolve_url;

static std::string norm(const std::string& url) {
    auto result = normalise_url(url);
    REQUIRE(result);
    return *result;
}

TEST_CASE("scheme and host are lower-cased, default ports and fragments dropped", "[run][url]") {
    CHECK(norm("HTTPS://Example.ORG:443/A/Path.html#comments") == "https://example.org/A/Path.html");
    CHECK(norm("http://example.org:80") == "http://example.org/");
    CHECK(norm("http://example.org:8080/x") == "http://example.org:8080/x");
    CHECK(norm("https://example.org:80/x") == "https://example.org:80/x");
    CHECK(norm("https://example.org./x") == "https://example.org/x");
}

TEST_CASE("tracking parameters are dropped, other parameters kept in order", "[run][url]") {
    CHECK(norm("https://example.org/a?utm_source=x&id=3&UTM_Medium=y&fbclid=z&page=2&gclid=1") ==
          "https://example.org/a?id=3&page=2");
    CHECK(norm("https://example.org/a?mc_cid=1&mc_eid=2") == "https://example.org/a");
    CHECK(norm("https://example.org/a?b=2&a=1") == "https://example.org/a?b=2&a=1");
    CHECK(norm("https://example.org/a?utm_campaign=x#top") == "https://example.org/a");
}

TEST_CASE("normalisation is stable: a normalised URL normalises to itself", "[run][url]") {
    for (const char* url : {"HTTPS://Example.ORG:443/A/../B/./c.html?utm_x=1&q=a%20b#f", "http://example.org",
                            "https://example.org/path with space", "https://EXAMPLE.org/?a=&b"}) {
        std::string once = norm(url);
        CHECK(norm(once) == once);
    }
    CHECK(norm("https://example.org/A/../B/./c.html") == "https://example.org/B/c.html");
}

TEST_CASE("only absolute http and https URLs are accepted", "[run][url]") {
    CHECK_FALSE(normalise_url("ftp://example.org/x"));
    CHECK_FALSE(normalise_url("example.org/x"));
    CHECK_FALSE(normalise_url("/relative"));
    CHECK_FALSE(normalise_url(""));
    CHECK_FALSE(normalise_url("https://"));
    auto error = normalise_url("mailto:someone@example.org");
    REQUIRE_FALSE(error);
    CHECK(error.error().message.find("mailto:someone@example.org") != std::string::npos);
}

TEST_CASE("relative references are resolved against the base", "[run][url]") {
    auto resolved = resolve_url("https://example.org/feed/index.xml", "../news/a.html?utm_source=rss");
    REQUIRE(resolved);
    CHECK(*resolved == "https://example.org/news/a.html");
    auto absolute = resolve_url("https://example.org/feed.xml", "HTTP://Other.example/x");
    REQUIRE(absolute);
    CHECK(*absolute == "http://other.example/x");
}

TEST_CASE("credentials are not part of a page's name: normalisation drops them, messages never show them", "[run][url][credentials]") {
    CHECK(norm("https://user:s3cret@Example.org/a#x") == "https://example.org/a");
    CHECK(norm("http://user@example.org:8080/") == "http://example.org:8080/");
    CHECK(norm("https://:s3cret@example.org/") == "https://example.org/");
    CHECK(norm("https://example.org/a@b?c=d@e") == "https://example.org/a@b?c=d@e");  // an '@' of the path stays
    auto resolved = resolve_url("https://example.org/feed.xml", "https://u:s3cret@example.org/b");
    REQUIRE(resolved);
    CHECK(*resolved == "https://example.org/b");
    for (const char* bad : {"ftp://user:s3cret@example.org/x", "https://user:s3cret@/x"}) {
        auto error = normalise_url(bad);
        REQUIRE_FALSE(error);
        INFO(error.error().message);
        CHECK(error.error().message.find("s3cret") == std::string::npos);
    }
}
