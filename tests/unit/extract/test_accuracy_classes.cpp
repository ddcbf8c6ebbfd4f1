// Behaviour tests for the accuracy classes of issue 12: each builds a small page showing one
// class of page or failure (named in the test) and checks what the extractor keeps.
#include <catch2/catch.hpp>

#include <optional>
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

// With --explain, so that the removals name their rules.
Article explained(const std::string& html, std::optional<Favor> favor = {}) {
    winnow::pipeline::CleanOptions options;
    options.explain = true;
    options.favor = favor;
    auto article = winnow::pipeline::clean_page(std::string_view(html), {}, options);
    REQUIRE(article.has_value());
    return *article;
}

// True when a removal carries this rule name (or one starting with it).
bool removed_by(const Article& article, const std::string& rule) {
    for (const Removal& removal : article.removals)
        if (removal.rule.starts_with(rule)) return true;
    return false;
}

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

TEST_CASE("a body split over page-builder text modules keeps every module's chunk", "[extract][accuracy]") {
    // Each chunk of the body sits in its own text module, the body marker two levels down; a
    // one-line note in a module of the same kind and a marker in a teaser box of another kind
    // are not chunks of it.
    auto module = [](const std::string& kind, const std::string& paragraphs) {
        return "<div class='module " + kind + "'><div class='module-inner'><div class='article-text'>" + paragraphs +
               "</div></div></div>";
    };
    const std::string first =
        "<p>The sports centre on the southern shore of the lake has grown again: a new gym, a dining hall and "
        "rooms for more than a hundred and seventy guests now stand beside the buildings of the sixties.</p>"
        "<p>In the existing buildings concrete dominates, and so the load-bearing structures of the extension were "
        "cast in concrete on site, their surfaces sandblasted to set them apart from the old ones.</p>"
        "<p>The rooms were prefabricated from spruce and fir and stacked into the concrete shell by crane, which "
        "took only three weeks, and they give the lodging the feel of a mountain hostel.</p>";
    const std::string second =
        "<p>The new gym has a flat roof of about fifty by forty metres, built to carry a later use: a mini golf "
        "course or a photovoltaic plant are being considered by the canton as its owner.</p>";
    const std::string html =
        R"(<html><head><title>Sports centre extended - Architecture</title></head><body>
        <div id="page"><div id="primary"><h1>Sports centre extended</h1>)" +
        module("module-text", first) + "<div class='module module-ad'><script>ads()</script></div>" +
        module("module-text", second) + module("module-text", "<p><i>The current issue, at every kiosk.</i></p>") +
        module("module-teaser", "<p>Read next: <a href='/holborn'>a sixties gym in London became a community "
                                "centre with a focus on art, a conversion by a young practice that kept the old "
                                "roof trusses</a></p>") +
        R"(</div></div><footer><a href="/privacy">Privacy</a></footer></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "The rooms were prefabricated"));
    CHECK(has(text, "The new gym has a flat roof"));
    CHECK_FALSE(has(text, "The current issue"));
    CHECK_FALSE(has(text, "Read next"));
    CHECK(has(article.method, "body marker sections"));
}

TEST_CASE("a page whose components are named cmp- keeps its text, its consent layer still goes", "[extract][accuracy]") {
    // Adobe Experience Manager names every component cmp-...: the article's text blocks too,
    // each a small part of the page.
    auto text_component = [](const std::string& paragraphs) {
        return "<div class='cmp-container'><div class='cmp-text'>" + paragraphs + "</div></div>";
    };
    const std::string html =
        R"(<html><head><title>Heat pumps in old buildings - Heating guide</title></head><body>
        <div class="cookie-consent"><p>We use cookies to improve your experience, and you can choose which ones
        you accept in the settings at any time.</p></div><main><h1>Heat pumps in old buildings</h1>
        <div class="hero"><p>Heat pumps draw free energy from the air, the ground or water, and more and more owners
        of old houses want one, since the technique has become common in new buildings over the last years.</p>
        <p>But can a heat pump heat an old house well, and what has to change before one is installed? This guide
        goes through the questions owners ask most often, one by one.</p></div>)" +
        text_component("<h2>What an old house needs</h2><p>A heat pump works best with a low flow temperature, "
                       "which needs well insulated walls, a tight roof and radiators large enough for the rooms "
                       "they heat in winter.</p>") +
        text_component("<h2>Insulation pays</h2><p>Insulating the facade and the roof lowers the flow temperature "
                       "the house needs, and with it the running costs of the heat pump over its whole life.</p>") +
        text_component("<h2>Radiators</h2><p>Larger radiators or floor heating in the main rooms let the heat pump "
                       "run at a lower temperature, which saves electricity in every season.</p>") +
        R"(</main><footer><a href="/imprint">Imprint</a></footer></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "A heat pump works best with a low flow temperature"));
    CHECK(has(text, "Insulating the facade and the roof"));
    CHECK(has(text, "Larger radiators or floor heating"));
    CHECK_FALSE(has(text, "We use cookies"));
}

TEST_CASE("a page-builder page whose first section has a long introduction keeps its later sections", "[extract][accuracy]") {
    // The first section holds about 2,000 characters (an introduction), the others one paragraph
    // group each: still one page written as sections.
    auto section = [](const std::string& id, const std::string& heading, const std::string& paragraphs) {
        return "<div class='block-container block-" + id + "'><div class='block-content'><div class='block-text'><h2>" +
               heading + "</h2><div class='inner'><div class='max-width'><div class='column'><div class='cell'>" +
               paragraphs + "</div></div></div></div></div></div></div>";
    };
    std::string introduction;
    for (int i = 0; i < 12; ++i)
        introduction += "<p>This cake is baked from a yeast dough, covered with caramelised almonds and filled with "
                        "vanilla cream, and every step is shown below, step " + std::to_string(i) + ".</p>";
    const std::string html =
        R"(<html><head><title>Bee sting cake - Recipes</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav></header><main><section class="primary">)" +
        section("a1", "Bee sting cake", introduction) +
        section("b2", "Ingredients", "<p>For the dough you need flour, yeast, milk, sugar and soft butter.</p>") +
        section("c3", "Preparation", "<p>Knead the dough until smooth and let it rise for one hour.</p>") +
        R"(</section></main><footer><a href="/privacy">Privacy</a></footer></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "step 11."));
    CHECK(has(text, "For the dough you need flour"));
    CHECK(has(text, "Knead the dough until smooth"));
    CHECK(has(article.method, "sections"));
}

TEST_CASE("a long article's sibling teasers of the same kind are not joined", "[extract][accuracy]") {
    // Long: over k_section_join_max_chars (2,500 non-link characters), so not a page-builder section.
    std::string body;
    for (int i = 0; i < 16; ++i)
        body += "<p>The council voted on Tuesday to extend the bus line to the northern districts, and the work, "
                "which the mayor called overdue, will start in spring and last two years, paragraph " +
                std::to_string(i) + ".</p>";
    const std::string html = "<html><body><main><div class='card main-story'><div class='text'>" + body +
                             "</div></div><div class='card teaser'><p>Another story: the weather this weekend, "
                             "with rain on Saturday</p></div></main></body></html>";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "paragraph 15."));
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

TEST_CASE("the target of a skip link is not navigation", "[extract][accuracy]") {
    // Chakra UI's SkipNavContent wraps the page's first part in id="chakra-skip-nav" (where the
    // "Skip to content" link lands): it is not a navigation box, removed or dropping its blocks.
    const std::string html = R"(<html><head><title>Summit fire pit - Stoves</title></head><body>
        <a href="#chakra-skip-nav">Skip to Content</a><div class="app">
        <div id="chakra-skip-nav"><div class="summary"><h1>Summit fire pit</h1>
        <p>From the team that created the smokeless fire pit comes our most advanced design yet, with taller and
        brighter flames, a built-in stand and a cone that lights the fire in seconds.</p></div></div>
        <div class="details"><p>The stainless steel body resists corrosion and is built for years of use, and every
        fire pit is backed by our lifetime warranty, whatever the weather does to it.</p><p>A removable ash pan lifts
        out with ease and no tools, so that a quick cleanup keeps the fire pit ready for the next evening.</p>
        </div></div></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "From the team that created"));
    CHECK(has(text, "lifetime warranty"));
}

TEST_CASE("on a product page, an accordion panel hidden right after its heading is kept", "[extract][accuracy]") {
    // A script opens each answer when its heading is clicked: no button, no ARIA. On a page whose
    // statements make it a product the answers are read; elsewhere, and a hidden paragraph under a
    // heading anywhere, stay out.
    std::string faq;
    for (int i = 0; i < 3; ++i)
        faq += "<div class='content newbordered'><h3>Question " + std::to_string(i) +
               ": can it be used outdoors?</h3><div class='content' style='display: none;'><p>Answer " + std::to_string(i) +
               ": yes, it is certified against splashes and can stay on a terrace or a balcony for a whole summer "
               "evening without any worry.</p></div></div>";
    auto page = [&](const std::string& head) {
        return R"(<html><head><title>Flame diffuser - Shop</title>)" + head + R"(</head><body>
        <main><h1>Flame diffuser</h1><p>A compact diffuser of essential oils with a flame effect, which lights up a
        living room or a terrace and fills it with the scent you chose, for up to eleven hours.</p>
        <h2>Frequently asked questions</h2>)" + faq + R"(
        <h2>Stock</h2><p style="display:none">Only three left in the shop near your home, order today.</p>
        </main></body></html>)";
    };
    const std::string product_ld =
        R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Flame diffuser",)"
        R"("offers":{"@type":"Offer","price":"49.00","priceCurrency":"EUR"}}</script>)";
    const std::string product = winnow::write::render_body(extract(page(product_ld)));
    CHECK(has(product, "Answer 0: yes, it is certified"));
    CHECK(has(product, "Answer 2: yes, it is certified"));
    CHECK_FALSE(has(product, "Only three left"));
    const std::string other = winnow::write::render_body(extract(page("")));
    CHECK_FALSE(has(other, "Answer 0: yes, it is certified"));
}

TEST_CASE("an accordion answer hidden by a class right after its question's button is kept", "[extract][accuracy]") {
    // No ARIA: each answer is hidden by a class until the button before it opens it. A hidden
    // element after anything else (a heading, a paragraph) stays out.
    std::string faq;
    for (int i = 0; i < 4; ++i)
        faq += "<div class='faq-item'><button type='button'><h5>Question " + std::to_string(i) +
               ": how long does a project take?</h5></button><div class='text-sm hidden'><p>Answer " + std::to_string(i) +
               ": it depends on the scope, but a first version usually ships within three months, and we keep "
               "improving it with you after the launch.</p></div></div>";
    const std::string html = R"(<html><head><title>App development - Studio</title></head><body>
        <main><h1>App development</h1><p>We build applications that your customers will love to use, with the native
        feel of a mobile app and the reach of the web, for companies of every size.</p>
        <h2>Frequently asked questions</h2>)" + faq + R"(
        <h2>Contact</h2><div class='hidden'><p>Thank you, your message was sent and we will answer within a day.</p></div>
        </main></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "Answer 0: it depends on the scope"));
    CHECK(has(text, "Answer 3: it depends on the scope"));
    CHECK_FALSE(has(text, "your message was sent"));
    CHECK(removed_by(article, "heuristic hidden"));
}

TEST_CASE("an accordion's questions in its header buttons are read before their answers", "[extract][accuracy]") {
    // The ARIA accordion pattern (a button inside a heading, aria-expanded and aria-controls) and
    // the same without ARIA (a button holding the heading, the answer hidden by a class right
    // after it): each question is read, in order, before its answer. Buttons that are not a
    // heading's (a "Read more" that opens a panel, "Load more", a share button) and a heading's
    // button that opens a popup menu stay out.
    std::string aria, plain;
    for (int i = 0; i < 3; ++i) {
        const std::string n = std::to_string(i);
        aria += "<h3><button type='button' aria-expanded='false' aria-controls='answer-" + n + "'>Question " + n +
                ": can I change my plan later?</button></h3><div id='answer-" + n + "' role='region' hidden><p>Answer " +
                n + ": yes, you can move to another plan at any time, and the change applies from your next bill "
                "without any fee.</p></div>";
        plain += "<div><button type='button'><h5>Other question " + n + ": do you work with small teams?</h5></button>"
                 "<div class='hidden'><p>Other answer " + n + ": we do, most of our customers are teams of fewer than "
                 "twenty people who need a partner for their first product.</p></div></div>";
    }
    const std::string html = R"(<html><head><title>Plans and pricing - Studio</title></head><body>
        <main><h1>Plans and pricing</h1><p>Every plan includes hosting, updates and support from the people who built
        your application, for as long as you need it.</p>
        <p>Our plans start small and grow with your business.</p><button type='button' aria-expanded='false'
        aria-controls='more'>Read more</button><div id='more' hidden><p>Larger plans add a dedicated engineer and
        a review of your product every quarter, with a report on what to build next.</p></div>
        <h2>Frequently asked questions</h2>)" + aria + plain + R"(
        <h3><button aria-haspopup='true' aria-expanded='false'>Choose a currency</button></h3>
        <button type='button'>Load more</button> <button class='btn' type='button'>Share this page</button>
        </main></body></html>)";
    const std::string text = winnow::write::render_body(extract(html));
    for (int i = 0; i < 3; ++i) {
        const std::string n = std::to_string(i);
        const std::size_t question = text.find("Question " + n + ": can I change my plan later?");
        const std::size_t answer = text.find("Answer " + n + ": yes");
        REQUIRE(question != std::string::npos);
        REQUIRE(answer != std::string::npos);
        CHECK(question < answer);
        if (i > 0) CHECK(text.find("Answer " + std::to_string(i - 1) + ": yes") < question);
        const std::size_t other = text.find("Other question " + n + ": do you work");
        REQUIRE(other != std::string::npos);
        CHECK(other < text.find("Other answer " + n + ": we do"));
    }
    CHECK(has(text, "Larger plans add a dedicated engineer"));
    CHECK_FALSE(has(text, "Read more"));
    CHECK_FALSE(has(text, "Choose a currency"));
    CHECK_FALSE(has(text, "Load more"));
    CHECK_FALSE(has(text, "Share this page"));
}

TEST_CASE("a forum thread wrapped in a moderation form keeps its posts", "[extract][accuracy]") {
    // Forum software writes posts as text with <br> (no <p>) inside one inline-moderation form.
    std::string posts;
    for (int i = 0; i < 4; ++i)
        posts += "<li class='message' id='post-" + std::to_string(i) +
                 "'><div class='messageInfo'><blockquote class='messageText'>Post number " + std::to_string(i) +
                 ": I have run my own server for years, and this host kept it online through every update, "
                 "with support that answered within the hour.<br>The price went up last spring, but it is "
                 "still fair for what you get.</blockquote></div></li>";
    const std::string html = R"(<html><head><title>Best server hosts - Forum</title></head><body>
        <nav><a href="/">Forums</a> <a href="/search">Search</a></nav>
        <div class="sidebar"><p>Want a better server? Read about our software here, it is free.</p></div>
        <form action="inline-mod" method="post"><ol class="messageList">)" +
                             posts + R"(</ol><input type="hidden" name="token" value="x"></form>
        <form action="/search"><input name="q"><button>Search</button></form></body></html>)";
    const std::string text = winnow::write::render_body(extract(html));
    CHECK(has(text, "Post number 0"));
    CHECK(has(text, "Post number 3"));
    CHECK_FALSE(has(text, "Want a better server"));
}

TEST_CASE("on a forum page the posts in comment sections are the thread, on an article they go", "[extract][accuracy]") {
    auto page = [](const std::string& statement) {
        std::string replies;
        for (int i = 0; i < 3; ++i)
            replies += "<div class='comment-" + std::to_string(i) + "_wrap'><p>Reply " + std::to_string(i) +
                       ": thank you for keeping this place open, I learnt more here than anywhere else, and the "
                       "people who answer questions are the reason I stayed for so many years.</p></div>";
        return R"(<html><head><title>If the forum comes to an end - Forums</title>)" + statement +
               R"(</head><body><main><h1>If the forum comes to an end</h1><div class='post'><p>A thread to thank
               the moderators and members alike, in case the forum does get shut down one day, because it has
               been a great place to learn and to share what we build.</p></div>)" +
               replies + "</main></body></html>";
    };
    const std::string thread = page(R"(<script type="application/ld+json">{"@type":"DiscussionForumPosting",
        "headline":"If the forum comes to an end"}</script>)");
    const std::string article = page(R"(<script type="application/ld+json">{"@type":"NewsArticle",
        "headline":"If the forum comes to an end"}</script>)");
    const std::string thread_text = winnow::write::render_body(extract(thread));
    CHECK(has(thread_text, "A thread to thank"));
    CHECK(has(thread_text, "Reply 0"));
    CHECK(has(thread_text, "Reply 2"));
    const std::string article_text = winnow::write::render_body(extract(article));
    CHECK(has(article_text, "A thread to thank"));
    CHECK_FALSE(has(article_text, "Reply 0"));
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

TEST_CASE("an article shown in a modal layer is read, a consent layer is not", "[extract][accuracy]") {
    // Some news pages render the article in a layer over the stream of teasers.
    std::string teasers;
    for (int i = 0; i < 8; ++i)
        teasers += "<li><p>Teaser " + std::to_string(i) + ": a short summary of another story on the front page of "
                   "the site, with a link to read it in full and a count of its comments.</p></li>";
    const std::string html = R"(<html><head><title>Cargo ship breaks up over Siberia</title></head><body>
        <ul class="stream">)" + teasers + R"(</ul>
        <div class="render-target-modal"><article><h1>Cargo ship breaks up over Siberia</h1>
        <p>An unmanned cargo spaceship heading to the space station broke up in the atmosphere on Thursday due to
        an unspecified malfunction, the space agency said in a statement after the launch.</p>
        <p>The craft broke up at an altitude of 190 kilometres over a remote region, and most of its debris burnt
        up as it entered the atmosphere, while some fell to earth over an uninhabited area.</p>
        <p>It was the third failed launch of a cargo craft in two years, but the agency said the crew on board the
        station has enough supplies and the loss would have no impact on its operations.</p></article></div>
        <div class="cookie-modal"><p>We use cookies to improve your experience on our site and to show you
        personalised advertising. By continuing to browse the site you agree to our use of cookies.</p></div>
        </body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "An unmanned cargo spaceship"));
    CHECK(has(text, "third failed launch"));
    CHECK_FALSE(has(text, "We use cookies"));
}

TEST_CASE("short lines in the flow of the article survive edge trimming, edge debris does not", "[extract][accuracy]") {
    // The article opens with the author's own short lines, written as paragraphs like the rest.
    const std::string html = R"(<html><head><title>Update 1.8</title></head><body><div class="post text">
        <p><a href="/tag/news">News</a></p>
        <p>Published 12.03.2021</p>
        <p>+ Added granite stone blocks</p>
        <p>+ Added the iron trapdoor</p>
        <p>+ Added armour stands</p>
        <p>Villagers will now harvest crops and plant new ones, and the world can have a border that shrinks
        over time, which server owners asked for in many long threads on the forum.</p>
        <p>Containers can be locked with a named key, and the debug screen shows far more about the block you
        are looking at than it did before, which should help with building.</p>
        <p>Thanks, Anna</p></div></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "+ Added granite stone blocks"));
    CHECK(has(text, "+ Added armour stands"));
    CHECK(has(text, "Thanks, Anna"));
    CHECK_FALSE(has(text, "Published 12.03.2021"));
    CHECK_FALSE(has(text, "News"));
}

TEST_CASE("short lines of the first long line's own <p> survive edge trimming, a widget's do not", "[extract][accuracy]") {
    // A changelog written as one <p> whose lines are split at <br>: the short lines before the
    // first long one are the author's, like the long one after them.
    const std::string html = R"(<html><head><title>Update 1.8</title></head><body><div class="post text">
        <p>+ Added granite stone blocks<br>+ Added the iron trapdoor<br>+ Added armour stands<br>
        + Villagers will now harvest crops and plant new ones, and the world can have a border that shrinks
        over time, which server owners asked for in many long threads on the forum.<br>
        + Containers can be locked with a named key, and the debug screen shows far more about the block you
        are looking at than it did before, which should help with building.</p></div></body></html>)";
    const std::string text = winnow::write::render_body(extract(html));
    CHECK(has(text, "+ Added granite stone blocks"));
    CHECK(has(text, "+ Added armour stands"));
    CHECK(has(text, "+ Villagers will now harvest crops"));
    // The same lines in a <div> (a widget's element, not a paragraph) are still trimmed.
    const std::string widget = R"(<html><head><title>Update 1.8</title></head><body><div class="post text">
        <div>Sign in to enjoy<br>FREE standard shipping<br>
        Villagers will now harvest crops and plant new ones, and the world can have a border that shrinks
        over time, which server owners asked for in many long threads on the forum.</div>
        <p>Containers can be locked with a named key, and the debug screen shows far more about the block you
        are looking at than it did before, which should help with building.</p></div></body></html>)";
    const std::string trimmed = winnow::write::render_body(extract(widget));
    CHECK(has(trimmed, "Villagers will now harvest crops"));
    CHECK_FALSE(has(trimmed, "FREE standard shipping"));
}

TEST_CASE("the body's paragraphs cut off by a product card come back, the dek by the headline does not",
          "[extract][accuracy][second-opinion]") {
    // A buying guide: the headline with its dek and byline, then the body's first paragraphs,
    // a product card (three short blocks), and the marked body. The card is more than the one
    // block the second opinion crosses; past it the walk goes on inside the body's region.
    const std::string paragraphs = R"(
        <p>The Trail Runner 5 is the pair that most of our testers wanted to keep wearing after the test was over, and it is the one we would buy for ourselves.</p>
        <p>It is light and it has a firm sole that does not tire the feet, even after a long day on the road, and it dries quickly when it gets wet in the rain.</p>
        <p>The laces stay tied, the tongue stays in place and the heel does not slip, which is more than we can say for most of the other pairs in this test.</p>
        <p>It comes in six colours and in half sizes, and the wide version fits people whose feet are too wide for most of the other shoes that we have tried.</p>)";
    const std::string headline = R"(<h1>The best walking shoes</h1>
        <p class="standfirst">After three months of walking in twelve pairs, we have found the shoes that most of you will like best.</p>
        <p>By Jane Doe</p><p>Updated May 2024</p>)";
    const std::string guide = winnow::write::render_body(extract(
        R"(<html><head><title>The best walking shoes</title></head><body><div class="top">)" + headline + R"(</div>
        <main><div class="intro"><div>
        <p>Walking shoes have changed a lot in the last few years, and most of the pairs that we tried in the hills were lighter than the ones we had tested before.</p>
        <p>We walked in each pair for at least forty miles on roads, on gravel and on wet grass, and we asked six other testers to do the same.</p></div></div>
        <div class="card"><h4>Best for most people</h4><h2>Trail Runner 5</h2><p>$120 from Shop</p></div>
        <div class="wrap"><div class="inner"><div class="entry-content">)" + paragraphs + R"(</div></div></div></main></body></html>)"));
    CHECK(has(guide, "Walking shoes have changed a lot"));
    CHECK(has(guide, "We walked in each pair for at least forty miles"));
    CHECK(guide.find("Walking shoes have changed") < guide.find("The Trail Runner 5 is the pair"));
    CHECK_FALSE(has(guide, "$120 from Shop"));
    CHECK_FALSE(has(guide, "After three months of walking"));
    // The same dek three short lines above the body: it shares its block with the headline, so the
    // walk does not go on to it (the golds leave such deks out).
    const std::string news = winnow::write::render_body(extract(
        R"(<html><head><title>The best walking shoes</title></head><body><div class="hero">)" + headline +
        R"(<p>5 min read</p></div><div class="wrap"><div class="inner"><div class="entry-content">)" + paragraphs +
        R"(</div></div></div></body></html>)"));
    CHECK(has(news, "The Trail Runner 5 is the pair"));
    CHECK_FALSE(has(news, "After three months of walking"));
}

TEST_CASE("the standfirst the page states in its meta description and microdata joins the body", "[extract][accuracy]") {
    // A news template: the headline, a dateline box, the standfirst in a teaser box marked
    // itemprop="description" (no full stop), then the body in its own box.
    auto page = [](const std::string& itemprop) {
        return R"(<html><head><title>Championships postponed</title>
        <meta name="description" content="What was rumoured for weeks has now been confirmed by the federation officially"></head>
        <body><div class="article" itemscope itemtype="http://schema.org/Article"><div class="header"><h3 itemprop="headline">Championships postponed</h3></div>
        <div class="footer"><p><span class="news-list-date">01.02.2022</span></p></div>
        <div class="teaser-text")" + itemprop + R"(><p>What was rumoured for weeks has now been confirmed by the federation officially</p></div>
        <div class="news-img-wrap"><img src="/logo.jpg" alt=""></div>
        <div class="news-text-wrap"><p>The world championships will not take place in May as planned, the federation said on
        Tuesday, and a new date in the summer of next year is now being discussed with the organisers.</p>
        <p>The national teams had already booked their travel, and several coaches said that the decision came late but
        that it was the right one given the circumstances in the host city.</p></div>
        <div class="news-related"><a href="/news">Back to the list</a></div></div></body></html>)";
    };
    const std::string stated = winnow::write::render_body(extract(page(R"( itemprop="description")")));
    CHECK(has(stated, "What was rumoured for weeks has now been confirmed"));
    CHECK(has(stated, "The world championships will not take place"));
    CHECK(stated.find("What was rumoured") < stated.find("The world championships"));
    // Without the microdata the same box is a dek the golds leave out as often as not: it stays out.
    const std::string unstated = winnow::write::render_body(extract(page("")));
    CHECK_FALSE(has(unstated, "What was rumoured for weeks"));
    CHECK(has(unstated, "The world championships will not take place"));
}

TEST_CASE("a listing page keeps its teasers, not only its introduction", "[extract][accuracy]") {
    // The page calls itself a collection. Each card's title is a link (the block filter's
    // link-density rule drops it in an article): density keeps the introduction only, the
    // listing candidate keeps the cards.
    std::string cards;
    for (int i = 1; i <= 12; ++i)
        cards += "<div class='card'><a href='/p/" + std::to_string(i) + "'>Studio headphones model " +
                 std::to_string(i) + ", closed back</a><div class='price'>$" + std::to_string(50 + i) + "</div></div>";
    const std::string html = R"(<html><head><title>Studio headphones - Music Shop</title>
        <script type="application/ld+json">{"@type":"CollectionPage","name":"Studio headphones"}</script></head>
        <body><header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header><main>
        <h1>Studio headphones</h1><div class="intro"><p>Studio headphones let you hear every detail of a mix,
        and our team has tested each of these models in the studio before we put it in the shop.</p></div>
        <div class="grid">)" + cards + R"(</div><p class="count">Showing 12 of 12 models, sorted by price.</p></main>
        <footer><p>Copyright Music Shop</p></footer></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "Studio headphones let you hear"));
    CHECK(has(text, "Studio headphones model 1, closed back"));
    CHECK(has(text, "Studio headphones model 12, closed back"));
    CHECK_FALSE(has(text, "Copyright"));
    CHECK(article.method == "listing");
}

TEST_CASE("a listing's product tiles are not trimmed as short edge lines", "[extract][accuracy][listing]") {
    // Every tile is a linked name and a price: short lines without a sentence end. Edge trimming
    // from the end of the main region took them all, up to the introduction, the only strong
    // block; in the listing candidate trimming that would take most of the text does not run.
    std::string tiles;
    for (int i = 1; i <= 12; ++i)
        tiles += "<div class='tile'><h3><a href='/p/" + std::to_string(i) + "'>Oak side table " + std::to_string(i) +
                 "</a></h3><div class='price'>$" + std::to_string(100 + i) + "</div><div class='stock'>In stock</div></div>";
    const std::string html = R"(<html><head><title>Side tables - Furniture Shop</title>
        <script type="application/ld+json">{"@type":"CollectionPage","name":"Side tables"}</script></head>
        <body><header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header><main>
        <h1>Side tables</h1><div class="intro"><p>Our side tables are made from solid oak in our own workshop,
        and every one of them is finished by hand before it leaves for your living room.</p></div>
        <div class="grid">)" + tiles + R"(</div></main>
        <footer><p>Copyright Furniture Shop</p></footer></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "Our side tables are made"));
    CHECK(has(text, "Oak side table 1"));
    CHECK(has(text, "Oak side table 12"));
    CHECK(has(text, "$112"));
    CHECK(article.method == "listing");
}

TEST_CASE("an article on a page classed as a listing is not replaced by the page's menus", "[extract][accuracy][listing]") {
    // The page calls itself a collection, and its menus are many short link lines; the result is
    // an article's prose (paragraphs of 300+ characters, 2,000 in all): the main region, menus
    // and all, does not replace it.
    std::string menu;
    for (int i = 1; i <= 150; ++i) menu += "<li><a href='/section/" + std::to_string(i) + "'>Park section " + std::to_string(i) + "</a></li>";
    const std::string paragraph =
        "<p>The rangers counted the bears of the valley again this spring, walking the same paths at dawn "
        "for three weeks, and they found more families with cubs than in any year since the count began, "
        "which the park's biologists read as a sign that the population is slowly growing again after a "
        "long decline, though they warn that one good year does not make a trend.</p>";
    std::string body;
    for (int i = 0; i < 8; ++i) body += paragraph;
    const std::string html = R"(<html><head><title>Bears counted - Park</title>
        <script type="application/ld+json">{"@type":"CollectionPage","name":"News"}</script></head>
        <body><div class="top"><ul>)" + menu + R"(</ul></div><div class="story"><h1>Bears counted</h1>)" + body +
                             R"(</div><div class="bottom"><ul>)" + menu + R"(</ul></div></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "The rangers counted the bears"));
    CHECK_FALSE(has(text, "Park section 7"));
    CHECK(article.method != "listing");
}

TEST_CASE("a caption whose figure stands outside the article's flow goes, one between the paragraphs stays", "[extract][accuracy]") {
    // The lead image in the article's header and a gallery module carry the photo desk's captions;
    // a figure the author placed between the paragraphs keeps its descriptive caption (and a
    // lead image's caption is not taken back as the lead by the second opinion).
    const std::string html = R"(<html><head><title>Glacier lost a fifth of its ice</title></head><body><article>
        <div class="top"><h1>Glacier lost a fifth of its ice</h1><div class="media"><figure><img src="lead.jpg" alt="">
        <figcaption>The tongue of the glacier seen from the hut on the ninth of August last summer. AGENCY / J. Meier</figcaption>
        </figure></div></div>
        <div class="text"><p>The glacier above the village has lost a fifth of its ice in the last ten years, the survey
        published on Monday shows, and the loss has grown faster each summer.</p>
        <figure><img src="stakes.jpg" alt=""><figcaption>The team drilled twelve measuring stakes into the ice in June to
        follow the melt through the summer.</figcaption></figure>
        <p>The researchers measured the thickness of the ice at forty points each autumn and compared the figures with
        aerial photographs taken since the seventies.</p>
        <div class="gallery"><div class="track"><div class="slide"><div class="inner"><figure><img src="hut.jpg" alt="">
        <figcaption>The hut where the researchers spend the summer months, almost three thousand metres above the sea.</figcaption>
        </figure></div></div></div></div>
        <p>They expect the lower part of the glacier to disappear within thirty years unless the summers become cooler
        again, which none of the models predicts.</p></div></article></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "The glacier above the village"));
    CHECK(has(text, "The team drilled twelve measuring stakes"));
    CHECK_FALSE(has(text, "The tongue of the glacier"));
    CHECK_FALSE(has(text, "The hut where the researchers"));
    CHECK(has(text, "none of the models predicts"));
}

TEST_CASE("a short line right under an image is its caption: a label goes, a sentence stays", "[extract][accuracy]") {
    const std::string html = R"(<html><head><title>Reading a snow profile</title></head><body><div class="entry">
        <h1>Reading a snow profile</h1>
        <p>A snow profile shows how the snow cover is built and where a weak layer lies on which a slab can slide.</p>
        <p><img src="profile.jpg"><br><em><sub>Figure 1: Example of a profile</sub></em></p>
        <p>For the profile a pit is dug down to the ground, and the layers are identified by hand, with a knife and a lens.</p>
        <div class="imginline"><img src="crystal.jpg"><span>Large faceted crystals</span></div>
        <p>Faceted crystals and surface hoar buried under fresh snow are the most dangerous, and they stay weak for long.</p>
        <p><img src="test.jpg"><br><em>In the compression test one taps the shovel ten times from the wrist, then ten times
        from the elbow.</em></p>
        <p>Whoever reads the profile well can judge the danger on the slope better and choose the route accordingly.</p>
        <p><img src="map.png" align="left">The route we chose in the end followed the ridge, where the wind had blown the
        snow away and the old layers were firm.</p></div></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK_FALSE(has(text, "Figure 1: Example of a profile"));
    CHECK_FALSE(has(text, "Large faceted crystals"));
    CHECK(has(text, "In the compression test one taps"));
    CHECK(has(text, "The route we chose in the end"));  // text beside an image, not under it
    CHECK(has(text, "choose the route accordingly"));
}

TEST_CASE("the page's own dateline and byline at the body's edges go, in any language", "[extract][accuracy]") {
    // The metadata stage knows the date and the author (JSON-LD here); the template prints them
    // again above and below the article, in the body's own paragraphs.
    const std::string body =
        "<p>Die Arena darf wegen der aktuellen Beschränkungen nur 3000 Zuschauer einlassen, teilte der Verein am "
        "Mittwoch mit, und der Vorverkauf beginnt deshalb zunächst nur für Dauerkarteninhaber.</p>"
        "<p>Wer keine Dauerkarte besitzt, kann sich für die übrigen Karten bis Freitag in eine Warteliste eintragen, "
        "die nach dem Eingang der Anmeldungen abgearbeitet wird.</p>"
        "<p>Die Heimspiele im März sind davon noch nicht betroffen, für sie gelten die Regeln der nächsten "
        "Landesverordnung, die der Verein abwarten will.</p>";
    const std::string html =
        R"(<html lang="de"><head><title>Vorverkauf gestartet</title><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Vorverkauf gestartet",
         "datePublished":"2022-02-02T09:38:15+00:00","author":{"@type":"Person","name":"Eva Muster"}}</script>
        </head><body><article><h1>Vorverkauf gestartet</h1><div class="text"><p>Veröffentlichung: 2. Februar 2022</p>)" +
        body + R"(<p>Eva Muster | Redaktion Sport</p></div></article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "Die Arena darf"));
    CHECK(has(text, "Landesverordnung"));
    CHECK_FALSE(has(text, "Veröffentlichung"));
    CHECK_FALSE(has(text, "Redaktion Sport"));
    CHECK(removed_by(article, "heuristic edge-byline"));
}

TEST_CASE("a closing sentence that mentions the page's date stays", "[extract][accuracy]") {
    const std::string html =
        R"(<html><head><title>A life of service</title><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"A life of service",
         "datePublished":"2021-11-05"}</script></head><body><article><h1>A life of service</h1>
        <p>She joined the parish council in 1950 and served on it for four decades, longer than anyone before her or
        since, and she still reads the minutes of every meeting.</p>
        <p>Her neighbours remember the winter of 1963, when she organised the coal deliveries for the whole village
        while the roads were closed for weeks.</p>
        <p>On 5 November 2021 she turns one hundred years old. Congratulations from all of us!</p>
        </article></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "she turns one hundred years old"));
}

TEST_CASE("an appeal to support or follow the publication at the article's end goes", "[extract][accuracy]") {
    const std::string html = R"(<html><head><title>Crash victims named</title></head><body><article>
        <h1>Crash victims named</h1>
        <p>The police have now released the identities of the two people killed in a crash in the parish on
        Tuesday afternoon, after their relatives had been told.</p>
        <p>The crash happened about one o'clock, when the car the four were travelling in collided with a truck on
        the main road, the police said in a statement.</p>
        <p>All five crash victims were taken to hospital, where two were pronounced dead; the other three were
        admitted and the minister said the government supports their families.</p>
        <p>Follow The Courier on Twitter and Instagram @TheCourier and on Facebook for more news.</p>
        </article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "the government supports their families"));
    CHECK_FALSE(has(text, "Follow The Courier"));
    CHECK(removed_by(article, "heuristic appeal-end"));
    // Recall mode keeps every block the appeal rule would take.
    CHECK(has(winnow::write::render_body(explained(html, Favor::recall)), "Follow The Courier"));
}

TEST_CASE("an appeal boxed on its own between the paragraphs goes, one written as a paragraph stays",
          "[extract][accuracy][appeal-boxed]") {
    const std::string html = R"(<html><head><title>A gag law</title></head><body><article><h1>A gag law</h1>
        <div class="content"><p>The assembly approved the reform on Tuesday night with the votes of the governing
        party, after a debate that lasted less than an hour and without consulting the press associations.</p>
        <div class="breaker"><div class="border"><p>You are reading a new kind of story on our site, short and to the
        point. Support us with a donation today.</p></div></div>
        <p>Support our work: the association collects money for the legal defence of reporters, its president said.</p>
        <p>Journalists who publish messages of the gangs now face up to fifteen years in prison, and the association
        of journalists called the law a gag that will silence every report on security.</p>
        <p>International organisations asked the government to withdraw the reform, and the rapporteur for freedom
        of expression said she was following the case with concern.</p></div></article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "The assembly approved the reform"));
    CHECK_FALSE(has(text, "You are reading a new kind of story"));
    CHECK(has(text, "Support our work: the association collects money"));  // a paragraph among the article's
    CHECK(has(text, "the rapporteur for freedom"));
    CHECK(removed_by(article, "heuristic appeal-boxed"));
}

TEST_CASE("an appeal in the article's first part is the article's", "[extract][accuracy]") {
    // A charity's appeal that opens the page is what the page is about, not the template's end.
    const std::string html = R"(<html><head><title>Winter appeal</title></head><body><article>
        <h1>Winter appeal</h1>
        <p>Support our work this winter: every gift keeps a shelter bed open for one more night in the city.</p>
        <p>Last winter the shelters took in more than four hundred people, and the volunteers served hot meals
        every evening from November to March, with the help of local bakeries.</p>
        <p>This year the council has cut its grant by a third, so the shelters depend on donations more than ever
        before, and the trustees have opened a second kitchen to cope.</p>
        <p>The shelters also offer advice on housing and work, and many guests have found a home through them in
        the past years, as the annual report shows.</p>
        </article></body></html>)";
    const Article article = extract(html);
    CHECK(has(winnow::write::render_body(article), "Support our work this winter"));
}

TEST_CASE("teasers after the article go: a linked title, its excerpt and a read-more line", "[extract][accuracy][teaser]") {
    const std::string html = R"(<html><head><title>The generation we love to blame</title></head><body>
        <div id="container"><div class="post"><h1>The generation we love to blame</h1>
        <p>Every generation blames the next one for its laziness, and the survey published this week shows that the
        complaints about young workers have hardly changed in fifty years.</p>
        <p>The researchers compared letters to newspapers from the seventies with comments written online today, and
        found the same words used for the young, in almost the same order.</p>
        <h2><a href="https://example.com/choir">A choir sings with two famous guests</a></h2>
        <p>The good folks at the choir are still doing their thing, and now they have invited two famous guests to sing
        along with them at their last concert of the season.</p>
        <p><a href="https://example.com/choir">READ THE REST</a></p>
        <h2><a href="https://example.com/novel">A graphic novel about talent and loyalty</a></h2>
        <p>The author is several kinds of excellent comics person, and her new book for young readers is a complex tale
        of identity, talent and loyalty between two friends.</p>
        <p><a href="https://example.com/novel">READ THE REST</a></p></div></div></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "found the same words used for the young"));
    CHECK_FALSE(has(text, "A choir sings with two famous guests"));
    CHECK_FALSE(has(text, "still doing their thing"));
    CHECK_FALSE(has(text, "her new book for young readers"));
    CHECK(removed_by(article, "heuristic teaser"));
}

TEST_CASE("the title line of a box of links inside the body goes with its links, a source line's label stays", "[extract][accuracy]") {
    const std::string html = R"(<html><head><title>My first online game</title></head><body><article>
        <h1>My first online game</h1><div class="entry-content">
        <p>Twenty years ago I joined a guild of thieves in an online game that hardly anyone remembers today, and we
        were proud of how bad we were at it.</p>
        <div class="box"><div class="box-title">More columns:</div>
        <a href="/c/1"><div>What an old game had that new ones lack</div><div>by Sam</div></a>
        <a href="/c/2"><div>I met my first love in an online game</div><div>by Lin</div></a></div>
        <p>Not a single raid of ours ever succeeded, but we met every evening, and some of the people I played with
        then are still my friends.</p>
        <p>Our guild chat</p><p><a href="/screens/chat.png">a screenshot of the guild chat</a></p>
        <p>When the servers closed, we moved to another game, but the guild was never quite the same again, and one
        by one the members left.</p></div></article></body></html>)";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK_FALSE(has(text, "More columns"));
    CHECK_FALSE(has(text, "What an old game"));
    CHECK(has(text, "Our guild chat"));  // before a single link: not a box
    CHECK(has(text, "Not a single raid"));
    CHECK(has(text, "one by one the members left"));
}

TEST_CASE("an affiliate or opinion disclosure at the body's edge goes, an article about affiliate links keeps its words",
          "[extract][accuracy]") {
    const std::string html = R"(<html><head><title>The best hiking boots</title></head><body><article>
        <h1>The best hiking boots</h1>
        <p>This post may contain affiliate links. Read more about this in our disclosure policy.</p>
        <p>We walked more than two hundred kilometres in eight pairs of boots this autumn, on wet limestone, on
        scree and on long forest roads, and we weighed every pair before and after.</p>
        <p>Many shops earn money through affiliate links, and some of the links on review sites are affiliate
        links that pay a commission; that is why we bought every pair ourselves.</p>
        <p>The lightest pair was also the one that kept our feet driest, which surprised the whole team after the
        first rainy week in the hills.</p>
        <p>Leather boots took longer to break in, but after a week they were the most comfortable on the long
        descents, and their soles showed the least wear of all.</p>
        <p>For most walkers we recommend a light boot with a membrane, and a leather pair for those who carry heavy
        loads on rough ground for many days.</p>
        </article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK_FALSE(has(text, "This post may contain affiliate links"));
    CHECK(has(text, "Many shops earn money through affiliate links"));
    CHECK(removed_by(article, "heuristic disclosure start"));
}

namespace {

// Three paragraphs of a news story, for the appeal tests: the article before its call.
std::string gag_law_paragraphs() {
    return "<p>The assembly approved the reform on Tuesday night with the votes of the governing party, after a debate "
           "that lasted less than an hour and without consulting the press associations.</p>"
           "<p>Journalists who publish messages of the gangs now face up to fifteen years in prison, and the association "
           "of journalists called the law a gag that will silence every report on security.</p>"
           "<p>International organisations asked the government to withdraw the reform, and the rapporteur for freedom "
           "of expression said she was following the case with concern.</p>";
}

}  // namespace

TEST_CASE("a support box at the article's end goes with its call, a call among the paragraphs goes alone",
          "[extract][accuracy]") {
    const std::string html = R"(<html><head><title>A gag law</title></head><body><article><h1>A gag law</h1>
        <div class="content">)" + gag_law_paragraphs() + R"(<div class="foot"><div class="box">
        <p>If you value our work, support us and join our community of readers who fund it every month.</p>
        <p>You can cancel whenever you want.</p><p>We need you to keep asking the questions power dislikes.</p>
        </div></div></div></article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "the rapporteur for freedom"));
    CHECK_FALSE(has(text, "support us"));
    CHECK_FALSE(has(text, "We need you to keep asking"));
    CHECK(removed_by(article, "heuristic appeal-box"));
}

TEST_CASE("an appeal at the end takes the pitch before it in its own paragraph, not the article in one element",
          "[extract][accuracy][appeal-pitch]") {
    // One <p> split by <br><br>: the pitch, then the call.
    const std::string html = R"(<html><head><title>A gag law</title></head><body><article><h1>A gag law</h1>
        <div class="content">)" + gag_law_paragraphs() + R"(<p><strong>Do you like our magazine? We decided not to put up a
        paywall, and we want to keep it so for every reader.</strong><br><br>To depend less on advertising we need
        your help.<br><br>So support us with a small amount every month.</p></div></article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "the rapporteur for freedom"));
    CHECK_FALSE(has(text, "Do you like our magazine"));
    CHECK_FALSE(has(text, "we need your help"));
    CHECK_FALSE(has(text, "support us"));
    CHECK(removed_by(article, "heuristic appeal-pitch"));

    // The whole article in one element, lines split by <br><br>, its call at the end: the lines
    // before the call are the article, far longer than a pitch.
    const std::string one_element = R"(<html><head><title>A gag law</title></head><body><article><h1>A gag law</h1>
        <div class="content"><p>The assembly approved the reform on Tuesday night with the votes of the governing
        party, after a debate that lasted less than an hour.<br><br>Journalists who publish messages of the gangs now
        face up to fifteen years in prison, and the association of journalists called the law a gag.<br><br>
        International organisations asked the government to withdraw the reform, and the rapporteur for freedom of
        expression said she was following the case with concern.<br><br>The reform takes effect next week, and the
        first cases are expected before the courts in the spring, lawyers for the association said.<br><br>Support
        us with a small amount every month.</p></div></article></body></html>)";
    const std::string whole = winnow::write::render_body(explained(one_element));
    CHECK(has(whole, "the rapporteur for freedom"));
    CHECK(has(whole, "lawyers for the association said"));
}

TEST_CASE("a page of placeholder text takes its language from its title, headings and image descriptions", "[extract][language]") {
    std::string body;
    for (int i = 0; i < 4; ++i)
        body += "<p>Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut "
                "labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo dolores.</p>"
                "<p>Tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation "
                "ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>";
    const Article english = explained("<html><head><title>Document</title></head><body><img src=a.gif alt=\"Illustration "
                                      "for article titled The Spectacular Story Of Metroid\">" + body + "</body></html>");
    CHECK(english.language == "en");
    bool explained_source = false;
    for (const Provenance& p : english.sources)
        if (p.field == "language" && has(p.source, "placeholder")) explained_source = true;
    CHECK(explained_source);
    // two words of headings are too few: no language rather than a guess
    const Article unknown = extract("<html><head><title>Lorem ipsum</title></head><body><h1>Lorem ipsum dolor</h1>" + body +
                                    "<h2>Secondary header</h2>" + body + "</body></html>");
    CHECK(unknown.language.empty());
}

TEST_CASE("a heading whose anchor id holds a boilerplate word stays", "[extract][accuracy]") {
    // Documentation generators make each heading's id from its text: "sidebar-widgets" names the
    // section's subject, not a sidebar. The same word in a class still removes its element.
    const std::string html =
        "<html><head><title>Theme guide</title></head><body><div class=\"page\"><h1>Theme guide</h1>"
        "<p>Every theme declares the areas where widgets may go, and the site's owner fills them from the "
        "administration screens, choosing the order in which the blocks are shown.</p>"
        "<h2 id=\"sidebar-widgets\">Sidebar widgets</h2>"
        "<p>A sidebar holds a search box, a list of recent posts and a calendar by default, and each of them "
        "can be moved, hidden or given its own title by the owner of the site.</p>"
        "<p>Themes with two columns register one area beside the text; themes with three register two, one on "
        "each side, and both are filled in the same screen.</p>"
        "<h2 id=\"footer-menus\">Footer menus</h2>"
        "<p>The links at the bottom of every page come from a menu of their own, which the owner builds from "
        "pages, categories and addresses of other sites, in any order.</p>"
        "<div class=\"sidebar\">Popular themes this week</div></div></body></html>";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "Sidebar widgets"));
    CHECK(has(text, "Footer menus"));
    CHECK(has(text, "The links at the bottom of every page"));
    CHECK_FALSE(has(text, "Popular themes this week"));
}

TEST_CASE("a thread whose post markers have no class keeps every post and no poster card", "[extract][accuracy]") {
    // phpBB marks each post's text with a numbered id ("post_content101") and no class: the posts
    // are alike by that id without its digits. Otherwise one post is the body and only the posts
    // written as prose beside it come back (on longer threads the relaxed pass takes the whole
    // page back, every poster's card with it).
    auto post = [](const std::string& number, const std::string& who, const std::string& text) {
        return "<div class='post' id='p" + number + "'><div class='inner'><dl class='postprofile'><dt>" + who +
               "</dt><dd>Posts: 1725</dd><dd>Joined: 14. Sep 2019, 16:51</dd></dl><div class='postbody'>"
               "<div id='post_content" + number + "'><h3>Re: The guest does not start</h3><div class='content'>" +
               text + "</div></div></div></div></div>";
    };
    const std::string html =
        R"(<html><head><title>The guest does not start - Forum</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting",
        "headline":"The guest does not start"}</script></head><body><div id="page-body"><h2>The guest does not start</h2>)" +
        post("101", "galitsyn",
             "Since the update, the virtual machine stops with an error before the boot screen, whichever "
             "guest system I choose, and the log only says that the session was closed. I removed the extension "
             "pack, installed it again and restarted the host twice, without any change at all.") +
        post("102", "multiOS",
             "Please attach the log of the failing session, zipped, and say which version of the host "
             "system you run; the error before the boot screen has several causes, and the log tells them apart "
             "in its last lines, where the session ends.") +
        post("103", "ant",
             "It is the graphics setting: switch the guest to the other controller, and the machine starts "
             "again, as it did for me after the same update last week. The release notes mention it among the "
             "known problems of this version.") +
        post("104", "galitsyn", "Thanks, that fixed it here too.") +
        "</div></body></html>";
    const Article article = extract(html);
    const std::string text = winnow::write::render_body(article);
    CHECK(has(text, "Since the update, the virtual machine stops"));
    CHECK(has(text, "Please attach the log of the failing session"));
    CHECK(has(text, "It is the graphics setting"));
    CHECK(has(text, "Thanks, that fixed it here too."));
    CHECK_FALSE(has(text, "Joined:"));
}

TEST_CASE("a thread whose posts sit in forms without controls keeps them", "[extract][accuracy]") {
    // Old Reddit writes each comment's text in its edit form: hidden fields and the text, no
    // control a reader fills in. The reply box (a textarea) is a form and still goes.
    auto comment = [](const std::string& id, const std::string& text) {
        return "<div class='entry'><p class='tagline'>someone 12 points 3 hours ago</p><form class='usertext' id='form-" +
               id + "'><input type='hidden' name='thing_id' value='" + id + "'><div class='usertext-body'><div class='md'><p>" +
               text + "</p></div></div></form></div>";
    };
    const std::string html =
        R"(<html><head><title>Hair follicles grown in the lab : science</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting",
        "headline":"Hair follicles grown in the lab"}</script></head><body><div class="content">
        <h1>Hair follicles grown in the lab</h1>
        <p>For the first time, scientists have grown hair follicles that work like real ones, in mice, from a mix of three kinds of cells.</p>
        <form class="cloneable"><textarea name="text">Write a comment here and press save</textarea><button>save</button></form>)" +
        comment("t1_a", "Might this also be a potential cure for tinnitus if we can trigger new cilia to grow in the inner ear?") +
        comment("t1_b", "Those are very different types of cells, but something like that could probably be done for the ear too.") +
        comment("t1_c", "I think it is really nice that the top comment is about restoring hearing and not hair, to be honest.") +
        "</div></body></html>";
    const std::string text = winnow::write::render_body(extract(html));
    CHECK(has(text, "potential cure for tinnitus"));
    CHECK(has(text, "very different types of cells"));
    CHECK(has(text, "restoring hearing and not hair"));
    CHECK_FALSE(has(text, "Write a comment here"));
}

TEST_CASE("a heading over a removed box goes, a heading with its section or over a kept box stays",
          "[extract][accuracy][bare-heading]") {
    const std::string paragraphs =
        "<p>The route follows the coast for three days, from the harbour town to the lighthouse at the northern cape, "
        "with a camp site at the end of every stage and water in every village.</p>"
        "<p>Spring is the best time to go: the paths are dry, the days long, and the bird colonies on the cliffs are "
        "at their busiest, while the summer crowds have not yet arrived.</p>";
    const std::string html = R"(<html><head><title>Three days on the coast</title></head><body><article>
        <h1>Three days on the coast</h1><div class="content">)" + paragraphs + R"(
        <h2>More tours in the north</h2><div class="related-posts"><a href="/a">Five lakes in five days and the long
        way back</a><a href="/b">Island hopping by kayak</a></div>
        <h2>Getting there</h2><p>The night train from the capital stops at the harbour town; from the station the
        trail starts at the end of the pier, next to the ferry office.</p>
        <h2>Our maps</h2><div class="maps"><p>Every stage has its own map with the camp sites and the springs, and
        the whole route fits on two sheets at a scale of one to fifty thousand.</p></div>
        </div></article></body></html>)";
    const Article article = explained(html);
    const std::string text = winnow::write::render_body(article);
    CHECK_FALSE(has(text, "More tours in the north"));
    CHECK(removed_by(article, "heuristic bare-heading"));
    CHECK(has(text, "Getting there"));
    CHECK(has(text, "Our maps"));
    CHECK(has(text, "the bird colonies"));
}
