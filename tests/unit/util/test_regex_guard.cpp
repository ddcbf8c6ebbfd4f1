#include <catch2/catch.hpp>

#include <boost/regex.hpp>

#include "winnow/util/regex_guard.hpp"

using winnow::RegexGuard;

namespace {

// Nested quantifiers on a long line that almost matches: Boost gives up (complexity limit).
const boost::regex k_catastrophic("(a+)+$");
const std::string k_long_line = std::string(200, 'a') + "!";

}  // namespace

TEST_CASE("regex guard: a search that fails skips its rule with one warning, the others go on", "[util][regex]") {
    std::vector<std::string> warnings;
    RegexGuard regexes(&warnings);
    int named = 0;
    auto catastrophic = [&](const std::string& text) {
        return regexes.search(text, [&] { return boost::regex_search(text, k_catastrophic); },
                              [&] { ++named; return std::string("profile x.com drop_text \"(a+)+$\""); });
    };
    CHECK(catastrophic("aaa"));  // fine on a short text; the name is never built
    CHECK(named == 0);
    CHECK_FALSE(catastrophic(k_long_line));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("rule profile x.com drop_text \"(a+)+$\" skipped: the regex is too complex for the block \"aaaa"));
    CHECK(warnings[0].size() < 200);  // the text is quoted short
    CHECK(regexes.skipped("profile x.com drop_text \"(a+)+$\""));
    // Skipped for the rest of the page: even where it would match, and without a second warning.
    CHECK_FALSE(catastrophic("aaa"));
    CHECK_FALSE(catastrophic(k_long_line));
    CHECK(warnings.size() == 1);
    // Another rule is unaffected.
    CHECK(regexes.search("abc", [] { return true; }, [] { return std::string("other"); }));
}

TEST_CASE("regex guard: without a warnings list the rule is still skipped", "[util][regex]") {
    RegexGuard regexes;
    auto search = [&](const std::string& text) {
        return regexes.search(text, [&] { return boost::regex_search(text, k_catastrophic); },
                              [] { return std::string("rule"); });
    };
    CHECK_FALSE(search(k_long_line));
    CHECK(regexes.skipped("rule"));
    CHECK_FALSE(search("aaa"));
}
