// React's streamed Suspense content (tree.cpp, StreamedSegments; ParseOptions::streamed_segments,
// off by default): a hidden <div id="S:n"> sent at the end of the body is read where its
// <template id="B:n"> or <template id="P:n"> stands, as the page's $RC and $RS scripts would put
// it, once at most, with the tree in document order.
#include <catch2/catch.hpp>

#include <string>

#include "winnow/dom/prescan.hpp"
#include "winnow/dom/tree.hpp"

using winnow::dom::k_no_node;
using winnow::dom::NodeId;
using winnow::dom::NodeType;
using winnow::dom::Tree;

namespace {

const winnow::dom::ParseOptions k_streamed{.streamed_segments = true};

// The texts of the tree, in node order, each followed by '|'.
std::string texts(const Tree& tree) {
    std::string out;
    for (NodeId id = 0; id < tree.size(); ++id)
        if (tree.node(id).type == NodeType::text) out += tree.node(id).text + "|";
    return out;
}

NodeId element_with_id(const Tree& tree, std::string_view id) {
    for (NodeId n = 0; n < tree.size(); ++n)
        if (tree.node(n).type == NodeType::element && tree.attribute(n, "id") == id) return n;
    return k_no_node;
}

// What every tree must be: nodes in document order, each subtree one range, with and without
// the scan before parsing.
void check_shape(const std::string& page) {
    const Tree tree = Tree::parse(page, k_streamed);
    for (NodeId id = 1; id < tree.size(); ++id) {
        const auto& node = tree.node(id);
        REQUIRE(node.parent < id);
        REQUIRE(tree.contains(node.parent, id));
        if (node.prev_sibling != k_no_node) REQUIRE(tree.node(node.prev_sibling).subtree_end == id);
        REQUIRE(node.subtree_end > id);
        REQUIRE(node.subtree_end <= tree.node(node.parent).subtree_end);
    }
    CHECK(dump_tree(tree) == dump_tree(Tree::parse(page, {.prescan = false, .streamed_segments = true})));
}

}  // namespace

TEST_CASE("streamed segments: a boundary's content replaces its template and fallback", "[dom][tree][streamed]") {
    const std::string page =
        "<html><body><main><h1>Title</h1><!--$?--><template id=\"B:1f\"></template><div class=spinner>Loading</div>"
        "<!--$--><p>inner fallback</p><!--/$--><!--/$--><p>after</p></main><footer>foot</footer>"
        "<div hidden id=\"S:1f\"><p>streamed one</p><p>streamed two</p></div>"
        "<script>$RC(\"B:1f\",\"S:1f\")</script></body></html>";
    const Tree tree = Tree::parse(page, k_streamed);
    CHECK(texts(tree) == "Title|streamed one|streamed two|after|foot|$RC(\"B:1f\",\"S:1f\")|");
    CHECK(element_with_id(tree, "S:1f") == k_no_node);
    CHECK(element_with_id(tree, "B:1f") == k_no_node);
    // The content sits in <main>, where the template was.
    const NodeId main = tree.node(tree.body()).first_child;
    REQUIRE(tree.is_element(main, GUMBO_TAG_MAIN));
    CHECK(tree.text_content(main) == "Titlestreamed onestreamed twoafter");
    check_shape(page);
}

TEST_CASE("streamed segments: off by default, a segment stays a hidden div where it is", "[dom][tree][streamed]") {
    const std::string page = "<body><div id=a><template id=\"P:0\"></template></div><div hidden id=\"S:0\"><p>late</p></div></body>";
    const Tree tree = Tree::parse(page);
    CHECK(tree.text_content(element_with_id(tree, "a")).empty());
    REQUIRE(element_with_id(tree, "S:0") != k_no_node);
    CHECK(tree.text_content(element_with_id(tree, "S:0")) == "late");
}

TEST_CASE("streamed segments: a placeholder is replaced by its segment", "[dom][tree][streamed]") {
    const std::string page =
        "<body><article><p>start</p><template id=\"P:12\"></template><p>end</p></article>"
        "<div hidden id=\"S:12\"><p>middle</p></div><script>$RS(\"S:12\",\"P:12\")</script></body>";
    const Tree tree = Tree::parse(page, k_streamed);
    const NodeId article = tree.node(tree.body()).first_child;
    CHECK(tree.text_content(article) == "startmiddleend");
    CHECK(element_with_id(tree, "S:12") == k_no_node);
    check_shape(page);
}

TEST_CASE("streamed segments: segments nest: a placed segment's own templates are filled", "[dom][tree][streamed]") {
    const std::string page =
        "<body><div id=a><!--$?--><template id=\"B:0\"></template><!--/$--></div>"
        "<div hidden id=\"S:0\"><p>outer</p><template id=\"P:1\"></template></div>"
        "<div hidden id=\"S:1\"><p>inner</p></div></body>";
    const Tree tree = Tree::parse(page, k_streamed);
    CHECK(tree.text_content(element_with_id(tree, "a")) == "outerinner");
    CHECK(texts(tree) == "outer|inner|");
    check_shape(page);
}

TEST_CASE("streamed segments: a template without its segment stays, with its fallback", "[dom][tree][streamed]") {
    const std::string page =
        "<body><div id=a><!--$?--><template id=\"B:2\"></template><p>fallback</p><!--/$--></div>"
        "<div hidden id=\"S:3\"><p>other</p></div></body>";
    const Tree tree = Tree::parse(page, k_streamed);
    CHECK(tree.text_content(element_with_id(tree, "a")) == "fallback");
    REQUIRE(element_with_id(tree, "B:2") != k_no_node);
    // A segment no template names stays where it is, a hidden div.
    const NodeId other = element_with_id(tree, "S:3");
    REQUIRE(other != k_no_node);
    CHECK(tree.has_attribute(other, "hidden"));
    check_shape(page);
}

TEST_CASE("streamed segments: only React's ids and hidden divs", "[dom][tree][streamed]") {
    // Upper-case hex, another letter, a div that is not hidden, a segment that is not a div.
    const std::string page =
        "<body><template id=\"B:1F\"></template><template id=\"Q:1\"></template><template id=\"P:2\"></template>"
        "<template id=\"P:3\"></template>"
        "<div hidden id=\"S:1F\">a</div><div hidden id=\"S:1\">b</div><div id=\"S:2\">c</div><p hidden id=\"S:3\">d</p></body>";
    const Tree tree = Tree::parse(page, k_streamed);
    CHECK(texts(tree) == "a|b|c|d|");
    for (const char* id : {"B:1F", "Q:1", "P:2", "P:3", "S:1F", "S:1", "S:2", "S:3"}) CHECK(element_with_id(tree, id) != k_no_node);
    check_shape(page);
}

TEST_CASE("streamed segments: a doubled id is used once", "[dom][tree][streamed]") {
    // Two templates name S:0, and two divs have that id: the first template takes the first div
    // (as getElementById finds it); the second template stays empty; the second div stays hidden.
    const std::string page =
        "<body><div id=a><template id=\"P:0\"></template></div><div id=b><template id=\"B:0\"></template></div>"
        "<div hidden id=\"S:0\"><p>first</p></div><div hidden id=\"S:0\"><p>second</p></div></body>";
    const Tree tree = Tree::parse(page, k_streamed);
    CHECK(tree.text_content(element_with_id(tree, "a")) == "first");
    CHECK(tree.text_content(element_with_id(tree, "b")).empty());
    CHECK(texts(tree) == "first|second|");
    check_shape(page);
}

TEST_CASE("streamed segments: a segment that names itself does not loop", "[dom][tree][streamed]") {
    // The only template for S:0 is inside S:0: the segment stays where it is, once.
    const std::string self = "<body><p>before</p><div hidden id=\"S:0\"><p>own</p><template id=\"P:0\"></template></div></body>";
    Tree tree = Tree::parse(self, k_streamed);
    CHECK(texts(tree) == "before|own|");
    check_shape(self);
    // Placed at its template first, the copy meets the template inside it again: it stays empty.
    const std::string placed =
        "<body><div id=a><template id=\"P:0\"></template></div>"
        "<div hidden id=\"S:0\"><p>own</p><template id=\"B:0\"></template><p>tail</p></div></body>";
    tree = Tree::parse(placed, k_streamed);
    CHECK(tree.text_content(element_with_id(tree, "a")) == "owntail");
    CHECK(texts(tree) == "own|tail|");
    check_shape(placed);
}

TEST_CASE("streamed segments: a boundary whose end mark is missing keeps what follows", "[dom][tree][streamed]") {
    const std::string page =
        "<body><div id=a><!--$?--><template id=\"B:0\"></template><p>kept</p></div>"
        "<div hidden id=\"S:0\"><p>content</p></div></body>";
    const Tree tree = Tree::parse(page, k_streamed);
    CHECK(tree.text_content(element_with_id(tree, "a")) == "contentkept");
    check_shape(page);
}

TEST_CASE("streamed segments: the scan before parsing keeps React's boundary marks", "[dom][prescan][streamed]") {
    std::string copy;
    winnow::dom::strip_unread_content("<p><!--$?--><!--$--><!--/$--><!-- longer note --></p>", copy);
    CHECK(copy == "<p><!--$?--><!--$--><!--/$--><!----></p>");
}
