// The headline's place on pages whose headline is no h1 (statements.cpp, headline_heading): the
// byline and the date are read near it.
#include <catch2/catch.hpp>

#include "winnow/dom/tree.hpp"
#include "winnow/metadata/statements.hpp"

using namespace winnow::metadata;
using winnow::dom::Tree;
using Names = std::vector<std::string>;

namespace {

Statements statements_of(const std::string& html) {
    Tree tree = Tree::parse(html);
    Context context;
    context.today = std::chrono::sys_days(std::chrono::year(2026) / 1 / 1);
    return read_statements(tree, context);
}

// More body text than the headline's window reaches (600 characters before it, 2,500 after).
const std::string k_far(3200, 'x');
const std::string k_prose = "<p>The first paragraph of the story is long enough to be prose for anyone who reads it.</p>";

std::string page(const std::string& head, const std::string& body) {
    return "<html><head>" + head + "</head><body>" + body + "</body></html>";
}

}  // namespace

TEST_CASE("headline: a post title in an h3, far down a page without h1, places the byline's window",
          "[metadata][headline]") {
    const std::string body = "<div class=\"intro\"><p>" + k_far + "</p></div>"
                             "<h3 class=\"post-title\">How the river changed its course</h3>"
                             "<p class=\"meta\">By Jane Roe, March 3, 2024</p>" + k_prose;
    const Statements s = statements_of(page("<title>How the river changed its course | The Blog</title>", body));
    CHECK(s.authors == Names{"Jane Roe"});
    CHECK(s.date.value == "2024-03-03");
    CHECK(s.authors_source.find("the headline is an h3") != std::string::npos);
    // the same h3 under a title it does not agree with is no headline: the window stays at the top
    const Statements other = statements_of(page("<title>Another story entirely | The Blog</title>", body));
    CHECK(other.authors.empty());
    CHECK(other.date.empty());
}

TEST_CASE("headline: an h1 that is a section's label or a lead-in does not hold the window",
          "[metadata][headline]") {
    const std::string head = "<meta property=\"og:title\" content=\"Babies who eat peanuts early may avoid allergy\">";
    // a section's label (under 4 words) before the headline in an h2
    const Statements label = statements_of(page(head, "<h1>Allergies Health Center</h1><div><p>" + k_far +
                                                          "</p></div><h2>Babies Who Eat Peanuts Early May Avoid Allergy</h2>"
                                                          "<p class=\"byline\">By Brenda Goodman</p>" + k_prose));
    CHECK(label.authors == Names{"Brenda Goodman"});
    // a promotion's lead-in further down
    const Statements lead_in = statements_of(page(head, "<div><p>" + k_far + "</p></div>"
                                                          "<h2>Babies Who Eat Peanuts Early May Avoid Allergy</h2>"
                                                          "<p class=\"byline\">By Brenda Goodman</p>" + k_prose +
                                                          "<div><p>" + k_far + "</p></div><h1>A message from our founder:</h1>"));
    CHECK(lead_in.authors == Names{"Brenda Goodman"});
}

TEST_CASE("headline: an h1 of a headline's length stays the headline though its statements differ",
          "[metadata][headline]") {
    // the h1 is the headline as shown, og:title its SEO variant; the h2 far below restates the title
    // as a section: a byline under that section, far from the h1, is not read
    const Statements s = statements_of(page(
        "<meta property=\"og:title\" content=\"Health and nutrition trends for 2026\">",
        "<h1>Ten food trends that will shape the year</h1><div><p>" + k_far +
            "</p></div><h2>Health and nutrition trends for 2026</h2><p class=\"byline\">By Jane Roe</p>" + k_prose));
    CHECK(s.authors.empty());
}

TEST_CASE("headline: a heading of one or two words, or in a sidebar, is no headline", "[metadata][headline]") {
    const std::string after = "<p class=\"byline\">By Jane Roe</p>" + k_prose;
    const Statements short_heading =
        statements_of(page("<meta property=\"og:title\" content=\"Action\">",
                           "<div><p>" + k_far + "</p></div><h2 class=\"hub-title\">Action</h2>" + after));
    CHECK(short_heading.authors.empty());
    const Statements sidebar = statements_of(
        page("<title>How the river changed its course</title>",
             "<div><p>" + k_far + "</p></div><aside><h3>How the river changed its course</h3></aside>" + after));
    CHECK(sidebar.authors.empty());
}

TEST_CASE("headline: a heading agrees with any title meta tag (twitter:title beside an SEO og:title)",
          "[metadata][headline]") {
    const Statements s = statements_of(page(
        "<meta property=\"og:title\" content=\"How Google Cloud runs AI inference at production scale - SiliconANGLE\">"
        "<meta name=\"twitter:title\" content=\"How Google Cloud is shaping the enterprise AI inference moment\">",
        "<div><p>" + k_far + "</p></div><h3 class=\"sa-post-title\">How Google Cloud is shaping the enterprise AI "
        "inference moment</h3><p class=\"post-author-name\">by <a href=\"/author/victoriagayton/\">"
        "<span class=\"author\">Victoria Gayton</span></a></p>" + k_prose));
    CHECK(s.authors == Names{"Victoria Gayton"});
}

TEST_CASE("headline: a forum poster's IP line ('Logged') is no byline", "[metadata][headline][authors]") {
    const Statements s = statements_of(page(
        "<title>How is everyone implementing AI into their forums?</title>",
        "<h2>How is everyone implementing AI into their forums?</h2><div class=\"poster\"><ul>"
        "<li class=\"postcount\">Posts: 3,760</li><li class=\"poster_ip\">Logged</li></ul></div>" + k_prose));
    CHECK(s.authors.empty());
}
