#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/block_builder.hpp"

using winnow::dom::Tree;
using winnow::extract::build_blocks;

TEST_CASE("block builder: ruby annotations are not read into the base text", "[extract][blocks]") {
    Tree tree = Tree::parse("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby><ruby>字<rt>じ</rt></ruby>を学ぶ</p>");
    auto blocks = build_blocks(tree, tree.body());
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].text == "漢字を学ぶ");
}

namespace {

using winnow::extract::Block;
using winnow::extract::ListMarker;
using winnow::extract::Span;
using winnow::extract::SpanKind;

std::vector<Block> blocks_of(const std::string& html) {
    Tree tree = Tree::parse(html);
    return build_blocks(tree, tree.body());
}

// The text a span covers.
std::string covered(const Block& block, const Span& span) { return block.text.substr(span.begin, span.end - span.begin); }

}  // namespace

TEST_CASE("block builder: inline markup spans the plain text, which stays as before", "[extract][blocks]") {
    auto blocks = blocks_of("<p>  Plain <strong> bold </strong>and <em>it</em>   <a href='/x'>link <code>c()</code></a>.</p>");
    REQUIRE(blocks.size() == 1);
    const Block& b = blocks[0];
    CHECK(b.text == "Plain bold and it link c().");
    REQUIRE(b.markup.spans.size() == 4);
    CHECK(b.markup.spans[0].kind == SpanKind::strong);
    CHECK(covered(b, b.markup.spans[0]) == "bold");
    CHECK(b.markup.spans[1].kind == SpanKind::emphasis);
    CHECK(covered(b, b.markup.spans[1]) == "it");
    CHECK(b.markup.spans[2].kind == SpanKind::link);
    CHECK(b.markup.spans[2].target == "/x");
    CHECK(covered(b, b.markup.spans[2]) == "link c()");
    CHECK(b.markup.spans[3].kind == SpanKind::code);  // inside the link: after it
    CHECK(covered(b, b.markup.spans[3]) == "c()");
}

TEST_CASE("block builder: a span cut by a block boundary goes on in the next block", "[extract][blocks]") {
    auto blocks = blocks_of("<p><a href='https://e.org/a'><b>Head</b><br>tail</a> x</p><p><a>no href</a> <a href='javascript:void(0)'>js</a></p>");
    REQUIRE(blocks.size() == 3);
    REQUIRE(blocks[0].markup.spans.size() == 2);
    CHECK(covered(blocks[0], blocks[0].markup.spans[0]) == "Head");
    CHECK(blocks[0].markup.spans[0].kind == SpanKind::link);
    CHECK(blocks[0].markup.spans[1].kind == SpanKind::strong);
    REQUIRE(blocks[1].markup.spans.size() == 1);
    CHECK(covered(blocks[1], blocks[1].markup.spans[0]) == "tail");
    CHECK(blocks[2].markup.spans.empty());
}

TEST_CASE("block builder: list numbers as the page shows them", "[extract][blocks]") {
    auto blocks = blocks_of("<ol start='3'><li>c</li><li value='7'>g</li><li>h<ol reversed><li>two</li><li>one</li></ol></li></ol>"
                            "<ul><li>dot</li></ul><dl><dt>Term</dt><dd>Meaning</dd></dl>");
    REQUIRE(blocks.size() == 8);
    CHECK(blocks[0].markup.marker == ListMarker::number);
    CHECK(blocks[0].markup.number == 3);
    CHECK(blocks[1].markup.number == 7);
    CHECK(blocks[2].markup.number == 8);
    CHECK(blocks[3].depth == 1);
    CHECK(blocks[3].markup.number == 2);
    CHECK(blocks[4].markup.number == 1);
    CHECK(blocks[5].markup.marker == ListMarker::bullet);
    CHECK(blocks[6].markup.marker == ListMarker::term);
    CHECK(blocks[7].markup.marker == ListMarker::definition);
    CHECK(blocks[7].text == "Meaning");
}

TEST_CASE("block builder: heading levels, code language, table header rows and cells", "[extract][blocks]") {
    auto blocks = blocks_of("<h3>Three</h3><pre class='x'><code class='hljs language-cpp'>int a;</code></pre>"
                            "<table><thead><tr><td>A</td><td>B</td></tr></thead><tr><td></td><td><b>x</b> | y</td></tr>"
                            "<tr><th>H</th><th>I</th></tr></table>");
    REQUIRE(blocks.size() == 5);
    CHECK(blocks[0].markup.level == 3);
    CHECK(blocks[1].markup.language == "cpp");
    CHECK(blocks[2].markup.header);
    CHECK_FALSE(blocks[3].markup.header);
    CHECK(blocks[4].markup.header);
    const Block& row = blocks[3];
    CHECK(row.text == "x | y");  // an empty first cell adds no separator, as before
    REQUIRE(row.markup.spans.size() == 3);
    CHECK(row.markup.spans[0].kind == SpanKind::cell);
    CHECK(row.markup.spans[0].begin == row.markup.spans[0].end);
    CHECK(row.markup.spans[1].kind == SpanKind::cell);
    CHECK(covered(row, row.markup.spans[1]) == "x | y");
    CHECK(row.markup.spans[2].kind == SpanKind::strong);
    CHECK(covered(row, row.markup.spans[2]) == "x");
}

TEST_CASE("block builder: images inline, alone (carried by the next block) and at the end", "[extract][blocks]") {
    auto blocks = blocks_of("<figure><img src='a.png' alt=' A  cat '><figcaption>Caption</figcaption></figure>"
                            "<p>Text <img data-src='b.png' src='data:image/gif;base64,R0l'> more</p><p>Last</p><p><img src='c.png'></p>");
    REQUIRE(blocks.size() == 3);
    REQUIRE(blocks[0].markup.spans.size() == 1);
    CHECK(blocks[0].markup.spans[0].alone);
    CHECK(blocks[0].markup.spans[0].alt == "A cat");
    CHECK(blocks[0].markup.spans[0].begin == 0);
    REQUIRE(blocks[1].markup.spans.size() == 1);
    CHECK_FALSE(blocks[1].markup.spans[0].alone);
    CHECK(blocks[1].markup.spans[0].target == "b.png");
    CHECK(blocks[1].markup.spans[0].begin == 5);
    REQUIRE(blocks[2].markup.spans.size() == 1);
    CHECK(blocks[2].markup.spans[0].alone);
    CHECK(blocks[2].markup.spans[0].begin == 4);
}
