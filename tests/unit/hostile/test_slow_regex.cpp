// A profile regex with nested quantifiers (issue 17): it costs milliseconds, not seconds, when it
// gives up on a block, is then disabled for the rest of the run with one warning naming the
// rule and its file, and `profiles check` warns about it beforehand. scripts/bench-slow-regex
// measures the time of 20 pages with and without it.
#include <catch2/catch.hpp>

#include <boost/regex.hpp>

#include <string>
#include <vector>

#include "support/process.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/profiles/profile.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/util/regex_guard.hpp"

using namespace winnow;

namespace {

const std::string k_near_miss = std::string(40, 'a') + "!";

std::string page(int n) {
    return "<!doctype html><html><head><title>Story " + std::to_string(n) +
           "</title></head><body><article><h1>Story " + std::to_string(n) +
           "</h1><p>The council approved the new budget on Tuesday after a long debate about schools, roads and "
           "the library that ran well into the evening.</p><p>" +
           k_near_miss +
           "</p><p>Officials said the plan would be reviewed again next spring, when the new figures arrive from "
           "the treasury and the schools.</p></article></body></html>";
}

profiles::ProfileSet slow_set() {
    std::vector<profiles::Problem> problems;
    auto profile = profiles::read_profile("[match]\nhosts = [\"example.org\"]\n[rules]\ndrop_text = [\"^(a+)+$\"]\n",
                                          "profiles/example.org.toml", "example.org", problems);
    REQUIRE(problems.empty());
    REQUIRE(profile.has_value());
    return profiles::ProfileSet::from_profiles({*profile}, std::nullopt, true, problems);
}

std::vector<std::string> warnings_of(const profiles::Profile& profile) {
    std::vector<std::string> out;
    for (const auto& warning : profile.warnings) out.push_back(warning.to_string());
    return out;
}

bool warns(const std::string& pattern) {
    std::vector<profiles::Problem> problems;
    // A TOML literal string: the pattern's backslashes stay as written.
    auto profile = profiles::read_profile("[rules]\ndrop_text = ['''" + pattern + "''']\n", "default.toml", "default", problems);
    INFO(pattern);
    REQUIRE(problems.empty());
    return !profile->warnings.empty();
}

}  // namespace

TEST_CASE("slow regex: disabled for the whole run after one failure, one warning naming rule and file", "[hostile][regex]") {
    const profiles::ProfileSet set = slow_set();
    pipeline::CleanOptions options;
    options.profiles = &set;
    pipeline::PageContext context;
    context.url = "https://example.org/a";
    std::size_t warned = 0;
    for (int n = 0; n < 5; ++n) {
        auto article = pipeline::clean_page(page(n), context, options);
        REQUIRE(article.has_value());
        for (const auto& warning : article->warnings) {
            CHECK(warning.starts_with("rule profile example.org drop_text \"^(a+)+$\" in profiles/example.org.toml "
                                      "disabled for the rest of the run: the regex is too complex for the block \"aaaa"));
            ++warned;
        }
        // The block stays (a rule that fails counts as no match).
        bool kept = false;
        for (const auto& block : article->blocks) kept = kept || block.text == k_near_miss;
        CHECK(kept);
    }
    CHECK(warned == 1);
    CHECK(set.slow_rules()->disabled("profile example.org drop_text \"^(a+)+$\" in profiles/example.org.toml"));
    // Another run (another set) starts afresh.
    const profiles::ProfileSet other = slow_set();
    CHECK_FALSE(other.slow_rules()->any());
}

TEST_CASE("slow regex: guards sharing the run's SlowRules skip a disabled rule without searching", "[hostile][regex]") {
    SlowRules run;
    const boost::regex catastrophic("(a+)+$");
    const std::string line = std::string(200, 'a') + "!";
    std::vector<std::string> first_warnings, second_warnings;
    RegexGuard first(&first_warnings, &run), second(&second_warnings, &run);
    int searched = 0;
    auto search = [&](RegexGuard& guard, const std::string& text) {
        return guard.search(text, [&] { ++searched; return boost::regex_search(text, catastrophic); },
                            [] { return std::string("rule"); });
    };
    CHECK(search(first, "aaa"));
    CHECK_FALSE(search(first, line));
    REQUIRE(first_warnings.size() == 1);
    CHECK(first_warnings[0].starts_with("rule rule disabled for the rest of the run: "));
    const int before = searched;
    CHECK_FALSE(search(second, "aaa"));  // disabled: not even tried
    CHECK(searched == before);
    CHECK(second_warnings.empty());
    CHECK(second.skipped("rule"));
    CHECK(second.search("x", [] { return true; }, [] { return std::string("other"); }));
}

TEST_CASE("slow regex: profiles warn about nested quantifiers, and only about them", "[hostile][regex][profiles]") {
    for (const char* pattern : {"^(a+)+$", "(?:\\w+\\s?)*$", "(x{2,})+", "((ab)*c)+", "(a*){3,}", "^(?:[a-z]+ ?)+!$",
                                "(a+?)*", "(\\d{1,3})+"})
        CHECK(warns(pattern));
    for (const char* pattern : {"^share( this)?$", "(a+)?", "(ab)+", "a+b+", "[(a+)]+", "\\(a+\\)+", "(a+){2}",
                                "(a|b)+", "^(read|see) more$", "(a{3})+", "(a{0,1})+"})
        CHECK_FALSE(warns(pattern));

    std::vector<profiles::Problem> problems;
    auto profile = profiles::read_profile("[match]\nhosts = [\"example.org\"]\n[rules]\ndrop_text = [\"^(a+)+$\"]\n",
                                          "p/example.org.toml", "example.org", problems);
    REQUIRE(problems.empty());
    REQUIRE(warnings_of(*profile).size() == 1);
    CHECK(warnings_of(*profile)[0].starts_with("p/example.org.toml:4:14: warning: regex \"^(a+)+$\" in drop_text has nested quantifiers"));
}

TEST_CASE("slow regex: profiles check prints the warning and still passes", "[hostile][regex][cli]") {
    test::TemporaryFolder folder;
    const std::string file = folder.file("example.org.toml");
    {
        FILE* out = std::fopen(file.c_str(), "w");
        REQUIRE(out);
        std::fputs("[match]\nhosts = [\"example.org\"]\n[rules]\ndrop_text = [\"^(a+)+$\"]\n", out);
        std::fclose(out);
    }
    auto ran = test::run_winnow({"profiles", "check", file});
    CHECK(ran.status == 0);
    CHECK(ran.out.find(file + ":4:14: warning: regex \"^(a+)+$\" in drop_text has nested quantifiers") != std::string::npos);
    CHECK(ran.err.find("1 profile checked, no problems, 1 warning") != std::string::npos);
}
