// Issue 17 and 18, the fetcher's part, against the local test server (loopback only): the
// timeout bounds the whole fetch, retries can be turned off, URLs not chosen by the user and
// every redirect target may not reach loopback addresses (blocked_address) unless allowed,
// redirect hops are polite (delay and robots.txt of each hop's host), per-request client
// settings (user agent, headers, cookies, proxy), and numbers and strings from servers checked.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "support/quick_fetch.hpp"
#include "support/test_server.hpp"
#include "winnow/fetch/fetcher.hpp"

using namespace std::chrono_literals;
using winnow::fetch::ClientSettings;
using winnow::fetch::FailureCategory;
using winnow::fetch::Fetcher;
using winnow::fetch::FetchOptions;
using winnow::fetch::FetchRequest;
using winnow::fetch::FetchResult;
using winnow::test::LoggedRequest;
using winnow::test::TestServer;

namespace {

FetchOptions options_for_tests() { return winnow::test::quick_fetch_options(); }

FetchResult fetch(const FetchRequest& request, const FetchOptions& options) { return winnow::fetch::fetch_url(request, options); }

std::string write_file(const TestServer& server, const std::string& name, const std::string& content) {
    auto path = server.work_dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<double> times_of(const std::vector<LoggedRequest>& log) {
    std::vector<double> times;
    for (const auto& r : log) times.push_back(r.time);
    std::sort(times.begin(), times.end());
    return times;
}

}  // namespace

// --- the whole fetch within the timeout, retries --------------------------------------------

TEST_CASE("fetcher: the timeout bounds the whole fetch, retries and back-off included", "[fetch][timeout]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.total_timeout = 1500ms;
    options.low_speed_time = 15'000ms;  // the stall is ended by the timeout, not the low-speed limit
    options.max_retries = 3;
    auto start = std::chrono::steady_clock::now();
    FetchResult stalled = fetch({.url = server.url("/stall")}, options);
    double took = seconds_since(start);
    CHECK(stalled.category == FailureCategory::timeout);
    CHECK(took >= 1.4);
    CHECK(took < 2.2);  // before: 4 attempts of 1.5 s and back-off
    CHECK(stalled.attempts == 1);

    // 503 forever with a back-off of 600 ms, 1200 ms, ... (times 0.5 to 1.5): the retries that
    // fit in 1.5 s, no more (at most 2: 300 + 600 + 1200 ms is already too long).
    options.retry_base = 600ms;
    start = std::chrono::steady_clock::now();
    FetchResult busy = fetch({.url = server.url("/status/503")}, options);
    took = seconds_since(start);
    CHECK(busy.category == FailureCategory::http_status);
    CHECK(took < 1.6);
    CHECK(busy.attempts < 4);
    CHECK(busy.message.find("leaves no time for another") != std::string::npos);
}

TEST_CASE("fetcher: retries 0 sends one request, a timeout under 1 ms is still a timeout", "[fetch][timeout]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.max_retries = 0;
    FetchResult r = fetch({.url = server.url("/flaky/r0?fail=1&status=503")}, options);
    CHECK(r.category == FailureCategory::http_status);
    CHECK(r.attempts == 1);
    CHECK(server.requests_for("/flaky/r0?fail=1&status=503").size() == 1);

    // 0 would mean "no timeout" to libcurl: the fetcher never gives it less than 1 ms.
    options.total_timeout = 0ms;
    auto start = std::chrono::steady_clock::now();
    FetchResult none = fetch({.url = server.url("/slow?delay=3")}, options);
    CHECK(none.category == FailureCategory::timeout);
    CHECK(seconds_since(start) < 1.0);
}

// --- safe targets ---------------------------------------------------------------------------

TEST_CASE("fetcher: a URL not chosen by the user may not reach loopback, and sends nothing", "[fetch][address]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    Fetcher fetcher(options);
    std::vector<FetchResult> results(2);
    fetcher.run({{.url = server.url("/page/from-feed"), .tag = 0}, {.url = "http://localhost:" + std::to_string(server.port()) + "/page/x", .tag = 1}},
                [&](FetchResult&& r) { results.at(r.tag) = std::move(r); });
    for (const auto& r : results) {
        CHECK(r.category == FailureCategory::blocked_address);
        CHECK(r.attempts <= 1);
        CHECK(r.message.find("loopback address") != std::string::npos);
        CHECK(r.message.find("allow_private_addresses") != std::string::npos);
    }
    CHECK(winnow::fetch::category_name(FailureCategory::blocked_address) == "blocked_address");
    CHECK(server.log().empty());

    // The user's own URL may; so may any URL with allow_private_addresses.
    CHECK(fetch({.url = server.url("/page/mine"), .user_chosen = true}, options).ok());
    options.allow_private_addresses = true;
    CHECK(fetch({.url = server.url("/page/allowed")}, options).ok());
    CHECK(server.log().size() == 2);
}

TEST_CASE("fetcher: a redirect from an allowed page into a loopback address is refused", "[fetch][address]") {
    TestServer server;
    TestServer inside;  // another origin on loopback: what a redirect must not reach
    FetchOptions options = options_for_tests();
    // The first URL is the user's (allowed); its redirect to another origin is checked, and no
    // request reaches it.
    const std::string start = "/hop/1?to=" + inside.url("/page/secret");
    FetchResult r = fetch({.url = server.url(start), .user_chosen = true}, options);
    CHECK(r.category == FailureCategory::blocked_address);
    CHECK(r.redirects == 1);
    CHECK(r.message.starts_with(server.url(start) + ": refused: 127.0.0.1 is a loopback address"));
    CHECK(r.message.ends_with("(after 1 redirect, at " + inside.url("/page/secret") + ")"));
    CHECK(inside.log().empty());
    CHECK(server.requests_for(start).size() == 1);

    // A redirect within the user's own origin stays the user's choice (/docs -> /docs/).
    FetchResult same = fetch({.url = server.url("/redirect/2"), .user_chosen = true}, options);
    CHECK(same.ok());
    // From a URL not chosen by the user nothing is followed: it is refused before it is sent.
    options.allow_private_addresses = false;
    CHECK(fetch({.url = server.url("/redirect/1")}, options).category == FailureCategory::blocked_address);

    // With the check off: followed.
    options.allow_private_addresses = true;
    FetchResult allowed = fetch({.url = server.url(start), .user_chosen = true}, options);
    CHECK(allowed.ok());
    CHECK(allowed.final_url == inside.url("/page/secret"));
    CHECK(inside.requests_for("/page/secret").size() == 1);
}

TEST_CASE("fetcher: robots.txt of a host checked requests may not reach is not fetched either", "[fetch][address][robots]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.robots = true;
    Fetcher fetcher(options);
    std::vector<FetchResult> results(3);
    fetcher.run({{.url = server.url("/page/a"), .tag = 0}, {.url = server.url("/page/b"), .tag = 1}},
                [&](FetchResult&& r) { results.at(r.tag) = std::move(r); });
    CHECK(results[0].category == FailureCategory::blocked_address);
    CHECK(results[1].category == FailureCategory::blocked_address);
    CHECK(server.log().empty());
    // A URL the user chose on the same host fetches robots.txt for itself, then the page.
    fetcher.run({{.url = server.url("/page/c"), .tag = 2, .user_chosen = true}},
                [&](FetchResult&& r) { results.at(r.tag) = std::move(r); });
    CHECK(results[2].ok());
    CHECK(server.requests_for("/robots.txt").size() == 1);
    CHECK(server.requests_for("/page/c").size() == 1);
}

// --- polite redirects -----------------------------------------------------------------------

TEST_CASE("fetcher: every redirect hop waits for its host's delay", "[fetch][delay][redirect]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.host_delay = 300ms;
    options.robots = true;  // as in winnow run
    FetchResult r = fetch({.url = server.url("/hop/3")}, options);
    REQUIRE(r.ok());
    CHECK(r.redirects == 3);
    CHECK(r.final_url == server.url("/page/end"));
    auto log = server.log();
    REQUIRE(log.size() == 5);  // robots.txt, 3 redirects, the page
    auto times = times_of(log);
    for (std::size_t i = 1; i < times.size(); ++i) CHECK(times[i] - times[i - 1] >= 0.3);
}

TEST_CASE("fetcher: a redirect to another host obeys that host's robots.txt", "[fetch][robots][redirect]") {
    TestServer probe;
    std::string robots = write_file(probe, "robots.txt", "User-agent: *\nDisallow: /private/\n");
    TestServer other({.robots_file = robots});
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.robots = true;
    FetchResult refused = fetch({.url = server.url("/hop/1?to=" + other.url("/private/x"))}, options);
    CHECK(refused.category == FailureCategory::robots);
    CHECK(refused.message.find("disallowed by robots.txt") != std::string::npos);
    CHECK(other.requests_for("/robots.txt").size() == 1);
    CHECK(other.requests_for("/private/x").empty());
    FetchResult allowed = fetch({.url = server.url("/hop/1?to=" + other.url("/public/y"))}, options);
    CHECK(allowed.ok());
    CHECK(allowed.final_url == other.url("/public/y"));
}

// --- client settings ------------------------------------------------------------------------

TEST_CASE("fetcher: user agent, headers and cookies of the options and of each request", "[fetch][client]") {
    TestServer server;
    std::string cookies = write_file(server, "cookies.txt",
                                     "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n");
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.user_agent = "base-agent/1";
    options.client.headers = {"X-Base: 1", "Accept-Language: en"};
    auto site = std::make_shared<ClientSettings>();
    site->user_agent = "site-agent/2";
    site->headers = {"Accept-Language: de", "X-Site: yes"};
    site->cookie_file = cookies;
    Fetcher fetcher(options);
    fetcher.run({{.url = server.url("/page/plain"), .tag = 0}, {.url = server.url("/page/site"), .tag = 1, .client = site}},
                [](FetchResult&& r) { CHECK(r.ok()); });
    auto plain = server.requests_for("/page/plain");
    auto with_site = server.requests_for("/page/site");
    REQUIRE(plain.size() == 1);
    REQUIRE(with_site.size() == 1);
    CHECK(plain[0].user_agent == "base-agent/1");
    CHECK(plain[0].headers["X-Base"] == "1");
    CHECK(plain[0].headers["Accept-Language"] == "en");
    CHECK(plain[0].headers.count("Cookie") == 0);
    CHECK(with_site[0].user_agent == "site-agent/2");
    CHECK(with_site[0].headers["X-Base"] == "1");
    CHECK(with_site[0].headers["X-Site"] == "yes");
    CHECK(with_site[0].headers["Accept-Language"] == "de");  // replaced, not sent twice
    CHECK(with_site[0].headers["Cookie"] == "session=abc123");
}

TEST_CASE("fetcher: a proxy is used, and no_proxy bypasses it", "[fetch][client][proxy]") {
    TestServer proxy;   // answers absolute-form requests: a proxy
    TestServer origin;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.client.proxy = proxy.url("");
    // A name that does not resolve: only the proxy can answer for it.
    FetchResult r = fetch({.url = "http://proxied.invalid/page/through", .user_chosen = true}, options);
    REQUIRE(r.ok());
    CHECK(r.body.find("Page through") != std::string::npos);
    auto log = proxy.log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].proxied);
    CHECK(log[0].path == "http://proxied.invalid/page/through");

    options.client.no_proxy = "127.0.0.1";
    CHECK(fetch({.url = origin.url("/page/direct"), .user_chosen = true}, options).ok());
    CHECK(origin.requests_for("/page/direct").size() == 1);
    CHECK(proxy.log().size() == 1);

    // Through a proxy the address cannot be checked, the URL can: a loopback literal is refused.
    options.allow_private_addresses = false;
    options.client.no_proxy = "";
    FetchResult blocked = fetch({.url = origin.url("/page/x")}, options);
    CHECK(blocked.category == FailureCategory::blocked_address);
    CHECK(proxy.log().size() == 1);
}

// --- numbers and strings from servers -------------------------------------------------------

TEST_CASE("fetcher: a huge Retry-After is over the cap, not an overflow", "[fetch][numbers]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    const std::string path = "/retry-after/huge?seconds=9223372036854775807";
    FetchResult r = fetch({.url = server.url(path)}, options);
    CHECK(r.category == FailureCategory::http_status);
    CHECK(r.attempts == 1);
    CHECK(server.requests_for(path).size() == 1);
    CHECK(r.message.find("Retry-After of 9223372036854775807 s is over the cap of 120 s") != std::string::npos);
}

TEST_CASE("fetcher: Crawl-delay is capped, with one warning, whatever the number", "[fetch][numbers][robots]") {
    for (const char* value : {"1e300", "100000", "inf", "nan", "-5"}) {
        INFO(value);
        TestServer probe;
        std::string robots = write_file(probe, "robots.txt", std::string("User-agent: *\nCrawl-delay: ") + value + "\n");
        TestServer server({.robots_file = robots});
        FetchOptions options = options_for_tests();
        options.allow_private_addresses = true;
        options.robots = true;
        options.host_delay = 0ms;
        options.max_crawl_delay = 300ms;
        std::vector<std::string> warnings;
        options.on_warning = [&](const std::string& w) { warnings.push_back(w); };
        Fetcher fetcher(options);
        auto start = std::chrono::steady_clock::now();
        int ok = 0;
        fetcher.run({{.url = server.url("/page/1"), .tag = 1}, {.url = server.url("/page/2"), .tag = 2},
                     {.url = server.url("/page/3"), .tag = 3}},
                    [&](FetchResult&& r) { ok += r.ok(); });
        CHECK(ok == 3);
        CHECK(seconds_since(start) < 3.0);
        bool capped = std::string(value) == "1e300" || std::string(value) == "100000";
        auto times = times_of(server.log());
        REQUIRE(times.size() == 4);
        if (capped) {
            REQUIRE(warnings.size() == 1);
            CHECK(warnings[0].find("Crawl-delay of " + std::string(value == std::string("1e300") ? "1e+300" : "100000")) !=
                  std::string::npos);
            CHECK(warnings[0].find("300 ms") != std::string::npos);
            for (std::size_t i = 1; i < times.size(); ++i) CHECK(times[i] - times[i - 1] >= 0.3);
        } else {
            CHECK(warnings.empty());  // not a number of seconds: ignored
        }
    }
}

TEST_CASE("fetcher: a status text with escape sequences reaches no message raw", "[fetch][strings]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    options.max_retries = 0;
    FetchResult r = fetch({.url = server.url("/status-text")}, options);
    CHECK(r.category == FailureCategory::http_status);
    CHECK(r.message.find("HTTP status 503 (Busy") != std::string::npos);
    for (char c : r.message) {
        INFO(r.message);
        CHECK(static_cast<unsigned char>(c) >= 0x20);
        CHECK(c != 0x7f);
    }
    CHECK(r.message.find("\xc2\x9b") == std::string::npos);  // no C1 control (CSI) either
}

TEST_CASE("fetcher: credentials in a URL are not kept in the final URL or messages", "[fetch][strings]") {
    TestServer server;
    FetchOptions options = options_for_tests();
    options.allow_private_addresses = true;
    std::string with_secret = "http://user:s3cret@127.0.0.1:" + std::to_string(server.port());
    FetchResult ok = fetch({.url = with_secret + "/redirect/1"}, options);
    REQUIRE(ok.ok());
    CHECK(ok.final_url == server.url("/page/redirected"));
    FetchResult missing = fetch({.url = with_secret + "/status/404"}, options);
    CHECK(missing.category == FailureCategory::http_status);
    CHECK(missing.final_url.find("s3cret") == std::string::npos);
    CHECK(missing.message.find("s3cret") == std::string::npos);
    CHECK(missing.message.starts_with(server.url("/status/404") + ": HTTP status 404"));
}
