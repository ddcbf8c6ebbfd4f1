// The profile options and commands through the built binary: clean --explain with a profile
// folder, --no-profiles, --no-default-rules, profiles list and profiles check.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Ran {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Workspace {
    fs::path path;
    explicit Workspace(const std::string& name) {
        path = fs::temp_directory_path() / ("winnow-test-cli-" + std::to_string(::getpid()) + "-" + name);
        fs::remove_all(path);
        fs::create_directories(path / "profiles");
    }
    ~Workspace() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return path / name;
    }
    // Runs winnow with the arguments (already shell-quoted where needed).
    Ran winnow(const std::string& args) const {
        std::string command = "env -u WINNOW_PROFILES '" WINNOW_BINARY "' " + args + " >'" + (path / "out").string() +
                              "' 2>'" + (path / "err").string() + "' </dev/null";
        int raw = std::system(command.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(path / "out"), slurp(path / "err")};
    }
};

constexpr const char* k_page = R"(<!doctype html><html><head><title>Fed holds rates</title></head><body>
<article><h1>Fed holds rates</h1>
<p>The central bank kept its benchmark rate unchanged on Wednesday, citing steady inflation, a firm labour market and slower growth abroad.</p>
<div class="author-box">Jane Doe writes about markets and policy for the site.</div>
<p>Join our Telegram channel</p>
<p>Disclaimer: This article is provided for informational purposes only and is not investment advice.</p>
<p>Officials signalled that cuts could come later in the year if price growth keeps cooling, though several members disagreed.</p>
<h2>Elsewhere on the site</h2>
<p>Another story about something else entirely, with several words in it.</p>
</article></body></html>)";

constexpr const char* k_profile = R"(description = "test site"
[match]
hosts = ["example.com"]
[rules]
drop = [".author-box"]
stop_text = ["^elsewhere on the site$"]
)";

}  // namespace

TEST_CASE("cli: clean --explain prints each removed block with its rule on stderr", "[profiles][cli]") {
    Workspace ws("explain");
    ws.write("profiles/example.com.toml", k_profile);
    auto page = ws.write("page.html", k_page);
    Ran ran = ws.winnow("clean --explain --profiles '" + (ws.path / "profiles").string() +
                        "' --url https://www.example.com/2024/fed '" + page.string() + "'");
    INFO(ran.err);
    REQUIRE(ran.status == 0);
    CHECK(ran.out.find("The central bank kept") != std::string::npos);
    CHECK(ran.out.find("Officials signalled") != std::string::npos);
    CHECK(ran.out.find("Jane Doe") == std::string::npos);
    CHECK(ran.out.find("Telegram") == std::string::npos);
    CHECK(ran.out.find("Another story") == std::string::npos);
    CHECK(ran.err.find("removed (profile example.com drop \".author-box\"): Jane Doe writes about markets") != std::string::npos);
    CHECK(ran.err.find("removed (default drop_text \"") != std::string::npos);
    CHECK(ran.err.find("): Join our Telegram channel\n") != std::string::npos);
    CHECK(ran.err.find("removed (profile example.com stop_text \"^elsewhere on the site$\"): Elsewhere on the site\n") != std::string::npos);
    CHECK(ran.err.find("removed (profile example.com stop_text \"^elsewhere on the site$\"): Another story") != std::string::npos);
}

TEST_CASE("cli: the profile applies only to its hosts, and --no-default-rules keeps the phrase blocks", "[profiles][cli]") {
    Workspace ws("hosts");
    ws.write("profiles/example.com.toml", k_profile);
    auto page = ws.write("page.html", k_page);
    std::string folder = "--profiles '" + (ws.path / "profiles").string() + "' ";
    Ran other = ws.winnow("clean " + folder + "--url https://example.org/x '" + page.string() + "'");
    REQUIRE(other.status == 0);
    CHECK(other.out.find("Another story") != std::string::npos);  // no stop_text for this host
    CHECK(other.out.find("Telegram") == std::string::npos);        // the default rules still apply
    CHECK(other.out.find("Disclaimer") == std::string::npos);

    Ran off = ws.winnow("clean --no-default-rules " + folder + "--url https://example.com/x '" + page.string() + "'");
    REQUIRE(off.status == 0);
    // Only default.toml removes the disclaimer (the heuristics keep it; they drop the Telegram line
    // themselves, as a boilerplate line).
    CHECK(off.out.find("Disclaimer: This article is provided") != std::string::npos);
    CHECK(off.out.find("Another story") == std::string::npos);  // the site profile still applies
}

TEST_CASE("cli: --no-profiles keeps only the built-in defaults and excludes --profiles", "[profiles][cli]") {
    Workspace ws("no-profiles");
    ws.write("profiles/example.com.toml", k_profile);
    auto page = ws.write("page.html", k_page);
    Ran ran = ws.winnow("clean --no-profiles --url https://example.com/x '" + page.string() + "'");
    REQUIRE(ran.status == 0);
    CHECK(ran.out.find("Another story") != std::string::npos);
    CHECK(ran.out.find("Telegram") == std::string::npos);

    Ran both = ws.winnow("clean --no-profiles --profiles '" + (ws.path / "profiles").string() + "' '" + page.string() + "'");
    CHECK(both.status == 2);
}

TEST_CASE("cli: a broken profile stops clean with exit status 2 and names file, line, column", "[profiles][cli]") {
    Workspace ws("broken");
    auto bad = ws.write("profiles/bad.toml", "[match]\nhosts = [\"x.org\"]\n[rules]\ndrop = [\"div >\"]\n");
    auto page = ws.write("page.html", k_page);
    Ran ran = ws.winnow("clean --profiles '" + (ws.path / "profiles").string() + "' '" + page.string() + "'");
    CHECK(ran.status == 2);
    CHECK(ran.out.empty());
    CHECK(ran.err.find(bad.string() + ":4:9: bad CSS selector \"div >\" in drop: column 6:") != std::string::npos);
}

TEST_CASE("cli: profiles check reports each problem as FILE:LINE:COLUMN and exits 1", "[profiles][cli]") {
    Workspace ws("check");
    auto toml = ws.write("profiles/a.toml", "[match]\nhosts = [\"a.org\"\n");
    auto key = ws.write("profiles/b.toml", "[match]\nhosts = [\"b.org\"]\n[rules]\ndorp = []\n");
    auto regex = ws.write("profiles/c.toml", "[match]\nhosts = [\"c.org\"]\n[rules]\ndrop_text = [\"(x\"]\n");
    auto dup = ws.write("profiles/d.toml", "[match]\nhosts = [\"b.org\"]\n");
    Ran ran = ws.winnow("profiles check '" + (ws.path / "profiles").string() + "'");
    CHECK(ran.status == 1);
    CHECK(ran.out.find(toml.string() + ":2:") != std::string::npos);
    CHECK(ran.out.find(key.string() + ":4:1: unknown key \"dorp\"") != std::string::npos);
    CHECK(ran.out.find(regex.string() + ":4:14: bad regex \"(x\"") != std::string::npos);
    CHECK(ran.out.find(dup.string() + ":2:10: duplicate host \"b.org\"") != std::string::npos);
    CHECK(ran.err.find("4 profiles checked, 4 problems") != std::string::npos);

    Ran good = ws.winnow("profiles check '" + ws.write("ok.toml", "[match]\nhosts = [\"ok.org\"]\n").string() + "'");
    CHECK(good.status == 0);
    CHECK(good.out.empty());
}

TEST_CASE("cli: profiles check passes on the project's profiles/, list shows them", "[profiles][cli]") {
    Workspace ws("project");
    Ran check = ws.winnow("profiles check");
    INFO(check.out);
    CHECK(check.status == 0);
    Ran list = ws.winnow("profiles list --profiles '" + (ws.path / "profiles").string() + "'");
    CHECK(list.status == 0);
    CHECK(list.out.starts_with("PROFILE"));
    CHECK(list.out.find("default") != std::string::npos);
    Ran builtin = ws.winnow("profiles list --no-profiles");
    CHECK(builtin.status == 0);
    CHECK(builtin.out.find("default  (built in)/default.toml  every page\n") != std::string::npos);
    ws.write("profiles/example.com.toml", k_profile);
    Ran with_site = ws.winnow("profiles list --profiles '" + (ws.path / "profiles").string() + "'");
    CHECK(with_site.out.find((ws.path / "profiles" / "example.com.toml").string() + "  example.com\n") != std::string::npos);
}
