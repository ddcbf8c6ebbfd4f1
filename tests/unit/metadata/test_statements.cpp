#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/json_ld.hpp"
#include "winnow/metadata/statements.hpp"

using namespace winnow::metadata;
using winnow::dom::Tree;
using Names = std::vector<std::string>;

namespace {

// Statements of a page, with "today" fixed so that date checks do not age.
Statements statements_of(const std::string& html, const std::string& url = "") {
    Tree tree = Tree::parse(html);
    Context context;
    context.url = url;
    context.today = std::chrono::sys_days(std::chrono::year(2026) / 1 / 1);
    return read_statements(tree, context);
}

std::string article_body(const std::string& before_h1, const std::string& after_h1) {
    return "<body>" + before_h1 + "<h1>The headline of the story</h1>" + after_h1 +
           "<p>The first paragraph of the story is long enough to be prose for anyone who reads it.</p></body>";
}

}  // namespace

TEST_CASE("JSON-LD: @graph, @id references, arrays of authors, publisher as a site name", "[metadata][json-ld]") {
    Statements s = statements_of(R"(<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Organization", "@id": "#org", "name": "Daily Example"},
          {"@type": "Person", "@id": "#jane", "name": "Jane Roe"},
          {"@type": "NewsArticle", "headline": "A headline", "author": [{"@id": "#jane"}, {"@type": "Person", "name": "John Doe"}],
           "publisher": {"@id": "#org"}, "datePublished": "2024-03-05T10:00:00+01:00", "dateModified": "2024-03-06",
           "keywords": "energy, climate", "articleSection": "Science"}]}
        </script></head><body><p>x</p></body></html>)");
    CHECK(s.authors == Names{"Jane Roe", "John Doe"});
    CHECK(s.authors_source == "json-ld NewsArticle.author");
    CHECK(s.date.value == "2024-03-05T10:00:00+01:00");
    CHECK(s.date.source == "json-ld NewsArticle.datePublished");
    CHECK(s.date_modified.value == "2024-03-06");
    CHECK(s.ld_headline == "A headline");
    CHECK(s.site_name.value == "Daily Example");
    CHECK(s.tags == Names{"energy", "climate"});
    CHECK(s.categories == Names{"Science"});
    CHECK(s.site_names.matches("DAILY EXAMPLE"));
}

TEST_CASE("JSON-LD: raw line breaks in strings, trailing commas, comment wrappers, entities", "[metadata][json-ld]") {
    Statements s = statements_of("<html><head><script type=\"application/ld+json\"><!--\n"
                                 "{\"@type\": \"BlogPosting\", \"headline\": \"Maria &amp; Katerina\",\n"
                                 " \"author\": {\"@type\": \"Person\", \"name\": \"Jane\nRoe\"},\n"
                                 " \"datePublished\": \"2023-07-01\",}\n-->\n</script></head><body></body></html>");
    CHECK(s.ld_headline == "Maria & Katerina");
    CHECK(s.authors == Names{"Jane Roe"});
    CHECK(s.date.value == "2023-07-01");
    // several objects one after the other
    auto document = parse_json_ld(R"({"@type": "WebSite", "name": "A"} {"@type": "Article", "headline": "B"})");
    REQUIRE(document);
    JsonLdGraph graph;
    graph.add(*document);
    CHECK(graph.objects().size() == 2);
    CHECK_FALSE(parse_json_ld("{ this is not json"));
}

TEST_CASE("JSON-LD: articles inside lists are not the page's own", "[metadata][json-ld]") {
    Statements s = statements_of(R"(<html><head><script type="application/ld+json">
        {"@type": "ItemList", "itemListElement": [
          {"@type": "ListItem", "item": {"@type": "BlogPosting", "headline": "One", "author": "Ann Other", "datePublished": "2021-01-01"}},
          {"@type": "ListItem", "item": {"@type": "BlogPosting", "headline": "Two", "author": "Ann Other", "datePublished": "2021-01-02"}}]}
        </script></head><body><p>x</p></body></html>)");
    CHECK(s.authors.empty());
    CHECK(s.date.empty());
    CHECK(s.signals.ld_listed_articles == 2);
}

TEST_CASE("microdata and RDFa: itemprop author with a name inside, datePublished, a photo credit skipped", "[metadata][microdata]") {
    Statements s = statements_of(R"(<html><body><article itemscope itemtype="https://schema.org/Article">
        <figure itemscope itemtype="https://schema.org/ImageObject"><img src="a.jpg">
          <figcaption><span itemprop="author">Photo Agency</span></figcaption></figure>
        <h1 itemprop="headline">A microdata headline</h1>
        <span itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/p/eva"><span itemprop="name">Eva Muster</span></a></span>
        <time itemprop="datePublished" datetime="2022-11-02T08:00:00Z">2 Nov 2022</time>
        <p>The first paragraph of the story is long enough to be prose for anyone who reads it.</p></article></body></html>)");
    CHECK(s.authors == Names{"Eva Muster"});
    CHECK(s.authors_source == "microdata author");
    CHECK(s.date.value == "2022-11-02T08:00:00Z");
    CHECK(s.ld_headline == "A microdata headline");
    CHECK(s.signals.microdata_articles == 1);

    Statements rdfa = statements_of(R"(<html><body><h1>Title</h1><span property="dc:creator">Max Mann</span></body></html>)");
    CHECK(rdfa.authors == Names{"Max Mann"});
}

TEST_CASE("meta tags: OpenGraph, Dublin Core, citation authors, language, canonical, image", "[metadata][meta]") {
    Statements s = statements_of(R"(<html lang="en_us"><head>
        <meta property="og:title" content="OG title"><meta property="og:site_name" content="Example Site">
        <meta name="DC.creator" content="Jane Roe"><meta name="citation_author" content="Ignored, Because">
        <meta property="article:published_time" content="2021-04-05T06:07:08Z">
        <meta property="article:modified_time" content="2021-05-01">
        <meta property="og:image" content="https://example.org/a.jpg">
        <meta name="description" content="What it is about.">
        <meta property="article:tag" content="one"><meta property="article:tag" content="two">
        <link rel="canonical" href="https://example.org/story"></head><body></body></html>)");
    CHECK(s.authors == Names{"Jane Roe"});
    CHECK(s.authors_source == "meta dc.creator");
    CHECK(s.date.value == "2021-04-05T06:07:08Z");
    CHECK(s.date.source == "meta article:published_time");
    CHECK(s.date_modified.value == "2021-05-01");
    CHECK(s.language == "en-US");
    CHECK(s.language_source == "html lang");
    CHECK(s.canonical_url.value == "https://example.org/story");
    CHECK(s.address == "https://example.org/story");  // no URL given: the canonical link
    CHECK(s.image.value == "https://example.org/a.jpg");
    CHECK(s.description.value == "What it is about.");
    CHECK(s.site_name.value == "Example Site");
    CHECK(s.tags == Names{"one", "two"});
    CHECK(s.og_title == "OG title");

    // The page's address: the URL it was fetched from, else its canonical link, else og:url.
    const std::string stated = R"(<html><head><meta property="og:url" content="https://m.example.org/s">
        </head><body></body></html>)";
    CHECK(statements_of(stated).address == "https://m.example.org/s");
    CHECK(statements_of(stated, "https://example.org/s?ref=1").address == "https://example.org/s?ref=1");
    CHECK(statements_of("<html><body></body></html>").address.empty());
    // a relative canonical link says nothing of the host: the og:url; and a saved page's <link>
    // may stand in the body
    CHECK(statements_of(R"(<html><head><link rel="canonical" href="/s"><meta property="og:url" content="https://m.example.org/s">
        </head><body></body></html>)").address == "https://m.example.org/s");
    CHECK(statements_of(R"(<html><body><p>Text</p><link rel="Canonical" href=" https://example.org/s "></body></html>)")
              .address == "https://example.org/s");
    // the address the caller has read already (clean_page reads it once, for the profile) is
    // the canonical_url: the page is not scanned again
    {
        Tree tree = Tree::parse(stated);
        Context context;
        context.stated_address = Sourced{"https://example.org/read-once", "link rel=canonical"};
        const Statements read_once = read_statements(tree, context);
        CHECK(read_once.canonical_url.value == "https://example.org/read-once");
        CHECK(read_once.address == "https://example.org/read-once");
    }

    Statements twitter = statements_of(R"(<html><head><meta name="twitter:label1" content="Written by">
        <meta name="twitter:data1" content="Tyler Brown"></head><body></body></html>)");
    CHECK(twitter.authors == Names{"Tyler Brown"});
    CHECK(twitter.authors_source == "meta twitter:data1");

    // RDFa: several properties in one attribute, Dublin Core with a colon, before name=author
    Statements rdfa = statements_of(R"(<html><head><meta property="dc:creator twitter:site_name" content="Creator Name">
        <meta name="author" content="Example Media"><meta property="og:title twitter:title" content="A title">
        </head><body></body></html>)");
    CHECK(rdfa.authors == Names{"Creator Name"});
    CHECK(rdfa.authors_source == "meta dc.creator");
    CHECK(rdfa.og_title == "A title");

    // a later key that names the same first author and the others: every author
    Statements paper = statements_of(R"(<html><head><meta name="DC.Creator" content="Jennifer Roe">
        <meta name="citation_authors" content="Jennifer Roe"><meta name="citation_authors" content="Jeni Green">
        <meta name="citation_authors" content="Chong Lee"></head><body></body></html>)");
    CHECK(paper.authors == Names{"Jennifer Roe", "Jeni Green", "Chong Lee"});
    CHECK(paper.authors_source == "meta citation_authors");
}

TEST_CASE("bylines: rel=author, byline classes, 'By' lines, a label before the name, co-authors", "[metadata][bylines]") {
    Statements rel = statements_of(article_body("", "<p>By <a rel=\"author\" href=\"/a/j\">Jane Roe</a></p>"));
    CHECK(rel.authors == Names{"Jane Roe"});
    CHECK(rel.authors_source == "rel=author");

    Statements byline = statements_of(article_body(
        "", "<div class=\"article-byline\"><span class=\"author-name\">Jane Roe</span> and "
            "<span class=\"author-name\">John Doe</span> · <span>May 3, 2024</span></div>"));
    CHECK(byline.authors == Names{"Jane Roe", "John Doe"});

    Statements by_line = statements_of(article_body("", "<p><span>By </span>Scott Pletcher</p>"));
    CHECK(by_line.authors == Names{"Scott Pletcher"});
    CHECK(by_line.authors_source == "byline text");

    Statements label = statements_of(article_body("", "<div><div>Written by</div><div>Jack Shepherd</div></div>"));
    CHECK(label.authors == Names{"Jack Shepherd"});

    Statements dated = statements_of(article_body("", "<div class=\"post-author\">Lauren Vetter August 28, 2025</div>"));
    CHECK(dated.authors == Names{"Lauren Vetter"});

    // a "by" in the navigation or in a sentence is no byline
    Statements nav = statements_of(article_body("<nav><p>By Menu Person</p></nav>", "<p>Sorted by relevance</p>"));
    CHECK(nav.authors.empty());
}

TEST_CASE("dates: the date the page shows wins over a structured date it does not show", "[metadata][dates]") {
    // shown: the structured publication date
    Statements shown = statements_of(R"(<html><head><script type="application/ld+json">{"@type": "Article",
        "datePublished": "2024-01-02", "dateModified": "2024-06-07"}</script></head>)" +
                                     article_body("", "<p class=\"date\">January 2, 2024</p>") + "</html>");
    CHECK(shown.date.value == "2024-01-02");
    CHECK(shown.date_modified.value == "2024-06-07");
    // the page shows only its last change ("Updated ...")
    Statements updated = statements_of(R"(<html><head><script type="application/ld+json">{"@type": "Article",
        "datePublished": "2019-08-14", "dateModified": "2025-09-17"}</script></head>)" +
                                       article_body("", "<span>Updated Sep 17, 2025</span>") + "</html>");
    CHECK(updated.date.value == "2025-09-17");
    CHECK_THAT(updated.date.source, Catch::Contains("the date the page shows"));
    // "09.10.2024" on an American page is the structured September 10 written month first: the
    // structured date settles the order (read alone, a dotted date is day first)
    Statements dotted = statements_of(R"(<html lang="en"><head><script type="application/ld+json">{"@type": "BlogPosting",
        "datePublished": "2024-09-10T16:07:00Z"}</script></head>)" +
                                      article_body("", "<p class=\"post-date\">09.10.2024</p>") + "</html>");
    CHECK(dotted.date.value == "2024-09-10T16:07:00Z");
    CHECK_THAT(dotted.date.source, Catch::Contains("shown on the page"));
    // a WebPage's own datePublished (an SEO plugin's, on every page) dates the page only when shown
    const std::string web_page = R"(<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebPage",
        "datePublished": "2018-05-18T10:00:00+00:00"}]}</script></head>)";
    CHECK(statements_of(web_page + article_body("", "") + "</html>").date.empty());
    Statements page_shown = statements_of(web_page + article_body("", "<p class=\"date\">May 18, 2018</p>") + "</html>");
    CHECK(page_shown.date.value == "2018-05-18T10:00:00+00:00");
    CHECK(page_shown.date.source == "json-ld WebPage.datePublished, shown on the page");
    // no structured date: a <time> element, then a short date line near the headline
    Statements timed = statements_of(article_body("", "<time datetime=\"2023-03-04T05:06\">March 4</time>"));
    CHECK(timed.date.value == "2023-03-04T05:06");
    Statements text = statements_of(article_body("", "<div>Posted on 12. März 2021</div>"));
    CHECK(text.date.value == "2021-03-12");
    // the URL's date when the page says nothing
    Statements url = statements_of(article_body("", ""), "https://example.org/2020/10/11/story");
    CHECK(url.date.value == "2020-10-11");
    CHECK(url.date.source == "url path");
    // a meta tag named "published", in a human's words
    Statements meta_published = statements_of(R"(<html><head><meta name="published" content="July 17, 2025"></head>)" +
                                              article_body("", "") + "</html>");
    CHECK(meta_published.date.value == "2025-07-17");
    CHECK(meta_published.date.source == "meta published");
    // never a date in the future, never a raw string
    Statements future = statements_of(R"(<html><head><meta property="article:published_time" content="2031-01-01">
        <meta name="date" content="sometime last week"></head><body></body></html>)");
    CHECK(future.date.empty());
    // a video's uploadDate inside the article is not the article's publication date
    Statements video = statements_of(R"(<html><head><script type="application/ld+json">[{"@type": "VideoObject",
        "uploadDate": "2024-12-07T01:36:42Z"}, {"@type": "NewsArticle", "datePublished": "2024-12-06T22:00:40Z"}]
        </script></head>)" + article_body("", "") + "</html>");
    CHECK(video.date.value == "2024-12-06T22:00:40Z");
    // a JSON-LD record's creation gives way to the publication that a meta tag states
    Statements created = statements_of(R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "dateCreated": "2017-11-17T10:41:09Z"}</script><meta property="article:published_time" content="2017-11-16T14:15:00Z">
        </head>)" + article_body("", "") + "</html>");
    CHECK(created.date.value == "2017-11-16T14:15:00Z");
    CHECK(created.date.source == "meta article:published_time");
    // and dates the page when nothing else does
    Statements created_only = statements_of(R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "dateCreated": "2017-11-17T10:41:09Z"}</script></head>)" + article_body("", "") + "</html>");
    CHECK(created_only.date.value == "2017-11-17T10:41:09Z");
}

TEST_CASE("a date labelled as the publication away from the headline dates a page nothing else dates", "[metadata][dates]") {
    // the text between the headline and the labelled line: well beyond the headline's window
    const std::string text = "<p>" + std::string(3000, 'x') + "</p>";
    auto page = [&](const std::string& after_text) { return statements_of(article_body("", text + after_text)); };
    // a post's metadata column: the label in one element, the date in the next
    const Statements column = page(R"(<div class="post-meta"><h4>Published</h4><div class="post-date">July 8, 2025</div></div>)");
    CHECK(column.date.value == "2025-07-08");
    CHECK(column.date.source == "text labelled \"Published\", away from the headline");
    CHECK(page("<div><p>Posted on April 13, 2023</p></div>").date.value == "2023-04-13");
    CHECK(page("<p>Veröffentlicht am 07.06.2019</p>").date.value == "2019-06-07");
    // a date near the headline, or a structured one, comes first
    const Statements near = statements_of(article_body("", "<p class=\"date\">May 2, 2024</p>" + text +
                                                           "<p>Published: July 8, 2025</p>"));
    CHECK(near.date.value == "2024-05-02");
    // "Last updated" after the text is the last change: no publication date (documentation, a
    // personal page, a wiki show one)
    const Statements updated = page("<p>Last updated: November 13, 2025</p>");
    CHECK(updated.date.empty());
    CHECK(updated.date_modified.value == "2025-11-13");
    // a longer lead than a label: a citation, a comment's byline
    CHECK(page("<p>Accessed at example.org on June 3, 2022.</p>").date.empty());
    CHECK(page("<p>Posted by Jane Roe on June 3, 2022</p>").date.empty());
    // a customer's review, a forum post's edit
    CHECK(page("<p>Reviewed on: Oct 13, 2025</p>").date_modified.empty());
    // labels that disagree: a listing's teasers
    const Statements teasers = page("<div><p>Posted on April 13, 2023</p></div><div><p>Posted on May 2, 2023</p></div>"
                                    "<div>Updated: Mar 5, 2025</div><div>Updated: Mar 6, 2025</div>");
    CHECK(teasers.date.empty());
    CHECK(teasers.date_modified.empty());
    // the comments' dates are no page's
    CHECK(page(R"(<div class="comments"><p>Posted on April 13, 2023</p></div>)").date.empty());
}

TEST_CASE("language tags are normalised, and nonsense is no tag", "[metadata][language]") {
    CHECK(normalise_language_tag("en-us") == "en-US");
    CHECK(normalise_language_tag("EN") == "en");
    CHECK(normalise_language_tag("zh_hant_tw") == "zh-Hant-TW");
    CHECK(normalise_language_tag("{{lang}}").empty());
    CHECK(normalise_language_tag("English").empty());
    Statements og = statements_of(R"(<html><head><meta property="og:locale" content="de_DE"></head><body></body></html>)");
    CHECK(og.language == "de-DE");
    CHECK(og.language_source == "meta og:locale");
}

TEST_CASE("a byline element's job title is not part of the name", "[metadata][authors]") {
    const Statements s = statements_of(article_body(
        "", R"(<div class="author"><a href="/author/ben-silverman">Ben Silverman</a>
               <div class="author-title">Games Editor</div></div>)"));
    CHECK(s.authors == Names{"Ben Silverman"});
}

TEST_CASE("an icon's text is no author: a share bar's profile link shows only an <svg>", "[metadata][authors]") {
    const std::string icon = R"(<ul class="social"><li><a href="https://bsky.app/profile/example.bsky.social"
        aria-label="Bluesky"><svg role="img" viewBox="0 0 24 24"><title>Bluesky</title><path d="M0 0h24v24H0z"/></svg></a></li></ul>)";
    CHECK(statements_of(article_body("", icon)).authors.empty());
    // the same link with its name as text is an author page link
    const std::string named = R"(<p><a href="https://example.org/profile/jane-roe">Jane Roe</a></p>)";
    CHECK(statements_of(article_body("", named)).authors == Names{"Jane Roe"});
}

TEST_CASE("bylines and dates are read below the last copy of the headline (a sticky header's copy first)",
          "[metadata][authors]") {
    const std::string filler(3000, 'x');
    const Statements s = statements_of(
        "<body><header><h1>The headline of the story</h1></header><div><p>" + filler + " " + filler +
        "</p></div><h1>The headline of the story</h1><h6 class=\"byline\"><em>By</em> "
        "<a href=\"/authors/joshua-sokol/\"><span>Joshua Sokol</span></a></h6>"
        "<p>The first paragraph of the story is long enough to be prose for anyone who reads it.</p></body>");
    CHECK(s.authors == Names{"Joshua Sokol"});
}

TEST_CASE("a JSON-LD user name gives way to the byline, and a name written as HTML loses its tags", "[metadata][authors]") {
    // "CC7567" is the account that posted the page; the byline names the writer ("8h" beside it
    // is how long ago, not a co-author)
    const Statements posted = statements_of(
        R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": "CC7567"}</script></head>)" +
        article_body("", R"(<div class="byline"><span class="author-name">James Akinaka</span> <span>8h</span></div>)") +
        "</html>");
    CHECK(posted.authors == Names{"James Akinaka"});
    const Statements tagged = statements_of(
        R"(<html><head><script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person",
           "name": ["\u003Ca href=\u0022/pl/eksperci/jan-kowalski\u0022\u003EJan Kowalski\u003C/a\u003E",
                    "\u003Ca href=\u0022/pl/eksperci/anna-nowak\u0022\u003EAnna Nowak\u003C/a\u003E"]}}</script></head>
           <body><p>x</p></body></html>)");
    CHECK(tagged.authors == Names{"Jan Kowalski", "Anna Nowak"});
}

TEST_CASE("dates in an infobox's labelled row or in a quotation are not the page's", "[metadata][dates]") {
    // "Founded | February 28, 1998": a fact about the subject, with a microformat class saying so
    Statements infobox = statements_of(article_body(
        "", R"(<table class="infobox"><tr><th scope="row">Founded</th><td>February 28, 1998<span class="bday dtstart published updated">1998-02-28</span></td></tr></table>)"));
    CHECK(infobox.date.empty());
    CHECK(infobox.date_modified.empty());
    // an embedded post's date
    Statements quoted = statements_of(article_body(
        "", R"(<blockquote class="twitter-tweet"><p>Short post</p>— Jane Roe (@jroe) <a href="https://x.example/1">August 22, 2013</a></blockquote>)"));
    CHECK(quoted.date.empty());
    // a layout table's row without a header cell still shows the page's date
    Statements layout = statements_of(article_body("", "<table><tr><td>Posted on 12. März 2021</td></tr></table>"));
    CHECK(layout.date.value == "2021-03-12");
}

TEST_CASE("a class that names a zone on the page's layout is no zone: the body, a column that holds the headline",
          "[metadata][zones]") {
    // the body's class says what the layout has ("no-sidebar", "right-sidebar")
    Statements body = statements_of(R"(<html><body class="single-post no-sidebar"><h1>The headline of the story</h1>
        <p class="byline">By Jane Roe</p><span class="date">March 12, 2021</span>
        <p>The first paragraph of the story is long enough to be prose for anyone who reads it.</p></body></html>)");
    CHECK(body.authors == Names{"Jane Roe"});
    CHECK(body.date.value == "2021-03-12");
    // the content column beside a sidebar, named after it, holds the main element and the headline
    const std::string column = R"(<html><body><div id="primary" class="content-area theme-sidebar"><main>
        <div class="post-meta"><span class="post-date">November 22, 2018</span></div>
        <h1>The headline of the story</h1><p>The first paragraph of the story is long enough to be prose.</p>
        </main></div><div class="theme-sidebar"><span class="date">January 5, 2020</span></div></body></html>)";
    CHECK(statements_of(column).date.value == "2018-11-22");
    // a real sidebar's date stays out: it holds neither the main element nor an h1
    Statements sidebar = statements_of(R"(<html><body><div class="sidebar"><span class="date">January 5, 2020</span>
        </div><h1>The headline of the story</h1>
        <p>The first paragraph of the story is long enough to be prose for anyone who reads it.</p></body></html>)");
    CHECK(sidebar.date.empty());
}

TEST_CASE("a picture's credit is no byline, though its class says author", "[metadata][authors]") {
    Statements s = statements_of(article_body(
        R"(<p class="media-license"><span class="media-legend">The road to the capital.</span><span class="media-license-info">&copy; </span><span class="media-license-author">zvg</span></p>)",
        ""));
    CHECK(s.authors.empty());
}

TEST_CASE("a relative time's element holds its date in its title, a <relative-time> in its datetime", "[metadata][dates]") {
    // jQuery's timeago and NodeBB: the text is filled in by a script ("2 years ago") or empty
    Statements timeago = statements_of(article_body(
        "", R"(<span>wrote on <a href="/post/1" class="timeago text-muted" title="2024-04-17T10:58:44.717Z"></a></span>)"));
    CHECK(timeago.date.value == "2024-04-17T10:58:44Z");
    CHECK(timeago.date.source == "a relative time's title near the headline");
    // Stack Exchange
    Statements relative = statements_of(article_body("", R"(<span title="2023-05-02 08:15:00Z" class="relativetime">2 years ago</span>)"));
    CHECK(relative.date.value.starts_with("2023-05-02"));
    // a custom element that works like <time>
    Statements custom = statements_of(article_body("", R"(<relative-time datetime="2022-11-03T12:00:00Z">Nov 3, 2022</relative-time>)"));
    CHECK(custom.date.value.starts_with("2022-11-03"));
    // a title that is no date is nothing
    CHECK(statements_of(article_body("", R"(<span class="timeago" title="Invalid Date"></span>)")).date.empty());
}

TEST_CASE("a <relative-time> with a relative time's class is one time element, read once", "[metadata][dates]") {
    Statements s = statements_of(article_body(
        "", R"(<relative-time class="timeago" datetime="2022-11-03T12:00:00Z" title="Nov 3, 2022, 12:00 PM">Nov 3, 2022</relative-time>)"));
    CHECK(s.date.value.starts_with("2022-11-03"));
    CHECK(s.date.source == "<time datetime> near the headline");
    CHECK(s.signals.time_elements == 1);
}

TEST_CASE("tags and categories: every meta value, else the article's JSON-LD, an array item by item", "[metadata][meta]") {
    Statements s = statements_of(R"(<html><head><script type="application/ld+json">
        {"@type": "NewsArticle", "headline": "A story", "keywords": ["energy, climate", "wind"],
         "articleSection": "News, Politics"}</script></head><body><p>Text.</p></body></html>)");
    CHECK(s.tags == Names{"energy, climate", "wind"});  // an array's items are not split
    CHECK(s.categories == Names{"News, Politics"});     // a section is one name
    s = statements_of(R"(<html><head><meta property="article:tag" content="one, two"><meta property="article:tag" content="two">
        <meta property="article:section" content="Science, Tech"><script type="application/ld+json">
        {"@type": "NewsArticle", "keywords": "ignored", "articleSection": "Ignored"}</script></head><body></body></html>)");
    CHECK(s.tags == Names{"one", "two"});
    CHECK(s.categories == Names{"Science, Tech"});
}
