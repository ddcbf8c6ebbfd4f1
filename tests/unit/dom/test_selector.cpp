// The selector engine against what a browser selects (document.querySelectorAll) on small
// documents; each expected list was worked out from the Selectors Level 4 specification.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "winnow/dom/selector.hpp"
#include "winnow/dom/tree.hpp"

using winnow::dom::NodeId;
using winnow::dom::SelectorList;
using winnow::dom::Tree;

namespace {

constexpr const char* k_page = R"(<!doctype html><html><head><title>t</title></head><body>
<div id="a" class="post main" lang="en-US" data-x="Hello World">
  <p id="p1" class="lead">one</p>
  <p id="p2">two <span id="s1" class="note">x</span></p>
  <ul id="list"><li id="l1">1</li><li id="l2">2</li><li id="l3">3</li><li id="l4">4</li><li id="l5">5</li></ul>
  <p id="p3" title="share-bar">three</p>
</div>
<section id="b" class="Post"><p id="p4">four</p></section>
<my-widget id="w" data-role="Ad Box"></my-widget>
</body></html>)";

// The id (or the tag name when there is none) of each selected element, in document order.
std::vector<std::string> select_ids(const Tree& tree, const std::string& selector, NodeId root = 0) {
    auto list = SelectorList::parse(selector);
    REQUIRE(list.has_value());
    std::vector<std::string> out;
    for (NodeId id : list->select(tree, root)) {
        std::string_view value = tree.attribute(id, "id");
        out.emplace_back(value.empty() ? std::string(tree.node(id).tag_name) : std::string(value));
    }
    return out;
}

std::vector<std::string> ids(const std::string& selector) {
    static const Tree tree = Tree::parse(k_page);
    return select_ids(tree, selector);
}

NodeId find_id(const Tree& tree, std::string_view id) {
    for (NodeId n = 0; n < tree.size(); ++n)
        if (tree.attribute(n, "id") == id) return n;
    return winnow::dom::k_no_node;
}

using V = std::vector<std::string>;

std::string parse_error(const std::string& selector) {
    auto list = SelectorList::parse(selector);
    REQUIRE_FALSE(list.has_value());
    return list.error().message;
}

}  // namespace

TEST_CASE("selector: type selectors, case-insensitive, custom elements", "[selector]") {
    CHECK(ids("p") == V{"p1", "p2", "p3", "p4"});
    CHECK(ids("P") == V{"p1", "p2", "p3", "p4"});
    CHECK(ids("my-widget") == V{"w"});
    CHECK(ids("article").empty());
}

TEST_CASE("selector: universal selector, select() includes the root", "[selector]") {
    const Tree tree = Tree::parse(k_page);
    NodeId a = find_id(tree, "a");
    CHECK(select_ids(tree, "*", a) == V{"a", "p1", "p2", "s1", "list", "l1", "l2", "l3", "l4", "l5", "p3"});
    CHECK(ids("#a *") == V{"p1", "p2", "s1", "list", "l1", "l2", "l3", "l4", "l5", "p3"});
    CHECK(ids("body > *") == V{"a", "b", "w"});
}

TEST_CASE("selector: #id is case-sensitive", "[selector]") {
    CHECK(ids("#p2") == V{"p2"});
    CHECK(ids("#P2").empty());
    CHECK(ids("p#p2") == V{"p2"});
    CHECK(ids("div#p2").empty());
}

TEST_CASE("selector: .class matches one word of the class list, case-sensitive", "[selector]") {
    CHECK(ids(".post") == V{"a"});
    CHECK(ids(".Post") == V{"b"});
    CHECK(ids(".post.main") == V{"a"});
    CHECK(ids(".main.post") == V{"a"});
    CHECK(ids("div.post") == V{"a"});
    CHECK(ids("section.post").empty());
    CHECK(ids(".pos").empty());
}

TEST_CASE("selector: attribute presence and =", "[selector]") {
    CHECK(ids("[title]") == V{"p3"});
    CHECK(ids("[TITLE]") == V{"p3"});
    CHECK(ids("[lang=en-US]") == V{"a"});
    CHECK(ids("[lang='en-US']") == V{"a"});
    CHECK(ids("[lang=\"en-us\"]").empty());
    CHECK(ids("[lang=\"en-us\" i]") == V{"a"});
    CHECK(ids("[lang=\"en-US\" s]") == V{"a"});
}

TEST_CASE("selector: attribute ~= and |=", "[selector]") {
    CHECK(ids("[class~=main]") == V{"a"});
    CHECK(ids("[class~=ma]").empty());
    CHECK(ids("[class~=\"\"]").empty());
    CHECK(ids("[data-role~=ad]").empty());
    CHECK(ids("[data-role~=ad i]") == V{"w"});
    CHECK(ids("[lang|=en]") == V{"a"});
    CHECK(ids("[lang|=en-US]") == V{"a"});
    CHECK(ids("[lang|=e]").empty());
    CHECK(ids("[lang|=EN i]") == V{"a"});
}

TEST_CASE("selector: attribute ^=, $=, *= (empty values match nothing)", "[selector]") {
    CHECK(ids("[title^=share]") == V{"p3"});
    CHECK(ids("[title^=Share]").empty());
    CHECK(ids("[title^=Share i]") == V{"p3"});
    CHECK(ids("[title$=bar]") == V{"p3"});
    CHECK(ids("[title$=BAR i]") == V{"p3"});
    CHECK(ids("[title*=e-b]") == V{"p3"});
    CHECK(ids("[data-x*=world]").empty());
    CHECK(ids("[data-x*=\"o W\"]") == V{"a"});
    CHECK(ids("[data-x*=world i]") == V{"a"});
    CHECK(ids("[title^=\"\"]").empty());
    CHECK(ids("[title$=\"\"]").empty());
    CHECK(ids("[title*=\"\"]").empty());
}

TEST_CASE("selector: descendant combinator", "[selector]") {
    CHECK(ids("div p") == V{"p1", "p2", "p3"});
    CHECK(ids("body p") == V{"p1", "p2", "p3", "p4"});
    CHECK(ids("div span") == V{"s1"});
    CHECK(ids("section p") == V{"p4"});
    CHECK(ids("html body div ul li:nth-child(1)") == V{"l1"});
    CHECK(ids("section span").empty());
}

TEST_CASE("selector: child combinator", "[selector]") {
    CHECK(ids("div > p") == V{"p1", "p2", "p3"});
    CHECK(ids("div>p") == V{"p1", "p2", "p3"});
    CHECK(ids("div > span").empty());
    CHECK(ids("p > span") == V{"s1"});
    CHECK(ids("body > div > ul > li:last-child") == V{"l5"});
}

TEST_CASE("selector: adjacent sibling combinator skips text nodes", "[selector]") {
    CHECK(ids("p + p") == V{"p2"});
    CHECK(ids("ul + p") == V{"p3"});
    CHECK(ids("li + li") == V{"l2", "l3", "l4", "l5"});
    CHECK(ids("div + section") == V{"b"});
    CHECK(ids("#l2+li") == V{"l3"});
}

TEST_CASE("selector: general sibling combinator", "[selector]") {
    CHECK(ids("p ~ p") == V{"p2", "p3"});
    CHECK(ids("#p1 ~ *") == V{"p2", "list", "p3"});
    CHECK(ids("#l3 ~ li") == V{"l4", "l5"});
    CHECK(ids("#p3 ~ *").empty());
}

TEST_CASE("selector: :not() with compound and complex arguments", "[selector]") {
    CHECK(ids("p:not(.lead)") == V{"p2", "p3", "p4"});
    CHECK(ids("li:not(:first-child):not(:last-child)") == V{"l2", "l3", "l4"});
    CHECK(ids("div > :not(p)") == V{"list"});
    CHECK(ids("p:not(div > p)") == V{"p4"});
    CHECK(ids("p:not(#p1, #p3)") == V{"p2", "p4"});
}

TEST_CASE("selector: :first-child and :last-child count elements only", "[selector]") {
    CHECK(ids("li:first-child") == V{"l1"});
    CHECK(ids("p:first-child") == V{"p1", "p4"});
    CHECK(ids("span:first-child") == V{"s1"});  // the text before it is not an element
    CHECK(ids("p:last-child") == V{"p3", "p4"});
    CHECK(ids("li:last-child") == V{"l5"});
    CHECK(ids("span:only-child") == V{"s1"});
}

TEST_CASE("selector: :nth-child(an+b)", "[selector]") {
    CHECK(ids("li:nth-child(2)") == V{"l2"});
    CHECK(ids("li:nth-child(odd)") == V{"l1", "l3", "l5"});
    CHECK(ids("li:nth-child(even)") == V{"l2", "l4"});
    CHECK(ids("li:nth-child(2n+1)") == V{"l1", "l3", "l5"});
    CHECK(ids("li:nth-child( 2n + 1 )") == V{"l1", "l3", "l5"});
    CHECK(ids("li:nth-child(-n+3)") == V{"l1", "l2", "l3"});
    CHECK(ids("li:nth-child(n+4)") == V{"l4", "l5"});
    CHECK(ids("li:nth-child(3n)") == V{"l3"});
    CHECK(ids("li:nth-child(-2n+5)") == V{"l1", "l3", "l5"});
    CHECK(ids("li:nth-child(0)").empty());
    CHECK(ids("li:nth-child(n)") == V{"l1", "l2", "l3", "l4", "l5"});
    CHECK(ids("div > :nth-child(3)") == V{"list"});
    CHECK(ids("li:nth-last-child(1)") == V{"l5"});
    CHECK(ids("li:nth-last-child(-n+2)") == V{"l4", "l5"});
}

TEST_CASE("selector: lists give each element once, in document order", "[selector]") {
    CHECK(ids("#p4, #p1, span") == V{"p1", "s1", "p4"});
    CHECK(ids(".lead, p:first-child") == V{"p1", "p4"});
    CHECK(ids("div.post > ul#list li:nth-child(2) + li") == V{"l3"});
}

TEST_CASE("selector: escapes in identifiers and strings", "[selector]") {
    const Tree tree = Tree::parse(R"(<body><p id="a:b" class="x.y">1</p><p id="1st" data-q='say "hi"'>2</p></body>)");
    CHECK(select_ids(tree, "#a\\:b") == V{"a:b"});
    CHECK(select_ids(tree, ".x\\.y") == V{"a:b"});
    CHECK(select_ids(tree, "#\\31 st") == V{"1st"});
    CHECK(select_ids(tree, "[data-q='say \"hi\"']") == V{"1st"});
}

TEST_CASE("selector: matches() and select() skipping removed subtrees", "[selector]") {
    Tree tree = Tree::parse(k_page);
    auto p = SelectorList::parse("div > p");
    REQUIRE(p);
    CHECK(p->matches(tree, find_id(tree, "p1")));
    CHECK_FALSE(p->matches(tree, find_id(tree, "p4")));
    CHECK_FALSE(p->matches(tree, find_id(tree, "s1")));
    tree.remove(find_id(tree, "p2"));
    CHECK(select_ids(tree, "p") == V{"p1", "p3", "p4"});
    CHECK(select_ids(tree, "span").empty());
    // Structure is unchanged by removal: p3 still follows ul, p2 still follows p1.
    CHECK(select_ids(tree, "p + p").empty());
    CHECK(select_ids(tree, "p ~ p") == V{"p3"});
}

TEST_CASE("selector: deep trees match without blowing up", "[selector]") {
    // As deep as the tree goes (dom::k_max_depth, 512: deeper elements are flattened).
    std::string html = "<body>";
    for (int i = 0; i < 500; ++i) html += "<div>";
    html += "<p id=deep>x</p>";
    const Tree tree = Tree::parse(html);
    CHECK(select_ids(tree, "div div div p") == V{"deep"});
    CHECK(select_ids(tree, ".missing div p").empty());
    CHECK(select_ids(tree, "section div").empty());
}

TEST_CASE("selector: parse errors name the 1-based column", "[selector]") {
    CHECK(parse_error("").find("column 1:") == 0);
    CHECK(parse_error("div >").find("column 6:") == 0);
    CHECK(parse_error("p[").find("column 3:") == 0);
    CHECK(parse_error("a:hover").find("column 2:") == 0);
    CHECK(parse_error("a:hover") == "column 2: unsupported pseudo-class :hover");
    CHECK(parse_error("p..x").find("column 3:") == 0);
    CHECK(parse_error(".a,, .b").find("column 4:") == 0);
    CHECK(parse_error("li:nth-child(2x)").find("column 14:") == 0);
    CHECK(parse_error("[a=b").find("column 1:") == 0);
    CHECK(parse_error("div)").find("column 4:") == 0);
    CHECK(parse_error("p:not(").find("column 7:") == 0);
    CHECK(parse_error("p::before").find("column 2:") == 0);
    CHECK(parse_error("[a=\"b]").find("column 4:") == 0);
    CHECK(parse_error("svg|a").find("column 4:") == 0);
    CHECK(parse_error("a > > b").find("column 5:") == 0);
}
