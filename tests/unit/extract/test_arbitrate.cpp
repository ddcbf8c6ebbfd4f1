// The arbiter: the order of trust between containers, the rescue cascade, and the method each
// result reports.
#include <catch2/catch.hpp>

#include <string>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/candidate.hpp"
#include "winnow/extract/extractor.hpp"
#include "winnow/profiles/profile.hpp"
#include "winnow/write/text_writer.hpp"

using namespace winnow::extract;
using winnow::dom::Tree;

namespace {

SiteRules profile_rules(const std::string& rules_toml) {
    std::vector<winnow::profiles::Problem> problems;
    auto profile = winnow::profiles::read_profile("[match]\nhosts = [\"example.org\"]\n[rules]\n" + rules_toml,
                                                  "example.toml", "example", problems);
    REQUIRE(problems.empty());
    return profile->rules;
}

bool has_removal(const Article& article, const std::string& rule) {
    for (const Removal& removal : article.removals)
        if (removal.rule == rule) return true;
    return false;
}

}  // namespace

TEST_CASE("methods are named as the JSON output has always written them", "[extract][arbitrate]") {
    CHECK(Method{}.name() == "density");
    CHECK(Method{.source = Source::density, .relaxed = true}.name() == "relaxed density");
    CHECK(Method{.source = Source::body_marker, .in_article = true, .with_lead = true, .with_prose = true}.name() ==
          "body marker in article with lead + prose");
    CHECK(Method{.source = Source::json_ld_anchor}.name() == "json-ld anchor");
    CHECK(Method{.source = Source::json_ld_article_body}.name() == "json-ld articleBody");
    CHECK(Method{.source = Source::whole_page}.name() == "whole-page");
    CHECK(Method{.source = Source::description}.name() == "description");
    CHECK(Method{.source = Source::profile}.name() == "profile");
}

TEST_CASE("rescue: the whole page never brings back what the profile's drop rules removed", "[extract][rescue]") {
    // The profile's container holds only a link line, which the filter drops: the whole-page
    // rescue runs, and must start from the page after the profile's drop rules.
    const SiteRules rules = profile_rules("content = [\".story\"]\ndrop = [\".secret\"]\n");
    Tree tree = Tree::parse(R"(<html><head><title>A page</title></head><body>
        <div class="story"><p><a href="/1">Home</a> <a href="/2">News</a></p></div>
        <div class="secret">The secret paragraph that the profile removes.</div>
        <p>Some other page text that the whole-page rescue may show.</p></body></html>)");
    ExtractOptions options;
    options.site_rules = &rules;
    options.explain = true;
    const Article article = extract_article(tree, options);
    CHECK(article.method == "whole-page");
    const std::string text = winnow::write::render_body(article);
    CHECK(text.find("Some other page text") != std::string::npos);
    CHECK(text.find("secret") == std::string::npos);
    CHECK(has_removal(article, "profile example drop \".secret\""));
}
