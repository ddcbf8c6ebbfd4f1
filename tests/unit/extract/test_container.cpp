#include <catch2/catch.hpp>

#include <string>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/arbitrate.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/metadata/statements.hpp"

using namespace winnow::extract;
using winnow::dom::NodeId;
using winnow::dom::Tree;

namespace {

std::string prose(int n, const std::string& word) {
    std::string out;
    for (int i = 0; i < n; ++i) out += "<p>The " + word + " sentence number " + std::to_string(i) + ", with a comma, goes on for a while to look like prose.</p>";
    return out;
}

ContainerCandidate choose(Tree& tree) {
    const Page page(tree, winnow::metadata::read_statements(tree, {}));
    return choose_container(PageView(page, Mask(tree)));
}

}  // namespace

TEST_CASE("density scoring picks the div holding the paragraphs, not the link list", "[extract][container]") {
    Tree tree = Tree::parse("<body><div id='menu'><a href='/1'>One, two</a><a href='/2'>Three</a></div><div id='main'>" +
                            prose(6, "article") + "</div><div id='side'>" + prose(1, "side") + "</div></body>");
    ContainerCandidate choice = choose(tree);
    REQUIRE(choice.roots.size() >= 1);
    CHECK(tree.attribute(choice.roots.front(), "id") == "main");
    CHECK(choice.method.name().starts_with("density"));
}

TEST_CASE("an explicit body marker wins over a longer teaser list", "[extract][container]") {
    Tree tree = Tree::parse("<body><div id='teasers' class='grid'>" + prose(8, "teaser") +
                            "</div><div id='body' class='article-body'>" + prose(4, "body") + "</div></body>");
    ContainerCandidate choice = choose(tree);
    CHECK(tree.attribute(choice.roots.front(), "id") == "body");
    CHECK(choice.method.name().starts_with("body marker"));
}

TEST_CASE("split bodies: sibling chunks with the body class are all roots", "[extract][container]") {
    Tree tree = Tree::parse("<body><div id='wrap'><div class='article__body' id='a'>" + prose(3, "first") +
                            "</div><figure>img</figure><div class='article__body' id='b'>" + prose(3, "second") +
                            "</div></div><div>" + prose(20, "other") + "</div></body>");
    ContainerCandidate choice = choose(tree);
    std::vector<std::string> ids;
    for (NodeId r : choice.roots) ids.emplace_back(tree.attribute(r, "id"));
    CHECK(ids == std::vector<std::string>{"a", "b"});
    CHECK(choice.method.name() == "body marker");
}

TEST_CASE("split bodies in an <article> that holds little more: the article is the container", "[extract][container]") {
    Tree tree = Tree::parse("<body><article><div class='article__body' id='a'>" + prose(3, "first") +
                            "</div><figure>img</figure><div class='article__body' id='b'>" + prose(3, "second") +
                            "</div></article><div>" + prose(20, "other") + "</div></body>");
    ContainerCandidate choice = choose(tree);
    REQUIRE(choice.roots.size() == 1);
    CHECK(tree.is_element(choice.roots[0], GUMBO_TAG_ARTICLE));
    CHECK(choice.method.name() == "body marker in article");
}

TEST_CASE("a lead paragraph just before the body joins it", "[extract][container]") {
    Tree tree = Tree::parse("<body><div><div><h1>Headline</h1><div class='intro'><p id='lead'>The lead of the story tells, in a sentence of some length, "
                            "what happened, briefly.</p></div><div class='nav'>menu</div><div class='entry-content' id='body'>" +
                            prose(5, "body") + "</div></div></div><div>" + prose(12, "other") + "</div></body>");
    ContainerCandidate choice = choose(tree);
    REQUIRE(choice.roots.size() == 2);
    CHECK(tree.attribute(choice.roots[0], "id") == "lead");
    CHECK(tree.attribute(choice.roots[1], "id") == "body");
}

TEST_CASE("a related post's 'post-content' is no body marker: density finds the article", "[extract][container]") {
    // The teasers' class holds the marker "postcontent", but "related" in the same class name says
    // whose content it is; the article itself carries no marker.
    Tree tree = Tree::parse("<body><main id='main'>" + prose(8, "article") + "</main><div class='teasers'>" +
                            "<div class='rp4wp-related-post-content'>" + prose(3, "teaser") + "</div>" +
                            "<div class='rp4wp-related-post-content'>" + prose(3, "other teaser") + "</div></div></body>");
    ContainerCandidate choice = choose(tree);
    REQUIRE(choice.roots.size() >= 1);
    CHECK(tree.attribute(choice.roots.front(), "id") == "main");
    CHECK(choice.method.name().starts_with("density"));
}

TEST_CASE("a body marker too short to be the body does not sway density scoring", "[extract][container]") {
    // A call-to-action card whose class holds the marker "textcontent": 100-odd characters, under
    // k_min_marker_chars, so it weighs as a positive class, not as a body marker.
    Tree tree = Tree::parse("<body><div id='main'>" + prose(6, "article") + "</div><div class='card'>" +
                            "<div id='cta' class='a-button-text__content'><p>Cooperate with our team, get a quote, and reach "
                            "your objectives with minimal effort.</p></div></div></body>");
    ContainerCandidate choice = choose(tree);
    // With the marker's weight the card won and the article only joined it as a sibling.
    REQUIRE(choice.roots.size() == 1);
    CHECK(tree.attribute(choice.focus, "id") == "main");
    CHECK(tree.attribute(choice.roots.front(), "id") == "main");
    CHECK(choice.method.name().starts_with("density"));
}

TEST_CASE("a positive class on boxes without a sentence end does not sway density scoring", "[extract][container]") {
    // A stock ticker of five "band-content" boxes (a positive class word, numbers with commas and
    // no sentence end) above a slideshow whose captions are the article.
    std::string ticker;
    for (int i = 0; i < 5; ++i)
        ticker += "<div class='band-content'><div>Index " + std::to_string(i) + " 17,546.65 -15.35 (0.09%) 227.45</div></div>";
    std::string slides;
    for (int i = 0; i < 5; ++i)
        slides += "<section class='slide'><h2>Slide " + std::to_string(i) + "</h2><p>The phone in slide " + std::to_string(i) +
                  " is a massive upgrade on the model before it, with a better camera, a faster chip, and more.</p></section>";
    Tree tree = Tree::parse("<body><div id='band'>" + ticker + "</div><section id='show'>" + slides + "</section></body>");
    ContainerCandidate choice = choose(tree);
    // With the class weight each ticker box outscored the slides, and the winner was the ticker.
    CHECK(tree.attribute(choice.focus, "id") == "show");
    // A positive box that ends a sentence still weighs: prose split into small "prose" boxes.
    Tree boxes = Tree::parse("<body><div id='docs'><div class='prose'><p>Utilities style the page, one class at a time.</p></div>"
                             "<div class='prose'><p>Each utility does one thing, and does it well.</p></div>"
                             "<div class='prose'><p>Variants apply a utility on hover, focus and more.</p></div></div>"
                             "<div id='other'><p>A longer block of text elsewhere, with a comma, and another, and more words in it.</p></div></body>");
    ContainerCandidate docs = choose(boxes);
    CHECK(boxes.attribute(docs.focus, "id") == "docs");
}

TEST_CASE("a density winner in the page's footer gives way to the best candidate in <main>", "[extract][container]") {
    // A short article in <main>; the footer's disclaimer holds most of the page's paragraph text,
    // so the never-content pass leaves the footer, and it outscores the article.
    const std::string article = "<main><div id='guide'><h1>Renting vehicles</h1>" + prose(2, "rental") + "</div></main>";
    const std::string disclaimer = "<div id='small-print'>" + prose(6, "disclaimer") + "</div>";
    Tree tree = Tree::parse("<body>" + article + "<footer>" + disclaimer + "</footer></body>");
    ContainerCandidate choice = choose(tree);
    CHECK(tree.is_element(choice.focus, GUMBO_TAG_MAIN));
    CHECK(choice.method.name() == "density main over footer");
    // Without a <main>, nothing says where the content is: the footer's text stays the winner.
    Tree plain = Tree::parse("<body><div id='guide'>" + prose(2, "rental") + "</div><footer>" + disclaimer + "</footer></body>");
    ContainerCandidate plain_choice = choose(plain);
    CHECK(plain.is_element(plain_choice.focus, GUMBO_TAG_FOOTER));
    CHECK_FALSE(plain_choice.method.main_over_footer);
}

namespace {

// A product page written as blocks inside <main>: a short description (the density winner, deep
// in its hero), a feature list and a specifications table, which score nothing themselves.
std::string product_page(bool linked_features, const std::string& description = prose(4, "description"), int feature_count = 12,
                         const std::string& head = "") {
    std::string features;
    for (int i = 0; i < feature_count; ++i) {
        const std::string item = "Feature " + std::to_string(i) + " keeps the kettle warm for hours";
        features += "<li>" + (linked_features ? "<a href='/f" + std::to_string(i) + "'>" + item + "</a>" : item) + "</li>";
    }
    return "<html><head>" + head + "</head><body><header><a href='/'>Shop</a></header><main id='main'><div class='hero'><div><div><div><div id='desc'>" +
           description + "</div></div></div></div></div><ul class='features'>" + features +
           "</ul><table class='specs'><tr><td>Volume</td><td>1.7 litres</td></tr><tr><td>Power</td><td>2200 watts</td></tr>"
           "<tr><td>Weight</td><td>1.2 kilograms</td></tr></table></main><footer>Shop</footer></body></html>";
}

}  // namespace

TEST_CASE("a small density winner inside <main> takes the main region: a product page's blocks", "[extract][container]") {
    Tree tree = Tree::parse(product_page(false));
    ContainerCandidate choice = choose(tree);
    REQUIRE(choice.roots.size() == 1);
    CHECK(tree.attribute(choice.roots.front(), "id") == "main");
    CHECK(choice.method.name() == "density in main");
}

TEST_CASE("a small density winner stays when its <main> is mostly links", "[extract][container]") {
    Tree tree = Tree::parse(product_page(true));
    ContainerCandidate choice = choose(tree);
    REQUIRE(!choice.roots.empty());
    CHECK(tree.attribute(choice.roots.front(), "id") != "main");
    CHECK(tree.attribute(choice.roots.front(), "class") == "hero");
    CHECK(choice.method.name() == "density");
}

TEST_CASE("on a page that says it is a product, a long density winner inside <main> takes it too", "[extract][container]") {
    // A description of 1,000+ characters is no small winner, but the page's JSON-LD says the page
    // is a product: the features and specifications around it in <main> are the product's too.
    const std::string product = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
                                "\"name\":\"Kettle\",\"offers\":{\"@type\":\"Offer\",\"price\":\"49.00\"}}</script>";
    // Five long paragraphs (a product page has no long run of them: six make it a review).
    std::string description;
    for (int i = 0; i < 5; ++i)
        description += "<p>The kettle's paragraph number " + std::to_string(i) +
                       ", with a comma, says how it boils water fast. It tells, at some length, what the steel body and the "
                       "lid are made of. It ends with the warranty, which runs for two years, and with the cord's length.</p>";
    Tree tree = Tree::parse(product_page(false, description, 90, product));
    ContainerCandidate choice = choose(tree);
    REQUIRE(choice.roots.size() == 1);
    CHECK(tree.attribute(choice.roots.front(), "id") == "main");
    CHECK(choice.method.name() == "density in main");

    Tree plain = Tree::parse(product_page(false, description, 90));
    ContainerCandidate other = choose(plain);
    REQUIRE(!other.roots.empty());
    CHECK(plain.attribute(other.roots.front(), "id") != "main");
    CHECK(other.method.name() == "density");
}
