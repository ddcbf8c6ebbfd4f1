// --favor precision|balanced|recall: one page with a borderline block each mode judges
// differently, the names of the modes, and where a mode comes from (the user's choice, the site
// profile's, default.toml's).
#include <catch2/catch.hpp>

#include <string>

#include "winnow/extract/favor.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/profiles/profile.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/write/text_writer.hpp"

using namespace winnow::extract;

namespace {

// An article with two borderline blocks: in the middle, a short line that is half a link (52% of
// its characters); at the end, a seven-word line without a sentence end (a closing credit, or a
// label: the modes disagree), in a <div> of its own (not in the flow of the paragraphs).
const std::string k_page = R"(<html><head><title>Council extends the bus line</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council extends the bus line</h1>
<p>The council voted on Tuesday to extend the bus line to the northern districts, and the work will start in
spring, the mayor said after the meeting.</p>
<p>Residents of the northern districts have asked for the extension for years, and the budget now allows it,
the council's treasurer told the meeting.</p>
<p>The <a href="/budget">council's budget proposal</a> lists every project.</p>
<p>The new line will have eleven stops and run every ten minutes during the day, with a night service at
weekends, according to the transport office.</p>
<div>Additional figures from the city's transport office</div>
</article>
<footer><a href="/privacy">Privacy</a></footer></body></html>)";

struct Cleaned {
    std::string text;
    std::string method;
};

Cleaned clean(const std::string& html, std::optional<Favor> favor, const winnow::profiles::ProfileSet* profiles = nullptr,
              const std::string& url = "") {
    winnow::pipeline::CleanOptions options;
    options.favor = favor;
    options.profiles = profiles;
    auto article = winnow::pipeline::clean_page(std::string_view(html), {.url = url}, options);
    REQUIRE(article.has_value());
    return {winnow::write::render_body(*article), article->method};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

winnow::profiles::Profile profile(const std::string& name, const std::string& toml) {
    std::vector<winnow::profiles::Problem> problems;
    auto read = winnow::profiles::read_profile(toml, name + ".toml", name, problems);
    INFO((problems.empty() ? "" : problems[0].to_string()));
    REQUIRE(problems.empty());
    REQUIRE(read);
    return *read;
}

std::vector<winnow::profiles::Problem> problems_of(const std::string& toml) {
    std::vector<winnow::profiles::Problem> problems;
    winnow::profiles::read_profile(toml, "site.toml", "site", problems);
    return problems;
}

}  // namespace

TEST_CASE("favor: precision drops a half-linked line balanced keeps, recall keeps a closing line balanced trims",
          "[extract][favor]") {
    const Cleaned balanced = clean(k_page, Favor::balanced);
    const Cleaned precision = clean(k_page, Favor::precision);
    const Cleaned recall = clean(k_page, Favor::recall);
    for (const Cleaned* mode : {&balanced, &precision, &recall}) {
        CHECK(has(mode->text, "The council voted on Tuesday"));
        CHECK(has(mode->text, "eleven stops"));
        CHECK_FALSE(has(mode->text, "Privacy"));
    }
    // The line that is 52% link: navigation for precision (over 0.5), text for the others (0.8, 0.95).
    CHECK(has(balanced.text, "council's budget proposal lists every project"));
    CHECK_FALSE(has(precision.text, "council's budget proposal"));
    CHECK(has(recall.text, "council's budget proposal lists every project"));
    // Seven words without a sentence end at the end: a label for balanced (10 words) and precision
    // (15), text for recall (4).
    CHECK_FALSE(has(balanced.text, "Additional figures"));
    CHECK_FALSE(has(precision.text, "Additional figures"));
    CHECK(has(recall.text, "Additional figures from the city's transport office"));
    // The method names the mode when it is not balanced.
    CHECK_FALSE(has(balanced.method, "favor"));
    CHECK(has(precision.method, "(favor precision)"));
    CHECK(has(recall.method, "(favor recall)"));
}

TEST_CASE("favor: no mode asked is balanced, byte for byte", "[extract][favor]") {
    const Cleaned none = clean(k_page, std::nullopt);
    const Cleaned balanced = clean(k_page, Favor::balanced);
    CHECK(none.text == balanced.text);
    CHECK(none.method == balanced.method);
}

TEST_CASE("favor: the modes' names", "[extract][favor]") {
    for (Favor favor : {Favor::precision, Favor::balanced, Favor::recall})
        CHECK(favor_named(favor_name(favor)) == favor);
    CHECK_FALSE(favor_named("Precision").has_value());
    CHECK_FALSE(favor_named("").has_value());
    CHECK_FALSE(favor_named("accuracy").has_value());
    CHECK(favor_names() == "precision, balanced, recall");
}

TEST_CASE("favor: every mode moves its limits the same way", "[extract][favor]") {
    // Precision never keeps what balanced drops, recall never drops what balanced keeps.
    const FavorSettings& p = favor_settings(Favor::precision);
    const FavorSettings& b = favor_settings(Favor::balanced);
    const FavorSettings& r = favor_settings(Favor::recall);
    CHECK(p.short_link_density <= b.short_link_density);
    CHECK(b.short_link_density <= r.short_link_density);
    CHECK(p.tail_cut_share <= b.tail_cut_share);
    CHECK(b.tail_cut_share <= r.tail_cut_share);
    CHECK(p.edge_short_words >= b.edge_short_words);
    CHECK(b.edge_short_words >= r.edge_short_words);
    CHECK(p.max_skipped_blocks <= r.max_skipped_blocks);
    CHECK(p.relaxed_gain >= b.relaxed_gain);
    CHECK(b.relaxed_gain >= r.relaxed_gain);
    CHECK(p.small_result_share <= r.small_result_share);
    CHECK(favor_settings(Favor::precision).favor == Favor::precision);
    CHECK(favor_settings(Favor::recall).favor == Favor::recall);
}

TEST_CASE("favor: a profile's [rules] favor applies to its site unless the user asks for a mode", "[extract][favor]") {
    std::vector<winnow::profiles::Problem> problems;
    std::vector<winnow::profiles::Profile> sites = {
        profile("news.example", "[match]\nhosts = [\"news.example\"]\n[rules]\nfavor = \"precision\"\n")};
    auto set = winnow::profiles::ProfileSet::from_profiles(std::move(sites), std::nullopt, true, problems);
    REQUIRE(problems.empty());
    const Cleaned site = clean(k_page, std::nullopt, &set, "https://news.example/bus");
    CHECK(has(site.method, "(favor precision)"));
    CHECK_FALSE(has(site.text, "council's budget proposal"));
    // The user's choice wins over the profile's.
    const Cleaned asked = clean(k_page, Favor::recall, &set, "https://news.example/bus");
    CHECK(has(asked.method, "(favor recall)"));
    // Another site: no profile, balanced.
    const Cleaned other = clean(k_page, std::nullopt, &set, "https://other.example/bus");
    CHECK_FALSE(has(other.method, "favor"));
}

TEST_CASE("favor: default.toml's favor applies under a site profile without one", "[extract][favor]") {
    std::vector<winnow::profiles::Problem> problems;
    std::vector<winnow::profiles::Profile> sites = {
        profile("news.example", "[match]\nhosts = [\"news.example\"]\n"),
        profile("blog.example", "[match]\nhosts = [\"blog.example\"]\n[rules]\nfavor = \"balanced\"\n")};
    auto set = winnow::profiles::ProfileSet::from_profiles(std::move(sites), profile("default", "[rules]\nfavor = \"recall\"\n"),
                                                           true, problems);
    REQUIRE(problems.empty());
    CHECK(has(clean(k_page, std::nullopt, &set, "https://news.example/bus").method, "(favor recall)"));
    CHECK(has(clean(k_page, std::nullopt, &set, "https://elsewhere.example/bus").method, "(favor recall)"));
    CHECK_FALSE(has(clean(k_page, std::nullopt, &set, "https://blog.example/bus").method, "favor"));
    // --no-default-rules: default.toml's rules, its favor among them, do not apply.
    std::vector<winnow::profiles::Profile> again = {profile("news.example", "[match]\nhosts = [\"news.example\"]\n")};
    auto without = winnow::profiles::ProfileSet::from_profiles(std::move(again), profile("default", "[rules]\nfavor = \"recall\"\n"),
                                                               false, problems);
    CHECK_FALSE(has(clean(k_page, std::nullopt, &without, "https://news.example/bus").method, "favor"));
}

TEST_CASE("favor: a profile's favor must name a mode", "[extract][favor]") {
    const auto wrong = problems_of("[match]\nhosts = [\"a.example\"]\n[rules]\nfavor = \"accuracy\"\n");
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].to_string() == "site.toml:4:9: favor \"accuracy\" is not a mode (precision, balanced, recall)");
    const auto typed = problems_of("[match]\nhosts = [\"a.example\"]\n[rules]\nfavor = 1\n");
    REQUIRE(typed.size() == 1);
    CHECK(typed[0].to_string() == "site.toml:4:9: favor must be a string (precision, balanced, recall), not an integer");
    CHECK(problems_of("[match]\nhosts = [\"a.example\"]\n[rules]\nfavor = \"recall\"\n").empty());
}
