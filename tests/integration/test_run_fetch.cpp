// `winnow run` and its [fetch] settings (issue 17, the fetcher's part), against the local test
// server on 127.0.0.1: pages listed by a feed may not reach loopback unless
// allow_private_addresses; per-source user agent, headers and cookies; redirect hops spaced by
// the host delay; a capped Crawl-delay warned about once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "process.hpp"
#include "test_server.hpp"

namespace fs = std::filesystem;
using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;
using winnow::test::TestServer;

namespace {

void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string article(const std::string& title) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1><p>This is the first paragraph of " + title + ", with enough words in it to look like prose to the "
           "extractor, which wants a few sentences.</p><p>The second paragraph says more about the subject at hand, so "
           "that the page is clearly an article.</p></article></body></html>";
}

// A test server whose /site/ serves files written here, and the folder of the run.
struct Site {
    TemporaryFolder folder;
    fs::path files = fs::path(folder.path()) / "files";
    fs::path robots = fs::path(folder.path()) / "robots.txt";
    TestServer server;

    explicit Site(const std::string& robots_text = "User-agent: *\nDisallow: /site/private/\n")
        : server(make_options(files, robots, robots_text)) {
        for (const char* name : {"a1", "a2", "a3"}) write_text(files / "site/news" / (std::string(name) + ".html"), article(name));
        std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>";
        for (const char* name : {"a1", "a2", "a3"})
            feed += "<item><title>x</title><link>" + url("/news/" + std::string(name) + ".html") + "</link></item>";
        write_text(files / "site/feed.xml", feed + "</channel></rss>");
    }
    static winnow::test::TestServerOptions make_options(const fs::path& files, const fs::path& robots, const std::string& text) {
        write_text(robots, text);
        fs::create_directories(files);
        return {.robots_file = robots.string(), .files_dir = files};
    }
    std::string url(const std::string& path) const { return server.url("/site" + path); }
    fs::path config(const std::string& text) const {
        fs::path file = fs::path(folder.path()) / "run.toml";
        write_text(file, "output = \"articles\"\nstate = \"state.sqlite\"\n" + text);
        return file;
    }
    std::size_t requests_under(const std::string& prefix) const {
        auto log = server.log();
        return std::count_if(log.begin(), log.end(), [&](const auto& r) { return r.path.starts_with(prefix); });
    }
};

}  // namespace

TEST_CASE("winnow run: pages a feed lists on loopback are refused as blocked_address, with no request", "[run][fetch][address]") {
    Site site;
    auto config = site.config("[fetch]\ndelay = 0\nretries = 0\n[[source]]\nfeed = \"" + site.url("/feed.xml") + "\"\n");
    auto refused = run_winnow({"run", "--config", config.string()});
    INFO(refused.out << refused.err);
    CHECK(refused.status == 1);
    CHECK(refused.out == "fetched 3, new 0, changed 0, unchanged 0, failed 3, skipped 0 (robots 0, not html 0, kind 0)\n");
    CHECK(refused.err.find(site.url("/news/a1.html") + ": refused: 127.0.0.1 is a loopback address") != std::string::npos);
    // The feed is the user's own choice and was read; not one page it lists was requested.
    CHECK(site.server.requests_for("/site/feed.xml").size() == 1);
    CHECK(site.requests_under("/site/news/") == 0);

    // allow_private_addresses = true (an intranet, these tests) fetches them.
    auto allowed_config =
        site.config("[fetch]\ndelay = 0\nretries = 0\nallow_private_addresses = true\n[[source]]\nfeed = \"" + site.url("/feed.xml") + "\"\n");
    auto allowed = run_winnow({"run", "--config", allowed_config.string()});
    INFO(allowed.out << allowed.err);
    CHECK(allowed.status == 0);
    CHECK(site.requests_under("/site/news/") == 3);
}

TEST_CASE("winnow run: user agent, headers and cookies of the fetch table and of each source", "[run][fetch][client]") {
    Site site;
    write_text(fs::path(site.folder.path()) / "cookies.txt",
               "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tpaywall\topen\n");
    auto config = site.config("[fetch]\ndelay = 0\nuser_agent = \"base/1\"\nheaders = { X-Base = \"b\", Accept-Language = \"en\" }\n"
                              "[[source]]\nurls = [\"" + site.url("/news/a1.html") + "\"]\n"
                              "[[source]]\nurls = [\"" + site.url("/news/a2.html") + "\"]\nuser_agent = \"special/2\"\n"
                              "headers = { Accept-Language = \"de\", X-Source = \"two\" }\ncookies = \"cookies.txt\"\n");
    auto run = run_winnow({"run", "--config", config.string()});
    INFO(run.out << run.err);
    CHECK(run.status == 0);
    auto a1 = site.server.requests_for("/site/news/a1.html");
    auto a2 = site.server.requests_for("/site/news/a2.html");
    REQUIRE(a1.size() == 1);
    REQUIRE(a2.size() == 1);
    CHECK(a1[0].user_agent == "base/1");
    CHECK(a1[0].headers["X-Base"] == "b");
    CHECK(a1[0].headers["Accept-Language"] == "en");
    CHECK(a1[0].headers.count("X-Source") == 0);
    CHECK(a1[0].headers.count("Cookie") == 0);
    CHECK(a2[0].user_agent == "special/2");
    CHECK(a2[0].headers["X-Base"] == "b");
    CHECK(a2[0].headers["X-Source"] == "two");
    CHECK(a2[0].headers["Accept-Language"] == "de");
    CHECK(a2[0].headers["Cookie"] == "paywall=open");

    auto missing = site.config("[fetch]\ncookies = \"nope.txt\"\nheaders = { \"Bad Name\" = \"x\" }\n[[source]]\nurls = [\"" +
                               site.url("/news/a1.html") + "\"]\n");
    auto refused = run_winnow({"run", "--config", missing.string()});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("nope.txt: no such cookie file") != std::string::npos);
    CHECK(refused.err.find("bad header name 'Bad Name'") != std::string::npos);
}

TEST_CASE("winnow run: redirect hops are spaced by the host delay", "[run][fetch][redirect]") {
    Site site;
    auto config = site.config("[fetch]\ndelay = 0.4\n[[source]]\nurls = [\"" + site.server.url("/hop/2?to=/site/news/a1.html") + "\"]\n");
    auto run = run_winnow({"run", "--config", config.string()});
    INFO(run.out << run.err);
    CHECK(run.status == 0);
    auto log = site.server.log();
    REQUIRE(log.size() == 4);  // robots.txt, two hops, the page
    std::vector<double> times;
    for (const auto& r : log) times.push_back(r.time);
    std::sort(times.begin(), times.end());
    for (std::size_t i = 1; i < times.size(); ++i) CHECK(times[i] - times[i - 1] >= 0.4);
}

TEST_CASE("winnow run: a huge Crawl-delay is capped at max_crawl_delay with one warning", "[run][fetch][numbers]") {
    Site site("User-agent: *\nCrawl-delay: 1e300\n");
    auto config = site.config("[fetch]\ndelay = 0\nmax_crawl_delay = 0.3\n[[source]]\nurls = [\"" + site.url("/news/a1.html") +
                              "\", \"" + site.url("/news/a2.html") + "\", \"" + site.url("/news/a3.html") + "\"]\n");
    auto run = run_winnow({"run", "--config", config.string()});
    INFO(run.out << run.err);
    CHECK(run.status == 0);
    auto warning = "winnow: warning: " + site.server.url("") + "/robots.txt asks for a Crawl-delay of 1e+300 s; waiting 300 ms";
    CHECK(run.err.find(warning) != std::string::npos);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    CHECK(site.requests_under("/site/news/") == 3);
}

TEST_CASE("winnow run: a site profile's fetch table sets user agent and headers, a source's wins", "[run][fetch][client]") {
    Site site;
    fs::path profiles = fs::path(site.folder.path()) / "site-profiles";
    write_text(profiles / "local.toml", "description = \"the test server\"\n[match]\nhosts = [\"127.0.0.1\"]\n"
                                        "[fetch]\nuser_agent = \"profile-agent/1\"\nheaders = { X-Profile = \"p\", X-Both = \"profile\" }\n");
    auto config = site.config("profiles = [\"site-profiles\"]\n[fetch]\ndelay = 0\n"
                              "[[source]]\nurls = [\"" + site.url("/news/a1.html") + "\"]\n"
                              "[[source]]\nurls = [\"" + site.url("/news/a2.html") + "\"]\nheaders = { X-Both = \"source\" }\n");
    auto run = run_winnow({"run", "--config", config.string()});
    INFO(run.out << run.err);
    CHECK(run.status == 0);
    auto a1 = site.server.requests_for("/site/news/a1.html");
    auto a2 = site.server.requests_for("/site/news/a2.html");
    REQUIRE(a1.size() == 1);
    REQUIRE(a2.size() == 1);
    CHECK(a1[0].user_agent == "profile-agent/1");
    CHECK(a1[0].headers["X-Profile"] == "p");
    CHECK(a1[0].headers["X-Both"] == "profile");
    CHECK(a2[0].user_agent == "profile-agent/1");
    CHECK(a2[0].headers["X-Profile"] == "p");
    CHECK(a2[0].headers["X-Both"] == "source");

    write_text(profiles / "local.toml", "[match]\nhosts = [\"127.0.0.1\"]\n[fetch]\nuser_agnet = \"x\"\n");
    auto refused = run_winnow({"run", "--config", config.string()});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("local.toml:4:1: unknown key \"user_agnet\" in [fetch]") != std::string::npos);
}
