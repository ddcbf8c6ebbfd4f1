#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "winnow/run/config.hpp"

namespace fs = std::filesystem;
using winnow::run::parse_config;
using winnow::run::SourceKind;

namespace {

fs::path temp_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("winnow-config-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string error_of(std::string_view text, const fs::path& file = "/etc/winnow/run.toml") {
    auto config = parse_config(text, file);
    REQUIRE_FALSE(config);
    return config.error().message;
}

}  // namespace

TEST_CASE("the example configuration loads, paths relative to the file", "[run][config]") {
    fs::path dir = temp_dir("example");
    std::ofstream(dir / "urls.txt") << "# comment\nhttps://example.org/c.html\n\n  https://EXAMPLE.org/d.html#x  \n";
    std::string text = R"toml(output = "articles"
state = "winnow-state.sqlite"
[fetch]
concurrency = 8
per_host = 2
delay = 1.0
timeout = 30
max_bytes = 20971520
user_agent = "winnow/0.1 (+https://example.org/contact)"
[[source]]
urls = ["https://example.org/a.html", "https://example.org/b.html?utm_source=x"]
[[source]]
url_file = "urls.txt"
[[source]]
feed = "https://example.org/feed.xml"
max_new = 50
[[source]]
sitemap = "https://example.org/sitemap.xml"
profile = "example.org"
)toml";
    auto config = parse_config(text, dir / "run.toml");
    REQUIRE(config);
    CHECK(config->output == dir / "articles");
    CHECK(config->state == dir / "winnow-state.sqlite");
    CHECK(config->fetch.concurrency == 8);
    CHECK(config->fetch.delay == 1.0);
    CHECK(config->fetch.timeout == 30);
    CHECK(config->fetch.max_bytes == 20971520);
    CHECK(config->fetch.user_agent == "winnow/0.1 (+https://example.org/contact)");
    REQUIRE(config->sources.size() == 4);
    CHECK(config->sources[0].kind == SourceKind::urls);
    CHECK(config->sources[0].urls == std::vector<std::string>{"https://example.org/a.html", "https://example.org/b.html"});
    CHECK(config->sources[1].kind == SourceKind::url_file);
    CHECK(config->sources[1].urls == std::vector<std::string>{"https://example.org/c.html", "https://example.org/d.html"});
    CHECK(config->sources[2].kind == SourceKind::feed);
    CHECK(config->sources[2].max_new == 50u);
    CHECK(config->sources[3].kind == SourceKind::sitemap);
    CHECK(config->sources[3].profile == "example.org");
    CHECK_FALSE(config->sources[3].max_new);
    fs::remove_all(dir);
}

TEST_CASE("unknown keys, wrong types and bad URLs are reported with file, line and column", "[run][config]") {
    std::string text = "output = \"out\"\n"                     // 1
                       "state = 3\n"                            // 2
                       "colour = \"blue\"\n"                    // 3
                       "[fetch]\n"                              // 4
                       "concurrency = \"eight\"\n"              // 5
                       "delay = -1\n"                           // 6
                       "  timout = 30\n"                        // 7
                       "[[source]]\n"                           // 8
                       "urls = [\"https://ok.example/\", \"ftp://x.example/\"]\n"  // 9
                       "[[source]]\n"                           // 10
                       "feed = \"not a url\"\n"                 // 11
                       "max_new = 1.5\n";                       // 12
    std::string error = error_of(text);
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:2:9: 'state' must be a string"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:3:1: unknown key 'colour'"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:5:15: 'concurrency' must be an integer"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:6:9: 'delay' must be 0 or more"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:7:3: unknown key 'timout' in [fetch]"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:9:32: bad URL in 'urls': ftp://x.example/"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:11:8: bad URL in 'feed'"));
    CHECK_THAT(error, Catch::Contains("/etc/winnow/run.toml:12:11: 'max_new' must be an integer"));
}

TEST_CASE("a TOML syntax error is reported at its position", "[run][config]") {
    std::string error = error_of("output = \"a\"\nstate = \"b\"\n[[source]]\nurls = [\"https://x.example/\"\n");
    CHECK_THAT(error, Catch::StartsWith("/etc/winnow/run.toml:"));
    CHECK_THAT(error, Catch::Matches(R"(/etc/winnow/run\.toml:[45]:\d+: .*)"));
}

TEST_CASE("a source needs exactly one kind, output, state and sources are required", "[run][config]") {
    CHECK_THAT(error_of("output = \"a\"\nstate = \"b\"\n[[source]]\nfeed = \"https://x.example/f\"\nsitemap = "
                        "\"https://x.example/s\"\n"),
               Catch::Contains(":3:1: [[source]] #1 must have exactly one of"));
    CHECK_THAT(error_of("state = \"b\"\n[[source]]\nfeed = \"https://x.example/f\"\n"), Catch::Contains("'output' is missing"));
    CHECK_THAT(error_of("output = \"a\"\nstate = \"b\"\n"), Catch::Contains("no [[source]]"));
}

TEST_CASE("bad lines of a url_file are reported with that file's line and column", "[run][config]") {
    fs::path dir = temp_dir("urlfile");
    std::ofstream(dir / "urls.txt") << "https://ok.example/a\n# fine\n   www.example.org/nope\n";
    std::string error = error_of("output = \"a\"\nstate = \"b\"\n[[source]]\nurl_file = \"urls.txt\"\n", dir / "run.toml");
    CHECK_THAT(error, Catch::Contains((dir / "urls.txt").string() + ":3:4: bad URL"));
    std::string missing = error_of("output = \"a\"\nstate = \"b\"\n[[source]]\nurl_file = \"nope.txt\"\n", dir / "run.toml");
    CHECK_THAT(missing, Catch::Contains("run.toml:4:12: url_file: "));
    fs::remove_all(dir);
}

TEST_CASE("numbers are checked: no inf or nan, ranges for every key", "[run][config]") {
    const std::string base = "output = \"out\"\nstate = \"s\"\n[[source]]\nurls = [\"https://x.example/\"]\n";
    CHECK_THAT(error_of("max_duration = inf\n" + base), Catch::Contains(":1:16: 'max_duration' must be a finite number of seconds, not inf"));
    CHECK_THAT(error_of("max_duration = nan\n" + base), Catch::Contains(":1:16: 'max_duration' must be a finite number of seconds, not nan"));
    CHECK_THAT(error_of("max_duration = 0\n" + base), Catch::Contains("'max_duration' must be more than 0"));
    CHECK_THAT(error_of("max_duration = 1e300\n" + base), Catch::Contains("'max_duration' must be at most"));
    CHECK_THAT(error_of("gone_after = -1\n" + base), Catch::Contains("'gone_after' must be at least 0"));
    CHECK_THAT(error_of("gone_after = 100000\n" + base), Catch::Contains("'gone_after' must be at most 1000"));
    CHECK_THAT(error_of("commit_every = 0\n" + base), Catch::Contains("'commit_every' must be at least 1"));
    CHECK_THAT(error_of(base + "[fetch]\ndelay = nan\n"), Catch::Contains("'delay' must be a finite number"));
    CHECK_THAT(error_of(base + "[fetch]\ntimeout = -inf\n"), Catch::Contains("'timeout' must be a finite number of seconds, not inf"));
    auto config = parse_config("max_duration = 1.5\ngone_after = 0\n" + base, "/etc/winnow/run.toml");
    REQUIRE(config);
    CHECK(config->max_duration == std::optional<double>(1.5));
    CHECK(config->gone_after == 0);
    auto defaults = parse_config(base, "/etc/winnow/run.toml");
    REQUIRE(defaults);
    CHECK_FALSE(defaults->max_duration);
    CHECK(defaults->gone_after == 3);
}

TEST_CASE("favor: the configuration's and each source's mode", "[run][config][favor]") {
    auto config = parse_config(R"toml(output = "out"
state = "state.sqlite"
favor = "precision"
[[source]]
urls = ["https://example.org/a.html"]
[[source]]
urls = ["https://example.org/b.html"]
favor = "recall"
)toml",
                               "/etc/winnow/run.toml");
    REQUIRE(config);
    CHECK(config->favor == winnow::extract::Favor::precision);
    CHECK_FALSE(config->sources[0].favor.has_value());
    CHECK(config->sources[1].favor == winnow::extract::Favor::recall);
    auto none = parse_config("output = \"out\"\nstate = \"s\"\n[[source]]\nurls = [\"https://example.org/a\"]\n",
                             "/etc/winnow/run.toml");
    REQUIRE(none);
    CHECK_FALSE(none->favor.has_value());
    CHECK(error_of("output = \"out\"\nstate = \"s\"\nfavor = \"accuracy\"\n[[source]]\nurls = [\"https://example.org/a\"]\n") ==
          "/etc/winnow/run.toml:3:9: 'favor' must be one of precision, balanced, recall (not \"accuracy\")");
    CHECK(error_of("output = \"out\"\nstate = \"s\"\n[[source]]\nurls = [\"https://example.org/a\"]\nfavor = true\n") ==
          "/etc/winnow/run.toml:5:9: 'favor' must be a string");
}
