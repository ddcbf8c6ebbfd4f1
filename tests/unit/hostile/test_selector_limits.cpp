// Hostile profiles for the selector engine (issue 18): nesting that would recurse without end is
// an error naming the limit, and :nth-child() and `~` over tens of thousands of siblings give the
// right answer (their speed is measured by scripts/bench-hostile).
#include <catch2/catch.hpp>

#include <string>

#include "support/process.hpp"
#include "winnow/dom/selector.hpp"
#include "winnow/dom/tree.hpp"

using winnow::dom::SelectorList;
using winnow::dom::Tree;

namespace {

std::string nested_not(std::size_t depth) {
    std::string s;
    for (std::size_t i = 0; i < depth; ++i) s += ":not(";
    s += "a";
    return s + std::string(depth, ')');
}

// A body of `count` sibling elements: every tenth a <p class="mark">, the others <span>.
Tree siblings(std::size_t count) {
    std::string html = "<!doctype html><html><body><div id=\"list\">";
    for (std::size_t i = 1; i <= count; ++i) html += i % 10 == 0 ? "<p class=\"mark\">x</p>" : "<span>x</span>";
    return Tree::parse(html + "</div></body></html>");
}

}  // namespace

TEST_CASE("hostile: :not() nested 10,000 deep is a selector error, not a crash", "[hostile][selector]") {
    auto deep = SelectorList::parse(nested_not(10000));
    REQUIRE(!deep.has_value());
    CHECK(deep.error().message.find(":not() nested more than 16 deep") != std::string::npos);
    CHECK(deep.error().message.starts_with("column 81: "));

    // Up to the limit it parses and matches as before.
    auto sixteen = SelectorList::parse(nested_not(16));
    REQUIRE(sixteen.has_value());
    const Tree tree = Tree::parse("<html><body><a id=x>1</a><b id=y>2</b></body></html>");
    // 16 negations cancel out: the selector is `a`.
    auto found = sixteen->select(tree, tree.document());
    REQUIRE(found.size() == 1);
    CHECK(tree.attribute(found[0], "id") == "x");
}

TEST_CASE("hostile: a complex selector of too many compounds is an error", "[hostile][selector]") {
    std::string chain = "div";
    for (int i = 0; i < 10000; ++i) chain += " > div";
    auto parsed = SelectorList::parse(chain);
    REQUIRE(!parsed.has_value());
    CHECK(parsed.error().message.find("more than 64 compound selectors in a row") != std::string::npos);
    std::string ok = "div";
    for (int i = 0; i < 63; ++i) ok += " div";
    CHECK(SelectorList::parse(ok).has_value());
}

TEST_CASE("hostile: profiles check reports a deeply nested :not() as a problem of its file", "[hostile][selector][cli]") {
    winnow::test::TemporaryFolder folder;
    const std::string profile = folder.file("deep.toml");
    {
        std::string text = "[match]\nhosts = [\"deep.example\"]\n[rules]\ndrop = [\"" + nested_not(10000) + "\"]\n";
        FILE* out = std::fopen(profile.c_str(), "w");
        REQUIRE(out);
        std::fwrite(text.data(), 1, text.size(), out);
        std::fclose(out);
    }
    auto ran = winnow::test::run_winnow({"profiles", "check", profile});
    CHECK(ran.status == 1);
    CHECK(ran.out.find(profile + ":4:") != std::string::npos);
    CHECK(ran.out.find(":not() nested more than 16 deep") != std::string::npos);
}

TEST_CASE("hostile: :nth-child() and ~ over 50,000 siblings select the right elements", "[hostile][selector]") {
    const std::size_t count = 50000;
    const Tree tree = siblings(count);
    auto select = [&](const std::string& selector) {
        auto list = SelectorList::parse(selector);
        REQUIRE(list.has_value());
        return list->select(tree, tree.document());
    };
    CHECK(select("#list > :nth-child(10n)").size() == count / 10);
    CHECK(select("#list > :nth-last-child(2n+1)").size() == count / 2);
    CHECK(select("#list > p:nth-child(-n+100)").size() == 10);
    // Every <span> after the first .mark; every .mark after another .mark.
    CHECK(select(".mark ~ span").size() == count - count / 10 - 9);
    CHECK(select(".mark ~ .mark").size() == count / 10 - 1);
    // No element fits the left side: nothing, and each sibling is tried once.
    CHECK(select("em ~ span").empty());
    // A left side that fails completely (no ancestor <section>) stops the scan.
    CHECK(select("section p ~ span").empty());
    CHECK(select("div p ~ span").size() == count - count / 10 - 9);
}
