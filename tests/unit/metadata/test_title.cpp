#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/metadata/title.hpp"

using namespace winnow::metadata;
using winnow::dom::Tree;

TEST_CASE("the h1 that agrees with another statement is the title", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><head><title>Storm hits the coast | Daily News</title>
        <meta property="og:title" content="Storm hits the coast"></head>
        <body><h1>Daily News</h1><h1>Storm hits the coast tonight</h1><p>x</p></body></html>)");
    Statements s = read_statements(tree, {});
    CHECK(s.og_title == "Storm hits the coast");
    CHECK(choose_title(s).value == "Storm hits the coast tonight");
}

TEST_CASE("without agreement: og:title, then JSON-LD headline, then the longer <title> part", "[metadata][title]") {
    Statements s;
    s.html_title = "Site | A long enough headline here";
    s.title_parts = {"Site | A long enough headline here", "Site", "A long enough headline here"};
    CHECK(choose_title(s).value == "A long enough headline here");
    s.ld_headline = "The JSON-LD headline";
    CHECK(choose_title(s).value == "The JSON-LD headline");
    s.og_title = "The og title";
    CHECK(choose_title(s).value == "The og title");
}

TEST_CASE("JSON-LD statements are read, including @graph", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html lang="de-DE"><head><script type="application/ld+json">
        {"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "headline": "Schlagzeile",
          "articleBody": "Text des Artikels.", "author": {"name": "Eva Muster"}, "datePublished": "2024-01-02"}]}
        </script><script type="application/ld+json">{ broken json</script></head><body></body></html>)");
    Statements s = read_statements(tree, {});
    CHECK(s.ld_headline == "Schlagzeile");
    CHECK(s.ld_article_body == "Text des Artikels.");
    CHECK(s.authors == std::vector<std::string>{"Eva Muster"});
    CHECK(s.date.value == "2024-01-02");
    CHECK(s.language == "de-DE");
}

TEST_CASE("title repeats are told by word overlap", "[metadata][title]") {
    CHECK(is_title_repeat("Storm hits the coast", "Storm Hits The Coast!"));
    CHECK_FALSE(is_title_repeat("Storm hits the coast", "A completely different sentence about rain"));
    CHECK(title_similarity("a b c d", "a b c e") == Approx(0.75));
    CHECK_FALSE(is_title_repeat("anything", ""));
}

TEST_CASE("site affixes and labels leave titles, entities are decoded", "[metadata][title]") {
    SiteNames site;
    site.add("ONE Health Ohio");
    site.add_host("www.twilio.com");
    CHECK(without_site_affix("Dental Care | ONE Health Ohio", site) == "Dental Care");
    CHECK(without_site_affix("Twilio - Business Text Messaging", site) == "Business Text Messaging");
    CHECK(without_site_affix("Thread: What do you pay for hosting?", site) == "What do you pay for hosting?");
    CHECK(without_site_affix("A - B - C", site) == "A - B - C");

    Tree tree = Tree::parse(R"(<html><head><title>Healthy Eating Plate • The Nutrition Source</title>
        <meta property="og:site_name" content="The Nutrition Source"></head><body><p>x</p></body></html>)");
    Statements s = read_statements(tree, {});
    CHECK(choose_title(s).value == "Healthy Eating Plate");

    Tree entities = Tree::parse(R"(<html><head><meta property="og:title" content="Maria &amp;amp; Katerina"></head>
        <body><h1>Maria &amp;amp; Katerina</h1></body></html>)");
    CHECK(choose_title(read_statements(entities, {})).value == "Maria & Katerina");
}

TEST_CASE("an h1 agrees with a statement that contains all its words", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><head><meta property="og:title" content="Men's Gym T-Shirts & Tops | Shop">
        </head><body><h1>T-Shirts & Tops</h1></body></html>)");
    CHECK(choose_title(read_statements(tree, {})).value == "T-Shirts & Tops");
    // a lone word needs more than containment: "Tops" is in the og:title, but is no headline
    Tree lone = Tree::parse(R"(<html><head><meta property="og:title" content="Men's Gym T-Shirts & Tops">
        </head><body><h1>Tops</h1></body></html>)");
    CHECK(choose_title(read_statements(lone, {})).value == "Men's Gym T-Shirts & Tops");
}
