#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/block_builder.hpp"
#include "winnow/extract/block_filter.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/extract/page.hpp"
#include "winnow/metadata/authors.hpp"

using namespace winnow::extract;
using winnow::dom::Tree;

TEST_CASE("per-node link characters, in-page anchors weigh 0.3", "[extract][link-density]") {
    Tree tree = Tree::parse(R"(<body><div id="a"><a href="/x">abcde</a>fghij</div><div id="b"><a href="#n">abcdefghij</a></div></body>)");
    const Page page(tree, {});
    const NodeStats stats(page, Mask(tree));
    for (winnow::dom::NodeId n = 0; n < tree.size(); ++n) {
        if (tree.attribute(n, "id") == "a") CHECK(stats.link_density(n) == Approx(0.5));
        if (tree.attribute(n, "id") == "b") CHECK(stats.link_density(n) == Approx(0.3));
    }
}

TEST_CASE("a block's link density counts the characters inside links", "[extract][link-density]") {
    Tree tree = Tree::parse(R"(<body><p>Read <a href="/x">this story</a> now</p><p><a href="/1">One</a> <a href="/2">Two</a></p></body>)");
    auto blocks = build_sourced_blocks(tree, Mask(tree), {tree.body()});
    REQUIRE(blocks.size() == 2);
    CHECK(block_link_density(blocks[0]) == Approx(9.0 / 16.0));
    CHECK(blocks[0].links == 1);
    CHECK(block_link_density(blocks[1]) == Approx(1.0));
    CHECK(blocks[1].links == 2);
}

TEST_CASE("the filter drops short link-heavy blocks and keeps prose", "[extract][link-density]") {
    Tree tree = Tree::parse(R"(<body><div id="c">
        <p>This is a long paragraph of ordinary prose, and it has a <a href="/a">link</a> in the middle of it, as articles do.</p>
        <p><a href="/1">Home</a> | <a href="/2">News</a> | <a href="/3">Sport</a></p>
        <p>Another paragraph of prose follows here, long enough to count as the article's own text for the filter.</p>
        </div></body>)");
    winnow::metadata::Statements english;
    english.language = "en";
    const Page page(tree, english);
    std::vector<Removal> removals;
    BlockFilterOptions options;
    options.explain = true;
    winnow::RegexGuard regexes;
    auto kept = filter_blocks(page, {tree.body()}, build_sourced_blocks(tree, Mask(tree), {tree.body()}), options, removals, regexes);
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].text.starts_with("This is a long paragraph"));
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].rule.starts_with("heuristic link-density 0.8"));
}

namespace {

// The texts of the blocks the filter keeps of a page's body, the page stating these JSON-LD types
// (and this canonical URL).
std::vector<std::string> kept_texts(const std::string& html, std::vector<std::string> ld_types, std::string address = {}) {
    Tree tree = Tree::parse(html);
    winnow::metadata::Statements statements;
    statements.language = "en";
    statements.signals.ld_types = std::move(ld_types);
    statements.address = std::move(address);  // the URL given, else the canonical link (read_statements)
    const Page page(tree, statements);
    std::vector<Removal> removals;
    BlockFilterOptions options;
    winnow::RegexGuard regexes;
    std::vector<std::string> texts;
    for (const Block& block :
         filter_blocks(page, {tree.body()}, build_sourced_blocks(tree, Mask(tree), {tree.body()}), options, removals, regexes))
        texts.push_back(block.text);
    return texts;
}

}  // namespace

TEST_CASE("on a listing page a heading made of a link is a teaser's title and stays", "[extract][link-density][listing]") {
    const std::string html = R"(<body><div id="c">
        <h2><a href="/story/1">Storm closes the mountain pass</a></h2>
        <p>The road over the pass stays closed until Monday after a night of snow and strong winds.</p>
        <p><a href="/1">Home</a> | <a href="/2">News</a> | <a href="/3">Sport</a></p>
        <h2><a href="/story/2">Library opens on Sundays</a></h2>
        <p>From next month the town library opens on Sunday afternoons, the council decided on Tuesday.</p>
        </div></body>)";
    auto kept_with = [&](std::vector<std::string> ld_types) { return kept_texts(html, std::move(ld_types)); };
    const std::vector<std::string> listing = kept_with({"CollectionPage"});
    REQUIRE(listing.size() == 4);
    CHECK(listing[0] == "Storm closes the mountain pass");
    CHECK(listing[2] == "Library opens on Sundays");
    CHECK(listing[3].starts_with("From next month"));  // the navigation line still goes
    const std::vector<std::string> article = kept_with({});
    REQUIRE(article.size() == 2);  // in an article such headings are links to other stories
    CHECK(article[0].starts_with("The road over the pass"));
}

TEST_CASE("a heading whose links all point into the page is a section title and stays", "[extract][link-density]") {
    const std::vector<std::string> texts = kept_texts(R"(<body><div id="c">
        <h2 id="memory"><a href="#memory">Fine-tuned memory management</a></h2>
        <p>Rather than hide memory allocation, the language makes every allocation explicit in the code.</p>
        <h2><a href="/other-story">Storm closes the mountain pass</a></h2>
        <p>The road over the pass stays closed until Monday after a night of snow and strong winds.</p>
        <h3><a href="#a">One</a> <a href="/b">Two</a></h3>
        <p>A last paragraph of prose, long enough to count as the article's own text for the filter.</p>
        </div></body>)", {});
    REQUIRE(texts.size() == 4);
    CHECK(texts[0] == "Fine-tuned memory management");  // its own permalink
    CHECK(texts[1].starts_with("Rather than hide"));
    CHECK(texts[2].starts_with("The road over the pass"));  // the heading linking elsewhere went
    CHECK(texts[3].starts_with("A last paragraph"));        // so did the one with a link out
}

TEST_CASE("a heading made of a link over a paragraph of prose is a title and stays", "[extract][link-density]") {
    // A roundup of courses: each course's name links to it, and a paragraph describes it. A
    // linked heading over a short excerpt (a teaser) still goes.
    const std::string html = R"(<body><div id="c">
        <p>These are the courses we recommend to a beginner this year, from free introductions to full certificates.</p>
        <h3><a href="https://courses.example/foundation">Intensive Foundation Course</a></h3>
        <p>This course will help you start building real skills with experienced designers as your tutors. You work on
        briefs that a studio would give you, and every piece of work gets feedback from a tutor, so that by the end of the
        course you have a portfolio that you can show to the people who hire designers.</p>
        <h3><a href="/story/2">Library opens on Sundays</a></h3>
        <p>From next month the town library opens on Sunday afternoons, the council decided.</p>
        </div></body>)";
    const std::vector<std::string> kept = kept_texts(html, {});
    REQUIRE(kept.size() == 4);
    CHECK(kept[1] == "Intensive Foundation Course");
    CHECK(kept[2].starts_with("This course will help you"));
    CHECK(kept[3].starts_with("From next month"));
}

TEST_CASE("a list the text introduces stays when its links leave the site, and goes when they stay on it", "[extract][link-density]") {
    // The same list under a line ending in ":", followed by more text: linked to shops it is what
    // the line introduces; linked to the site's own pages it is the site's navigation.
    auto kept_with_links = [](const std::string& first, const std::string& second) {
        const std::string html = R"(<body><div id="c">
            <p>A multimeter measures voltage, current and resistance, so you can find what is wrong with a circuit.</p>
            <h4>Top Expert Recommendations:</h4>
            <ul><li><a href=")" + first + R"(">Fluke 117</a></li><li><a href=")" + second + R"(">Klein Tools MM400</a></li></ul>
            <p>Wire strippers take the insulation off a wire without nicking the copper inside it, whatever its gauge.</p>
            </div></body>)";
        return kept_texts(html, {}, "https://tools.example/electrician-tools");
    };
    const std::vector<std::string> shops = kept_with_links("https://shop.example/fluke-117", "https://other.example/mm400");
    REQUIRE(shops.size() == 5);
    CHECK(shops[2] == "Fluke 117");
    CHECK(shops[3] == "Klein Tools MM400");
    CHECK(kept_with_links("/fluke-117", "https://tools.example/mm400").size() == 3);
    CHECK(kept_with_links("https://shop.example/fluke-117", "#mm400").size() == 3);
}

TEST_CASE("edge trimming keeps a table's data rows: three cells anywhere, two on a product page", "[extract][edge-trim]") {
    // Prose, then a table at the end: its rows are short and end no sentence, as labels do, but a
    // row of three filled cells is a table's data, and on a product page a two-cell row is its
    // specification. A row with a link is trimmed as before.
    const std::string html = R"(<body><div id="c">
        <p>The ultimate device opener slides between the tightest gaps of a phone or a laptop, and its flexible blade bends without breaking.</p>
        <p>Its handle gives a firm grip, so the blade goes where the repair needs it, with the precision of a surgeon's scalpel.</p>
        <table><tr><td>Blade</td><td>Flexible</td><td>0.3 mm</td></tr>
        <tr><td>Material</td><td>Stainless steel</td></tr>
        <tr><td>Guide</td><td><a href="/guide">Opening guide</a></td></tr></table>
        </div></body>)";
    auto kept_with = [&](std::vector<std::string> ld_types) { return kept_texts(html, std::move(ld_types)); };
    const std::vector<std::string> product = kept_with({"Product"});
    REQUIRE(product.size() == 4);  // the linked row goes
    CHECK(product[2] == "Blade | Flexible | 0.3 mm");
    CHECK(product[3] == "Material | Stainless steel");
    const std::vector<std::string> article = kept_with({});
    REQUIRE(article.size() == 3);  // elsewhere the two-cell row goes too; trimming stops at three cells
    CHECK(article[2] == "Blade | Flexible | 0.3 mm");
}

TEST_CASE("short-block patterns: share lines, calls to action, boilerplate headings", "[extract][patterns]") {
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    CHECK(is_share_line("Facebook Twitter E-Mail Drucken", regexes));
    CHECK(is_share_line("Teilen Sie dies mit: Twitter, Facebook", regexes));
    CHECK_FALSE(is_share_line("Facebook announced new rules for its users on Tuesday.", regexes));
    CHECK(is_boilerplate_line("Join our Telegram channel", regexes));
    CHECK(is_boilerplate_line("Foto: Getty Images", regexes));
    CHECK(is_boilerplate_line("12.03.2021, 14:30 Uhr", regexes));
    CHECK(is_boilerplate_line("By Jane Doe", regexes));
    CHECK_FALSE(is_boilerplate_line("The minister said the plan would cost more than expected.", regexes));
    CHECK(is_boilerplate_line("Przez Jana Kowalska", regexes));
    CHECK(is_boilerplate_line("von Eva Muster", regexes));
    CHECK_FALSE(is_boilerplate_line("Bystander Effect", regexes));
    CHECK(is_boilerplate_heading("Ähnliche Beiträge", regexes));
    CHECK(is_boilerplate_heading("Related articles:", regexes));
    CHECK_FALSE(is_boilerplate_heading("How the storm formed", regexes));
    CHECK(warnings.empty());
}

TEST_CASE("read-also lines and more-news headings with a qualifier", "[extract][patterns][read-also]") {
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    // "Vea también" is Spanish for "see also": as a heading alone or before the linked title.
    CHECK(is_boilerplate_line("VEA TAMBIÉN: Estrella de la educación no brilla para estudiantes", regexes));
    CHECK_FALSE(is_boilerplate_line("Como vea también el juez, la defensa no presentó los documentos.", regexes));
    // "Weitere (aktuelle) Themen/Meldungen" with what they are about still open a list of teasers.
    CHECK(is_boilerplate_heading("Weitere aktuelle Themen aus der Arbeitswelt", regexes));
    CHECK(is_boilerplate_heading("Weitere Meldungen aus der Region", regexes));
    CHECK(is_boilerplate_heading("Weitere aktuelle Meldungen", regexes));
    CHECK_FALSE(is_boilerplate_heading("Weitere Themenfelder der Studie", regexes));
    CHECK(warnings.empty());
}

TEST_CASE("a comment form's log-in prompt is a boilerplate line, in English and German", "[extract][patterns][comment-prompt]") {
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    CHECK(is_boilerplate_line("You must be logged in to post a comment.", regexes));
    CHECK(is_boilerplate_line("Du musst Eingeloggt sein um Kommentare zu schreiben! oder noch gar nicht Registriert?", regexes));
    CHECK(is_boilerplate_line("Du musst angemeldet sein, um einen Kommentar abzugeben.", regexes));
    CHECK_FALSE(is_boilerplate_line("Die Nutzer müssen angemeldet sein, um die App zu verwenden.", regexes));
    CHECK(warnings.empty());
}

TEST_CASE("a read-more line says only that", "[extract][patterns][teaser]") {
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    CHECK(is_read_more_line("READ THE REST", regexes));
    CHECK(is_read_more_line("Weiterlesen »", regexes));
    CHECK(is_read_more_line("Lire la suite…", regexes));
    CHECK_FALSE(is_read_more_line("Read more about the survey in our report", regexes));
    CHECK(warnings.empty());
}

TEST_CASE("a boilerplate phrase is found anywhere in a line, whatever the bytes around it", "[extract][patterns]") {
    // The phrases are looked up in one pass over the line (their first two bytes, then the
    // phrases that start so): at its start, its very end, after a phrase's first byte, in case.
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    CHECK(is_boilerplate_line("newsletter of the week ahead", regexes));             // at the start
    CHECK(is_boilerplate_line("The week ahead in our NEWSLETTER", regexes));          // at the end, lowered
    CHECK(is_boilerplate_line("Bild ©", regexes));                                    // the last two bytes
    CHECK(is_boilerplate_line("The crowd sssubscribed to it", regexes));              // after repeats of its first byte
    CHECK(is_boilerplate_line("Wszelkie prawa zastrzeżone", regexes));                // two-byte letters inside
    CHECK_FALSE(is_boilerplate_line("The minister signed up to nothing in", regexes)); // "sign up" split by "ed"
    CHECK_FALSE(is_boilerplate_line("s", regexes));                                   // one byte: no phrase fits
    CHECK(warnings.empty());
}

TEST_CASE("a byline line opens with one of the metadata's byline prepositions", "[extract][patterns]") {
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    for (std::string_view word : winnow::metadata::k_byline_prepositions) {
        const std::string lower = std::string(word) + " Jane Roe";
        std::string upper = lower;
        upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
        CAPTURE(word);
        CHECK(is_boilerplate_line(upper, regexes));
        CHECK(is_boilerplate_line(lower, regexes));
        CHECK(winnow::metadata::after_byline_word(upper) == "Jane Roe");
        CHECK_FALSE(is_boilerplate_line(std::string(word) + " the way", regexes));  // no capital after it
    }
    CHECK(warnings.empty());
}
