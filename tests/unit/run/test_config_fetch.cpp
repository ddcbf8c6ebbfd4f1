// The [fetch] table and the per-source fetch settings of the run configuration (issues 17 and
// 18): every number checked (no inf, nan, or a timeout that would become "none"), new keys read.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "winnow/run/config.hpp"

namespace fs = std::filesystem;
using winnow::run::parse_config;

namespace {

std::string with_fetch(const std::string& fetch_lines, const std::string& source_lines = "") {
    return "output = \"out\"\nstate = \"s.sqlite\"\n[fetch]\n" + fetch_lines + "\n[[source]]\nurls = [\"https://example.org/a\"]\n" +
           source_lines;
}

std::string error_of(const std::string& text) {
    auto config = parse_config(text, "/etc/winnow/run.toml");
    REQUIRE_FALSE(config);
    return config.error().message;
}

}  // namespace

TEST_CASE("run configuration, fetch table: inf, nan, huge numbers and a timeout under 1 ms are refused", "[run][config][numbers]") {
    CHECK_THAT(error_of(with_fetch("delay = inf")), Catch::Contains("run.toml:4:9: 'delay' must be a finite number of seconds, not inf"));
    CHECK_THAT(error_of(with_fetch("delay = nan")), Catch::Contains("'delay' must be a finite number of seconds, not nan"));
    CHECK_THAT(error_of(with_fetch("delay = 1e300")), Catch::Contains("'delay' must be at most"));
    CHECK_THAT(error_of(with_fetch("timeout = -inf")), Catch::Contains("'timeout' must be a finite number of seconds, not inf"));
    CHECK_THAT(error_of(with_fetch("timeout = 0.0001")), Catch::Contains("run.toml:4:11: 'timeout' must be at least 0.001"));
    CHECK_THAT(error_of(with_fetch("timeout = 0")), Catch::Contains("'timeout' must be more than 0"));
    CHECK_THAT(error_of(with_fetch("max_crawl_delay = nan")), Catch::Contains("'max_crawl_delay' must be a finite number"));
    CHECK_THAT(error_of(with_fetch("max_crawl_delay = -1")), Catch::Contains("'max_crawl_delay' must be 0 or more"));
    CHECK_THAT(error_of(with_fetch("retries = 1000000")), Catch::Contains("'retries' must be at most 100"));
    CHECK_THAT(error_of(with_fetch("allow_private_addresses = 1")), Catch::Contains("'allow_private_addresses' must be true or false"));
    auto fine = parse_config(with_fetch("timeout = 0.001\ndelay = 0\nmax_crawl_delay = 5\nretries = 0"), "/etc/winnow/run.toml");
    REQUIRE(fine);
    CHECK(fine->fetch.timeout == 0.001);
    CHECK(fine->fetch.max_crawl_delay == 5);
    CHECK(fine->fetch.retries == 0);
    CHECK_FALSE(fine->fetch.allow_private_addresses);
}

TEST_CASE("run configuration: user agent, headers, cookies, proxy, no_proxy of the fetch table and of a source", "[run][config][client]") {
    fs::path dir = fs::temp_directory_path() / ("winnow-config-fetch-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "cookies.txt") << "# Netscape HTTP Cookie File\n";
    std::string text = with_fetch("allow_private_addresses = true\nuser_agent = \"base/1\"\n"
                                  "headers = { Accept-Language = \"en\", X-Team = \"data\" }\n"
                                  "proxy = \"http://proxy.example:3128\"\nno_proxy = \"intra.example,10.0.0.1\"",
                                  "user_agent = \"site/2\"\nheaders = { Referer = \"https://example.org/\" }\ncookies = \"cookies.txt\"\n"
                                  "proxy = \"\"\n[[source]]\nfeed = \"https://example.org/feed.xml\"\n");
    auto config = parse_config(text, dir / "run.toml");
    REQUIRE(config);
    CHECK(config->fetch.allow_private_addresses);
    CHECK(config->fetch.user_agent == "base/1");
    CHECK(config->fetch.client.headers == std::vector<std::string>{"Accept-Language: en", "X-Team: data"});
    CHECK(config->fetch.client.proxy == "http://proxy.example:3128");
    CHECK(config->fetch.client.no_proxy == "intra.example,10.0.0.1");
    REQUIRE(config->sources.size() == 2);
    REQUIRE(config->sources[0].client);
    CHECK(config->sources[0].client->user_agent == "site/2");
    CHECK(config->sources[0].client->headers == std::vector<std::string>{"Referer: https://example.org/"});
    CHECK(config->sources[0].client->cookie_file == (dir / "cookies.txt").string());
    CHECK(config->sources[0].client->proxy == "");  // no proxy for this source
    CHECK_FALSE(config->sources[1].client);
    // The URLs written in the file are the user's choice; feed items will not be.
    CHECK(config->written_urls.contains("https://example.org/a"));
    CHECK(config->written_urls.contains("https://example.org/feed.xml"));
    fs::remove_all(dir);

    std::string bad = error_of(with_fetch("headers = { \"Bad Name\" = \"x\", Good = 3 }\nuser_agent = \"two\\nlines\"\ncookies = \"missing.txt\""));
    CHECK_THAT(bad, Catch::Contains("bad header name 'Bad Name'"));
    CHECK_THAT(bad, Catch::Contains("the value of header 'Good' must be a string on one line"));
    CHECK_THAT(bad, Catch::Contains("'user_agent' must be one line"));
    CHECK_THAT(bad, Catch::Contains("/etc/winnow/missing.txt: no such cookie file"));
}
