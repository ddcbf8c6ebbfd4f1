#include <catch2/catch.hpp>

#include "winnow/write/text_writer.hpp"

using winnow::extract::Article;
using winnow::extract::Block;
using winnow::extract::BlockKind;

TEST_CASE("text format: title, blank line, blocks separated by one blank line", "[write]") {
    Article a;
    a.title = "  A   title ";
    a.blocks = {{BlockKind::paragraph, 0, 0, "First\u00a0para  graph. "}, {BlockKind::heading, 0, 0, "Heading"},
                {BlockKind::paragraph, 0, 0, "Second."}};
    CHECK(winnow::write::render_text(a) == "A title\n\nFirst para graph.\n\nHeading\n\nSecond.\n");
}

TEST_CASE("list items on consecutive lines, nested ones indented two more spaces", "[write]") {
    Article a;
    a.title = "T";
    a.blocks = {{BlockKind::paragraph, 0, 0, "Intro"},
                {BlockKind::list_item, 0, 1, "one"},
                {BlockKind::list_item, 1, 2, "one-a"},
                {BlockKind::list_item, 0, 1, "two"},
                {BlockKind::paragraph, 0, 0, "After"}};
    CHECK(winnow::write::render_text(a) == "T\n\nIntro\n\n  \u2022 one\n\n    \u2022 one-a\n\n  \u2022 two\n\nAfter\n");
}

TEST_CASE("table rows of one table share lines, pre keeps its line breaks", "[write]") {
    Article a;
    a.title = "T";
    a.blocks = {{BlockKind::table_row, 0, 3, "a | b"}, {BlockKind::table_row, 0, 3, "1 | 2"},
                {BlockKind::preformatted, 0, 0, "\nint main() {  \n    return 0;\n}\n"}};
    CHECK(winnow::write::render_text(a) == "T\n\na | b\n1 | 2\n\nint main() {\n    return 0;\n}\n");
}

TEST_CASE("zero-width characters dropped and text in NFC", "[write]") {
    Article a;
    a.title = "Cafe\u0301";
    a.blocks = {{BlockKind::paragraph, 0, 0, "zero\u200bwidth soft\u00adhyphen"}};
    CHECK(winnow::write::render_text(a) == "Caf\u00e9\n\nzerowidth softhyphen\n");
}

TEST_CASE("no title: the title line stays empty, so the first paragraph never reads as a title", "[write]") {
    Article a;
    a.blocks = {{BlockKind::paragraph, 0, 0, "Only body"}};
    CHECK(winnow::write::render_text(a) == "\n\nOnly body\n");
    CHECK(winnow::write::render_text(Article{}).empty());
    Article title_only;
    title_only.title = "Just a title";
    CHECK(winnow::write::render_text(title_only) == "Just a title\n");
}

TEST_CASE("numbered items keep the page's numbers, definition lists indent their definitions", "[write]") {
    using winnow::extract::BlockMarkup;
    using winnow::extract::ListMarker;
    auto item = [](std::uint32_t depth, ListMarker marker, std::int64_t number, const char* text) {
        BlockMarkup markup;
        markup.marker = marker;
        markup.number = number;
        return Block(BlockKind::list_item, depth, 1, text, markup);
    };
    Article a;
    a.title = "T";
    a.blocks = {item(0, ListMarker::number, 3, "three"), item(1, ListMarker::bullet, 0, "dot"),
                item(0, ListMarker::number, 10, "ten"), item(0, ListMarker::term, 0, "Term"),
                item(0, ListMarker::definition, 0, "Its meaning")};
    CHECK(winnow::write::render_text(a) == "T\n\n  3. three\n    \u2022 dot\n  10. ten\n  Term\n    Its meaning\n");
}

TEST_CASE("pre: no-break spaces become spaces one for one, invisible characters and CRs go", "[write]") {
    Article a;
    a.title = "T";
    a.blocks = {{BlockKind::preformatted, 0, 0,
                 "if x:\r\n\u00a0\u00a0\u00a0\u00a0y\u00a0=\u200b 1 \u00a0\r\n\tz = 2\u2003\n"}};
    CHECK(winnow::write::render_text(a) == "T\n\nif x:\n    y = 1\n\tz = 2\n");
}
