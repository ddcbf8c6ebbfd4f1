// Bounded work for any page (issue 18, the parser's part): the nesting and attribute limits of
// the scan before parsing (prescan.hpp) and of the tree (tree.hpp). The hostile pages are made
// here, at test time; scripts/bench-hostile times them.
#include <catch2/catch.hpp>

#include <string>

#include "winnow/dom/prescan.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/pipeline/clean_page.hpp"

using winnow::dom::k_max_attributes;
using winnow::dom::k_max_depth;
using winnow::dom::k_max_nesting;
using winnow::dom::NodeId;
using winnow::dom::PrescanStats;
using winnow::dom::ScanMode;
using winnow::dom::Tree;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

PrescanStats scan(const std::string& html, std::string* out = nullptr, ScanMode mode = ScanMode::remove_unread) {
    std::string copy;
    PrescanStats stats = winnow::dom::strip_unread_content(html, copy, nullptr, mode);
    if (out) *out = copy;
    return stats;
}

std::uint32_t deepest(const Tree& tree) {
    std::uint32_t depth = 0;
    for (NodeId id = 0; id < tree.size(); ++id) depth = std::max(depth, tree.node(id).depth);
    return depth;
}

// The element with this id attribute, or k_no_node.
NodeId element_with_id(const Tree& tree, std::string_view id) {
    for (NodeId n = 0; n < tree.size(); ++n)
        if (tree.node(n).type == winnow::dom::NodeType::element && tree.attribute(n, "id") == id) return n;
    return winnow::dom::k_no_node;
}

}  // namespace

TEST_CASE("limits: a page nested deeper than the limit keeps its text, flattened past it", "[dom][limits]") {
    const std::size_t levels = k_max_nesting + 300;
    const std::string page = "<html><body><div id=outer>" + repeat("<div>", levels) + "deep" + repeat("</div>", levels) +
                             "<p id=after>after</p></div></body></html>";
    std::string copy;
    const PrescanStats stats = scan(page, &copy);
    CHECK(stats.left_out_tags > 0);
    CHECK(stats.deepest > k_max_nesting);
    for (ScanMode mode : {ScanMode::remove_unread, ScanMode::limits_only}) CHECK(scan(page, nullptr, mode).left_out_tags == stats.left_out_tags);
    for (bool prescan : {true, false}) {
        const Tree tree = Tree::parse(page, {.prescan = prescan});
        CHECK(deepest(tree) <= k_max_depth);
        CHECK(tree.text_content(tree.body()) == "deepafter");
        // The end tags of the elements left out are left out too: the paragraph after the deep
        // part is still inside the outer <div>, as the page wrote it.
        const NodeId outer = element_with_id(tree, "outer");
        const NodeId after = element_with_id(tree, "after");
        REQUIRE(outer != winnow::dom::k_no_node);
        REQUIRE(after != winnow::dom::k_no_node);
        CHECK(tree.node(after).parent == outer);
    }
}

TEST_CASE("limits: the tree attaches nodes past its depth limit to the deepest allowed parent", "[dom][limits]") {
    // <span> inside <b> inside ...: the scan's estimate and the tree agree on depth here.
    const std::size_t levels = k_max_depth + 50;
    const std::string page = "<body>" + repeat("<span>s", levels) + "</body>";
    const Tree tree = Tree::parse(page);
    CHECK(deepest(tree) == k_max_depth);
    CHECK(tree.text_content(tree.body()) == repeat("s", levels));
}

TEST_CASE("limits: real pages' shapes nest far below the limit", "[dom][limits]") {
    // Elements whose end tags pages leave out: each is closed by the next, as the parser does.
    const std::string unclosed = "<body>" + repeat("<p>para", 3000) + "<ul>" + repeat("<li>item", 3000) + "</ul><dl>" +
                                 repeat("<dt>t<dd>d", 2000) + "</dl><table>" + repeat("<tr><td>a<td>b", 2000) +
                                 "</table><select>" + repeat("<option>o", 2000) + "</select>" +
                                 repeat("<h2>h<p>x", 1000) + repeat("<a href=x>link", 1000) + repeat("<br><img src=x>", 2000);
    const PrescanStats stats = scan(unclosed);
    CHECK(stats.left_out_tags == 0);
    CHECK(stats.deepest < 10);
    // Formatting elements left open nest in the parser too, and are counted as nesting.
    CHECK(scan("<body>" + repeat("<b>x", 600)).left_out_tags > 0);
}

TEST_CASE("limits: attributes past the limit are left out of the tag", "[dom][limits]") {
    std::string attributes;
    for (std::size_t i = 0; i < k_max_attributes + 100; ++i) attributes += " a" + std::to_string(i) + "=\"" + std::to_string(i) + "\"";
    for (std::string_view tail : {">text</p>", "/>text</p>"}) {
        const std::string page = "<p id=x" + attributes + std::string(tail);
        std::string copy;
        CHECK(scan(page, &copy).trimmed_tags == 1);
        // id and a0 to a510 are kept
        CHECK(copy.find(" a" + std::to_string(k_max_attributes - 2) + "=") != std::string::npos);
        CHECK(copy.find(" a" + std::to_string(k_max_attributes - 1) + "=") == std::string::npos);
        CHECK(copy.ends_with(tail));
        const Tree tree = Tree::parse(page);
        const NodeId p = element_with_id(tree, "x");
        REQUIRE(p != winnow::dom::k_no_node);
        CHECK(tree.attributes(p).size() == k_max_attributes);
        CHECK(tree.text_content(p) == "text");
    }
}

TEST_CASE("limits: hostile pages end with a result or one error, never a crash", "[dom][limits][hostile]") {
    winnow::pipeline::PageContext context;
    // 300,000 nested <span> (1.8 MB): Gumbo's recursive free exhausted the stack.
    const std::string spans = "<html><body>" + repeat("<span>", 300000) + "x</body></html>";
    // 100,000 nested <div> (1.1 MB): Gumbo scanned its stack at each tag (47 s).
    const std::string divs = "<html><body>" + repeat("<div>", 100000) + "x" + repeat("</div>", 100000) + "</body></html>";
    // 100,000 distinct attributes on one element: Gumbo's duplicate check (112 s).
    std::string attributes = "<html><body><p";
    for (int i = 0; i < 100000; ++i) attributes += " a" + std::to_string(i) + "=1";
    attributes += ">x</p></body></html>";
    // The same shapes in foreign content and after what stops the removal.
    const std::string svg_divs = "<svg>" + repeat("<g>", 100000) + "</svg>" + repeat("<div>", 50000) + "y";
    const std::string math_divs = "<math></math>" + repeat("<div>", 100000) + "z";
    const std::string frameset_divs = repeat("<div>", 100000) + "<frameset>";
    for (const std::string* page : std::initializer_list<const std::string*>{&spans, &divs, &attributes, &svg_divs, &math_divs, &frameset_divs}) {
        for (bool prescan : {true, false}) {
            const auto article = winnow::pipeline::clean_page(*page, context, {.prescan = prescan});
            if (article) CHECK_FALSE(article->blocks.empty());
            else CHECK_FALSE(article.error().message.empty());
        }
    }
    const Tree tree = Tree::parse(divs);
    CHECK(deepest(tree) <= k_max_depth);
    CHECK(tree.text_content(tree.body()) == "x");
}
