// Profiles: validation messages with file, line and column; where profiles come from and which
// one wins; host and path matching.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <boost/regex/icu.hpp>

#include "winnow/profiles/profile.hpp"
#include "winnow/profiles/profile_set.hpp"

namespace fs = std::filesystem;
using winnow::profiles::Problem;
using winnow::profiles::Profile;
using winnow::profiles::ProfileSet;
using winnow::profiles::ProfileSources;

namespace {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempFolder {
    fs::path path;
    explicit TempFolder(const std::string& name) {
        path = fs::temp_directory_path() / ("winnow-test-profiles-" + std::to_string(::getpid()) + "-" + name);
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempFolder() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return path / name;
    }
};

std::vector<Problem> check_file(const fs::path& file) {
    std::vector<Problem> problems;
    winnow::profiles::read_profile_file(file, problems);
    return problems;
}

Profile site(const std::string& name, const std::string& toml) {
    std::vector<Problem> problems;
    auto profile = winnow::profiles::read_profile(toml, name + ".toml", name, problems);
    INFO((problems.empty() ? "" : problems[0].to_string()));
    REQUIRE(problems.empty());
    REQUIRE(profile);
    return *profile;
}

ProfileSources folders_only(std::vector<std::string> folders) {
    ProfileSources sources;
    sources.project_folder = false;
    sources.environment = false;
    sources.folders = std::move(folders);
    return sources;
}

}  // namespace

TEST_CASE("profiles: bad TOML names file, line and column", "[profiles]") {
    TempFolder dir("bad-toml");
    auto file = dir.write("broken.com.toml", "description = \"x\"\n[match]\nhosts = [\"broken.com\"\n");
    auto problems = check_file(file);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string().starts_with(file.string() + ":3:23: bad TOML: Error while parsing array: encountered end-of-file"));
}

TEST_CASE("profiles: unknown keys and wrong types name file, line and column", "[profiles]") {
    TempFolder dir("unknown-key");
    auto file = dir.write("x.com.toml",
                          "description = \"x\"\n"
                          "[match]\n"
                          "hosts = [\"x.com\"]\n"
                          "[rules]\n"
                          "dorp = [\".a\"]\n"
                          "content = \".entry\"\n");
    auto problems = check_file(file);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].to_string().starts_with(file.string() + ":5:1: unknown key \"dorp\" in [rules]"));
    CHECK(problems[1].to_string() ==
          file.string() + ":6:11: content must be an array of CSS selectors, not a string");
}

TEST_CASE("profiles: a selector that does not parse names file, line, column and the selector's column", "[profiles]") {
    TempFolder dir("bad-selector");
    auto file = dir.write("x.com.toml", "[match]\nhosts = [\"x.com\"]\n[rules]\ndrop = [\".ok\",\n        \"div > > p\"]\n");
    auto problems = check_file(file);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() ==
          file.string() + ":5:9: bad CSS selector \"div > > p\" in drop: column 7: expected a selector, found '>'");
}

TEST_CASE("profiles: a regex that does not compile names file, line and column", "[profiles]") {
    TempFolder dir("bad-regex");
    auto file = dir.write("x.com.toml",
                          "[match]\nhosts = [\"x.com\"]\npaths = [\"^/fr/\"]\n[rules]\n"
                          "drop_text = [\"^ok$\", { pattern = \"^(share\", case_sensitive = true }]\n");
    auto problems = check_file(file);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string().starts_with(file.string() + ":5:34: bad regex \"^(share\" in drop_text: "));
}

TEST_CASE("profiles: a Unicode property inside brackets is reported, as Boost.Regex would not read it", "[profiles]") {
    std::vector<Problem> problems;
    winnow::profiles::read_profile("[rules]\ndrop_text = [\"^By( \\\\p{Lu}[\\\\p{L}.'-]*){0,4}$\"]\n", "p/default.toml", "default",
                                   problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string().starts_with("p/default.toml:2:14: regex \"^By( \\p{Lu}[\\p{L}.'-]*){0,4}$\" in drop_text: "
                                              "\\p{...} inside [...] is read as the letters p, {, ..."));
}

TEST_CASE("profiles: a bad path regex is reported at its own position", "[profiles]") {
    std::vector<Problem> problems;
    winnow::profiles::read_profile("[match]\nhosts = [\"a.com\"]\npaths = [\"^/fr/\", \"^/(de\"]\n", "p/a.toml", "a",
                                   problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string().starts_with("p/a.toml:3:19: bad regex \"^/(de\" in paths: "));
}

TEST_CASE("profiles: duplicate hosts across files are reported at the second one", "[profiles]") {
    std::vector<Problem> problems;
    auto a = winnow::profiles::read_profile("[match]\nhosts = [\"a.com\", \"b.com\"]\n", "dir/a.toml", "a", problems);
    auto b = winnow::profiles::read_profile("[match]\nhosts = [\"c.com\",\n  \"B.com\"]\n", "dir/b.toml", "b", problems);
    // Same host with path patterns is a different, more specific match: no problem.
    auto c = winnow::profiles::read_profile("[match]\nhosts = [\"a.com\"]\npaths = [\"^/fr/\"]\n", "dir/c.toml", "c", problems);
    REQUIRE(problems.empty());
    ProfileSet::from_profiles({*a, *b, *c}, std::nullopt, true, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "dir/b.toml:3:3: duplicate host \"b.com\": already matched by profile a (dir/a.toml)");
}

TEST_CASE("profiles: a site profile needs hosts, default.toml takes no [match]", "[profiles]") {
    std::vector<Problem> problems;
    winnow::profiles::read_profile("description = \"no match\"\n", "p/x.toml", "x", problems);
    winnow::profiles::read_profile("[match]\nhosts = [\"a.com\"]\n", "p/default.toml", "default", problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].to_string() == "p/x.toml:1:1: a site profile needs [match] hosts = [\"example.com\"]");
    CHECK(problems[1].to_string().starts_with("p/default.toml:1:2: default.toml applies to every page"));
}

TEST_CASE("profiles: the most specific host wins, then a matching path pattern", "[profiles]") {
    winnow::RegexGuard regexes;
    std::vector<Problem> problems;
    auto set = ProfileSet::from_profiles(
        {site("plain", "[match]\nhosts = [\"example.com\"]\n"),
         site("news", "[match]\nhosts = [\"news.example.com\"]\n"),
         site("french", "[match]\nhosts = [\"example.com\"]\npaths = [\"^/fr/\"]\n")},
        std::nullopt, true, problems);
    REQUIRE(problems.empty());
    auto chosen = [&](std::string_view url, std::string_view forced = {}) {
        const Profile* p = set.profile_for(url, regexes, forced);
        return p ? p->name : std::string("(none)");
    };
    CHECK(chosen("https://example.com/2024/story") == "plain");
    CHECK(chosen("https://www.example.com/") == "plain");
    CHECK(chosen("http://EXAMPLE.com.:8080/fr/story?x=1") == "french");
    CHECK(chosen("https://example.com/fr") == "plain");
    CHECK(chosen("https://news.example.com/fr/story") == "news");
    CHECK(chosen("https://a.news.example.com/") == "news");
    CHECK(chosen("https://notexample.com/fr/") == "(none)");
    CHECK(chosen("https://example.org/") == "(none)");
    CHECK(chosen("") == "(none)");
    CHECK(chosen("https://other.org/", "news") == "news");
    CHECK(chosen("https://example.com/", "no-such-profile") == "plain");
}

TEST_CASE("profiles: a path pattern too complex for the path is skipped with one warning", "[profiles]") {
    std::vector<Problem> problems;
    auto set = ProfileSet::from_profiles({site("slow", "[match]\nhosts = [\"example.com\"]\npaths = [\"^/(a+)+$\"]\n")},
                                         std::nullopt, true, problems);
    REQUIRE(problems.empty());
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    const std::string url = "https://example.com/" + std::string(200, 'a') + "!";
    CHECK(set.profile_for(url, regexes) == nullptr);  // no match: the default rules alone
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("rule profile slow paths \"^/(a+)+$\" skipped: the regex is too complex"));
    CHECK(set.profile_for("https://example.com/aaa", regexes) == nullptr);  // skipped for the rest of the page
    CHECK(warnings.size() == 1);
    winnow::RegexGuard fresh;
    CHECK(set.profile_for("https://example.com/aaa", fresh) != nullptr);
}

TEST_CASE("profiles: the default rules apply under the chosen profile, unless turned off", "[profiles]") {
    winnow::RegexGuard regexes;
    std::vector<Problem> problems;
    Profile default_profile = site("default", "[rules]\ndrop_text = [\"^share this$\"]\n");
    Profile example = site("example.com", "[match]\nhosts = [\"example.com\"]\n[rules]\ndrop = [\".author-box\"]\n"
                                          "drop_text = [\"^read more$\"]\n");
    auto set = ProfileSet::from_profiles({example}, default_profile, true, problems);
    const auto& rules = set.rules_for("https://example.com/a", regexes);
    REQUIRE(rules.drop_text.size() == 2);
    CHECK(rules.drop_text[0].origin == "profile example.com");
    CHECK(rules.drop_text[1].origin == "default");
    CHECK(rules.drop.size() == 1);
    CHECK(set.rules_for("https://other.org/", regexes).drop_text.size() == 1);

    auto without = ProfileSet::from_profiles({example}, default_profile, false, problems);
    CHECK(without.rules_for("https://example.com/a", regexes).drop_text.size() == 1);
    CHECK(without.rules_for("https://other.org/", regexes).drop_text.empty());
}

TEST_CASE("profiles: later folders override earlier ones by file name", "[profiles]") {
    winnow::RegexGuard regexes;
    TempFolder first("first"), second("second");
    first.write("site.toml", "[match]\nhosts = [\"site.org\"]\n[rules]\ndrop = [\".first\"]\n");
    first.write("other.toml", "[match]\nhosts = [\"other.org\"]\n");
    second.write("site.toml", "[match]\nhosts = [\"site.org\"]\n[rules]\ndrop = [\".second\"]\n");
    second.write("default.toml", "[rules]\nstop_text = [\"^the end$\"]\n");
    second.write("notes.txt", "not a profile");

    auto set = ProfileSet::load(folders_only({first.path.string(), second.path.string()}));
    REQUIRE(set.has_value());
    REQUIRE(set->sites().size() == 2);
    const auto& rules = set->rules_for("https://site.org/x", regexes);
    REQUIRE(rules.drop.size() == 1);
    CHECK(rules.drop[0].selector.source() == ".second");
    CHECK(set->default_profile().file == (second.path / "default.toml").string());
    CHECK(rules.stop_text.size() == 1);

    auto reversed = ProfileSet::load(folders_only({second.path.string(), first.path.string()}));
    REQUIRE(reversed.has_value());
    CHECK(reversed->rules_for("https://site.org/x", regexes).drop[0].selector.source() == ".first");

    // WINNOW_PROFILES comes before --profiles.
    ::setenv("WINNOW_PROFILES", (first.path.string() + ":" + "").c_str(), 1);
    ProfileSources sources = folders_only({second.path.string()});
    sources.environment = true;
    auto with_env = ProfileSet::load(sources);
    ::unsetenv("WINNOW_PROFILES");
    REQUIRE(with_env.has_value());
    CHECK(with_env->rules_for("https://site.org/x", regexes).drop[0].selector.source() == ".second");
    CHECK(with_env->profile_for("https://other.org/", regexes) != nullptr);
}

TEST_CASE("profiles: a missing folder or a broken file fails the load with every problem", "[profiles]") {
    TempFolder dir("broken-load");
    dir.write("a.toml", "[match]\nhosts = [\"a.org\"]\nfoo = 1\n");
    auto set = ProfileSet::load(folders_only({dir.path.string(), "/no/such/winnow/folder"}));
    REQUIRE_FALSE(set.has_value());
    const std::string& message = set.error().message;
    CHECK(message.find("/no/such/winnow/folder:1:1: no such folder (given in --profiles)") != std::string::npos);
    CHECK(message.find((dir.path / "a.toml").string() + ":3:1: unknown key \"foo\" in [match]") != std::string::npos);
}

TEST_CASE("profiles: the built-in default.toml and the project's profiles/ load without problems", "[profiles]") {
    ProfileSet builtin;
    CHECK(builtin.default_profile().file == "(built in)/default.toml");
    CHECK_FALSE(builtin.default_profile().rules.drop_text.empty());
    CHECK(builtin.sites().empty());
    // default.toml's byline rule drops a byline alone in a block, names and all (its letters are
    // written [[:alpha:]]: a \p{L} inside brackets never matched a name)
    auto drops = [&](std::string text) {
        for (const auto& rule : builtin.default_profile().rules.drop_text)
            if (boost::u32regex_search(text.begin(), text.end(), rule.regex)) return true;
        return false;
    };
    CHECK(drops("By Anna Smith"));
    CHECK(drops("Von Jörg Müller-Lüdenscheidt"));
    CHECK(drops("BY JANE O'NEILL"));
    CHECK_FALSE(drops("By the time we arrived, the match was over."));

    auto project = winnow::profiles::project_profiles_folder();
    REQUIRE(project.has_value());
    CHECK(fs::exists(*project / "default.toml"));
    ProfileSources sources;
    sources.environment = false;
    auto set = ProfileSet::load(sources);
    INFO((set ? std::string() : set.error().message));
    CHECK(set.has_value());
}
