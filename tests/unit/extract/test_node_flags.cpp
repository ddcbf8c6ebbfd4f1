#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/dom/class_tokens.hpp"
#include "winnow/extract/node_flags.hpp"

using namespace winnow::extract;
using winnow::dom::Tree;

namespace {

// The flags of the first element with the given id attribute.
std::uint32_t flags_of(const std::string& html, std::string_view id, bool product_page = false) {
    Tree tree = Tree::parse(html);
    auto flags = classify_nodes(tree, product_page);
    for (winnow::dom::NodeId n = 0; n < tree.size(); ++n)
        if (tree.attribute(n, "id") == id) return flags[n];
    FAIL("no element with id " << id);
    return 0;
}

}  // namespace

TEST_CASE("class and id values are split into lower-case tokens", "[extract][tokens]") {
    CHECK(winnow::dom::class_id_tokens("articleBody post-content_x") ==
          std::vector<std::string>{"article", "body", "post", "content", "x"});
    CHECK(winnow::dom::class_id_tokens("a.b:c  HTMLPage") == std::vector<std::string>{"a", "b", "c", "htmlpage"});
    // a capital after a digit starts a word too: a modal of a "v8" design system
    CHECK(winnow::dom::class_id_tokens("v8Modal__content") == std::vector<std::string>{"v8", "modal", "content"});
    CHECK(winnow::dom::class_id_tokens("").empty());
    CHECK(winnow::dom::squeezed_class_name("Article__Body") == "articlebody");
}

TEST_CASE("vocabulary matches whole tokens, never substrings", "[extract][tokens]") {
    CHECK((flags_of(R"(<div id="t" class="sidebar">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="toolbarx">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="header">x</div>)", "t") & k_flag_never_content));  // "ad" in header
    CHECK_FALSE((flags_of(R"(<div id="t" class="canvas-wrap">x</div>)", "t") & k_flag_never_content));  // "nav"
    CHECK((flags_of(R"(<div id="t" class="ad">x</div>)", "t") & k_flag_never_content));
}

TEST_CASE("Borlabs Cookie's content blocker is a consent layer", "[extract][tokens][consent]") {
    // The placeholder of an embed the reader has not consented to ("Klicken Sie auf den unteren
    // Button, um den Inhalt von www.komoot.de zu laden"), named with Borlabs' own prefix.
    const std::uint32_t blocker = flags_of(R"(<div id="t" class="_brlbs-content-blocker">x</div>)", "t");
    CHECK((blocker & k_flag_never_content));
    CHECK((blocker & k_flag_overlay));
    CHECK_FALSE((flags_of(R"(<div id="t" class="brlbsx-content">x</div>)", "t") & k_flag_never_content));
}

TEST_CASE("camelCase words name overlays and comment sections, not the other vocabularies", "[extract][tokens][camel]") {
    const std::uint32_t modal = flags_of(R"(<div id="t" class="memberLoginModal">x</div>)", "t");
    CHECK((modal & k_flag_overlay));
    CHECK_FALSE((modal & k_flag_never_content));
    const std::uint32_t comments = flags_of(R"(<div id="t" class="loadComments">x</div>)", "t");
    CHECK((comments & k_flag_comment_section));
    CHECK((comments & k_flag_negative));
    // The other vocabularies read the name whole: a shop's category grid, a product list's
    // content and an article's lead in a content header keep their text.
    CHECK(flags_of(R"(<div id="t" class="styles_ndsPictureNavigation__5W_5X">x</div>)", "t") == 0);
    CHECK(flags_of(R"(<div id="t" class="ProductList_pageContent">x</div>)", "t") == 0);
    CHECK(flags_of(R"(<div id="t" class="contentHeaderHeader__abstract">x</div>)", "t") == 0);
    // A state modifier stays one: "has-loginModal" says what the element holds.
    CHECK_FALSE((flags_of(R"(<div id="t" class="has-loginModal">x</div>)", "t") & k_flag_overlay));
}

TEST_CASE("body markers, state modifiers, author boxes and hidden classes", "[extract][tokens]") {
    CHECK((flags_of(R"(<div id="t" class="entry-content">x</div>)", "t") & k_flag_body_marker));
    CHECK((flags_of(R"(<div id="t" itemprop="articleBody">x</div>)", "t") & k_flag_body_marker));
    CHECK((flags_of(R"(<div id="t" class="td-post-content">x</div>)", "t") & k_flag_body_marker));
    // A body marker is content even with a share word beside it.
    CHECK_FALSE((flags_of(R"(<div id="t" class="post-content share-enabled">x</div>)", "t") & k_flag_never_content));
    // "has-recommendations" says what the element holds, not what it is.
    CHECK_FALSE((flags_of(R"(<article id="t" class="article has-recommendations">x</article>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="author-box">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="author">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="author">x</div>)", "t") & k_flag_boilerplate_inside));
    // Any person word with a box word is a profile box: a reporter's bio, a forum poster's card.
    CHECK((flags_of(R"(<div id="t" class="user-bio">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="wpd-user-info">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="writer-card">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="user-content">x</div>)", "t") & k_flag_never_content));
    // The parts of a forum poster's card: XenForo's, vBulletin's one-word names, phpBB's dl.
    CHECK((flags_of(R"(<div id="t" class="message-userExtras">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="message-userDetails">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<h5 id="t" class="userTitle message-userTitle">x</h5>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="ipsEntry__authorStats">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="userstats">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<dl id="t" class="postprofile">x</dl>)", "t") & k_flag_never_content));
    // A poster's signature under each post (XenForo, phpBB, vBulletin, SMF).
    CHECK((flags_of(R"(<aside id="t" class="message-signature">x</aside>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="signature">x</div>)", "t") & k_flag_never_content));
    // Simple Author Box, a WordPress plugin's card of the post's author (saboxplugin-wrap, -desc).
    CHECK((flags_of(R"(<div id="t" class="saboxplugin-wrap">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="saboxplugin-desc">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="sabox">x</div>)", "t") & k_flag_never_content));
    // The post itself ("message-userContent") and words that only start like a person word stay.
    CHECK_FALSE((flags_of(R"(<div id="t" class="message-userContent">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="usertext">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="authority-box-office">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="bio-products">x</div>)", "t") & k_flag_never_content));
    // A loading indicator or a widget waiting for its script; "is-loading" is a state modifier.
    CHECK((flags_of(R"(<table id="t" class="rv-player-loading">x</table>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="slider-holder loading">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="gallery is-loading">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="sr-only">x</div>)", "t") & k_flag_hidden));
    CHECK_FALSE((flags_of(R"(<div id="t" class="hidden-xs">x</div>)", "t") & k_flag_hidden));
    CHECK((flags_of(R"(<div id="t" style="display: none">x</div>)", "t") & k_flag_hidden));
    CHECK((flags_of(R"(<div id="t" role="navigation">x</div>)", "t") & k_flag_role_remove));
    CHECK((flags_of(R"(<div id="t" class="comments">x</div>)", "t") & k_flag_comment_section));
}

TEST_CASE("a body marker's own class name can make it part of a box", "[extract][tokens]") {
    // A never-content, comment or boilerplate word in the same class name: a related post's
    // teaser, a navigation button, a layer's text, an author line, a copyright line.
    CHECK_FALSE((flags_of(R"(<div id="t" class="rp4wp-related-post-content">x</div>)", "t") & k_flag_body_marker));
    CHECK((flags_of(R"(<div id="t" class="rp4wp-related-post-content">x</div>)", "t") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<div id="t" class="mystore-nav-button-text-content">x</div>)", "t") & k_flag_body_marker));
    CHECK_FALSE((flags_of(R"(<div id="t" class="cdr-modal-text-content">x</div>)", "t") & k_flag_body_marker));
    CHECK_FALSE((flags_of(R"(<div id="t" class="entry-content-authors">x</div>)", "t") & k_flag_body_marker));
    CHECK_FALSE((flags_of(R"(<p id="t" class="article-copyright">x</p>)", "t") & k_flag_body_marker));
    CHECK_FALSE((flags_of(R"(<div id="t" class="article-body__footer">x</div>)", "t") & k_flag_body_marker));
    // The marker's own words and harmless ones leave it a marker; a page builder's "widget" says nothing.
    CHECK((flags_of(R"(<div id="t" class="post-content-inner">x</div>)", "t") & k_flag_body_marker));
    CHECK((flags_of(R"(<div id="t" class="elementor-widget-theme-post-content">x</div>)", "t") & k_flag_body_marker));
    CHECK((flags_of(R"(<div id="t" class="PostContent_articleBody__FR8Mb">x</div>)", "t") & k_flag_body_marker));
    // A word in another class name of the element does not count.
    CHECK((flags_of(R"(<div id="t" class="post-content related">x</div>)", "t") & k_flag_body_marker));
}

TEST_CASE("a page builder's widget is neither never-content nor a negative class", "[extract][tokens]") {
    // Elementor wraps every block, the article's text included, in "elementor-widget-wrap" and
    // "elementor-widget-container": density scoring must not count them against the text.
    CHECK_FALSE((flags_of(R"(<div id="t" class="elementor-widget-wrap elementor-element-populated">x</div>)", "t") & k_flag_negative));
    CHECK_FALSE((flags_of(R"(<div id="t" class="elementor-widget-container">x</div>)", "t") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="t" class="sidebar-widget">x</div>)", "t") & k_flag_negative));
}

TEST_CASE("responsive copies: only the desktop one is read", "[extract][tokens]") {
    // Elementor's block for small screens only; the one hidden on phones shows on the desktop.
    CHECK((flags_of(R"(<div id="t" class="elementor-element elementor-hidden-desktop">x</div>)", "t") & k_flag_hidden));
    CHECK_FALSE((flags_of(R"(<div id="t" class="elementor-element elementor-hidden-mobile">x</div>)", "t") & k_flag_hidden));
    // Framer's per-breakpoint copies: the first of a parent stays, the later ones are hidden.
    const std::string framer = R"(<main><div id="a" class="ssr-variant hidden-x1">Text</div>)"
                               R"(<div id="b" class="ssr-variant hidden-x2">Text</div>)"
                               R"(<div id="c" class="ssr-variant hidden-x3">Text</div></main>)"
                               R"(<footer><div id="d" class="ssr-variant hidden-x2">Footer</div></footer>)";
    CHECK_FALSE((flags_of(framer, "a") & k_flag_hidden));
    CHECK((flags_of(framer, "b") & k_flag_hidden));
    CHECK((flags_of(framer, "c") & k_flag_hidden));
    CHECK_FALSE((flags_of(framer, "d") & k_flag_hidden));  // the first variant under another parent
}

TEST_CASE("a document section's id made from its heading is not read", "[extract][tokens]") {
    // Sphinx: the section is named after its heading ("Sharing with a single developer").
    CHECK_FALSE((flags_of(R"(<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer<a href="#x">¶</a></h2><p>x</p></div>)",
                          "sharing-with-a-single-developer") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<section id="related-work"><h2>Related work</h2><p>x</p></section>)", "related-work") & k_flag_never_content));
    // An id that is not the heading's, or a box that is no document section, still counts.
    CHECK((flags_of(R"(<section id="related"><h2>You may also like</h2><p>x</p></section>)", "related") & k_flag_never_content));
    CHECK((flags_of(R"(<div id="shameless-cta"><h2>Shameless CTA</h2><p>x</p></div>)", "shameless-cta") & k_flag_never_content));
}

TEST_CASE("a carousel's hidden slides are read, its loop clones and hidden menus are not", "[extract][tokens]") {
    const std::string slick = R"(<div class="slick-track">)"
                              R"(<div id="c0" class="slick-slide slick-cloned" aria-hidden="true">Step three</div>)"
                              R"(<div id="s1" class="slick-slide slick-active" aria-hidden="false">Step one</div>)"
                              R"(<div id="s2" class="slick-slide" aria-hidden="true">Step two</div>)"
                              R"(<div id="s3" class="swiper-slide" style="display: none">Step three</div>)"
                              R"(<div id="c1" class="swiper-slide swiper-slide-duplicate" aria-hidden="true">Step one</div>)"
                              R"(</div><div id="m" class="menu" aria-hidden="true">Home</div>)";
    CHECK_FALSE((flags_of(slick, "s1") & k_flag_hidden));
    CHECK_FALSE((flags_of(slick, "s2") & k_flag_hidden));
    CHECK((flags_of(slick, "s2") & k_flag_collapsed_panel));
    CHECK_FALSE((flags_of(slick, "s3") & k_flag_hidden));
    CHECK((flags_of(slick, "c0") & k_flag_hidden));
    CHECK((flags_of(slick, "c1") & k_flag_hidden));
    CHECK((flags_of(slick, "m") & k_flag_hidden));
    // a slide that is also a never-content box (a cookie or share layer) stays hidden
    CHECK((flags_of(R"(<div id="t" class="swiper-slide share" aria-hidden="true">Share</div>)", "t") & k_flag_hidden));
}

TEST_CASE("on a product page, a container hidden right after a section heading is a collapsed panel", "[extract][tokens]") {
    const std::string html = R"(<div><h3>Can it be used outdoors?</h3><div id="a" style="display: none"><p>Yes.</p></div></div>)"
                             R"(<div><h1>Diffuser</h1><div id="b" hidden>Sold out</div></div>)"
                             R"(<div><h2>Stock</h2><p id="c" hidden>Three left</p></div>)"
                             R"(<div><p>Intro</p><div id="d" hidden>Cart</div></div>)";
    CHECK((flags_of(html, "a", true) & k_flag_collapsed_panel));
    CHECK_FALSE((flags_of(html, "a", true) & k_flag_hidden));
    CHECK((flags_of(html, "a") & k_flag_hidden));  // not a product page
    CHECK((flags_of(html, "b", true) & k_flag_hidden));  // after the page's h1
    CHECK((flags_of(html, "c", true) & k_flag_hidden));  // a paragraph, not a panel
    CHECK((flags_of(html, "d", true) & k_flag_hidden));  // after a paragraph
}

TEST_CASE("a name holding skip names a skip link or its target, not navigation", "[extract][tokens]") {
    // Chakra UI's SkipNavContent wraps the page's content in id="chakra-skip-nav".
    CHECK_FALSE((flags_of(R"(<div id="chakra-skip-nav"><p>Text</p></div>)", "chakra-skip-nav") & k_flag_never_content));
    CHECK_FALSE((flags_of(R"(<main id="t" class="skip-to-content">Text</main>)", "t") & k_flag_positive));
    CHECK((flags_of(R"(<div id="t" class="skip main-nav">Menu</div>)", "t") & k_flag_never_content));  // another name says nav
    CHECK((flags_of(R"(<div id="t" class="site-nav">Menu</div>)", "t") & k_flag_never_content));
}

TEST_CASE("a class name read once per page says the same in every value that holds it", "[extract][tokens][cache]") {
    // All on one page, so the later values find their names read already: a name's reading
    // depends on a page builder's token before it in its own value, not in an earlier one.
    Tree tree = Tree::parse(R"(<body>)"
                            R"(<div id="a" class="elementor widget">x</div>)"
                            R"(<div id="b" class="widget">x</div>)"
                            R"(<div id="c" class="widget elementor">x</div>)"
                            R"(<div id="d" class="elementor widget">x</div>)"
                            R"(<div id="e" class="user box">x</div>)"
                            R"(<div id="f" class="user">x</div>)"
                            R"(<div id="g" class="box">x</div>)"
                            R"(<div id="h" class="swiper-slide">x</div>)"
                            R"(<div id="i" class="swiper-slide cloned">x</div>)"
                            R"(<div id="j" class="cloned swiper-slide">x</div>)"
                            R"(</body>)");
    const auto flags = classify_nodes(tree, false);
    auto of = [&](std::string_view id) {
        for (winnow::dom::NodeId n = 0; n < tree.size(); ++n)
            if (tree.attribute(n, "id") == id) return flags[n];
        FAIL("no element with id " << id);
        return 0u;
    };
    CHECK_FALSE((of("a") & k_flag_never_content));  // "widget" after a page builder's token
    CHECK((of("b") & k_flag_never_content));        // the same name alone
    CHECK((of("c") & k_flag_never_content));        // before the builder's token
    CHECK_FALSE((of("d") & k_flag_never_content));  // the first value again
    CHECK((of("e") & k_flag_never_content));        // a person and a box in two names: an author box
    CHECK_FALSE((of("f") & k_flag_never_content));
    CHECK_FALSE((of("g") & k_flag_never_content));
    CHECK((of("h") & k_flag_carousel_slide));
    CHECK_FALSE((of("i") & k_flag_carousel_slide));  // a clone in another name of the value
    CHECK_FALSE((of("j") & k_flag_carousel_slide));
}

TEST_CASE("a body marker is found anywhere in a squeezed class name, as a substring search finds it", "[extract][tokens][markers]") {
    // The markers are searched in one pass over the name (a table of them by first letter): the
    // answer must be that of searching each marker in turn, wherever it stands.
    const std::vector<std::string> markers = {"articlebody", "entrycontent", "postbody", "storybody", "fieldnamebody",
                                              "textcontent", "newsbody", "artikeltext", "articledetail"};
    auto marked = [](const std::string& name) {
        return (flags_of("<div id=\"t\" class=\"" + name + "\">x</div>", "t") & k_flag_body_marker) != 0;
    };
    for (const std::string& marker : markers) {
        INFO(marker);
        CHECK(marked(marker));                         // the whole name
        CHECK(marked("xx" + marker));                  // at the end
        CHECK(marked(marker + "-inner"));              // at the start
        CHECK(marked("w-" + marker + "-x9"));          // in the middle
        CHECK(marked("post" + marker));                // after a false start of another marker
        CHECK(marked("\xd1\x82-" + marker));           // after non-ASCII bytes
        CHECK_FALSE(marked(marker.substr(0, marker.size() - 1)));  // one letter short
        CHECK_FALSE(marked(marker.substr(1)));         // its first letter missing
    }
    CHECK(marked("Post_Body"));                        // squeezed: case and '-', '_' do not count
    CHECK(marked("s-t-o-r-y-b-o-d-y"));
    CHECK(marked("postpostbody"));                     // "post" twice: the second starts the marker
    CHECK_FALSE(marked("postbod"));                    // shorter than any marker
    CHECK_FALSE(marked("post body"));                  // two names: neither holds a marker
}
