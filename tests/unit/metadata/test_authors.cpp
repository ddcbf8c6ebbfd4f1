#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/statements.hpp"

using namespace winnow::metadata;
using Names = std::vector<std::string>;
using winnow::dom::Tree;

TEST_CASE("byline words in several languages are stripped", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("By Jane Roe", none) == Names{"Jane Roe"});
    CHECK(author_names("Written by: Jane Roe", none) == Names{"Jane Roe"});
    CHECK(author_names("Von Eva Muster", none) == Names{"Eva Muster"});
    CHECK(author_names("Par Sébastien Farcis", none) == Names{"Sébastien Farcis"});
    CHECK(author_names("Por María López", none) == Names{"María López"});
    CHECK(author_names("Autor: Jan Kowalski", none) == Names{"Jan Kowalski"});
    CHECK(after_byline_word("By Jane Roe") == "Jane Roe");
    CHECK(after_byline_word("Bystander effect") == "");
    // The longest byline word, in capitals, and one that opens with a capital outside ASCII.
    CHECK(after_byline_word("  WRITTEN AND REVIEWED BY:  Jane   Roe ") == "Jane Roe");
    CHECK(after_byline_word("ÉCRIT PAR Jean Dupont") == "Jean Dupont");
    CHECK(after_byline_word("By") == "");
    CHECK(after_byline_word("By: ") == "");
    CHECK(after_byline_word("Written and reviewed byline") == "");
    CHECK(is_byline_label("Written by"));
    CHECK(is_byline_label("Author:"));
    CHECK_FALSE(is_byline_label("Jane Roe"));
}

TEST_CASE("co-authors are split and roles and credentials dropped", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", none) ==
          Names{"Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"});
    CHECK(author_names("Jane Roe & John Doe", none) == Names{"Jane Roe", "John Doe"});
    CHECK(author_names("Eva Muster und Max Mann", none) == Names{"Eva Muster", "Max Mann"});
    CHECK(author_names("Jane Roe, Senior Editor", none) == Names{"Jane Roe"});
    CHECK(author_names("Jane Roe, MD, PhD", none) == Names{"Jane Roe"});
    CHECK(author_names("Jane Roe | John Doe", none) == Names{"Jane Roe", "John Doe"});
    CHECK(author_names("Jane Roe, Jane Roe", none) == Names{"Jane Roe"});
}

TEST_CASE("never a URL, an e-mail, a handle or a label", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("https://www.facebook.com/someone", none).empty());
    CHECK(author_names("www.example.org", none).empty());
    CHECK(author_names("jane@example.org", none).empty());
    CHECK(author_names("@janeroe", none).empty());
    CHECK(author_names("Erin Cunningham, Follow @erinmcunningham", none) == Names{"Erin Cunningham"});
    CHECK(author_names("admin", none).empty());
    CHECK(author_names("undefined", none).empty());
    // an interface's buttons and form states caught by a byline rule
    CHECK(author_names("Submitting", none).empty());
    CHECK(author_names("sending, Pull Request", none).empty());
    CHECK(author_names("Write a review", none).empty());
    CHECK(author_names("Register", none).empty());
    CHECK(is_url_or_email("mailto:jane@example.org"));
    CHECK_FALSE(is_url_or_email("Jane Roe"));
}

TEST_CASE("the site's or publisher's name is no author, unless the site is a person's own", "[metadata][authors]") {
    SiteNames site;
    site.add("Cleveland Clinic");
    site.add_host("www.usatoday.com");
    CHECK(author_names("Cleveland Clinic", site).empty());
    CHECK(author_names("USA TODAY", site).empty());
    CHECK(author_names("Manoj Jain and Jagpreet Chhatwal, USA Today", site) == Names{"Manoj Jain", "Jagpreet Chhatwal"});
    SiteNames personal;
    personal.add("Sam Bossley");
    CHECK(author_names("Sam Bossley", personal) == Names{"Sam Bossley"});
    CHECK(looks_like_person("Sam Bossley"));
    CHECK_FALSE(looks_like_person("Cleveland Clinic"));
    CHECK_FALSE(looks_like_person("BBC News"));
}

TEST_CASE("a byline's text loses the job title, label and site name of the next element", "[metadata][authors]") {
    SiteNames site;
    site.add("USA TODAY");
    CHECK(author_names("Brian Truitt USA TODAY", site, true) == Names{"Brian Truitt"});
    CHECK(author_names("Preetam Jinka Co-founder", site, true) == Names{"Preetam Jinka"});
    CHECK(author_names("Reyan Perumal Published", site, true) == Names{"Reyan Perumal"});
    // statements from markup keep their words: "Luxury Travel Expert" is a name there
    CHECK(author_names("TOI Lifestyle Desk", site) == Names{"TOI Lifestyle Desk"});
}

TEST_CASE("names as bylines write them", "[metadata][authors]") {
    CHECK(looks_like_name("Jane Roe"));
    CHECK(looks_like_name("Ludwig van Beethoven"));
    CHECK(looks_like_name("InsaneSnow45"));
    CHECK_FALSE(looks_like_name("the way we work"));
    CHECK_FALSE(looks_like_name("Share"));
    CHECK_FALSE(looks_like_name("2025"));
    CHECK_FALSE(looks_like_name("8h"));  // how long ago
    CHECK_FALSE(looks_like_name("CC7567"));
    CHECK_FALSE(looks_like_name("One two three four five six seven"));
}

TEST_CASE("an article's JSON-LD author that is a login or an organisation", "[metadata][authors]") {
    CHECK(looks_like_login("andrew.keaveney"));
    CHECK(looks_like_login("mdelatorreq6vkpg2ma0ci"));
    CHECK_FALSE(looks_like_login("Jane Roe"));
    CHECK_FALSE(looks_like_login("Morgan"));
    CHECK_FALSE(looks_like_login("J. Roe"));
    CHECK_FALSE(looks_like_login("Louis XIV"));
    // the login gives way to the byline; a forum's logins are its members' names
    Tree login = Tree::parse(R"(<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "Breathing", "author": {"@type": "Person", "name": "andrew.keaveney"}}</script></head>
        <body><h1>Breathing</h1><div class="author">By Denise Everheart</div><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(login, {}).authors == Names{"Denise Everheart"});
    Tree forum = Tree::parse(R"(<html><head><script type="application/ld+json">
        {"@type": "DiscussionForumPosting", "headline": "Help", "author": {"@type": "Person", "name": "bob_99"}}</script></head>
        <body><h1>Help</h1><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(forum, {}).authors == Names{"bob_99"});
    // an organisation's name is one name, and the publisher's is none
    Tree organisation = Tree::parse(R"(<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "Drugs", "author": {"@type": "Organization", "name": "Center for Drug Evaluation and Research"},
         "publisher": {"@type": "Organization", "name": "FDA"}}</script></head><body><h1>Drugs</h1><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(organisation, {}).authors == Names{"Center for Drug Evaluation and Research"});
    Tree publisher = Tree::parse(R"(<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "Law", "author": {"@type": "Organization", "name": "Morgan & Morgan"},
         "publisher": {"@type": "Organization", "name": "Morgan & Morgan"}}</script></head><body><h1>Law</h1><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(publisher, {}).authors.empty());
}

TEST_CASE("rel=author in the article's own footer, after a long article", "[metadata][authors]") {
    std::string page = R"(<html><head><title>What tutoring is</title></head><body>
        <nav><a rel="author" href="/author/x">Nav Person</a></nav><article><header><h1>What tutoring is</h1></header>)";
    for (int i = 0; i < 40; ++i) page += "<p>Tutoring is one of the oldest teaching methods, older than schools themselves.</p>";
    page += R"(<footer class="meta"><p class="name"><a rel="author" href="/author/hgoetz/">Halina Goetz</a></p></footer></article>
        <footer><a rel="author" href="/author/y">Page Footer</a></footer></body></html>)";
    Tree tree = Tree::parse(page);
    CHECK(winnow::metadata::read_statements(tree, {}).authors == Names{"Halina Goetz"});
}

TEST_CASE("scholarly tags write each author last name first", "[metadata][authors]") {
    CHECK(uninverted_name("Roy, Aniruddha") == "Aniruddha Roy");
    CHECK(uninverted_name("van der Berg, Anna Maria") == "Anna Maria van der Berg");
    CHECK(uninverted_name("Jane Roe, MD") == "Jane Roe, MD");
    CHECK(uninverted_name("Roe, Doe and Poe") == "Roe, Doe and Poe");
    CHECK(uninverted_name("Jane Roe") == "Jane Roe");
    Tree tree = Tree::parse(R"(<html><head><meta name="citation_author" content="Roy, Aniruddha">
        <meta name="citation_author" content="Patel, Jyoti"></head><body><h1>Paper</h1><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(tree, {}).authors == Names{"Aniruddha Roy", "Jyoti Patel"});
}

TEST_CASE("parentheses after a name: a home page dropped, co-authors split, anything else kept", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("Bradley M. Kuhn (http://ebb.org/bkuhn/)", none) == Names{"Bradley M. Kuhn"});
    CHECK(author_names("Jane Roe (jane@example.org)", none) == Names{"Jane Roe"});
    CHECK(author_names("Martin Untersinger (avec Damien Leloup et Morgane Tual)", none) ==
          Names{"Martin Untersinger", "Damien Leloup", "Morgane Tual"});
    CHECK(author_names("Jane Roe (with John Doe)", none) == Names{"Jane Roe", "John Doe"});
    CHECK(author_names("Jean-Luc Aufranc (CNXSoft)", none) == Names{"Jean-Luc Aufranc (CNXSoft)"});
    CHECK(author_names("Richard (R.J.) Eskow", none) == Names{"Richard (R.J.) Eskow"});
    // a label's plural ending is still a label
    CHECK(author_names("Auteur(s) :", none).empty());
    CHECK(is_byline_label("Auteur(s) :"));
}

TEST_CASE("a site named with an article or an institution's word is no person's own", "[metadata][authors]") {
    SiteNames site;
    site.add("Die Tagespresse");
    site.add_host("www.elcolombiano.com");
    site.add("Auswärtiges Amt");
    CHECK(author_names("Die Tagespresse", site).empty());
    CHECK(author_names("El Colombiano", site).empty());
    CHECK(author_names("Auswärtiges Amt", site).empty());
    CHECK_FALSE(looks_like_person("La Stampa"));
    CHECK_FALSE(looks_like_person("Axel Springer Verlag"));
    // an article's word inside a name is a particle of it
    CHECK(looks_like_person("Marine Le Pen"));
    // a sign before a name is no part of it
    CHECK(author_names("~ Cem Basman", SiteNames{}) == Names{"Cem Basman"});
}

TEST_CASE("the site's name whole is no author, even when it reads as two names", "[metadata][authors]") {
    SiteNames site;
    site.add("Mac & i");
    CHECK(author_names("Mac & i", site).empty());
    CHECK(author_names("Jane Roe & John Doe", site) == Names{"Jane Roe", "John Doe"});
}

TEST_CASE("an initial after the comma of a name written last name first", "[metadata][authors]") {
    CHECK(uninverted_name("Kooman, F.") == "F. Kooman");
    CHECK(uninverted_name("Roe, J. R.") == "J. R. Roe");
    CHECK(uninverted_name("Jane Roe, M.D.") == "Jane Roe, M.D.");
    Tree tree = Tree::parse(R"(<html><head><meta name="DC.Creator" content="Kooman, F.">
        <meta name="DC.Creator" content="Jong, Michiel de"></head><body><h1>Draft</h1><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(tree, {}).authors == Names{"F. Kooman", "Michiel de Jong"});
}

TEST_CASE("a key written as name= and as property= is one statement, not two co-authors", "[metadata][authors]") {
    Tree tree = Tree::parse(R"(<html><head><meta name="DC.creator" content="Jane Roe">
        <meta property="dc:creator" content="John Doe"></head><body><h1>Page</h1><p>x</p></body></html>)");
    const Statements s = winnow::metadata::read_statements(tree, {});
    CHECK(s.authors == Names{"John Doe"});
    CHECK(s.authors_source == "meta dc.creator, the property= form over the name= one");
}

TEST_CASE("co-authors' bylines stand together, and another story's byline further on is not one", "[metadata][authors]") {
    std::string page = R"(<html><head><title>Weekly edition</title></head><body><div class="content"><h1>Weekly edition</h1>
        <h2>First story</h2><div class="FeatureByline">By <b>Nathan Willis</b></div>)";
    for (int i = 0; i < 10; ++i) page += "<p>The release brings a long list of changes to the way documents are stored and shown.</p>";
    page += R"(<h2>Second story</h2><div class="FeatureByline">By <b>Jonathan Corbet</b></div><p>More.</p></div></body></html>)";
    Tree tree = Tree::parse(page);
    CHECK(winnow::metadata::read_statements(tree, {}).authors == Names{"Nathan Willis"});
    Tree together = Tree::parse(R"(<html><body><h1>Story</h1><div class="byline"><span class="author">Jane Roe</span>
        and <span class="author">John Doe</span></div><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(together, {}).authors == Names{"Jane Roe", "John Doe"});
}

TEST_CASE("a host name, an address written against harvesters and a post's labels are no author", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("facebook.com", none).empty());
    CHECK(author_names("stol.it, Suedtirol Online", none) == Names{"Suedtirol Online"});
    CHECK(author_names("cipha[at]cipha.net", none).empty());
    CHECK(is_url_or_email("jane (at) example.org"));
    CHECK_FALSE(is_url_or_email("Jane Roe (AT&T)"));
    CHECK(author_names("Posted, Walter von Aachen", none) == Names{"Walter von Aachen"});
    CHECK(author_names("Registrieren", none).empty());
    CHECK(author_names("Stand", none).empty());
    // a magazine's credits with their colon
    CHECK(author_names("Text, Interview: Harald Willenbrock", none) == Names{"Harald Willenbrock"});
    CHECK(author_names("Interview: Julia Lauter", none) == Names{"Julia Lauter"});
}

TEST_CASE("a company's legal form ends no person's name, and its address follows it", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("wegewerk GmbH", none).empty());
    CHECK(author_names("Olympia-Verlag GmbH, Nürnberg, Germany", none).empty());
    CHECK(author_names("Jane Roe, Acme Inc", none) == Names{"Jane Roe"});
    CHECK(author_names("anónimo", none).empty());
}

TEST_CASE("a label that names the role heads an author box, a preposition alone does not", "[metadata][authors]") {
    CHECK(is_author_label("Written by"));
    CHECK(is_author_label("Article by"));
    CHECK(is_author_label("Autor:"));
    CHECK(is_author_label("Author"));
    CHECK_FALSE(is_author_label("By"));
    CHECK_FALSE(is_author_label("by:"));
    CHECK_FALSE(is_author_label("Di"));  // a calendar's Tuesday
    CHECK_FALSE(is_author_label("Jane Roe"));
    for (std::string_view word : k_byline_prepositions) {
        CAPTURE(word);
        CHECK(is_byline_label(word));
        CHECK_FALSE(is_author_label(word));
    }
    CHECK(after_byline_word("Przez Jana Kowalska") == "Jana Kowalska");
}

namespace {
// A page whose headline has no byline near it, a long article, then `after`.
std::string page_with_box_after(const std::string& after) {
    std::string page = R"(<html><head><title>Ten ways to plan a trip</title></head><body><main><h1>Ten ways to plan a trip</h1>)";
    for (int i = 0; i < 60; ++i) page += "<p>Planning a journey starts long before the suitcase comes out of the cupboard.</p>";
    return page + after + "</main></body></html>";
}
std::vector<std::string> authors_of(const std::string& page) {
    Tree tree = Tree::parse(page);
    return winnow::metadata::read_statements(tree, {}).authors;
}
}  // namespace

TEST_CASE("an author box after the article names the author when nothing near the headline does", "[metadata][authors]") {
    // "Written by" in an element of its own, the name in the next, far below the headline
    CHECK(authors_of(page_with_box_after(R"(<div><div>Written by</div><div>Jack Shepherd</div><div>Hi! I run the agency.</div></div>)")) ==
          Names{"Jack Shepherd"});
    CHECK(authors_of(page_with_box_after(R"(<h2>Article by</h2><div>Matias Heikkilä</div>)")) == Names{"Matias Heikkilä"});
    // an author box: the photo's alt text is the name written beside it
    CHECK(authors_of(page_with_box_after(R"(<div class="post-author-wrapper"><div class="author-avatar"><img src="a.jpg" alt="Danielle Padula"></div>
        <div class="author-bio"><p>This post was written by Danielle Padula, Head of Marketing.</p></div></div>)")) ==
          Names{"Danielle Padula"});
    // a byline near the headline comes first
    std::string near = page_with_box_after(R"(<div><div>Written by</div><div>Jack Shepherd</div></div>)");
    near.replace(near.find("</h1>"), 5, "</h1><p class=\"byline\">By Jane Roe</p>");
    CHECK(authors_of(near) == Names{"Jane Roe"});
}

TEST_CASE("no author from boxes that are not the author's", "[metadata][authors]") {
    // a calendar's weekday columns: "Di" (Tuesday) is no byline label before "Mi"
    CHECK(authors_of(page_with_box_after(R"(<table><tr><td>Mo</td><td>Di</td><td>Mi</td></tr></table>)")).empty());
    // a preposition alone before a related post's author
    CHECK(authors_of(page_with_box_after(R"(<div class="teaser"><span>By</span><a href="/x">Other Writer</a></div>)")).empty());
    // a photo of a product in a <figure>, its name in the caption
    CHECK(authors_of(page_with_box_after(R"(<figure><img src="c.jpg" alt="Alfa Romeo"><figcaption>Alfa Romeo Giulia, 2021</figcaption></figure>)")).empty());
    // several people: comments with avatars, a team, testimonials
    CHECK(authors_of(page_with_box_after(
              R"(<div class="author-card"><img src="1.jpg" alt="Jane Roe"><b>Jane Roe</b></div>
                 <div class="author-card"><img src="2.jpg" alt="John Doe"><b>John Doe</b></div>)"))
              .empty());
    // a box inside a sidebar or a comment zone is skipped whatever it says
    CHECK(authors_of(page_with_box_after(R"(<aside><div>Written by</div><div>Side Person</div></aside>)")).empty());
}

TEST_CASE("a person's photo and the name under it after the article, in no author-classed box", "[metadata][authors]") {
    // the photo alone in its paragraph, the name opening the next
    CHECK(authors_of(page_with_box_after(R"(<hr><p><img src="t.png" alt="Tim Green"></p>
        <p><strong>Tim Green</strong> <em>UK-based Technology Writer</em></p><p>Tim explores the intersections of AI.</p>)")) ==
          Names{"Tim Green"});
    CHECK(authors_of(page_with_box_after(R"(<p><a href="j.jpg"><img src="j.jpg" alt="Julia Gralberg"></a></p>
        <p>Julia Gralberg is a freelance travel writer.</p>)")) == Names{"Julia Gralberg"});
    // the same photo and name by the headline picture the article's subject
    std::string subject = page_with_box_after("");
    subject.replace(subject.find("</h1>"), 5, R"(</h1><div><img src="s.jpg" alt="Irme Stetter"><p>Irme Stetter speaks.</p></div>)");
    CHECK(authors_of(subject).empty());
    // a teaser card: the photo and the linked title of another article
    CHECK(authors_of(page_with_box_after(R"(<ul><li><div><a href="/n/1"><img src="1.jpg" alt="French Glider"></a></div>
        <a href="/n/1"><h4>French Glider</h4></a></li></ul>)")).empty());
    // a WordPress caption without <figure>
    CHECK(authors_of(page_with_box_after(R"(<div class="wp-caption"><img src="m.jpg" alt="Mobile App Development">
        <p class="wp-caption-text">Mobile App Development</p></div>)")).empty());
    // a name that only starts the text's longer name is not the same person
    CHECK(authors_of(page_with_box_after(R"(<hr><p><img src="t.png" alt="Tim Green"></p><p>Tim Greenberg writes.</p>)")).empty());
}

TEST_CASE("an author box's label and name in one element, and co-authors in one box", "[metadata][authors]") {
    // the label, then the name's link, in one line far below the headline
    CHECK(authors_of(page_with_box_after(R"(<div class="attribution">Text by <a href="/contributor/hunter-dukes/">Hunter Dukes</a></div>)")) ==
          Names{"Hunter Dukes"});
    // one box, two people
    CHECK(authors_of(page_with_box_after(
              R"(<p>Written by <a href="/blog/author/moses-kim-and-kate-shokurova">Moses Kim and Kate Shokurova</a></p>)")) ==
          Names{"Moses Kim", "Kate Shokurova"});
    CHECK(authors_of(page_with_box_after(R"(<p>Autoren Jelko Djuren und Jutta Klaukien</p>)")) ==
          Names{"Jelko Djuren", "Jutta Klaukien"});
    // the same people named again in a second box are still one set
    CHECK(authors_of(page_with_box_after(R"(<p>Written by Moses Kim and Kate Shokurova</p>
        <div class="author-box"><img src="m.jpg" alt="Moses Kim"><b>Moses Kim</b></div>)")) ==
          Names{"Moses Kim", "Kate Shokurova"});
}

TEST_CASE("no author box from a list's item, a desk's abbreviation or a reviewed book's details", "[metadata][authors]") {
    // "Author names" is an item of a checklist
    CHECK(authors_of(page_with_box_after(R"(<ul><li>Journal title</li><li>Author names</li><li>Keywords</li></ul>)")).empty());
    // "red" is the desk (Redaktion), written in lower case
    CHECK(authors_of(page_with_box_after(R"(<i>Autor: red</i>)")).empty());
    // the book's details, among other labelled facts
    CHECK(authors_of(page_with_box_after(R"(<div><u>Titel:</u> The Casquette Girls</div><div><u>Seiten:</u> 400 Seiten</div>
        <div><u>Autorin: </u>Alys Arden</div><div><u>Verlag: </u>fortheARTofit</div>)"))
              .empty());
    // boxes naming different people name no one
    CHECK(authors_of(page_with_box_after(R"(<p>Written by Moses Kim and Kate Shokurova</p><p>Written by Jane Roe</p>)")).empty());
}

TEST_CASE("a login in a meta tag or a Twitter card gives way to the next source, but not on a forum", "[metadata][authors]") {
    auto authors_with_head = [](const std::string& head, const std::string& body) {
        return authors_of("<html><head>" + head + "</head><body><h1>Ten ways to plan a trip</h1>" + body +
                          "<p>Planning a journey starts long before the suitcase comes out of the cupboard.</p></body></html>");
    };
    // the CMS's account in meta author, the person in the byline
    CHECK(authors_with_head(R"(<meta name="author" content="andrew.keaveney">)", R"(<p class="byline">By Denise Everheart</p>)") ==
          Names{"Denise Everheart"});
    // Yoast's "Written by" card with the account's name, and nothing else: no author
    CHECK(authors_with_head(R"(<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="mdelatorreq6vkpg2ma0ci">)", "")
              .empty());
    // a person's name in the card stays
    CHECK(authors_with_head(R"(<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Roe">)", "") ==
          Names{"Jane Roe"});
    // a forum's members are their logins
    const std::string posts = R"(<div itemscope itemtype="https://schema.org/Comment">One</div><div itemscope itemtype="https://schema.org/Comment">Two</div>)";
    CHECK(authors_with_head(R"(<meta name="author" content="ejp55230">)", posts) == Names{"ejp55230"});
}

TEST_CASE("a post's 'published by' in several languages, and no name beside a web address", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("Veröffentlicht von Chris Jung", none) == Names{"Chris Jung"});
    CHECK(author_names("Publié par Jeanne Roux", none) == Names{"Jeanne Roux"});
    CHECK(author_names("Published by: Jane Roe", none) == Names{"Jane Roe"});
    CHECK(is_byline_label("Verfasst von"));
    // the agency or desk with its address is no person; an initial glued to a name stays one
    CHECK(author_names("Web Commerce GmbH www.w-commerce.de", none).empty());
    CHECK(author_names("Redaktion datev.de", none).empty());
    CHECK(author_names("J.Smith", none) == Names{"J.Smith"});
    // a registered association is no person
    CHECK(author_names("Deutsches Rotes Kreuz e.V.", none).empty());
    // a statement that opens with a sentence is no list of names ("i" is Polish "and")
    CHECK(author_names("Krótko o przepisach prawa w Nowej Zelandii i Polsce", none).empty());
    CHECK(author_names("Jane Roe and John Doe", none) == Names{"Jane Roe", "John Doe"});
}

TEST_CASE("an author page's link inside a sentence cites someone while one in a byline or opening a bio signs", "[metadata][authors]") {
    auto page = [](const std::string& block) {
        return R"(<html><body><main><h1>Ten ways to plan a trip</h1>)" + block +
               "<p>Planning a journey starts long before the suitcase comes out of the cupboard.</p></main></body></html>";
    };
    CHECK(authors_of(page(R"(<p>Posted on 3 May 2021 by <a href="/author/jane-roe">Jane Roe</a> in Travel</p>)")) ==
          Names{"Jane Roe"});
    CHECK(authors_of(page(R"(<p><a href="/author/jane-roe">Jane Roe</a> is a travel writer who has crossed four continents by train.</p>)")) ==
          Names{"Jane Roe"});
    CHECK(authors_of(page(R"(<p>In Poland these rules are <a href="/acts/U/D19740141.pdf">regulated</a> by the labour code, in its eighth part on parents.</p>)"))
              .empty());
    // the text before the link is read by its end: a long sentence whose source indents the
    // link still puts it inside the sentence, and a label padded with white space still labels
    const std::string indent(400, ' ');
    CHECK(authors_of(page("<p>" + std::string(300, 'x') + " and as the study by" + indent +
                          R"(<a href="/author/jane-roe">Jane Roe</a> shows, the rules of the labour code differ.</p>)"))
              .empty());
    CHECK(authors_of(page("<p>Posted by" + indent + R"(<a href="/author/jane-roe">Jane Roe</a> in Travel</p>)")) ==
          Names{"Jane Roe"});
    CHECK(authors_of(page("<p>Photo by" + indent + R"(<a href="https://example.org/users/jane-roe">Jane Roe</a> on a library</p>)"))
              .empty());
}

TEST_CASE("a picture credit's link and a headline that opens with a byline word name no author", "[metadata][authors]") {
    auto page = [](const std::string& block) {
        return R"(<html><body><main><h1>Ten ways to plan a trip</h1>)" + block +
               "<p>Planning a journey starts long before the suitcase comes out of the cupboard.</p></main></body></html>";
    };
    CHECK(authors_of(page(R"(<p>Foto: <a href="https://pixabay.com/de/users/dahancoo-548756/">dahancoo</a> / Pixabay</p>)")).empty());
    CHECK(authors_of(page(R"(<p>Photo by <a href="https://example.org/users/jane-roe">Jane Roe</a> on a library</p>)")).empty());
    // the same link after a byline's label signs
    CHECK(authors_of(page(R"(<p>Text: <a href="/users/jane-roe">Jane Roe</a></p>)")) == Names{"Jane Roe"});
    CHECK(authors_of(page(R"(<h3>Von Atemschutzmaske über Exit-Strategie bis Zoonose</h3>)")).empty());
    CHECK(authors_of(page(R"(<h3>Von Sprachregeln, Gender-Politik und Deutsch</h3>)")).empty());
    CHECK(authors_of(page(R"(<div class="meta">Von Eva Muster</div>)")) == Names{"Eva Muster"});
}

TEST_CASE("an editorial desk, a CMS's placeholder account and a platform name nobody", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("Teufel Editorial Team", none).empty());
    CHECK(author_names("Nature Editorial", none).empty());
    CHECK(author_names("TVT-Redaktion", none).empty());
    CHECK(author_names("KB_Redaktion", none).empty());
    CHECK(author_names("Onlineredaktion", none).empty());
    CHECK(author_names("Redacción EC", none).empty());
    CHECK(author_names("revamp-it Webteam", none).empty());
    CHECK(author_names("No Author", none).empty());
    CHECK(author_names("Super User", none).empty());
    CHECK(author_names("wordpressadmin", none).empty());
    CHECK(author_names("YouTube", none).empty());
    CHECK(names_nobody("Facebook"));
    // a desk beside a person goes, the person stays
    CHECK(author_names("Jane Roe, Nature Editorial", none) == Names{"Jane Roe"});
    // a team or a desk named in English stays: the byline names it
    CHECK(author_names("Camphouse Team", none) == Names{"Camphouse Team"});
    CHECK(author_names("TOI Lifestyle Desk", none) == Names{"TOI Lifestyle Desk"});
    // people's names that hold such words in part stay
    CHECK_FALSE(names_nobody("Jane Admin Roe"));
    CHECK_FALSE(names_nobody("Jean-Luc Picard"));
    CHECK_FALSE(names_nobody("Admina"));
    // an organisation named as the JSON-LD author is kept, a desk is not
    Tree desk = Tree::parse(R"(<html><head><script type="application/ld+json">
        {"@type": "Article", "headline": "Songs", "author": {"@type": "Organization", "name": "Teufel Editorial Team"}}</script></head>
        <body><h1>Songs</h1><p>x</p></body></html>)");
    CHECK(winnow::metadata::read_statements(desk, {}).authors.empty());
}

TEST_CASE("a publication named with an article, its initials or its host's spelling of an umlaut", "[metadata][authors]") {
    SiteNames spiegel;
    spiegel.add_host("www.spiegel.de");
    CHECK(author_names("DER SPIEGEL", spiegel).empty());
    CHECK(names_the_site("DER SPIEGEL", spiegel));
    // a masthead in capitals after an article, whatever the site
    CHECK(author_names("Die FURCHE", SiteNames{}).empty());
    CHECK(author_names("DIE ZEIT", SiteNames{}).empty());
    // an article as a particle, or before a name that is not the site's
    CHECK(author_names("La Toya Jackson", spiegel) == Names{"La Toya Jackson"});
    CHECK(author_names("Le Thi Hoa", spiegel) == Names{"Le Thi Hoa"});
    // a byline in capitals whose name opens with such a particle is no masthead: more than one word follows
    CHECK(author_names("LE THI HOA", SiteNames{}) == Names{"LE THI HOA"});
    CHECK(author_names("LA TOYA JACKSON", SiteNames{}) == Names{"LA TOYA JACKSON"});
    SiteNames drk;
    drk.add_host("www.drk.de");
    CHECK(author_names("Deutsches Rotes Kreuz", drk).empty());
    CHECK(drk.matches_initials("Deutsches Rotes Kreuz"));
    // two words' initials are not enough: a person's own site
    SiteNames jd;
    jd.add_host("www.jdr.com");
    CHECK(author_names("Jane Doe", jd) == Names{"Jane Doe"});
    CHECK_FALSE(jd.matches_initials("Jane Doe"));
    SiteNames spoe;
    spoe.add_host("www.spoe.at");
    CHECK(author_names("SPÖ", spoe).empty());
    // a person's own site whose host spells the umlaut stays theirs
    SiteNames pilger;
    pilger.add_host("www.guenter-pilger.de");
    CHECK(pilger.matches("Günter Pilger"));
    CHECK(author_names("Günter Pilger", pilger) == Names{"Günter Pilger"});
    SiteNames ruetter;
    ruetter.add_host("www.martinruetter.com");
    CHECK(author_names("Martin Rütter", ruetter) == Names{"Martin Rütter"});
}

TEST_CASE("a legal form written with spaces, a title before a name and a byline's 'Stand'", "[metadata][authors]") {
    const SiteNames none;
    CHECK(author_names("Deutscher Caritasverband e. V.", none).empty());
    CHECK(author_names("Acme S. A.", none).empty());
    // initials end a person's name
    CHECK(author_names("Jane R. R.", none) == Names{"Jane R. R."});
    CHECK(author_names("Rechtsanwalt Dennis Tölle", none) == Names{"Dennis Tölle"});
    CHECK(author_names("Attorney Jane Roe", none) == Names{"Jane Roe"});
    // a title with one word after it is kept whole: too little is left to be a name
    CHECK(author_names("Anwalt Roe", none) == Names{"Anwalt Roe"});
    CHECK(author_names("Sara Zinnecker Stand", none, true) == Names{"Sara Zinnecker"});
}

TEST_CASE("the site's name heading a statement is followed by its address, not by authors", "[metadata][authors]") {
    SiteNames spiegel;
    spiegel.add("SPIEGEL ONLINE");
    CHECK(author_names("SPIEGEL ONLINE, Hamburg, Germany", spiegel).empty());
    SiteNames giromatch;
    giromatch.add("GIROMATCH");
    CHECK(author_names("GIROMATCH, Frankfurt a. M., Germany", giromatch).empty());
    // a person after the site's name stays
    CHECK(author_names("SPIEGEL ONLINE, Jane Roe", spiegel) == Names{"Jane Roe"});
    CHECK(author_names("Jane Roe, SPIEGEL ONLINE, Hamburg", spiegel) == Names{"Jane Roe"});
}

TEST_CASE("a byline inside a quotation is the quoted post's", "[metadata][authors]") {
    Tree page = Tree::parse(R"(<html><body><h1>Rents must not rise</h1><p>The party wants to stop the rise.</p>
        <blockquote><p>Families must not pay more.</p><p>Posted by <a href="https://www.facebook.com/party">Jane Roe</a> on Monday, February 7, 2022</p></blockquote>
        <p>More text.</p></body></html>)");
    CHECK(winnow::metadata::read_statements(page, {}).authors.empty());
    Tree own = Tree::parse(R"(<html><body><h1>Rents must not rise</h1><p>By Jane Roe</p><p>The party wants to stop the rise.</p></body></html>)");
    CHECK(winnow::metadata::read_statements(own, {}).authors == Names{"Jane Roe"});
}

TEST_CASE("only the host spells an umlaut out", "[metadata][authors]") {
    SiteNames site;
    site.add("KleineGrueneMonster");
    CHECK_FALSE(site.matches("KleineGrüneMonster"));
    CHECK(author_names("von KleineGrüneMonster", site) == Names{"KleineGrüneMonster"});
    SiteNames host;
    host.add_host("kleinegruenemonster.de");
    CHECK(host.matches("KleineGrüneMonster"));
}
