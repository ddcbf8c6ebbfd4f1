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
