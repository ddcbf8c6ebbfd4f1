// Behaviour tests for the accuracy classes of issue 12: each builds a small page showing one
// class of page or failure (named in the test) and checks what the extractor keeps.
#include <catch2/catch.hpp>

#include <string>

#include "winnow/extract/extractor.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/write/text_writer.hpp"

using namespace winnow::extract;

namespace {

// Through the pipeline every command uses: a <noscript> holding the page is unwrapped there,
// before extraction (which only reads the tree).
Article extract(const std::string& html) {
    auto article = winnow::pipeline::clean_page(std::string_view(html), {}, {});
    REQUIRE(article.has_value());
    return *article;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a forum page served inside noscript is read from the noscript", "[extract][accuracy]") {
    // Forum software renders an empty shell for browsers and the posts in <noscript>.
    const std::string post =
        "<div class='post'><p>I started using the app a month ago for my reading notes, and I would like to use it "
        "for daily notes too, so any plugin recommendations are welcome.</p></div>";
    const std::string html = R"(<html><head><title>Plugin recommendations? - Forum</title></head><body>
        <noscript><style>#splash{display:none}</style></noscript>
        <div id="splash">Loading…</div>
        <noscript data-path="/t/plugin-recommendations"><header><a href="/">Forum</a></header>
        <div id="main-outlet" role="main"><h1>Plugin recommendations?</h1>
        <div class="topic-body"><span class="creator">reader42</span>)" +
                             post + R"(</div><div class="topic-body"><span class="creator">helper7</span>
        <p>Start with the calendar plugin: it lets you move between your daily notes, and the tasks plugin collects
        what you still have to do from every note.</p></div></div>
        <footer><a href="/privacy">Privacy</a></footer></noscript>
        <noscript><img src="/pixel.gif"></noscript></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "plugin recommendations are welcome"));
    CHECK(has(text, "Start with the calendar plugin"));
    CHECK_FALSE(has(text, "Loading"));
    CHECK(has(article.method, "noscript"));
}

TEST_CASE("a noscript fallback notice is not content", "[extract][accuracy]") {
    const std::string html = R"(<html><body><noscript><p>Please enable JavaScript to view the comments and the
        rest of this page, which needs scripts to work properly.</p></noscript><article><p>The council voted on Tuesday
        to extend the bus line, and the work will start in spring, the mayor said after the meeting.</p><p>Residents
        of the northern districts have asked for the extension for years, and the budget now allows it.</p>
        </article></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "The council voted"));
    CHECK_FALSE(has(text, "enable JavaScript"));
    CHECK_FALSE(has(article.method, "noscript"));
}

TEST_CASE("a page written as page-builder sections keeps every section, not only the first", "[extract][accuracy]") {
    // One paragraph group per section, each wrapped alike (the same first class name) and nested
    // deeper than density scores reach, as page builders write landing and service pages.
    auto section = [](const std::string& id, const std::string& heading, const std::string& paragraphs) {
        return "<div class='block-container block-" + id + "'><div class='block-content'><div class='block-text'><h2>" +
               heading + "</h2><div class='inner'><div class='max-width'><div class='column'><div class='cell'>" +
               paragraphs + "</div></div></div></div></div></div></div>";
    };
    const std::string first =
        "<p>We plan corporate gatherings from the first idea to the last guest, and we manage every detail, from "
        "venues and catering to the stage, so that your team can focus on the people who attend.</p>"
        "<p>Our planners organise product launches from the first idea to the last guest, and they manage every "
        "detail, from the invitations to the stage, so that you can focus on what your guests will remember.</p>";
    const std::string html =
        R"(<html><head><title>Corporate events - Events Company</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header><main><section class="primary">)" +
        section("a1", "Events that work", first) +
        section("b2", "Our services", "<p>Our planners coordinate the suppliers and report to you every week.</p>") +
        section("c3", "Experience", "<p>Our team has organised conferences for companies of every size.</p>") +
        R"(</section></main><footer><a href="/privacy">Privacy</a> <a href="/imprint">Imprint</a></footer></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "We plan corporate gatherings"));
    CHECK(has(text, "Our planners coordinate the suppliers"));
    CHECK(has(text, "Our team has organised conferences"));
    CHECK(has(text, "Our services"));
    CHECK_FALSE(has(text, "Privacy"));
    CHECK(has(article.method, "sections"));
}

TEST_CASE("a long article's sibling teasers of the same kind are not joined", "[extract][accuracy]") {
    std::string body;
    for (int i = 0; i < 12; ++i)
        body += "<p>The council voted on Tuesday to extend the bus line to the northern districts, and the work, "
                "which the mayor called overdue, will start in spring and last two years, paragraph " +
                std::to_string(i) + ".</p>";
    const std::string html = "<html><body><main><div class='card main-story'><div class='text'>" + body +
                             "</div></div><div class='card teaser'><p>Another story: the weather this weekend, "
                             "with rain on Saturday</p></div></main></body></html>";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "paragraph 11."));
    CHECK_FALSE(has(text, "Another story"));
    CHECK_FALSE(has(article.method, "sections"));
}

TEST_CASE("a Q&A thread keeps the question and every answer, not only the best answer", "[extract][accuracy]") {
    // Each post's body carries the same body class; the question and the answers sit in
    // different wrappers, so only the page's own statement (QAPage) says they belong together.
    auto post = [](const std::string& wrapper, const std::string& text) {
        return "<div class='" + wrapper + "'><div class='post-layout'><div class='cell'><div class='prose post-body'>" + text +
               "</div></div><div class='user-info'><div>asked by someone</div><div>May 26, 2025</div></div></div></div>";
    };
    const std::string html =
        R"(<html><head><title>Why is a bare except bad? - Q&amp;A</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage",
        "mainEntity":{"@type":"Question","name":"Why is a bare except bad?"}}</script></head><body>
        <div id="mainbar"><h1>Why is a bare except bad?</h1>)" +
        post("question", "<p>I often read that catching every error with a bare except clause is discouraged. Why is it "
                         "bad, when I just want the loop to go on whatever happens?</p>") +
        "<div id='answers'>" +
        post("answer accepted",
             "<p>There are two sides to it: catching any error without naming its type, and passing it without "
             "doing anything. Both hide the mistakes you would want to see while you develop the program.</p>"
             "<p>Name the exceptions you expect, and log the others, so that you know what problems you have. A "
             "bare except also catches the interrupt that you send when you want to stop the program.</p>") +
        post("answer", "<p>Another reason: a bare except also swallows the errors of your own code, such as a "
                       "misspelt name, so the program goes on with wrong data and fails much later.</p>") +
        "</div></div></body></html>";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "I often read that catching every error"));
    CHECK(has(text, "There are two sides to it"));
    CHECK(has(text, "swallows the errors of your own code"));
}

TEST_CASE("a short post under a long comment thread keeps the post, not the thread", "[extract][accuracy]") {
    // The thread holds most of the page's text under a body marker of its own ("post-text"),
    // larger than the article's: the article's own marker beside it still says where the article is.
    std::string comments;
    for (int i = 0; i < 12; ++i)
        comments += "<li class='reply'><div>Thank you for sharing these photographs of the maple "
                    "trees, comment number " + std::to_string(i) + " says, we went there last weekend and the colours "
                    "were just as bright as in your pictures, although it rained the whole afternoon.</div></li>";
    const std::string html = R"(<html><head><title>Red maples in the mountains</title></head><body>
        <div class="article"><h1>Red maples in the mountains</h1><div class="article-body">
        <p>The cold front arrived early this year, and the maples along the mountain road turned red within a week.</p>
        <p>We drove up on Saturday morning, camped beside the old school and walked the ridge trail before sunset,
        when the light makes the leaves glow.</p></div></div>
        <div id="comment-box" class="user-post-box"><div class="post-text"><ul>)" + comments + R"(</ul></div></div>
        </body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "The cold front arrived early"));
    CHECK(has(text, "walked the ridge trail"));
    CHECK_FALSE(has(text, "Thank you for sharing"));
}

TEST_CASE("a forum thread's comment-classed posts are still the page", "[extract][accuracy]") {
    // On a page that says it is a discussion, the comments are the posts: the article marker of
    // the first post does not make the others go.
    std::string replies;
    for (int i = 0; i < 6; ++i)
        replies += "<div class='comment'><div class='post-text'>Reply " + std::to_string(i) + ": I had the same "
                   "problem with the payment module after the update, and clearing the cache and reinstalling the "
                   "module fixed it for me, so try that first before you change the order states.</div></div>";
    const std::string html = R"(<html><head><title>Orders not paid - Forum</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting",
        "headline":"Orders not paid","author":{"@type":"Person","name":"shopkeeper"}}</script></head><body>
        <h1>Orders not paid</h1><div class="article-body"><p>Hi, I have a few orders where the customer did not pay
        but the order was still sent to the warehouse. Has anyone seen this with the payment module?</p></div>
        <div class="comments">)" + replies + R"(</div></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "I had the same problem"));
}

// Pages that are not news (class 5): product, service, listing and forum pages.

TEST_CASE("a product description in a collapsed accordion panel is kept", "[extract][accuracy]") {
    // The panel is hidden until its button opens it; the hidden menu a button also controls and a
    // plain hidden element stay out.
    const std::string html = R"(<html><head><title>Summit fire pit - Stoves</title></head><body>
        <header><button aria-controls="mobile-menu" aria-expanded="false">Menu</button>
        <nav id="mobile-menu" hidden><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
        <main><h1>Summit fire pit</h1><p>Our most advanced fire pit lights three times faster than kindling alone.</p>
        <div class="accordion"><button aria-controls="panel-1" aria-expanded="false">Description</button>
        <div class="collapse" style="display:none"><div role="region" id="panel-1">
        <p>From the team that created the smokeless fire pit comes our most advanced design yet, with taller and
        brighter flames, a built-in stand and a cone that lights the fire in seconds, so that every evening starts
        without waiting.</p><p>The stainless steel body resists corrosion and is built for years of use, and every
        fire pit is backed by our lifetime warranty.</p></div></div>
        <button aria-controls="panel-2" aria-expanded="false">Dimensions</button>
        <div id="panel-2" hidden><p>Height: 50 cm, diameter: 60 cm, weight: 18 kg.</p></div></div>
        <div style="display:none"><p>Your cart is empty, sign in to see the items you saved before.</p></div>
        </main></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "From the team that created"));
    CHECK(has(text, "lifetime warranty"));
    CHECK(has(text, "Height: 50 cm"));
    CHECK_FALSE(has(text, "Your cart is empty"));
    CHECK_FALSE(has(text, "Shop"));
}

TEST_CASE("a call-to-action box inside the article goes", "[extract][accuracy]") {
    // It sits inside the article's container, after its last paragraph, and reads like prose.
    const std::string html = R"(<html><head><title>Disasters are not natural</title></head><body><article>
        <h1>Disasters are not natural</h1><div class="entry">
        <p>When the river rose last spring, the damage followed the map of the old floodplain almost street by
        street, and the neighbourhoods built there in the sixties took the worst of it.</p>
        <p>Engineers had warned the city for years, and the plans for new levees were drawn long before the
        water came, but the money never arrived and the work never started.</p>
        <section class="c-letters-cta"><p class="c-letters-cta__text">We want to hear what you think about this
        article, so submit a letter to the editor or write to the letters desk today.</p></section>
        </div></article></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "When the river rose"));
    CHECK(has(text, "the work never started"));
    CHECK_FALSE(has(text, "We want to hear what you think"));
}
