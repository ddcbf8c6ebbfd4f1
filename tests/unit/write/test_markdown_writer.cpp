#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/write/front_matter.hpp"
#include "winnow/write/markdown_writer.hpp"

using winnow::extract::Article;
using winnow::extract::Block;
using winnow::extract::BlockKind;
using winnow::write::MarkdownOptions;
using winnow::write::render_markdown;

namespace {

// The Markdown of a body given as HTML, through the block builder as in the pipeline.
std::string markdown_of(const std::string& body_html, MarkdownOptions options = {}, const std::string& title = "T") {
    winnow::dom::Tree tree = winnow::dom::Tree::parse("<body>" + body_html + "</body>");
    Article article;
    article.title = title;
    article.blocks = winnow::extract::build_blocks(tree, tree.body());
    return render_markdown(article, options);
}

}  // namespace

TEST_CASE("markdown: title, headings under it, paragraphs, quotes", "[write][markdown]") {
    CHECK(markdown_of("<h1>Top</h1><h3>Sub</h3><p>Para</p><blockquote><p>Quoted</p></blockquote>") ==
          "# T\n\n## Top\n\n### Sub\n\nPara\n\n> Quoted\n");
    CHECK(markdown_of("<p>Body only</p>", {}, "") == "Body only\n");
}

TEST_CASE("markdown: lists keep numbers and nest under their item's content", "[write][markdown]") {
    CHECK(markdown_of("<ol start='9'><li>nine<ul><li>dot</li></ul></li><li value='100'>hundred<ol><li>one</li></ol></li></ol>") ==
          "# T\n\n9. nine\n   - dot\n100. hundred\n     1. one\n");
    // A list right after another list must not merge into it.
    CHECK(markdown_of("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>") ==
          "# T\n\n- a\n\n* b\n\n1. c\n\n1) d\n");
    CHECK(markdown_of("<dl><dt>Term</dt><dd>Meaning</dd><dd>Another</dd></dl>") ==
          "# T\n\n- **Term**\n\n  Meaning\n\n  Another\n");
}

TEST_CASE("markdown: text that would read as markup is escaped", "[write][markdown]") {
    CHECK(markdown_of("<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>> nor a quote</p>") ==
          "# T\n\n\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\n\\> nor a quote\n");
    CHECK(markdown_of("<p>*a* _b_ [c](d) `e` \\f &amp;amp; &lt;tag&gt; 1 &lt; 2</p>") ==
          "# T\n\n\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\\\f \\&amp; \\<tag> 1 < 2\n");
    CHECK(markdown_of("<h2>C# and F#</h2>") == "# T\n\n## C# and F\\#\n");
}

TEST_CASE("markdown: strong, emphasis and code, emphasis CommonMark could not read is left out", "[write][markdown]") {
    CHECK(markdown_of("<p>a <b>bold</b> <i>it</i> <code>x`y</code></p>") == "# T\n\na **bold** _it_ ``x`y``\n");
    CHECK(markdown_of("<p>word<b>(x)</b>word</p>") == "# T\n\nword(x)word\n");
    CHECK(markdown_of("<p>in<i>tra</i>word and <b>a <i>b</i></b></p>") == "# T\n\nin*tra*word and **a _b_**\n");
}

TEST_CASE("markdown: links and images only when asked, absolute against the base URL", "[write][markdown]") {
    const std::string html = "<p>See <a href='../a (1).html'>the <b>page</b></a> <img src='i.png' alt='[pic]'></p>";
    CHECK(markdown_of(html) == "# T\n\nSee the **page**\n");
    MarkdownOptions options;
    options.links = true;
    options.images = true;
    options.base_url = "https://example.org/x/y/z.html";
    CHECK(markdown_of(html, options) ==
          "# T\n\nSee [the **page**](https://example.org/x/a%20%281%29.html) ![\\[pic\\]](https://example.org/x/y/i.png)\n");
    // An image alone (a figure) is a paragraph of its own before the text that follows it.
    CHECK(markdown_of("<figure><img src='/c.png' alt='Cat'><figcaption>A cat</figcaption></figure>", options) ==
          "# T\n\n![Cat](https://example.org/c.png)\n\nA cat\n");
}

TEST_CASE("markdown: tables with and without header cells, pipes escaped", "[write][markdown]") {
    CHECK(markdown_of("<table><tr><th>A</th><th>B</th></tr><tr><td>1|2</td><td><code>a|b</code></td></tr><tr><td>x</td></tr></table>") ==
          "# T\n\n| A | B |\n| --- | --- |\n| 1\\|2 | `a\\|b` |\n| x |  |\n");
    CHECK(markdown_of("<table><tr><td>a</td><td>b</td></tr></table>") == "# T\n\n|  |  |\n| --- | --- |\n| a | b |\n");
}

TEST_CASE("markdown: code blocks fenced longer than the code's backticks, with the language", "[write][markdown]") {
    CHECK(markdown_of("<pre><code class='language-js'>let a = 1;\n\n```\n</code></pre>") ==
          "# T\n\n````js\nlet a = 1;\n\n```\n````\n");
}

TEST_CASE("front matter: YAML double-quoted values, keys without a value left out", "[write][front-matter]") {
    Article a;
    a.title = "Say \"hi\"\\now";
    a.author = "Jane\tDoe";
    a.language = "en";
    CHECK(winnow::write::render_front_matter(a, "https://e.org/a") ==
          "---\ntitle: \"Say \\\"hi\\\"\\\\now\"\nauthor: \"Jane Doe\"\nurl: \"https://e.org/a\"\nlanguage: \"en\"\n---\n");
    CHECK(winnow::write::yaml_quoted("a\x01\u2028\uFFFE") == "\"a\\x01\\L\\uFFFE\"");
    CHECK(winnow::write::render_front_matter(Article{}, "") == "---\n---\n");
}

TEST_CASE("markdown: what real pages broke once (touching code, a sublist from 2, | in a table link)", "[write][markdown]") {
    // Two code spans side by side would read as one fence of two backticks.
    CHECK(markdown_of("<p>Press <kbd>Ctrl</kbd>+<kbd>F</kbd><kbd>TAB</kbd> now.</p>") == "# T\n\nPress `Ctrl`+`FTAB` now.\n");
    // A numbered sublist that does not start at 1 cannot interrupt its item's text.
    CHECK(markdown_of("<ol><li>one<ol start='2'><li>two</li></ol></li></ol>") == "# T\n\n1. one\n\n   2. two\n");
    // `|` in a link inside a table would split the cell.
    MarkdownOptions options;
    options.links = true;
    CHECK(markdown_of("<table><tr><td><a href='file:///C|/a'>x</a></td></tr></table>", options) ==
          "# T\n\n|  |\n| --- |\n| [x](file:///C%7C/a) |\n");
}

TEST_CASE("markdown: a ! before a link does not make it an image", "[write][markdown]") {
    MarkdownOptions options;
    options.links = true;
    CHECK(markdown_of("<p>Wow!<a href='https://e.org/'>this</a> works!</p>", options) == "# T\n\nWow\\![this](https://e.org/) works\\!\n");
}
