// The fetcher against the local test server (tests/server/winnow_test_server.py): every
// behaviour of issue 5, with short delays and timeouts so the whole file runs in seconds.
#include <catch2/catch.hpp>

#include <brotli/encode.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "support/quick_fetch.hpp"
#include "support/test_server.hpp"
#include "winnow/decode/decode.hpp"
#include "winnow/fetch/fetcher.hpp"

using namespace std::chrono_literals;
using winnow::fetch::BatchSummary;
using winnow::fetch::FailureCategory;
using winnow::fetch::Fetcher;
using winnow::fetch::FetchOptions;
using winnow::fetch::FetchRequest;
using winnow::fetch::FetchResult;
using winnow::test::LoggedRequest;
using winnow::test::TestServer;
using winnow::test::TestServerOptions;

namespace {

FetchOptions quick_options() {
    FetchOptions o = winnow::test::quick_fetch_options();
    o.allow_private_addresses = true;  // the test server is on loopback (test_fetch_safety.cpp tests the check)
    return o;
}

FetchResult fetch(const std::string& url, const FetchOptions& options = quick_options()) {
    return winnow::fetch::fetch_url(FetchRequest{.url = url}, options);
}

std::vector<FetchResult> fetch_all(Fetcher& fetcher, const std::vector<std::string>& urls) {
    std::vector<FetchRequest> requests;
    for (std::size_t i = 0; i < urls.size(); ++i) requests.push_back({.url = urls[i], .tag = i});
    std::vector<FetchResult> results(urls.size());
    fetcher.run(requests, [&](FetchResult&& r) { results.at(r.tag) = std::move(r); });
    return results;
}

std::string robots_file(const std::string& name) { return std::string(WINNOW_TESTS_DIR) + "/server/static/" + name; }

std::string write_temp(const TestServer& server, const std::string& name, const std::string& content) {
    auto path = server.work_dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

// A port nobody listens on: bound, then closed.
int closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// The smallest gap between two consecutive logged requests on one port (seconds).
double smallest_gap(const std::vector<LoggedRequest>& log, int port) {
    std::vector<double> times;
    for (const auto& r : log)
        if (r.port == port) times.push_back(r.time);
    std::sort(times.begin(), times.end());
    double gap = 1e9;
    for (std::size_t i = 1; i < times.size(); ++i) gap = std::min(gap, times[i] - times[i - 1]);
    return gap;
}

std::size_t count_path(const std::vector<LoggedRequest>& log, const std::string& path) {
    return std::count_if(log.begin(), log.end(), [&](const LoggedRequest& r) { return r.path == path; });
}

const std::string k_encoded_marker = "\xc3\x9cn\xc3\xaf\x63\xc3\xb6\x64\xc3\xa9 survives compression.";

}  // namespace

TEST_CASE("fetcher: a page, its status, headers, final URL, timing and our user agent", "[fetch]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.user_agent = winnow::fetch::make_user_agent("https://example.org/contact");
    FetchResult r = fetch(server.url("/static/article.html"), options);
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    CHECK(r.final_url == server.url("/static/article.html"));
    CHECK(r.body.find("A static test article") != std::string::npos);
    CHECK(r.headers.content_type == "text/html; charset=utf-8");
    CHECK(r.status_line == "HTTP/1.1 200 OK");
    CHECK(r.attempts == 1);
    CHECK(r.message.empty());
    CHECK(r.timing.total.count() >= 0);
    CHECK(std::chrono::system_clock::now() - r.fetched_at < 10s);
    auto log = server.log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].user_agent == "winnow/" WINNOW_VERSION " (+https://example.org/contact)");
    CHECK(log[0].accept.starts_with("text/html,"));
    CHECK(winnow::fetch::make_user_agent("").starts_with("winnow/" WINNOW_VERSION " (+http"));
}

TEST_CASE("fetcher: redirects are followed and the final URL kept, a loop and a long chain fail", "[fetch]") {
    TestServer server;
    FetchResult r = fetch(server.url("/redirect/3"));
    REQUIRE(r.ok());
    CHECK(r.final_url == server.url("/page/redirected"));
    CHECK(r.body.find("Page redirected") != std::string::npos);

    FetchResult loop = fetch(server.url("/loop/a"));
    CHECK(loop.category == FailureCategory::redirect_loop);
    CHECK(loop.message == server.url("/loop/a") + ": redirect loop (a Location repeats within 10 redirects)");
    CHECK(loop.attempts == 11);  // every hop is a request of its own
    CHECK(loop.redirects == 10);

    FetchResult chain = fetch(server.url("/redirect/12"));
    CHECK(chain.category == FailureCategory::redirect_loop);
    CHECK(chain.message == server.url("/redirect/12") + ": more than 10 redirects");
    // 10 redirects are allowed.
    CHECK(fetch(server.url("/redirect/10")).ok());
}

TEST_CASE("fetcher: gzip, deflate and brotli bodies are decoded", "[fetch]") {
    TestServer server;
    // Python's standard library has no brotli: the page is compressed here with libbrotlienc.
    FetchResult plain = fetch(server.url("/gzip"));
    REQUIRE(plain.ok());
    std::string page = plain.body;
    std::string compressed(BrotliEncoderMaxCompressedSize(page.size()), '\0');
    std::size_t size = compressed.size();
    REQUIRE(BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, page.size(),
                                  reinterpret_cast<const uint8_t*>(page.data()), &size,
                                  reinterpret_cast<uint8_t*>(compressed.data())));
    compressed.resize(size);
    write_temp(server, "page.br", compressed);

    for (const char* path : {"/gzip", "/deflate", "/brotli"}) {
        INFO(path);
        FetchResult r = fetch(server.url(path));
        REQUIRE(r.ok());
        CHECK(r.body.find(k_encoded_marker) != std::string::npos);
        CHECK(r.body == page);
    }
    auto sent = server.requests_for("/brotli");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].accept_encoding.find("br") != std::string::npos);
    CHECK(sent[0].accept_encoding.find("gzip") != std::string::npos);
}

TEST_CASE("fetcher: the Content-Type charset is kept for the decoder", "[fetch]") {
    TestServer server;
    FetchResult latin = fetch(server.url("/charset/latin1"));
    REQUIRE(latin.ok());
    CHECK(winnow::decode::charset_from_content_type(latin.headers.content_type) == "iso-8859-1");
    CHECK(latin.body.find("Caf\xe9 cr\xe8me") != std::string::npos);  // raw bytes, not converted
    CHECK(winnow::decode::charset_from_content_type(fetch(server.url("/charset/quoted")).headers.content_type) ==
          "utf-8");
}

TEST_CASE("fetcher: slow answers within the limit are fine, the total timeout is a timeout", "[fetch]") {
    TestServer server;
    CHECK(fetch(server.url("/slow?delay=0.3")).ok());
    CHECK(fetch(server.url("/trickle?chunks=3&pause=0.1")).ok());
    FetchOptions options = quick_options();
    options.total_timeout = 300ms;
    options.max_retries = 1;
    FetchResult r = fetch(server.url("/slow?delay=2"), options);
    CHECK(r.category == FailureCategory::timeout);
    // The timeout bounds the whole fetch: the first attempt used it all, so no retry.
    CHECK(r.attempts == 1);
    CHECK(server.requests_for("/slow?delay=2").size() == 1);
    CHECK(r.message.starts_with(server.url("/slow?delay=2") + ": timed out: "));
    CHECK(r.message.ends_with("the timeout of 300 ms leaves no time for another)"));

}

TEST_CASE("fetcher: a stalled response is aborted by the low-speed limit", "[fetch]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.low_speed_bytes = 1000;
    options.low_speed_time = 1000ms;
    options.total_timeout = 20'000ms;
    options.max_retries = 0;
    auto start = std::chrono::steady_clock::now();
    FetchResult r = fetch(server.url("/stall"), options);
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(r.category == FailureCategory::timeout);
    CHECK(r.message.find("too slow") != std::string::npos);
    CHECK(took < 5s);
    CHECK(r.body.empty());
}

TEST_CASE("fetcher: bodies over the limit fail as too large, with or without Content-Length", "[fetch]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.max_body_bytes = 100'000;
    for (const char* path : {"/big?bytes=300000", "/big?bytes=300000&length=0"}) {
        INFO(path);
        FetchResult r = fetch(server.url(path), options);
        CHECK(r.category == FailureCategory::too_large);
        CHECK(r.message == server.url(path) + ": body is over the limit of 100000 bytes");
        CHECK(r.body.empty());
        CHECK(r.attempts == 1);
    }
    FetchResult fits = fetch(server.url("/big?bytes=100000"), options);
    REQUIRE(fits.ok());
    CHECK(fits.body.size() == 100'000);
}

TEST_CASE("fetcher: 404 is final, 500 and 503 are retried up to 3 times", "[fetch]") {
    TestServer server;
    FetchResult missing = fetch(server.url("/status/404"));
    CHECK(missing.category == FailureCategory::http_status);
    CHECK(missing.status == 404);
    CHECK(missing.attempts == 1);
    CHECK(missing.message == server.url("/status/404") + ": HTTP status 404 (Not Found)");
    CHECK(server.requests_for("/status/404").size() == 1);
    CHECK(fetch(server.url("/status/410")).attempts == 1);

    for (const char* path : {"/status/500", "/status/503"}) {
        INFO(path);
        FetchResult r = fetch(server.url(path));
        CHECK(r.category == FailureCategory::http_status);
        CHECK(r.attempts == 4);
        CHECK(server.requests_for(path).size() == 4);
    }
}

TEST_CASE("fetcher: transient failures recover on retry, back-off grows", "[fetch]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.retry_base = 100ms;
    FetchResult r = fetch(server.url("/flaky/a?fail=2&status=503"), options);
    REQUIRE(r.ok());
    CHECK(r.attempts == 3);
    auto sent = server.requests_for("/flaky/a?fail=2&status=503");
    REQUIRE(sent.size() == 3);
    // Back-off: 100 ms then 200 ms, each times a jitter in [0.5, 1.5).
    CHECK(sent[1].time - sent[0].time >= 0.045);
    CHECK(sent[2].time - sent[1].time >= 0.095);

    FetchResult gateway = fetch(server.url("/flaky/b?fail=1&status=502"));
    CHECK(gateway.ok());
    CHECK(gateway.attempts == 2);

    FetchResult dropped = fetch(server.url("/drop/c?fail=1"));  // connection closed with no answer
    CHECK(dropped.ok());
    CHECK(dropped.attempts == 2);
}

TEST_CASE("fetcher: 429 with Retry-After in seconds or as an HTTP date is waited for, up to a cap", "[fetch]") {
    TestServer server;
    FetchResult r = fetch(server.url("/retry-after/a?seconds=1"));
    REQUIRE(r.ok());
    CHECK(r.attempts == 2);
    auto sent = server.requests_for("/retry-after/a?seconds=1");
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].time - sent[0].time >= 0.99);

    // An HTTP date has a one-second resolution: two seconds ahead means at least one.
    FetchResult dated = fetch(server.url("/retry-after/b?seconds=2&date=1"));
    REQUIRE(dated.ok());
    auto dated_sent = server.requests_for("/retry-after/b?seconds=2&date=1");
    REQUIRE(dated_sent.size() == 2);
    CHECK(dated_sent[1].time - dated_sent[0].time >= 0.99);

    FetchOptions capped = quick_options();
    capped.retry_after_cap = 2000ms;
    FetchResult over = fetch(server.url("/retry-after/c?seconds=100"), capped);
    CHECK(over.category == FailureCategory::http_status);
    CHECK(over.status == 429);
    CHECK(over.attempts == 1);
    CHECK(over.headers.retry_after == "100");
    CHECK(over.message == server.url("/retry-after/c?seconds=100") +
                              ": HTTP status 429 (Too Many Requests), and its Retry-After of 100 s is over the cap of 2 s");
}

TEST_CASE("fetcher: stored ETag and Last-Modified make conditional requests, 304 is not modified", "[fetch]") {
    TestServer server;
    FetchResult first = fetch(server.url("/etag"));
    REQUIRE(first.ok());
    CHECK_FALSE(first.not_modified);
    CHECK(first.headers.etag == "\"v1-abc\"");
    CHECK(first.headers.last_modified == "Wed, 21 Oct 2026 07:28:00 GMT");

    FetchResult by_etag = winnow::fetch::fetch_url({.url = server.url("/etag"), .etag = first.headers.etag}, quick_options());
    REQUIRE(by_etag.ok());
    CHECK(by_etag.not_modified);
    CHECK(by_etag.status == 304);
    CHECK(by_etag.body.empty());
    CHECK(by_etag.headers.etag == "\"v1-abc\"");

    FetchResult by_date =
        winnow::fetch::fetch_url({.url = server.url("/etag"), .last_modified = first.headers.last_modified}, quick_options());
    CHECK(by_date.not_modified);

    FetchResult stale = winnow::fetch::fetch_url({.url = server.url("/etag"), .etag = "\"old\""}, quick_options());
    CHECK_FALSE(stale.not_modified);
    CHECK(stale.status == 200);

    auto sent = server.requests_for("/etag");
    REQUIRE(sent.size() == 4);
    CHECK(sent[0].if_none_match.empty());
    CHECK(sent[1].if_none_match == "\"v1-abc\"");
    CHECK(sent[2].if_modified_since == "Wed, 21 Oct 2026 07:28:00 GMT");
}

TEST_CASE("fetcher: non-HTML content types are skipped with a reason unless asked for", "[fetch]") {
    TestServer server;
    for (const char* kind : {"pdf", "png", "json", "plain"}) {
        INFO(kind);
        std::string url = server.url(std::string("/type/") + kind);
        FetchResult r = fetch(url);
        CHECK(r.category == FailureCategory::not_html);
        CHECK(r.body.empty());
        CHECK(r.message.starts_with(url + ": content type '"));
        CHECK(r.message.ends_with("' is not HTML"));
    }
    CHECK(fetch(server.url("/type/pdf")).message.find("application/pdf") != std::string::npos);
    CHECK(fetch(server.url("/type/xhtml")).ok());
    CHECK(fetch(server.url("/type/none")).ok());  // no type: left to the decoder's sniffing
    FetchResult feed = winnow::fetch::fetch_url({.url = server.url("/type/xml"), .html_only = false}, quick_options());
    REQUIRE(feed.ok());
    CHECK(feed.body.find("<rss") != std::string::npos);
    // Not HTML but not 2xx: the status is what failed.
    CHECK(fetch(server.url("/status/404")).category == FailureCategory::http_status);
}

TEST_CASE("fetcher: only http and https, bad URLs fail without a request", "[fetch]") {
    TestServer server;
    FetchResult ftp = fetch("ftp://127.0.0.1/file.html");
    CHECK(ftp.category == FailureCategory::unsupported_scheme);
    CHECK(ftp.attempts == 0);
    CHECK(ftp.message == "ftp://127.0.0.1/file.html: unsupported URL scheme 'ftp' (only http and https)");
    FetchResult garbage = fetch("not a url");
    CHECK(garbage.category == FailureCategory::unsupported_scheme);
    CHECK(garbage.message == "not a url: not a valid URL");
    FetchResult redirected = fetch(server.url("/to-ftp"));
    CHECK(redirected.category == FailureCategory::unsupported_scheme);
    CHECK(redirected.message.starts_with(server.url("/to-ftp") + ": redirected to an unsupported scheme"));
}

TEST_CASE("fetcher: connection refused and unknown hosts", "[fetch]") {
    FetchOptions options = quick_options();
    options.max_retries = 1;
    std::string url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
    FetchResult refused = fetch(url, options);
    CHECK(refused.category == FailureCategory::connect);
    CHECK(refused.attempts == 2);  // connection errors are retried
    CHECK(refused.message.starts_with(url + ": connection failed: "));

    FetchResult unknown = fetch("http://winnow-test-host.invalid/page", options);
    CHECK(unknown.category == FailureCategory::dns);
    CHECK(unknown.attempts == 1);
    CHECK(unknown.message.starts_with("http://winnow-test-host.invalid/page: DNS lookup failed: "));
}

TEST_CASE("fetcher: robots.txt is fetched once per host and disallowed URLs are never requested", "[fetch][robots]") {
    TestServer server({.ports = 1, .robots_file = robots_file("robots-rules.txt")});
    FetchOptions options = quick_options();
    options.robots = true;
    Fetcher fetcher(options);
    auto results = fetch_all(fetcher, {server.url("/public/a"), server.url("/private/secret"), server.url("/private/open/b"),
                                       server.url("/docs/report.pdf"), server.url("/public/c")});
    CHECK(results[0].ok());
    CHECK(results[1].category == FailureCategory::robots);
    CHECK(results[1].attempts == 0);
    CHECK(results[1].message == server.url("/private/secret") + ": disallowed by robots.txt");
    CHECK(results[2].ok());  // Allow: /private/open is longer than Disallow: /private/
    CHECK(results[3].category == FailureCategory::robots);
    CHECK(results[4].ok());
    // A second batch on the same fetcher (one run) does not fetch robots.txt again.
    auto again = fetch_all(fetcher, {server.url("/private/secret"), server.url("/public/d")});
    CHECK(again[0].category == FailureCategory::robots);
    CHECK(again[1].ok());

    auto log = server.log();
    CHECK(count_path(log, "/robots.txt") == 1);
    CHECK(count_path(log, "/private/secret") == 0);
    CHECK(count_path(log, "/docs/report.pdf") == 0);
    CHECK(count_path(log, "/private/open/b") == 1);
    CHECK(log.front().path == "/robots.txt");
}

TEST_CASE("fetcher: robots.txt 4xx allows all, 5xx or unreachable disallows all for the run", "[fetch][robots]") {
    FetchOptions options = quick_options();
    options.robots = true;
    {
        TestServer server({.robots_status = 404});
        Fetcher fetcher(options);
        CHECK(fetch_all(fetcher, {server.url("/private/x")})[0].ok());
    }
    {
        TestServer server({.robots_status = 503});
        Fetcher fetcher(options);
        auto results = fetch_all(fetcher, {server.url("/public/x"), server.url("/public/y")});
        for (auto& r : results) {
            CHECK(r.category == FailureCategory::robots);
            CHECK(r.message.find("robots.txt of http://127.0.0.1:" + std::to_string(server.port()) + " is") !=
                  std::string::npos);
            CHECK(r.message.find("is unavailable (HTTP status 503), so the host is off limits for this run") !=
                  std::string::npos);
        }
        auto log = server.log();
        CHECK(count_path(log, "/robots.txt") == 1);  // not retried within the run
        CHECK(log.size() == 1);
    }
    {
        std::string url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/page";
        Fetcher fetcher(options);
        FetchResult r = fetch_all(fetcher, {url})[0];
        CHECK(r.category == FailureCategory::robots);
        CHECK(r.message.starts_with(url + ": robots.txt of http://127.0.0.1:"));
        CHECK(r.attempts == 0);
    }
}

TEST_CASE("fetcher: a robots.txt over 512 KiB is read up to the limit, not refused", "[fetch][robots]") {
    TestServer probe;  // only for its work folder
    std::string text = "User-agent: *\nDisallow: /private/\n";
    while (text.size() < 700 * 1024) text += "# padding padding padding padding padding padding padding\n";
    text += "Disallow: /public/\n";  // beyond the limit: ignored
    TestServer server({.robots_file = write_temp(probe, "robots.txt", text)});
    FetchOptions options = quick_options();
    options.robots = true;
    Fetcher fetcher(options);
    auto results = fetch_all(fetcher, {server.url("/public/a"), server.url("/private/b")});
    CHECK(results[0].ok());
    CHECK(results[1].category == FailureCategory::robots);
    CHECK(results[1].message == server.url("/private/b") + ": disallowed by robots.txt");
}

TEST_CASE("fetcher: the per-host delay is kept and hosts are fetched in parallel", "[fetch][delay]") {
    TestServer server({.ports = 2});
    FetchOptions options = quick_options();
    options.host_delay = 200ms;
    std::vector<std::string> urls;
    for (int i = 0; i < 4; ++i)
        for (std::size_t port = 0; port < 2; ++port) urls.push_back(server.url("/page/" + std::to_string(i), port));
    Fetcher fetcher(options);
    auto start = std::chrono::steady_clock::now();
    auto results = fetch_all(fetcher, urls);
    auto took = std::chrono::steady_clock::now() - start;
    for (auto& r : results) CHECK(r.ok());
    auto log = server.log();
    REQUIRE(log.size() == 8);
    for (auto& r : log) CHECK(r.kernel_time);  // arrival times, not the server thread's scheduling
    CHECK(smallest_gap(log, server.port(0)) >= 0.2);
    CHECK(smallest_gap(log, server.port(1)) >= 0.2);
    // Two hosts in parallel: about 3 delays, not 7.
    CHECK(took >= 600ms);
    CHECK(took < 1200ms);
}

TEST_CASE("fetcher: a larger Crawl-delay wins over the configured delay", "[fetch][delay][robots]") {
    TestServer probe;  // only for its work folder
    std::string robots = write_temp(probe, "robots.txt", "User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n");
    TestServer server({.robots_file = robots});
    FetchOptions options = quick_options();
    options.robots = true;
    options.host_delay = 50ms;
    Fetcher fetcher(options);
    auto results = fetch_all(fetcher, {server.url("/page/1"), server.url("/page/2"), server.url("/page/3")});
    for (auto& r : results) CHECK(r.ok());
    auto log = server.log();
    REQUIRE(log.size() == 4);
    CHECK(smallest_gap(log, server.port()) >= 0.3);
}

TEST_CASE("fetcher: global and per-host limits on transfers at once", "[fetch][limits]") {
    TestServer server({.ports = 2});
    auto timed = [&](std::size_t global, std::size_t per_host, const std::vector<std::string>& urls) {
        FetchOptions options = quick_options();
        options.max_transfers = global;
        options.max_transfers_per_host = per_host;
        Fetcher fetcher(options);
        auto start = std::chrono::steady_clock::now();
        for (auto& r : fetch_all(fetcher, urls)) CHECK(r.ok());
        return std::chrono::steady_clock::now() - start;
    };
    std::vector<std::string> one_host(3, server.url("/slow?delay=0.3"));
    CHECK(timed(8, 1, one_host) >= 900ms);  // one at a time
    CHECK(timed(8, 3, one_host) < 800ms);   // all three at once
    std::vector<std::string> two_hosts = {server.url("/slow?delay=0.3", 0), server.url("/slow?delay=0.3", 1)};
    CHECK(timed(1, 2, two_hosts) >= 600ms);
    CHECK(timed(2, 2, two_hosts) < 550ms);
}

TEST_CASE("fetcher: connections to a host are reused", "[fetch][limits]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.max_transfers_per_host = 1;
    Fetcher fetcher(options);
    auto results = fetch_all(fetcher, {server.url("/page/1"), server.url("/page/2"), server.url("/page/3"), server.url("/page/4")});
    for (auto& r : results) CHECK(r.ok());
    std::set<int> client_ports;
    for (auto& r : server.log()) client_ports.insert(r.client_port);
    CHECK(client_ports.size() == 1);
}

TEST_CASE("fetcher: results are delivered as each finishes", "[fetch][batch]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.host_delay = 250ms;
    Fetcher fetcher(options);
    std::vector<std::chrono::steady_clock::time_point> delivered;
    std::vector<FetchRequest> requests;
    for (std::uint64_t i = 0; i < 3; ++i) requests.push_back({.url = server.url("/page/" + std::to_string(i)), .tag = 100 + i});
    std::set<std::uint64_t> tags;
    BatchSummary summary = fetcher.run(requests, [&](FetchResult&& r) {
        delivered.push_back(std::chrono::steady_clock::now());
        tags.insert(r.tag);
    });
    auto end = std::chrono::steady_clock::now();
    REQUIRE(delivered.size() == 3);
    CHECK(summary.delivered == 3);
    CHECK_FALSE(summary.stopped);
    CHECK(tags == std::set<std::uint64_t>{100, 101, 102});
    CHECK(end - delivered[0] >= 400ms);  // the first result came two delays before the end
}

TEST_CASE("fetcher: a stop starts nothing new, what was not sent is listed, not delivered", "[fetch][batch]") {
    TestServer server;
    FetchOptions options = quick_options();
    options.host_delay = 100ms;
    std::vector<FetchRequest> requests;
    for (std::uint64_t i = 0; i < 10; ++i) requests.push_back({.url = server.url("/page/s" + std::to_string(i)), .tag = i});

    SECTION("with a stop_token") {
        Fetcher fetcher(options);
        std::stop_source stop;
        std::size_t delivered = 0;
        BatchSummary summary = fetcher.run(requests, [&](FetchResult&&) {
            if (++delivered == 2) stop.request_stop();
        }, stop.get_token());
        CHECK(summary.stopped);
        CHECK(summary.delivered == delivered);
        CHECK(delivered >= 2);
        CHECK(delivered < 10);
        CHECK(summary.delivered + summary.not_started.size() + summary.abandoned.size() == 10);
        CHECK(server.log().size() == summary.delivered + summary.abandoned.size());
    }
    SECTION("with an atomic flag set from another thread (as a signal handler would)") {
        Fetcher fetcher(options);
        std::atomic<bool> flag{false};
        std::jthread setter([&] {
            std::this_thread::sleep_for(250ms);
            flag = true;
        });
        auto start = std::chrono::steady_clock::now();
        BatchSummary summary = fetcher.run(requests, [](FetchResult&&) {}, {}, &flag);
        CHECK(std::chrono::steady_clock::now() - start < 600ms);
        CHECK(summary.stopped);
        CHECK(summary.delivered >= 2);
        CHECK(summary.delivered <= 4);
        CHECK(summary.delivered + summary.not_started.size() + summary.abandoned.size() == 10);
    }
    SECTION("transfers in flight within the grace period finish and are delivered") {
        std::stop_source stop;
        std::jthread stopper([&] {
            std::this_thread::sleep_for(100ms);
            stop.request_stop();
        });
        std::vector<FetchRequest> slow = {{.url = server.url("/slow?delay=0.4"), .tag = 1},
                                          {.url = server.url("/page/after-stop"), .tag = 2}};
        options.max_transfers_per_host = 1;
        Fetcher one_at_a_time(options);
        std::vector<std::uint64_t> delivered;
        BatchSummary summary = one_at_a_time.run(slow, [&](FetchResult&& r) {
            CHECK(r.ok());
            delivered.push_back(r.tag);
        }, stop.get_token());
        CHECK(delivered == std::vector<std::uint64_t>{1});
        CHECK(summary.not_started == std::vector<std::uint64_t>{2});
        CHECK(summary.abandoned.empty());
        CHECK(server.requests_for("/page/after-stop").empty());
    }
    SECTION("a transfer that fails during the grace period is listed, not retried") {
        Fetcher fetcher(options);
        std::stop_source stop;
        std::jthread stopper([&] {
            std::this_thread::sleep_for(100ms);
            stop.request_stop();
        });
        std::string url = server.url("/flaky/g?fail=9&status=503&delay=0.3");
        std::size_t delivered = 0;
        BatchSummary summary = fetcher.run({{.url = url, .tag = 5}}, [&](FetchResult&&) { ++delivered; }, stop.get_token());
        CHECK(delivered == 0);
        CHECK(summary.not_started == std::vector<std::uint64_t>{5});
        CHECK(summary.abandoned.empty());
        CHECK(server.requests_for("/flaky/g?fail=9&status=503&delay=0.3").size() == 1);
    }
    SECTION("transfers in flight past the grace period are abandoned") {
        options.stop_grace = 200ms;
        Fetcher fetcher(options);
        std::stop_source stop;
        std::jthread stopper([&] {
            std::this_thread::sleep_for(100ms);
            stop.request_stop();
        });
        auto start = std::chrono::steady_clock::now();
        BatchSummary summary = fetcher.run({{.url = server.url("/slow?delay=3"), .tag = 7}}, [](FetchResult&&) {}, stop.get_token());
        CHECK(std::chrono::steady_clock::now() - start < 1000ms);
        CHECK(summary.delivered == 0);
        CHECK(summary.abandoned == std::vector<std::uint64_t>{7});
    }
}

TEST_CASE("fetcher: every failure message is one line naming the URL and the cause", "[fetch]") {
    TestServer server({.robots_file = robots_file("robots-rules.txt")});
    FetchOptions options = quick_options();
    options.max_retries = 0;
    options.max_body_bytes = 1000;
    options.total_timeout = 300ms;
    options.robots = true;
    std::map<std::string, FailureCategory> cases = {
        {server.url("/status/404"), FailureCategory::http_status},
        {server.url("/big?bytes=5000"), FailureCategory::too_large},
        {server.url("/type/pdf"), FailureCategory::not_html},
        {server.url("/private/x"), FailureCategory::robots},
        {server.url("/loop/a"), FailureCategory::redirect_loop},
        {server.url("/slow?delay=2"), FailureCategory::timeout},
        {"gopher://127.0.0.1/", FailureCategory::unsupported_scheme},
        {"http://127.0.0.1:" + std::to_string(closed_port()) + "/", FailureCategory::robots},
        {"http://winnow-test-host.invalid/", FailureCategory::robots},
    };
    std::vector<std::string> urls;
    for (auto& [url, category] : cases) urls.push_back(url);
    Fetcher fetcher(options);
    auto results = fetch_all(fetcher, urls);
    for (std::size_t i = 0; i < urls.size(); ++i) {
        INFO(urls[i] << " -> " << results[i].message);
        CHECK(results[i].category == cases[urls[i]]);
        CHECK(results[i].message.starts_with(urls[i] + ": "));
        CHECK(results[i].message.size() > urls[i].size() + 8);
        CHECK(results[i].message.find('\n') == std::string::npos);
        CHECK(winnow::fetch::category_name(results[i].category) != "none");
    }
    // Without robots the unreachable hosts show their own categories.
    options.robots = false;
    CHECK(fetch("http://winnow-test-host.invalid/", options).category == FailureCategory::dns);
}
