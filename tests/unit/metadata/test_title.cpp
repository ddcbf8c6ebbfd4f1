#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/metadata/statements.hpp"
#include "winnow/metadata/title.hpp"

using namespace winnow::metadata;
using winnow::dom::Tree;

TEST_CASE("the h1 that agrees with another statement is the title", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><head><title>Storm hits the coast | Daily News</title>
        <meta property="og:title" content="Storm hits the coast"></head>
        <body><h1>Daily News</h1><h1>Storm hits the coast tonight</h1><p>x</p></body></html>)");
    Statements s = read_statements(tree, {});
    CHECK(s.og_title == "Storm hits the coast");
    CHECK(choose_title(s).value == "Storm hits the coast tonight");
}

TEST_CASE("without agreement: og:title, then JSON-LD headline, then the longer <title> part", "[metadata][title]") {
    Statements s;
    s.html_title = "Site | A long enough headline here";
    s.title_parts = {"Site | A long enough headline here", "Site", "A long enough headline here"};
    CHECK(choose_title(s).value == "A long enough headline here");
    s.ld_headline = "The JSON-LD headline";
    CHECK(choose_title(s).value == "The JSON-LD headline");
    s.og_title = "The og title";
    CHECK(choose_title(s).value == "The og title");
}

TEST_CASE("JSON-LD statements are read, including @graph", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html lang="de-DE"><head><script type="application/ld+json">
        {"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "headline": "Schlagzeile",
          "articleBody": "Text des Artikels.", "author": {"name": "Eva Muster"}, "datePublished": "2024-01-02"}]}
        </script><script type="application/ld+json">{ broken json</script></head><body></body></html>)");
    Statements s = read_statements(tree, {});
    CHECK(s.ld_headline == "Schlagzeile");
    CHECK(s.ld_article_body == "Text des Artikels.");
    CHECK(s.authors == std::vector<std::string>{"Eva Muster"});
    CHECK(s.date.value == "2024-01-02");
    CHECK(s.language == "de-DE");
}

TEST_CASE("title repeats are told by word overlap", "[metadata][title]") {
    CHECK(is_title_repeat("Storm hits the coast", "Storm Hits The Coast!"));
    CHECK_FALSE(is_title_repeat("Storm hits the coast", "A completely different sentence about rain"));
    CHECK(title_similarity("a b c d", "a b c e") == Approx(0.75));
    CHECK_FALSE(is_title_repeat("anything", ""));
}

TEST_CASE("title repeats against statements split once agree with the plain test", "[metadata][title]") {
    TitleStatements title;
    title.add("one two three four five six");  // six words
    // Seven words, six shared: 6/7 > 0.75, a repeat; eight words: 6/8 is not above it.
    CHECK(is_title_repeat("One two three four five six, seven", title));
    CHECK_FALSE(is_title_repeat("One two three four five six seven eight", title));
    // Words that only the split sees (punctuation and letters outside ASCII between them).
    CHECK(is_title_repeat("one-two-three-four-five-six", title));
    CHECK(is_title_repeat("ONE TWO THREE FOUR FIVE SIX ÉTÉ", title));
    for (std::string_view text : {"one two three four five six seven", "one two three four five six seven eight",
                                  "one two", "une deux trois one two three four five six"})
        CHECK(is_title_repeat(text, title) == is_title_repeat(text, "one two three four five six"));
    title.add("one two three four five six seven eight nine");  // a longer statement lets longer lines through
    CHECK(is_title_repeat("one two three four five six seven eight", title));
    CHECK_FALSE(is_title_repeat("anything", TitleStatements{}));
}

TEST_CASE("site affixes and labels leave titles, entities are decoded", "[metadata][title]") {
    SiteNames site;
    site.add("ONE Health Ohio");
    site.add_host("www.twilio.com");
    CHECK(without_site_affix("Dental Care | ONE Health Ohio", site) == "Dental Care");
    CHECK(without_site_affix("Twilio - Business Text Messaging", site) == "Business Text Messaging");
    CHECK(without_site_affix("Thread: What do you pay for hosting?", site) == "What do you pay for hosting?");
    CHECK(without_site_affix("A - B - C", site) == "A - B - C");

    Tree tree = Tree::parse(R"(<html><head><title>Healthy Eating Plate • The Nutrition Source</title>
        <meta property="og:site_name" content="The Nutrition Source"></head><body><p>x</p></body></html>)");
    Statements s = read_statements(tree, {});
    CHECK(choose_title(s).value == "Healthy Eating Plate");

    Tree entities = Tree::parse(R"(<html><head><meta property="og:title" content="Maria &amp;amp; Katerina"></head>
        <body><h1>Maria &amp;amp; Katerina</h1></body></html>)");
    CHECK(choose_title(read_statements(entities, {})).value == "Maria & Katerina");
}

TEST_CASE("an h1 agrees with a statement that contains all its words", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><head><meta property="og:title" content="Men's Gym T-Shirts & Tops | Shop">
        </head><body><h1>T-Shirts & Tops</h1></body></html>)");
    CHECK(choose_title(read_statements(tree, {})).value == "T-Shirts & Tops");
    // a lone word needs more than containment: "Tops" is in the og:title, but is no headline
    Tree lone = Tree::parse(R"(<html><head><meta property="og:title" content="Men's Gym T-Shirts & Tops">
        </head><body><h1>Tops</h1></body></html>)");
    CHECK(choose_title(read_statements(lone, {})).value == "Men's Gym T-Shirts & Tops");
}

TEST_CASE("an h1 that holds the site's name is no headline: a logo linked home, a site-title class, a host name",
          "[metadata][title]") {
    SECTION("the h1's whole text links to the home page") {
        Tree tree = Tree::parse(R"(<html><head><title>Engora Data Blog: Small adventures with small models</title>
            <meta property="og:title" content="Small adventures with small models"></head>
            <body><h1 class="title"><a href="https://blog.example.com/">Engora Data Blog</a></h1>
            <h1>Small is the new large</h1><p>x</p><h1>The posts before this one</h1></body></html>)");
        Statements s = read_statements(tree, {});
        CHECK(s.h1s == std::vector<std::string>{"Small is the new large", "The posts before this one"});
        CHECK(choose_title(s).value == "Small adventures with small models");
    }
    SECTION("a documentation page's logo h1 links to ../index.html; the page's own h1 follows") {
        Tree tree = Tree::parse(R"(<html><head><title>ORM Quick Start - SQLAlchemy 2.0 Documentation</title></head>
            <body><h1><a href="../index.html">SQLAlchemy 2.0 Documentation</a></h1>
            <h1>ORM Quick Start</h1><p>x</p></body></html>)");
        CHECK(choose_title(read_statements(tree, {})).value == "ORM Quick Start");
    }
    SECTION("a host name as the h1 is the site's name, and comes off the <title> as an affix") {
        Tree tree = Tree::parse(R"(<html><head><title>Discuss the VirtualBox 7.1.0 release here - virtualbox.org</title></head>
            <body><h1>virtualbox.org</h1><p>End user forums</p></body></html>)");
        Statements s = read_statements(tree, {});
        CHECK(s.h1s.empty());
        CHECK(choose_title(s).value == "Discuss the VirtualBox 7.1.0 release here");
    }
    SECTION("a site-title class; an article's own title class stays a headline") {
        Tree tree = Tree::parse(R"(<html><head><title>Defining Shared Behavior with Traits - The Book</title></head>
            <body><h1 class="menu-title">The Book</h1><div class="site-branding"><h1>The Book</h1></div>
            <h1 class="blog-title header-title">Defining Shared Behavior with Traits</h1><p>x</p></body></html>)");
        Statements s = read_statements(tree, {});
        CHECK(s.h1s == std::vector<std::string>{"Defining Shared Behavior with Traits"});
        CHECK(choose_title(s).value == "Defining Shared Behavior with Traits");
    }
    SECTION("an h1 with a link elsewhere, or a headline that links to its own page, is kept") {
        Tree tree = Tree::parse(R"(<html><head><title>Storm hits the coast | Daily News</title></head>
            <body><h1><a href="/2024/05/storm-hits-the-coast">Storm hits the coast</a></h1><p>x</p></body></html>)");
        CHECK(choose_title(read_statements(tree, {})).value == "Storm hits the coast");
    }
}

TEST_CASE("the short part after a title's only pipe is the site's, even when no statement names the site",
          "[metadata][title]") {
    SiteNames none;
    CHECK(without_site_affix("New Links | Hacker News", none) == "New Links");
    CHECK(without_site_affix("How to Make a Good Game: 5 Mistakes and Tips to Avoid | GDevelop", none) ==
          "How to Make a Good Game: 5 Mistakes and Tips to Avoid");
    // a long part after the pipe, a one-word headline or two pipes: nothing is known to be the site
    CHECK(without_site_affix("Storm hits | the coast of Maine tonight", none) == "Storm hits | the coast of Maine tonight");
    CHECK(without_site_affix("News | Daily Post", none) == "News | Daily Post");
    CHECK(without_site_affix("Apples | Pears | Plums", none) == "Apples | Pears | Plums");
}

TEST_CASE("a host name before the title, a wiki's name in brackets after it, and a host-name part are affixes",
          "[metadata][title]") {
    SiteNames none;
    CHECK(without_site_affix("davidbau.com Vibe Coding", none) == "Vibe Coding");
    CHECK(without_site_affix("searching [Zotero Documentation]", none) == "searching");
    CHECK(without_site_affix("Best laptops [Updated 2025]", none) == "Best laptops [Updated 2025]");  // a digit: the title's
    CHECK(without_site_affix("Python lists [Video]", none) == "Python lists [Video]");                // one word: the title's
    CHECK(without_site_affix("RESTAURANT Definition & Meaning | Dictionary.com", none) == "RESTAURANT Definition & Meaning");
    CHECK(without_site_affix("Wayfair.com - Online Home Store for Furniture", none) == "Online Home Store for Furniture");
    SiteNames bcbs;
    bcbs.add_host("www.bcbs.com");
    CHECK(bcbs.matches("bcbs.com"));
    CHECK_FALSE(bcbs.matches("Blue Cross"));
}

TEST_CASE("an h1's thread label and CSS-in-JS rules are not its headline", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><head><title>Tips - ProxMox or Debian? | Forum</title>
        <meta property="og:title" content="Tips - ProxMox or Debian?"></head>
        <body><h1 class="p-title-value"><span class="label label--primary">Tips</span><span class="label-append">&nbsp;</span>ProxMox or Debian?</h1>
        <h1><style>.css-1a8e{font-weight:700}</style>Second h1</h1><p>x</p></body></html>)");
    Statements s = read_statements(tree, {});
    REQUIRE(s.h1s.size() == 2);
    CHECK(s.h1s[0] == "ProxMox or Debian?");
    CHECK(s.h1s[1] == "Second h1");
    CHECK(choose_title(s).value == "ProxMox or Debian?");
}

TEST_CASE("an h1 whose words are only in the site's part of the <title> is a section label", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><head><title>Minecraft 1.8 - The Bountiful Update - Minecraft Update News</title>
        <meta property="og:site_name" content="Minecraft Update News">
        <meta property="og:title" content="Minecraft 1.8 - The Bountiful Update"></head>
        <body><h1>Minecraft News</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(tree, {})).value == "Minecraft 1.8 - The Bountiful Update");
}

TEST_CASE("og:title that is only the site's name gives way to the page's own <title>, not on the home page",
          "[metadata][title]") {
    Tree category = Tree::parse(R"(<html><head><title>All Men's Socks</title>
        <meta property="og:site_name" content="Bombas"><meta property="og:title" content="Bombas"></head>
        <body><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(category, {})).value == "All Men's Socks");
    Tree home = Tree::parse(R"(<html><head><title>Plausible Analytics | Simple, privacy-friendly analytics</title>
        <meta property="og:site_name" content="Plausible Analytics"><meta property="og:title" content="Plausible Analytics"></head>
        <body><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(home, {})).value == "Plausible Analytics");
}

TEST_CASE("an article's only h1 of a headline's length is its title, whatever og:title and <title> say",
          "[metadata][title]") {
    auto page = [](std::string_view og_title, std::string_view h1) {
        return read_statements(Tree::parse("<html><head><title>" + std::string(og_title) +
                                           " | LuccaAM</title><meta property=\"og:title\" content=\"" +
                                           std::string(og_title) + " | LuccaAM\"><meta property=\"og:site_name\" "
                                           "content=\"LuccaAM\"></head><body><h1>" + std::string(h1) +
                                           "</h1><p>x</p></body></html>"),
                               {});
    };
    const Statements seo = page("Top 11 SEO Strategies for 2025", "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead");
    const Sourced title = choose_title(seo, PageKind::article);
    CHECK(title.value == "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead");
    CHECK(title.source == "the page's only h1 (og:title says otherwise)");
    CHECK(choose_title(seo, PageKind::product).value == "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead");
    // a listing's or service page's h1 is a section's name or a tagline: its statements speak
    CHECK(choose_title(seo, PageKind::listing).value == "Top 11 SEO Strategies for 2025");
    CHECK(choose_title(seo, PageKind::service).value == "Top 11 SEO Strategies for 2025");
    // shorter than a headline: a section's label
    CHECK(choose_title(page("Top 11 SEO Strategies for 2025", "Latest News"), PageKind::article).value ==
          "Top 11 SEO Strategies for 2025");
    // longer: a standfirst
    CHECK(choose_title(page("Top 11 SEO Strategies for 2025",
                            "Learn which of the many ways to rank are worth your time this year and which ones you "
                            "can safely ignore"),
                       PageKind::article)
              .value == "Top 11 SEO Strategies for 2025");
    // a label and a tagline joined by a title separator
    CHECK(choose_title(page("Marketing and Advertising Solutions", "Marketing and Advertising - Elevating Wellness Brands"),
                       PageKind::article)
              .value == "Marketing and Advertising Solutions");
    // a lead-in to what follows
    CHECK(choose_title(page("Top 11 SEO Strategies for 2025", "A message from our co-founder and editor:"), PageKind::article)
              .value == "Top 11 SEO Strategies for 2025");
    // a statement of under 3 words is a name (a brand's), and the h1 its tagline
    CHECK(choose_title(page("Hakutsuru", "Japan's Top-Selling Sake Brand"), PageKind::article).value == "Hakutsuru");
    // a page of any kind whose only statement is a <title>: the site's name and tagline
    Tree thread = Tree::parse(R"(<html><head><title>Reddit - The heart of the internet</title>
        <meta name="application-name" content="Reddit"></head>
        <body><main><h1>Enameled Cast Iron Pan and Metal</h1><p>x</p></main></body></html>)");
    const Sourced only_title = choose_title(read_statements(thread, {}), PageKind::service);
    CHECK(only_title.value == "Enameled Cast Iron Pan and Metal");
    CHECK(only_title.source == "the page's only h1 (<title> without the site's name says otherwise)");
    // several h1s: none of them is the page's only headline
    Tree two = Tree::parse(R"(<html><head><meta property="og:title" content="Top 11 SEO Strategies for 2025"></head>
        <body><h1>Eleven ways to rank better this year</h1><h1>Get our newsletter every single week</h1></body></html>)");
    CHECK(choose_title(read_statements(two, {}), PageKind::article).value == "Top 11 SEO Strategies for 2025");
}

TEST_CASE("an h1 leaves out an aggregator's source link and comment count after the headline", "[metadata][title]") {
    Tree tree = Tree::parse(R"(<html><body><h1 class="story"><span class="story-title"><a href="/story/1">Grads Find
        Their Degrees No Longer Guarantee Jobs</a> <span><a href="https://www.latimes.com/x">(latimes.com)</a></span></span>
        <span class="comment-bubble"><a href="/story/1#comments">87</a></span></h1><p>x</p></body></html>)");
    CHECK(read_statements(tree, {}).h1s == std::vector<std::string>{"Grads Find Their Degrees No Longer Guarantee Jobs"});
    // a number that is the headline stays
    Tree year = Tree::parse(R"(<html><body><h1><span>2024</span></h1><h1>Top <b>10</b> tools</h1></body></html>)");
    CHECK(read_statements(year, {}).h1s == std::vector<std::string>{"2024", "Top 10 tools"});
}

TEST_CASE("the publisher's title meta tag: Dublin Core, then OpenGraph, Twitter, Parse.ly", "[metadata][title]") {
    Tree dublin = Tree::parse(R"(<html><head><title>Title Element</title>
        <meta property="x:title dc:title" content="Preferred title"><meta property="og:title" content="A title">
        </head><body><p>x</p></body></html>)");
    const Statements s = read_statements(dublin, {});
    CHECK(s.og_title == "Preferred title");
    CHECK(s.og_title_key == "dc.title");
    const Sourced title = choose_title(s);
    CHECK(title.value == "Preferred title");
    CHECK(title.source == "dc.title");
    Tree parsely = Tree::parse(R"(<html><head><meta name="parsely-title" content="Some Other Title"></head>
        <body><h1>Test document title</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(parsely, {}), PageKind::service).value == "Some Other Title");
}

TEST_CASE("an h1 confirmed by containment is a phrase of the statement, its words in a row", "[metadata][title]") {
    Tree scattered = Tree::parse(R"(<html><head><title>Barbecue au charbon de bois | +100 modèles | Esprit Barbecue</title>
        <meta property="og:site_name" content="Esprit Barbecue"></head><body><h1>Barbecue charbon</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(scattered, {})).value == "Barbecue au charbon de bois");
    Tree phrase = Tree::parse(R"(<html><head><title>Men's Gym T-Shirts & Tops | Shop</title></head>
        <body><h1>T-Shirts & Tops</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(phrase, {})).value == "T-Shirts & Tops");
}

TEST_CASE("a confirmed h1 loses a section number that no statement gives", "[metadata][title]") {
    Tree book = Tree::parse(R"(<html><head><title>Git - Branches in a Nutshell</title></head>
        <body><h1>3.1 Git Branching - Branches in a Nutshell</h1><p>x</p></body></html>)");
    const Sourced title = choose_title(read_statements(book, {}));
    CHECK(title.value == "Git Branching - Branches in a Nutshell");
    CHECK(title.source == "h1 confirmed by <title>");
    Tree figure = Tree::parse(R"(<html><head><meta property="og:title" content="3.5 Million Visitors Came to the Fair">
        </head><body><h1>3.5 Million Visitors Came to the Fair</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(figure, {})).value == "3.5 Million Visitors Came to the Fair");
}

TEST_CASE("an h1 with a kicker or subtitle inside is two lines run together, not the page's only headline",
          "[metadata][title]") {
    Tree kicker = Tree::parse(R"(<html><head><meta property="og:title" content="Adblue nachfüllen: wo kaufen; Preis"></head>
        <body><h1 class="article-header__headline"><span class="article-header__roofline">Adblue nachfüllen: wo kaufen;
        Preis</span> So wird Adblue richtig angewendet</h1><p>x</p></body></html>)");
    const Statements s = read_statements(kicker, {});
    CHECK(s.h1s_two_lines == std::vector<bool>{true});
    CHECK(choose_title(s, PageKind::article).value == "Adblue nachfüllen: wo kaufen; Preis");
    Tree plain = Tree::parse(R"(<html><head><meta property="og:title" content="Adblue nachfüllen: wo kaufen; Preis"></head>
        <body><h1>So wird Adblue richtig angewendet</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(plain, {}), PageKind::article).value == "So wird Adblue richtig angewendet");
    // "1. Februar 2022" is a date in front, not a section number
    Tree date = Tree::parse(R"(<html><head><title>Raab: Rahmenbedingungen gestalten</title></head>
        <body><h1>1. Februar 2022 Raab: Rahmenbedingungen gestalten</h1><p>x</p></body></html>)");
    CHECK(choose_title(read_statements(date, {})).value == "1. Februar 2022 Raab: Rahmenbedingungen gestalten");
}
