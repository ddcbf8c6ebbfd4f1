#include <catch2/catch.hpp>

#include "winnow/fetch/robots.hpp"

using winnow::fetch::normalise_robots_path;
using winnow::fetch::robots_pattern_matches;
using winnow::fetch::RobotsRules;

TEST_CASE("robots: the longest matching rule wins", "[robots]") {
    auto rules = RobotsRules::parse("User-agent: *\nDisallow: /private\nAllow: /private/open\n", "winnow");
    CHECK_FALSE(rules.allowed("/private"));
    CHECK_FALSE(rules.allowed("/private/x.html"));
    CHECK(rules.allowed("/private/open/page.html"));
    CHECK(rules.allowed("/public"));
    CHECK(rules.allowed(""));
}

TEST_CASE("robots: Allow wins a tie between rules of equal length", "[robots]") {
    auto rules = RobotsRules::parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "winnow");
    CHECK(rules.allowed("/page"));
    auto reversed = RobotsRules::parse("User-agent: *\nAllow: /folder/\nDisallow: /folder/\n", "winnow");
    CHECK(reversed.allowed("/folder/a"));
}

TEST_CASE("robots: * matches any run of characters and $ anchors the end", "[robots]") {
    CHECK(robots_pattern_matches("/*.php", "/index.php"));
    CHECK(robots_pattern_matches("/*.php", "/a/b.php?x=1"));
    CHECK_FALSE(robots_pattern_matches("/*.php$", "/a/b.php?x=1"));
    CHECK(robots_pattern_matches("/*.php$", "/a/b.php"));
    CHECK(robots_pattern_matches("/fish*", "/fish.html"));
    CHECK_FALSE(robots_pattern_matches("/fish", "/Fish.html"));
    CHECK(robots_pattern_matches("/", "/anything"));
    CHECK(robots_pattern_matches("/a*b*c", "/axxbyyc"));
    CHECK_FALSE(robots_pattern_matches("/a*b*c$", "/axxbyycd"));
    CHECK(robots_pattern_matches("*/print", "/news/print"));

    auto rules = RobotsRules::parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n", "winnow");
    CHECK_FALSE(rules.allowed("/docs/report.pdf"));
    CHECK(rules.allowed("/docs/report.pdf.html"));
    CHECK_FALSE(rules.allowed("/a?session=12"));
    CHECK(rules.allowed("/a?page=2"));
}

TEST_CASE("robots: the group naming our token is used instead of *", "[robots]") {
    const char* text =
        "User-agent: *\n"
        "Disallow: /\n"
        "\n"
        "User-agent: otherbot\n"
        "Disallow: /other\n"
        "\n"
        "User-agent: Winnow\n"
        "Disallow: /no-winnow\n"
        "Crawl-delay: 2.5\n";
    auto rules = RobotsRules::parse(text, "winnow");
    CHECK(rules.allowed("/page"));
    CHECK(rules.allowed("/other"));
    CHECK_FALSE(rules.allowed("/no-winnow/x"));
    REQUIRE(rules.crawl_delay());
    CHECK(*rules.crawl_delay() == Approx(2.5));

    auto star = RobotsRules::parse(text, "somebot");
    CHECK_FALSE(star.allowed("/page"));
    CHECK_FALSE(star.crawl_delay());
}

TEST_CASE("robots: several user-agent lines share one group, groups for one agent merge", "[robots]") {
    const char* text =
        "User-agent: a\n"
        "User-agent: winnow/1.0\n"
        "Disallow: /x\n"
        "Sitemap: https://example.org/sitemap.xml\n"
        "Disallow: /y\n"
        "User-agent: b\n"
        "Disallow: /b\n"
        "User-agent: winnow\n"
        "Disallow: /z\n";
    auto rules = RobotsRules::parse(text, "winnow");
    CHECK_FALSE(rules.allowed("/x"));
    CHECK_FALSE(rules.allowed("/y"));
    CHECK_FALSE(rules.allowed("/z"));
    CHECK(rules.allowed("/b"));
}

TEST_CASE("robots: comments, CRLF, empty Disallow, rules outside groups, unknown keys", "[robots]") {
    const char* text =
        "Disallow: /before-any-group\r\n"
        "# a comment\r\n"
        "User-agent: * # everyone\r\n"
        "Disallow: /secret # hidden\r\n"
        "Foo: bar\r\n"
        "Disallow:\r\n";
    auto rules = RobotsRules::parse(text, "winnow");
    CHECK(rules.allowed("/before-any-group"));
    CHECK_FALSE(rules.allowed("/secret/a"));
    CHECK(rules.allowed("/open"));
    CHECK(rules.rules().size() == 1);
}

TEST_CASE("robots: no group for us or * allows everything, an empty file too", "[robots]") {
    CHECK(RobotsRules::parse("User-agent: other\nDisallow: /\n", "winnow").allowed("/a"));
    CHECK(RobotsRules::parse("", "winnow").allowed("/a"));
    CHECK(RobotsRules::allow_all().allowed("/a"));
}

TEST_CASE("robots: disallow_all blocks everything but /robots.txt", "[robots]") {
    auto rules = RobotsRules::disallow_all();
    CHECK_FALSE(rules.allowed("/"));
    CHECK_FALSE(rules.allowed("/a.html"));
    CHECK(rules.allowed("/robots.txt"));
    CHECK(RobotsRules::parse("User-agent: *\nDisallow: /\n", "winnow").allowed("/robots.txt"));
}

TEST_CASE("robots: paths compare after percent-encoding normalisation", "[robots]") {
    CHECK(normalise_robots_path("/%7ejoe/a%2fb") == "/~joe/a%2Fb");
    CHECK(normalise_robots_path("/caf\xc3\xa9") == "/caf%C3%A9");
    CHECK(normalise_robots_path("/100%") == "/100%");
    auto rules = RobotsRules::parse("User-agent: *\nDisallow: /~joe/\nDisallow: /caf\xc3\xa9\n", "winnow");
    CHECK_FALSE(rules.allowed("/%7Ejoe/index.html"));
    CHECK_FALSE(rules.allowed("/caf%C3%A9/menu"));
}

TEST_CASE("robots: an invalid Crawl-delay is ignored", "[robots]") {
    CHECK_FALSE(RobotsRules::parse("User-agent: *\nCrawl-delay: soon\n", "winnow").crawl_delay());
    auto rules = RobotsRules::parse("User-agent: *\nCrawl-delay: 3\n", "winnow");
    REQUIRE(rules.crawl_delay());
    CHECK(*rules.crawl_delay() == Approx(3.0));
}
