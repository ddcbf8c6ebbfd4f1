#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/language.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/metadata/statements.hpp"

using namespace winnow::metadata;
using winnow::dom::Tree;

namespace {

PageKindVerdict kind_of(const std::string& html, const std::string& url = "", std::size_t article_chars = 1000) {
    Tree tree = Tree::parse(html);
    Context context;
    context.url = url;
    const Statements statements = read_statements(tree, context);
    ArticleShape shape;
    shape.chars = article_chars;
    return classify_page(statements, shape);
}

std::string prose(int paragraphs) {
    std::string out;
    for (int i = 0; i < paragraphs; ++i)
        out += "<p>Paragraph " + std::to_string(i) + " of the article has enough words in it to be read as prose, "
               "with a clause or two.</p>";
    return out;
}

std::string teasers(int count) {
    std::string out;
    for (int i = 0; i < count; ++i)
        out += "<div class=\"card\"><h2><a href=\"/story-" + std::to_string(i) + "\">Story number " + std::to_string(i) +
               " with a headline of some length</a></h2><span>One line.</span></div>";
    return out;
}

// As kind_of, with the extractor's kept text: `kept_prose` prose paragraphs one after the other.
PageKindVerdict kind_with_kept_prose(const std::string& html, std::size_t kept_prose, const std::string& url = "") {
    Tree tree = Tree::parse(html);
    Context context;
    context.url = url;
    const Statements statements = read_statements(tree, context);
    ArticleShape shape;
    shape.chars = 1000;
    for (std::size_t i = 0; i < kept_prose; ++i) shape.add_block(true, 200);
    return classify_page(statements, shape);
}

}  // namespace

TEST_CASE("page kind: the kept text's run of prose paragraphs", "[metadata][page-kind]") {
    ArticleShape shape;
    shape.add_block(true, 200);
    shape.add_block(true, 200);
    shape.add_block(false, 30);  // a heading ends the run
    for (int i = 0; i < 3; ++i) shape.add_block(true, 200);
    shape.add_block(true, 40);  // a short line too
    shape.add_block(true, 200);
    CHECK(shape.prose_run == 3);
}

TEST_CASE("page kind: a long run of prose in the kept text is no service page", "[metadata][page-kind]") {
    // an undated post whose paragraphs stand one <div> each: the walk sees no run
    std::string post = "<html><body><h1>My week</h1>";
    for (int i = 0; i < 3; ++i)
        post += "<div><p>A paragraph of the post that is long enough to be read as prose by the walk, "
                "with a clause.</p></div>";
    post += "</body></html>";
    CHECK(kind_with_kept_prose(post, 9).kind == PageKind::service);
    auto kept = kind_with_kept_prose(post, 10);
    CHECK(kept.kind == PageKind::article);
    CHECK_THAT(kept.evidence, Catch::Contains("10 prose paragraphs in the kept text"));
}

TEST_CASE("page kind: a long kept text in one stretch under no section headings is no service page",
          "[metadata][page-kind]") {
    // an undated essay of <br>-split paragraphs (no run in the walk), 50 sentences of 70 characters or so
    std::string text;
    for (int i = 0; i < 50; ++i) text += "Sentence " + std::to_string(i) + " of the essay, ninety characters long or so, with a clause.<br><br>";
    auto kind = [](const std::string& html, std::size_t chars) {
        Tree tree = Tree::parse(html);
        const Statements statements = read_statements(tree, Context{});
        REQUIRE(statements.signals.teaser_free_chars > 3300);
        REQUIRE(statements.signals.teaser_free_chars < 3700);
        ArticleShape shape;
        shape.chars = chars;
        return classify_page(statements, shape);
    };
    const std::string essay = "<html><body><h1>Essay</h1><div>" + text + "</div></body></html>";
    auto kept = kind(essay, 3200);
    CHECK(kept.kind == PageKind::article);
    CHECK_THAT(kept.evidence, Catch::Contains("in one stretch of"));
    // shorter than 3,000 characters: a service page's blurb
    CHECK(kind(essay, 2900).kind == PageKind::service);
    // longer than the stretch allows: the kept text spans teasers
    CHECK(kind(essay, 4700).kind == PageKind::service);
    // three section headings: a service page's features
    const std::string sectioned = "<html><body><h1>Services</h1><h2>Plans</h2><h2>Support</h2><h2>Questions</h2><div>" +
                                  text + "</div></body></html>";
    CHECK(kind(sectioned, 3200).kind == PageKind::service);
}

TEST_CASE("page kind: a dated or declared story the extractor kept long is no listing for its rails",
          "[metadata][page-kind]") {
    // a news story whose paragraphs are split by <br><br> (no run in the walk) beside 40 related stories
    const std::string story = "<h1>Story</h1><div class=\"text\">One sentence of the story, long enough to read as prose "
                              "if it stood in a paragraph.<br><br>Another one.</div>" + teasers(40);
    const std::string declared = R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>
        </head><body>)" + story + "</body></html>";
    CHECK(kind_with_kept_prose(declared, 0).kind == PageKind::listing);
    CHECK(kind_with_kept_prose(declared, 5).kind == PageKind::listing);
    auto kept = kind_with_kept_prose(declared, 6);
    CHECK(kept.kind == PageKind::article);
    CHECK_THAT(kept.evidence, Catch::Contains("run of 6 prose paragraphs"));
    // a stated publication date counts as the statement does
    const std::string dated = R"(<html><head><meta property="article:published_time" content="2024-03-01T10:00:00Z">
        </head><body>)" + story + "</body></html>";
    CHECK(kind_with_kept_prose(dated, 6).kind == PageKind::article);
    // neither statement nor date: the teasers decide
    CHECK(kind_with_kept_prose("<html><body>" + story + "</body></html>", 6).kind == PageKind::listing);
    // a listing's path keeps its plain bar
    CHECK(kind_with_kept_prose(declared, 6, "https://example.org/category/news").kind == PageKind::listing);
}

TEST_CASE("page kind: the longest stretch of text between teasers", "[metadata][page-kind]") {
    // text in links and in navigation does not count; a teaser (headline link or linked heading) ends a stretch
    Tree tree = Tree::parse("<html><body><nav>Home Politics Sport Culture Weather</nav><p>1234567890</p>"
                            "<a href=\"/a\">A first story with a headline of some length</a><div>12345<a href=\"/x\">inline "
                            "link</a>67890 12345</div><h2><a href=\"/b\">A second story with a headline</a></h2>"
                            "<footer>Imprint and a long list of legal links of the site</footer>123</body></html>");
    const Statements statements = read_statements(tree, Context{});
    CHECK(statements.signals.headline_links == 2);
    CHECK(statements.signals.linked_headings == 1);
    CHECK(statements.signals.teaser_free_chars == 16);  // "12345", "67890 12345"
}

TEST_CASE("page kind: a story kept whole between teasers is no listing for them",
          "[metadata][page-kind]") {
    // a press release of short paragraphs split by <br><br> (no run in the walk), 1,000 characters,
    // between a rail of 20 stories and 20 more below it
    std::string text;
    for (int i = 0; i < 10; ++i) text += "Sentence " + std::to_string(i) + " of the release, ninety characters long or so, with a clause.<br><br>";
    const std::string story = teasers(20) + "<h1>Release</h1><div class=\"text\">" + text + "</div>" + teasers(20);
    const std::string dated = R"(<html><head><meta property="article:published_time" content="2024-03-01T10:00:00Z">
        </head><body>)" + story + "</body></html>";
    auto kind = [](const std::string& html, std::size_t chars, std::size_t run, const std::string& url = "") {
        Tree tree = Tree::parse(html);
        Context context;
        context.url = url;
        const Statements statements = read_statements(tree, context);
        REQUIRE(statements.signals.teaser_free_chars > 600);
        REQUIRE(statements.signals.teaser_free_chars < 800);
        ArticleShape shape;
        shape.chars = chars;
        for (std::size_t i = 0; i < run; ++i) shape.add_block(true, 90);
        return classify_page(statements, shape);
    };
    auto kept = kind(dated, 600, 3);
    CHECK(kept.kind == PageKind::article);
    CHECK_THAT(kept.evidence, Catch::Contains("fits in the"));
    // the kept text is longer than the stretch (by more than its links may add): it holds teasers
    CHECK(kind(dated, 1000, 3).kind == PageKind::listing);
    // paragraphs that alternate with headings (a service page's features): no story
    CHECK(kind(dated, 600, 2).kind == PageKind::listing);
    // neither statement nor date: the teasers decide, unless the kept stretch holds a story's run
    const std::string undated = "<html><body>" + story + "</body></html>";
    CHECK(kind(undated, 600, 3).kind == PageKind::listing);
    CHECK(kind(undated, 600, 5).kind == PageKind::listing);
    auto undated_story = kind(undated, 600, 6);
    CHECK(undated_story.kind == PageKind::article);  // not a service page for its want of a date
    CHECK_THAT(undated_story.evidence, Catch::Contains("on a page without a date or article statement"));
    CHECK(kind(undated, 1000, 6).kind == PageKind::listing);
    CHECK(kind(undated, 600, 6, "https://example.org/category/news").kind == PageKind::listing);
    // a listing's path keeps its plain bar
    CHECK(kind(dated, 600, 3, "https://example.org/category/news").kind == PageKind::listing);
    // before the extraction (nothing kept), the teasers decide
    CHECK(kind(dated, 0, 0).kind == PageKind::listing);
}

TEST_CASE("page kind: an article is told by its statements or its prose", "[metadata][page-kind]") {
    auto declared = kind_of(R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>
        </head><body><h1>Story</h1>)" + prose(2) + "</body></html>");
    CHECK(declared.kind == PageKind::article);
    CHECK_THAT(declared.evidence, Catch::Contains("json-ld NewsArticle"));
    CHECK(kind_of("<html><body><h1>Story</h1>" + prose(6) + "</body></html>").kind == PageKind::article);
    // a short article wrapped in <article> is not a service page
    CHECK(kind_of("<html><body><article><h1>Story</h1>" + prose(2) + "</article></body></html>").kind == PageKind::article);
}

TEST_CASE("page kind: a listing is told by teasers outweighing prose, or by its statements", "[metadata][page-kind]") {
    auto listing = kind_of("<html><body><h1>Technology</h1>" + teasers(12) + "</body></html>");
    CHECK(listing.kind == PageKind::listing);
    CHECK_THAT(listing.evidence, Catch::Contains("teaser score"));
    // an article with a related-links box stays an article
    CHECK(kind_of(R"(<html><head><meta property="og:type" content="article"></head><body><h1>Story</h1>)" + prose(8) +
                  "<div class=\"more\">" + teasers(6) + "</div></body></html>")
              .kind == PageKind::article);
    CHECK(kind_of(R"(<html><head><script type="application/ld+json">{"@type": "CollectionPage"}</script></head>
        <body><h1>Shoes</h1></body></html>)")
              .kind == PageKind::listing);
}

TEST_CASE("page kind: a page written like an article needs as many teasers as one that says it is", "[metadata][page-kind]") {
    // six prose paragraphs side by side and a rail of ten related stories: an article
    auto story = kind_of("<html><body><h1>Story</h1><div>" + prose(6) + "</div><div class=\"rail\">" + teasers(10) +
                         "</div></body></html>");
    CHECK(story.kind == PageKind::article);
    // with a short run of prose the same rail makes a listing
    auto front = kind_of("<html><body><h1>Front page</h1><div>" + prose(2) + "</div><div class=\"rail\">" + teasers(10) +
                         "</div></body></html>");
    CHECK(front.kind == PageKind::listing);
    // a long run of prose does not hide a listing of seventy teasers
    CHECK(kind_of("<html><body><h1>News</h1><div>" + prose(6) + "</div>" + teasers(70) + "</body></html>").kind ==
          PageKind::listing);
}

TEST_CASE("page kind: a listing's URL path needs only the plain teaser score, whatever og:type says", "[metadata][page-kind]") {
    // a shop's or CMS's category page that says og:type article, as they all do
    const std::string page = R"(<html><head><meta property="og:type" content="article"></head><body><h1>Action</h1>)" +
                             teasers(12) + "</body></html>";
    auto category = kind_of(page, "https://shop.example/category/action");
    CHECK(category.kind == PageKind::listing);
    CHECK_THAT(category.evidence, Catch::Contains("a listing's URL path"));
    CHECK_THAT(category.evidence, Catch::Contains("og:type article"));
    CHECK(kind_of(page, "https://news.example/blog/").kind == PageKind::listing);
    CHECK(kind_of(page, "https://news.example/tag/rust/page/2").kind == PageKind::listing);
    // no URL given: the canonical link's path
    CHECK(kind_of(R"(<html><head><link rel="canonical" href="https://shop.example/shop/"></head>)" + page.substr(6))
              .kind == PageKind::listing);
    // an article's path (a story under /blog/ or /news/) keeps the declared article's higher bar
    CHECK(kind_of(page, "https://news.example/blog/a-story-with-related-links").kind == PageKind::article);
    CHECK(kind_of(page, "https://news.example/news/2026/12/a-story").kind == PageKind::article);
    // and a listing's path alone, without teasers, makes no listing
    CHECK(kind_of(R"(<html><head><meta property="og:type" content="article"></head><body><h1>Blog</h1>)" + prose(6) +
                  "</body></html>", "https://news.example/blog/")
              .kind == PageKind::article);
}

TEST_CASE("page kind: links to later pages of the page's own path need only the plain teaser score", "[metadata][page-kind]") {
    // a news site's archive that says og:type article, with its pagination in a <nav>
    auto page = [](const std::string& pages) {
        return R"(<html><head><meta property="og:type" content="article"></head><body><h1>Latest News</h1>)" +
               teasers(12) + "<nav class=\"pagination\">" + pages + "</nav></body></html>";
    };
    auto archive = kind_of(page(R"(<a href="https://news.example/issues/page/2/">2</a>)"), "https://news.example/issues/");
    CHECK(archive.kind == PageKind::listing);
    CHECK_THAT(archive.evidence, Catch::Contains("links to later pages of this one"));
    CHECK(kind_of(page(R"(<a href="/c/shoes?color=red&amp;page=3">3</a>)"), "https://shop.example/c/shoes").kind ==
          PageKind::listing);
    CHECK(kind_of(page(R"(<a href="/list/recent?skip=50&amp;show=50">51-100</a>)"), "https://arxiv.example/list/recent")
              .kind == PageKind::listing);
    // no URL given: a query alone is this page's
    CHECK(kind_of(page(R"(<a href="?page=2">2</a>)")).kind == PageKind::listing);
    // another path's pages, page 1, another site's pages or an article's own next page are no pagination
    CHECK(kind_of(page(R"(<a href="/other/page/2/">2</a>)"), "https://news.example/issues/").kind == PageKind::article);
    CHECK(kind_of(page(R"(<a href="/issues/page/1/">1</a>)"), "https://news.example/issues/").kind == PageKind::article);
    CHECK(kind_of(page(R"(<a href="https://elsewhere.example/issues/page/2/">2</a>)"), "https://news.example/issues/")
              .kind == PageKind::article);
    CHECK(kind_of(page(R"(<a href="/a-story/2/">2</a>)"), "https://news.example/a-story/").kind == PageKind::article);
    // and pagination without teasers makes no listing (a paginated article, its comment pages)
    CHECK(kind_of(R"(<html><head><meta property="og:type" content="article"></head><body><h1>Story</h1>)" + prose(6) +
                  R"(<a href="?page=2">Next page</a></body></html>)")
              .kind == PageKind::article);
}

TEST_CASE("page kind: a column laid out beside a sidebar is no sidebar", "[metadata][page-kind]") {
    // "has-sidebar" says the layout has a sidebar; the posts in it are teasers
    auto blog = kind_of("<html><body><h1>Latest News</h1><div class=\"o-layout has-sidebar\"><div class=\"main\">" +
                        teasers(12) + "</div></div></body></html>");
    CHECK(blog.kind == PageKind::listing);
    // a sidebar itself is still a zone: its teasers do not count
    auto story = kind_of(R"(<html><head><meta property="og:type" content="article"></head><body><h1>Story</h1>)" +
                         prose(2) + "<div class=\"sidebar\">" + teasers(12) + "</div></body></html>");
    CHECK(story.kind == PageKind::article);
    CHECK_THAT(story.evidence, Catch::Contains("0 headline links, 0 linked headings"));
}

TEST_CASE("page kind: menus in the site header, citations and inline links are not teasers", "[metadata][page-kind]") {
    std::string menu, references, inline_links;
    for (int i = 0; i < 40; ++i) {
        menu += "<li><a href=\"/product-" + std::to_string(i) + "\">Product line " + std::to_string(i) +
                " for teams of every size</a></li>";
        references += "<li><cite><a href=\"https://example.org/" + std::to_string(i) + "\">A study of the thing number " +
                      std::to_string(i) + " and its effects</a></cite></li>";
    }
    for (int i = 0; i < 3; ++i)
        inline_links += "<p>The article says a good deal here, and then it links <a href=\"/more-" + std::to_string(i) +
                        "\">a page about cloud computing service models</a> in the middle of a long sentence.</p>";
    const std::string body = "<h1>What is it?</h1><div>" + prose(4) + "</div>" + inline_links;
    // a site header's mega-menu
    CHECK(kind_of("<html><body><header><ul>" + menu + "</ul></header><main>" + body + "</main></body></html>").kind ==
          PageKind::article);
    // a list of references
    CHECK(kind_of("<html><body>" + body + "<ol class=\"refs\">" + references + "</ol></body></html>").kind ==
          PageKind::article);
    // the same links outside a header, or not as citations, are teasers
    CHECK(kind_of("<html><body><div><ul>" + menu + "</ul></div>" + body + "</body></html>").kind == PageKind::listing);
}

TEST_CASE("page kind: product, forum and documentation", "[metadata][page-kind]") {
    auto product = kind_of(R"(<html><head><script type="application/ld+json">{"@type": "Product", "name": "Lamp",
        "offers": {"@type": "Offer", "price": "20"}}</script></head><body><h1>Lamp</h1>
        <span class="price">$20</span><button class="add-to-cart">Add to cart</button></body></html>)");
    CHECK(product.kind == PageKind::product);
    auto forum = kind_of(R"(<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting",
        "headline": "Help", "author": {"name": "amondale"}}</script></head><body><h1>Help</h1></body></html>)");
    CHECK(forum.kind == PageKind::forum);
    // a forum script's path, read from the canonical link when no URL is given: the query names
    // the thread (viewtopic.php?t=123)
    std::string posts;
    for (int i = 0; i < 6; ++i)
        posts += "<div class=\"post\"><span class=\"username\">user" + std::to_string(i) + "</span><p>Reply " +
                 std::to_string(i) + "</p></div>";
    auto thread = kind_of(R"(<html><head><link rel="canonical" href="https://forum.example.org/viewtopic.php?t=361697">
        </head><body><h1>LEDs stay on after shutdown</h1>)" + posts + "</body></html>");
    CHECK(thread.kind == PageKind::forum);
    CHECK(kind_of("<html><body><h1>QuerySet API</h1><pre>a</pre><pre>b</pre><pre>c</pre>" + prose(2) + "</body></html>")
              .kind == PageKind::documentation);
    CHECK(kind_of("<html><body><h1>Install</h1>" + prose(2) + "</body></html>", "https://example.org/docs/install").kind ==
          PageKind::documentation);
}

TEST_CASE("page kind: a service page has nothing of an article", "[metadata][page-kind]") {
    auto service = kind_of("<html><body><h1>Movers in Jackson</h1><p>Call us today for a free quote on your move!</p>"
                           "<a href=\"/quote\">Get a quote</a></body></html>");
    CHECK(service.kind == PageKind::service);
}

TEST_CASE("page flags: error page, consent wall, paywall, JavaScript shell", "[metadata][page-kind]") {
    CHECK(kind_of("<html><head><title>Page not found</title></head><body><h1>Oops!</h1><p>Try again.</p></body></html>",
                  "", 20)
              .flags == std::vector<std::string>{"error_page"});
    CHECK(kind_of("<html><body><div class=\"cookie-consent\"><p>We use cookies. Accept all?</p></div></body></html>", "", 40)
              .flags == std::vector<std::string>{"consent_wall"});
    auto paywalled = kind_of(R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "isAccessibleForFree": false}</script></head><body><h1>Story</h1>)" + prose(1) + "</body></html>");
    CHECK(paywalled.flags == std::vector<std::string>{"paywall"});
    CHECK(kind_of("<html><body><div id=\"root\"></div><script src=\"app.js\"></script></body></html>", "", 0).flags ==
          std::vector<std::string>{"javascript_shell"});
    CHECK(kind_of("<html><body><h1>Story</h1>" + prose(6) + "</body></html>").flags.empty());
}

TEST_CASE("page kind names round-trip", "[metadata][page-kind]") {
    for (std::string_view name : page_kind_names()) {
        PageKind kind;
        REQUIRE(parse_page_kind(name, kind));
        CHECK(page_kind_name(kind) == name);
    }
    PageKind kind;
    CHECK_FALSE(parse_page_kind("blog", kind));
}

TEST_CASE("language detection from the text (CLD2)", "[metadata][language]") {
    CHECK(detect_language("The committee met on Tuesday to discuss the budget for next year, and after a long "
                          "debate the members agreed to postpone the vote until the spring.") == "en");
    CHECK(detect_language("Der Ausschuss traf sich am Dienstag, um über den Haushalt für das nächste Jahr zu "
                          "beraten, und nach einer langen Debatte wurde die Abstimmung verschoben.") == "de");
    CHECK(detect_language("Le comité s'est réuni mardi pour discuter du budget de l'année prochaine et, après un "
                          "long débat, les membres ont décidé de reporter le vote au printemps.") == "fr");
    CHECK(detect_language("").empty());
    CHECK(detect_language("12 34").empty());
}

TEST_CASE("placeholder text is no language: the title, headings and image descriptions decide", "[metadata][language]") {
    CHECK(has_placeholder_text("Intro. Lorem ipsum dolor sit amet, consectetur adipisicing elit."));
    CHECK(has_placeholder_text("LOREM IPSUM"));
    CHECK_FALSE(has_placeholder_text("The committee met on Tuesday."));
    // a title and an image's description in English, the rest placeholder
    CHECK(detect_language_besides_placeholder({"Document", "Lorem ipsum dolor sit amet, consetetur sadipscing elitr",
                                               "Illustration for article titled The Spectacular Story Of Metroid"}) == "en");
    // two headings' words are too few to tell
    CHECK(detect_language_besides_placeholder({"Lorem ipsum dolor sit amet", "Secondary header", "Third header"}).empty());
    // what holds the placeholder is left out, however long
    CHECK(detect_language_besides_placeholder({"Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy "
                                               "eirmod tempor invidunt ut labore et dolore magna aliquyam erat"}).empty());
}

TEST_CASE("page kind: a page that shows its own product needs as many teasers as an article", "[metadata][page-kind]") {
    // a product with a rail of twelve related products and their prices
    const std::string rail = "<div class=\"related\">" + teasers(12) + "</div>";
    auto product = kind_of(R"(<html><body><div itemscope itemtype="https://schema.org/Product"><h1>Rode NT1</h1>
        <span itemprop="price">249.00</span></div>)" + rail + "</body></html>");
    CHECK(product.kind == PageKind::product);
    // a shop's category page, many more teasers than that, is a listing still
    auto category = kind_of(R"(<html><body><div itemscope itemtype="https://schema.org/Product"><h1>Microphones</h1>
        <span itemprop="price">249.00</span></div>)" + teasers(40) + "</body></html>");
    CHECK(category.kind == PageKind::listing);
    CHECK_THAT(category.evidence, Catch::Contains("for a page that shows its own product"));
}

TEST_CASE("page kind: teasers that lead to other sites are an article's references, not a listing's", "[metadata][page-kind]") {
    std::string elsewhere, own;
    for (int i = 0; i < 30; ++i) {
        elsewhere += "<div class=\"card\"><h3><a href=\"https://research" + std::to_string(i % 5) +
                     ".example.org/paper-" + std::to_string(i) + "\">A study of tutoring number " + std::to_string(i) +
                     " and its effects</a></h3></div>";
        own += "<div class=\"card\"><h3><a href=\"https://www.school.example/story-" + std::to_string(i) +
               "\">A story of tutoring number " + std::to_string(i) + " and its effects</a></h3></div>";
    }
    const std::string head = R"(<html><head><link rel="canonical" href="https://www.school.example/tutoring/"></head>)";
    const std::string body = "<body><article><h1>What is tutoring?</h1>" + prose(2) + "</article><h2>Resources</h2>";
    // an explainer that ends with a grid of resources elsewhere
    auto resources = kind_of(head + body + elsewhere + "</body></html>");
    CHECK(resources.kind == PageKind::article);
    CHECK_THAT(resources.evidence, Catch::Contains("60 to other sites"));
    // the same grid of the site's own pages (a subdomain is the site's too) is a listing
    CHECK(kind_of(head + body + own + "</body></html>").kind == PageKind::listing);
    std::string blog = own;
    for (std::size_t at = 0; (at = blog.find("www.school.example", at)) != std::string::npos;) blog.replace(at, 18, "blog.school.example");
    CHECK(kind_of(head + body + blog + "</body></html>").kind == PageKind::listing);
    // without the page's address nothing tells where a link leads: teasers all
    CHECK(kind_of("<html><head></head>" + body + elsewhere + "</body></html>").kind == PageKind::listing);
    // an aggregator of many links elsewhere is still a listing (each weighs a quarter)
    std::string many;
    for (int i = 0; i < 4; ++i) many += elsewhere;
    CHECK(kind_of(head + "<body><h1>Today's links</h1>" + many + "</body></html>").kind == PageKind::listing);
}

TEST_CASE("page kind: tips written as list items are an article's prose", "[metadata][page-kind]") {
    std::string tips, features;
    for (int i = 0; i < 10; ++i) {
        // one list per tip, as some editors write them
        tips += "<ul><li><b>Tip " + std::to_string(i) + ".</b><br>Plan your time and keep to it: a course online asks "
                "for as many hours as one in a classroom, and more in its first weeks.</li></ul>";
        features += "<li>Feature " + std::to_string(i) + "</li>";
    }
    auto article = kind_of("<html><body><h1>Tips for online success</h1>" + prose(1) + tips + "</body></html>");
    CHECK(article.kind == PageKind::article);
    CHECK_THAT(article.evidence, Catch::Contains("a run of 11 paragraphs and prose list items"));
    // a service page's short feature list is no prose
    auto service = kind_of("<html><body><h1>Movers</h1>" + prose(1) + "<ul>" + features + "</ul></body></html>");
    CHECK(service.kind == PageKind::service);
    // nor are a few long items
    std::string few;
    for (int i = 0; i < 3; ++i) few += "<li>We pack, load and move everything you own, with care and insurance, and we "
                                      "clean the old place when we leave it.</li>";
    CHECK(kind_of("<html><body><h1>Movers</h1>" + prose(1) + "<ul>" + few + "</ul></body></html>").kind == PageKind::service);
}

TEST_CASE("page kind: an author named in a meta tag marks a post, even when the name is no person's", "[metadata][page-kind]") {
    // a church's news item: the agency that built the site in meta author, two short paragraphs
    const std::string body = "<body><h1>Mourning online on Sunday</h1>" + prose(2) + "</body></html>";
    auto with_author = kind_of(R"(<html><head><meta name="author" content="Web Commerce GmbH www.w-commerce.de"></head>)" + body);
    CHECK(with_author.kind == PageKind::article);
    CHECK(kind_of("<html><head></head>" + body).kind == PageKind::service);
}

TEST_CASE("page kind: a product grid is a listing whatever the buying advice under it", "[metadata][page-kind]") {
    // a shop's category page: product cards with a price and an add-to-cart button each, then a
    // long run of buying advice that outweighs them in the teaser score
    auto grid = [](int cards) {
        std::string out;
        for (int i = 0; i < cards; ++i)
            out += "<div class=\"card\"><a href=\"/p/" + std::to_string(i) + "\">Gummies " + std::to_string(i) +
                   "</a><span class=\"price\">$20</span><button class=\"add-to-cart\">Add to cart</button></div>";
        return out;
    };
    const std::string head = "<html><head>";
    const std::string body = "</head><body><h1>Gummies</h1>";
    auto category = kind_of(head + body + grid(30) + "<div>" + prose(24) + "</div></body></html>");
    CHECK(category.kind == PageKind::listing);
    CHECK_THAT(category.evidence, Catch::Contains("a product grid: 30 prices and 30 add-to-cart marks"));
    // fewer cards: the prose outweighs them, as before
    CHECK(kind_of(head + body + grid(29) + "<div>" + prose(24) + "</div></body></html>").kind == PageKind::article);
    // a page that says it is an article (a review with its shop boxes) or shows its own product
    // (its rails of accessories) is no grid
    CHECK(kind_of(head + R"(<meta property="og:type" content="article">)" + body + grid(30) + "<div>" + prose(24) +
                  "</div></body></html>")
              .kind == PageKind::article);
    CHECK(kind_of(head + R"(<meta property="og:type" content="product">)" + body + grid(30) + "<div>" + prose(24) +
                  "</div></body></html>")
              .kind != PageKind::listing);
}

TEST_CASE("page kind: a listing's path with a date per teaser and no kept story is a listing of posts", "[metadata][page-kind]") {
    // a blog index whose titles stand in paragraphs with their date and author, each followed by
    // its excerpt: no headline links, and the excerpts read as a run of prose
    auto index = [](int posts) {
        std::string out = "<html><head><link rel=\"canonical\" href=\"https://go.example/blog/\"></head><body><h1>The Blog</h1><div>";
        for (int i = 0; i < posts; ++i)
            out += "<p class=\"blogtitle\"><a href=\"/blog/post-" + std::to_string(i) + "\">Post " + std::to_string(i) +
                   "</a>, <span class=\"date\">" + std::to_string(i + 1) +
                   " February 2026</span><br><span class=\"author\">Jane Roe</span></p>"
                   "<p class=\"blogsummary\">A description of some of the recent changes, long enough to be read as "
                   "a paragraph of prose.</p>";
        return out + "</div></body></html>";
    };
    auto blog = kind_with_kept_prose(index(8), 1);
    CHECK(blog.kind == PageKind::listing);
    CHECK_THAT(blog.evidence, Catch::Contains("a listing's URL path with 8 different dates"));
    // fewer dates: the plain teaser score decides, as before
    CHECK(kind_with_kept_prose(index(4), 1).kind == PageKind::article);
    // a kept story (a blog page that shows its posts in full) stays an article
    CHECK(kind_with_kept_prose(index(8), 6).kind == PageKind::article);
    // before the extractor has run (no kept text yet: the kind the extractor reads) the rule waits
    CHECK(kind_of(index(8), "", 0).kind == PageKind::article);
    // off a listing's path and pagination, dates alone make no listing (a timeline)
    std::string timeline = index(8);
    timeline.replace(timeline.find("/blog/\""), 7, "/blog/a-history\"");
    CHECK(kind_with_kept_prose(timeline, 1).kind == PageKind::article);
}
