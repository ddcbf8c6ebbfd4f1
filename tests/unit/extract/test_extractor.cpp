#include <catch2/catch.hpp>

#include <string>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/extractor.hpp"
#include "winnow/write/text_writer.hpp"

using namespace winnow::extract;
using winnow::dom::Tree;

namespace {

Article extract(const std::string& html, bool explain = false) {
    Tree tree = Tree::parse(html);
    ExtractOptions options;
    options.explain = explain;
    return extract_article(tree, options);
}

std::string body_text(const Article& article) { return winnow::write::render_body(article); }

const std::string k_paragraph =
    "<p>The council voted on Tuesday to extend the bus line, and the work will start in spring, the mayor said.</p>";

}  // namespace

TEST_CASE("the article is kept, menus, share bars, cookie layers and the headline are not", "[extract][extractor]") {
    std::string html = R"(<html><head><title>Bus line extended | Town News</title></head><body>
        <nav><a href="/">Home</a><a href="/news">News</a></nav>
        <div class="cookie-banner">We use cookies. Accept all</div>
        <article><h1>Bus line extended</h1><div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
        <div class="entry-content">)" + k_paragraph + k_paragraph.substr(0, 3) + "Second paragraph: " + k_paragraph.substr(3) +
                       R"(<h2>Ähnliche Beiträge</h2><ul><li><a href="/a">Other story</a></li></ul></div></article>
        <footer>Impressum · Datenschutz</footer></body></html>)";
    Article article = extract(html, true);
    CHECK(article.title == "Bus line extended");
    const std::string text = body_text(article);
    CHECK(text.find("The council voted") != std::string::npos);
    CHECK(text.find("Second paragraph") != std::string::npos);
    for (const char* leak : {"Home", "cookies", "Facebook", "Bus line extended", "Ähnliche", "Other story", "Impressum"}) {
        INFO(leak);
        CHECK(text.find(leak) == std::string::npos);
    }
    CHECK_FALSE(article.removals.empty());
}

TEST_CASE("inline elements never split words, blocks never glue", "[extract][extractor]") {
    Article article = extract("<body><div><p>un<b>break</b>able words, and a comma, in a sentence long enough to count.</p>"
                              "<p>Next<span> block</span> follows here with more words to make it prose-like.</p></div></body>");
    const std::string text = body_text(article);
    CHECK(text.find("unbreakable") != std::string::npos);
    CHECK(text.find("count.\n\nNext block") != std::string::npos);
}

TEST_CASE("lists, quotes, data tables and pre keep their structure", "[extract][extractor]") {
    Article article = extract("<body><div class='entry-content'>" + k_paragraph +
                              "<ul><li>first point of the list</li><li><span>second point</span></li></ul>"
                              "<blockquote>A quoted sentence, said by someone.</blockquote>"
                              "<table><tr><th>Year</th><th>Riders</th></tr><tr><td>2023</td><td>1,200</td></tr></table>"
                              "<pre>line one\n  line two</pre>" + k_paragraph + "</div></body>");
    const std::string text = body_text(article);
    CHECK(text.find("  \u2022 first point of the list\n  \u2022 second point") != std::string::npos);
    CHECK(text.find("A quoted sentence") != std::string::npos);
    CHECK(text.find("Year | Riders\n2023 | 1,200") != std::string::npos);
    CHECK(text.find("line one\n  line two") != std::string::npos);
}

TEST_CASE("rescue: a page of short lines or of boilerplate only is never empty", "[extract][rescue]") {
    CHECK_FALSE(extract("<body><div class='sidebar'>Only a sidebar here</div></body>").blocks.empty());
    CHECK_FALSE(extract("<body><nav><a href='/'>Home</a></nav></body>").blocks.empty());
    CHECK_FALSE(extract("<body>bare text</body>").blocks.empty());
    Article described = extract("<html><head><meta name='description' content='What the page is about'></head><body></body></html>");
    REQUIRE(described.blocks.size() == 1);
    CHECK(described.blocks[0].text == "What the page is about");
}

TEST_CASE("rescue: the JSON-LD articleBody replaces a poor DOM result", "[extract][rescue]") {
    std::string body(600, 'x');
    for (std::size_t i = 5; i < body.size(); i += 6) body[i] = ' ';
    Article article = extract(R"(<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":")" + body +
                              R"("}</script></head><body><p>Subscribe to read.</p></body></html>)");
    CHECK(article.method == "json-ld articleBody");
    CHECK(body_text(article).size() >= 590);
}

TEST_CASE("10,000 nested elements are handled", "[extract][limits]") {
    std::string html = "<body>";
    for (int i = 0; i < 10000; ++i) html += "<div>";
    html += k_paragraph;
    for (int i = 0; i < 10000; ++i) html += "</div>";
    html += "</body>";
    Article article = extract(html);
    CHECK(body_text(article).find("The council voted") != std::string::npos);
}

TEST_CASE("a 5 MB page is handled", "[extract][limits]") {
    std::string html = "<html><body><nav>menu</nav><div class='entry-content'>";
    for (int i = 0; html.size() < 5 * 1024 * 1024; ++i)
        html += "<p>Paragraph " + std::to_string(i) + ": the council voted to extend the bus line, the mayor said.</p>";
    html += "</div></body></html>";
    Article article = extract(html);
    CHECK(article.blocks.size() > 40000);
}

TEST_CASE("a listing's byline is not its author: author and authors agree", "[extract][metadata]") {
    std::string cards;
    for (int i = 0; i < 12; ++i)
        cards += "<div class=\"card\"><h2><a href=\"/story-" + std::to_string(i) + "\">Story number " + std::to_string(i) +
                 " with a headline of some length</a></h2><span class=\"byline\">By Jane Roe</span></div>";
    const Article article = extract("<html><body><h1>Technology</h1>" + cards + "</body></html>");
    CHECK(article.page_kind == "listing");
    CHECK(article.authors.empty());
    CHECK(article.author.empty());
}

TEST_CASE("a heading's permalink mark is furniture, a link's words are not", "[extract][extractor]") {
    const std::string html = R"(<html><body><article><h1>Working with forms<a class="headerlink" href="#forms">¶</a></h1>)" +
                             k_paragraph + R"(<h2 id="usage">Usage <a href="#usage">#</a></h2>)" + k_paragraph +
                             R"(<p>Options are listed in <a href="#usage">the usage notes</a> above, with an example for each.</p>)"
                             "</article></body></html>";
    Article article = extract(html, true);
    const std::string text = body_text(article);
    CHECK(text.find("\xC2\xB6") == std::string::npos);
    CHECK(text.find("Usage\n") != std::string::npos);
    CHECK(text.find("the usage notes") != std::string::npos);
    CHECK(article.title == "Working with forms");
    bool explained = false;
    for (const Removal& removal : article.removals) explained = explained || removal.rule == "heuristic permalink";
    CHECK(explained);
    Tree tree = Tree::parse(R"(<p><a href="#x">¶</a><a href="/x">#</a><a href="#x">§ 3</a><a href="#x"><span>🔗</span></a></p>)");
    std::vector<bool> anchors;
    for (winnow::dom::NodeId id = 0; id < tree.size(); ++id)
        if (tree.is_element(id, GUMBO_TAG_A)) anchors.push_back(winnow::dom::is_permalink_anchor(tree, id));
    CHECK(anchors == std::vector<bool>{true, false, false, true});
}

TEST_CASE("the main region is a <main> element or one with role=main", "[extract][dom]") {
    Tree tree = Tree::parse(R"(<main id="a">x</main><div role="Main" id="b">y</div><div role="navigation" id="c">z</div>)");
    std::vector<bool> regions;
    for (winnow::dom::NodeId id = 0; id < tree.size(); ++id)
        if (!tree.attribute(id, "id").empty()) regions.push_back(winnow::dom::is_main_region(tree, id));
    CHECK(regions == std::vector<bool>{true, true, false});
}
