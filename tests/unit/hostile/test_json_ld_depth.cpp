// Hostile pages for the metadata stage (issue 18): JSON-LD nested far deeper than any real page
// is read without recursion. The pages are made here, at test time.
#include <catch2/catch.hpp>

#include <string>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/json_ld.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/pipeline/clean_page.hpp"

using namespace winnow;

namespace {

// `depth` arrays around `leaf`: [[[...leaf...]]].
std::string nested_arrays(std::size_t depth, const std::string& leaf) {
    return std::string(depth, '[') + leaf + std::string(depth, ']');
}

// `depth` objects, each the "name" of the one around it.
std::string nested_objects(std::size_t depth, const std::string& leaf) {
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) out += "{\"name\":";
    out += leaf;
    return out + std::string(depth, '}');
}

std::string page_with_json_ld(const std::string& json) {
    return "<!doctype html><html><head><title>Deep data</title><script type=\"application/ld+json\">" + json +
           "</script></head><body><article><h1>Deep data</h1><p>The council approved the new budget on Tuesday "
           "after a long debate about schools, roads and the library that ran well into the evening.</p>"
           "</article></body></html>";
}

}  // namespace

TEST_CASE("hostile: JSON-LD nested 100,000 deep (a 200 KB page) is cleaned, not a crash", "[hostile][metadata]") {
    const std::size_t depth = 100000;
    for (const std::string key : {"author", "headline", "name", "datePublished", "publisher", "@graph"}) {
        INFO(key);
        const std::string json = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"" + key +
                                 "\":" + nested_arrays(depth, "\"Jane Doe\"") + "}";
        const std::string page = page_with_json_ld(json);
        CHECK(page.size() > 200000);
        auto article = pipeline::clean_page(page, {}, {});
        REQUIRE(article.has_value());
        CHECK(article->title == "Deep data");
        CHECK(!article->blocks.empty());
    }
    // Objects as deep: {"name":{"name":...}}, under author and as the headline.
    for (const std::string key : {"author", "headline"}) {
        INFO(key);
        const std::string json = "{\"@type\":\"NewsArticle\",\"" + key + "\":" + nested_objects(depth, "\"Jane Doe\"") + "}";
        auto article = pipeline::clean_page(page_with_json_ld(json), {}, {});
        REQUIRE(article.has_value());
        CHECK(article->title == "Deep data");
    }
}

TEST_CASE("hostile: JSON-LD keeps what lies within the depth limit and drops what is deeper", "[hostile][metadata]") {
    // Within the limit: an author wrapped in a few arrays still counts.
    auto shallow = metadata::parse_json_ld(R"({"@type":"NewsArticle","headline":"Budget passes","author":)" +
                                           nested_arrays(3, R"({"@type":"Person","name":"Jane Doe"})") + "}");
    REQUIRE(shallow.has_value());
    CHECK(metadata::json_ld_text((*shallow)["author"]) == "Jane Doe");

    // Past the limit the deep value is gone, the rest of the document stays.
    auto deep = metadata::parse_json_ld(R"({"@type":"NewsArticle","headline":"Budget passes","keywords":)" +
                                        nested_arrays(5000, "\"x\"") + R"(,"author":{"name":"Jane Doe"}})");
    REQUIRE(deep.has_value());
    CHECK(metadata::json_ld_text((*deep)["headline"]) == "Budget passes");
    CHECK(metadata::json_ld_text((*deep)["author"]) == "Jane Doe");
    CHECK((!deep->contains("keywords") || metadata::json_ld_text((*deep)["keywords"]).empty()));

    // The statements read from such a page: headline and author as usual.
    const std::string page = page_with_json_ld(R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget passes","about":)" +
                                               nested_objects(100000, "\"x\"") + R"(,"author":{"@type":"Person","name":"Jane Doe"}})");
    const dom::Tree tree = dom::Tree::parse(page);
    const metadata::Statements statements = metadata::read_statements(tree, metadata::Context{});
    CHECK(statements.ld_headline == "Budget passes");
    REQUIRE(statements.authors.size() == 1);
    CHECK(statements.authors[0] == "Jane Doe");
}

TEST_CASE("hostile: json_ld_text reads nested arrays without recursion", "[hostile][metadata]") {
    nlohmann::json value = nlohmann::json::array();
    nlohmann::json* at = &value;
    for (int i = 0; i < 100000; ++i) {
        at->push_back(nlohmann::json::array());
        at = &at->back();
    }
    at->push_back("Jane Doe");
    CHECK(metadata::json_ld_text(value) == "Jane Doe");
    // The first non-empty string of an array, as before.
    CHECK(metadata::json_ld_text(nlohmann::json::parse(R"([[""], {"name": ""}, [{"name": "Ann Lee"}], "Bob"])")) == "Ann Lee");
    CHECK(metadata::json_ld_text(nlohmann::json::parse(R"({"@value": 2024})")) == "2024");
}
