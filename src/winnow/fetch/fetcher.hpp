// fetch: the fetcher `winnow run` and `winnow clean URL` use. One thread drives many libcurl
// transfers through the multi interface and is polite to every host: a global and a per-host
// limit on transfers at once, a minimum delay between two requests to one host (Crawl-delay
// when larger), robots.txt fetched once per host per Fetcher, retries with back-off for
// transient failures, and strict limits on time, redirects and size. Every request ends in one
// FetchResult that says exactly what happened.
//
// Usage for a batch (`winnow run`):
//
//     winnow::fetch::FetchOptions options;            // every limit, with defaults
//     options.user_agent = make_user_agent("https://example.org/contact");
//     winnow::fetch::Fetcher fetcher(options);        // one per run: robots.txt is cached in it
//     std::vector<FetchRequest> requests = {{.url = "https://example.org/a", .etag = stored, .tag = row_id}};
//     auto summary = fetcher.run(requests, [&](FetchResult&& r) { commit(r); }, stop_token, &stop_flag);
//
// The callback is called on the thread that called run(), once per finished request, as soon
// as it finishes (in completion order, not request order), so results can be committed one by
// one; while it runs no transfer makes progress, so keep it short (a SQLite commit is fine).
// It must not throw and must not call run() on the same Fetcher.
// Stopping (the stop_token is triggered or *stop_flag becomes true, e.g. from a SIGINT
// handler): no new transfer starts; transfers in flight may finish within
// FetchOptions::stop_grace and are delivered; the rest are abandoned. Abandoned and
// never-started requests are NOT delivered: their tags are listed in the summary, and the
// caller's state for them is unchanged, so the next run simply fetches them again.
//
// Politeness is per origin (scheme, host, port): the delay runs from when a request actually
// went out (plus 5 ms for jitter) to the next request's start. Redirects are followed by the
// fetcher itself, one hop at a time: every hop waits for its own host's delay and (with
// `robots`) obeys that host's robots.txt, as a request of its own would.
//
// Time: `total_timeout` bounds the whole fetch of a URL, from its first request to its result:
// every attempt, back-off wait and redirect hop. A retry that could not finish in time is not
// started.
//
// Safe targets: a URL the caller did not mark `user_chosen` (found in a feed or a sitemap) and
// every redirect target outside the user's URL's own origin may only reach global unicast addresses; loopback, private, link-local,
// multicast and unspecified addresses are refused (`blocked_address`) on the address actually
// connected to, unless `allow_private_addresses`. See fetch/address.hpp.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "winnow/util/limits.hpp"

namespace winnow::fetch {

using Milliseconds = std::chrono::milliseconds;

// Who winnow says it is and how it reaches a site. In FetchOptions for every request; a
// request may carry its own (a [[source]]'s or a profile's [fetch] table), whose set fields win.
struct ClientSettings {
    std::optional<std::string> user_agent;   // the User-Agent header
    std::vector<std::string> headers;        // "Name: value"; one of a name the base has replaces it
    std::optional<std::string> cookie_file;  // a Netscape cookie file (curl's, a browser export) read for every request
    std::optional<std::string> proxy;        // "http://host:port", "socks5h://host"; "" for none (not even the environment's)
    std::optional<std::string> no_proxy;     // hosts reached without the proxy: "example.org,.intra,10.0.0.1", "*"

    // `over`'s set fields on top of these (headers by name).
    ClientSettings merged(const ClientSettings& over) const;
};

struct FetchOptions {
    std::size_t max_transfers = 8;            // transfers at once, all hosts together
    std::size_t max_transfers_per_host = 2;   // transfers at once to one host (scheme, host, port)
    Milliseconds host_delay{1000};            // minimum time between two requests to one host
    bool robots = true;                       // fetch and obey robots.txt (off for a single URL)
    std::string robots_token = "winnow";      // the user-agent token matched against robots.txt groups
    std::string user_agent;                   // empty: make_user_agent("") (see below)
    Milliseconds connect_timeout{10'000};     // one connection (within what is left of total_timeout)
    Milliseconds total_timeout{30'000};       // the whole fetch of a URL: attempts, back-off and redirects (at least 1 ms)
    long low_speed_bytes = 100;               // abort when slower than this many bytes/s ...
    Milliseconds low_speed_time{15'000};      // ... for this long (libcurl counts whole seconds, min 1)
    long max_redirects = 10;
    std::size_t max_body_bytes = k_default_max_page_bytes;  // decoded bytes; reading stops beyond
    int max_retries = 3;                      // retries after the first attempt
    Milliseconds retry_base{1000};            // back-off: base * 2^(retry-1), times a jitter in [0.5, 1.5)
    Milliseconds retry_after_cap{120'000};    // a longer Retry-After is not waited for: the failure is final
    Milliseconds stop_grace{5000};            // after a stop, how long transfers in flight may finish
    Milliseconds max_crawl_delay{60'000};     // a larger robots.txt Crawl-delay is cut to this (with a warning)
    bool http2 = true;                        // HTTP/2 over TLS where the server offers it
    bool allow_private_addresses = false;     // let any URL reach loopback, private and link-local addresses
    ClientSettings client;                    // user_agent there wins over `user_agent` above
    // Called with one line (no "winnow:" prefix) for what a person should know but is no
    // failure: a capped Crawl-delay. On the thread that called run(); may be empty.
    std::function<void(const std::string&)> on_warning;
    // Called with a request's tag when work for it begins (each transfer of it, and the
    // robots.txt fetch it waits for), on the thread that called run(); may be empty. From then
    // until its result is delivered, what happens in the fetcher is this request's doing:
    // `winnow run` blames a death of the process on it.
    std::function<void(std::uint64_t tag)> on_start;
};

struct FetchRequest {
    std::string url;
    std::string etag;           // stored ETag: sent as If-None-Match
    std::string last_modified;  // stored Last-Modified: sent as If-Modified-Since
    std::uint64_t tag = 0;      // opaque to the fetcher; comes back in the result
    bool html_only = true;      // false for feeds, sitemaps, `winnow fetch`: any content type is kept
    // A URL the user wrote (command line, configuration): it may reach any address, as curl
    // does, and so may its redirects within its own origin (scheme, host, port). Redirects to
    // another origin are checked.
    bool user_chosen = false;
    std::shared_ptr<const ClientSettings> client;  // this request's own settings over FetchOptions::client
};

enum class FailureCategory {
    none,                // success (including 304 not modified)
    dns,                 // the host name does not resolve
    connect,             // cannot connect, or the connection broke (TLS included)
    timeout,             // connect or total timeout, or the low-speed abort
    http_status,         // a 4xx or 5xx status (after retries, if any)
    too_large,           // the body is over max_body_bytes
    not_html,            // html_only and the Content-Type is not HTML
    robots,              // robots.txt disallows the URL (or is unreachable: the host is off limits)
    redirect_loop,       // more than max_redirects redirects, or a loop
    unsupported_scheme,  // not http or https (the URL itself or a redirect target), or a bad URL
    blocked_address,     // the URL (not user_chosen) or a redirect target reaches a loopback, private, link-local, ... address
    other,               // anything else libcurl reports
};

// "dns", "connect", "timeout", "http_status", ... (the names in the README and in logs).
std::string_view category_name(FailureCategory category);

// The response headers later stages need, from the last response (after redirects).
struct ResponseHeaders {
    std::string content_type;   // as sent, e.g. "text/html; charset=ISO-8859-1"
    std::string etag;
    std::string last_modified;
    std::string retry_after;
};

struct FetchTiming {
    Milliseconds total{0};          // first attempt's start to the result, back-off waits included
    Milliseconds last_attempt{0};   // the last attempt's transfer time
    Milliseconds waited_to_start{0};  // from run() to the first attempt's start (queue, delays, robots)
};

struct FetchResult {
    std::uint64_t tag = 0;
    std::string url;        // as requested
    std::string final_url;  // after redirects (without user:password@)
    long status = 0;        // HTTP status of the last response, 0 when there was none
    bool not_modified = false;  // a 304 to a conditional request: body empty, headers as sent
    ResponseHeaders headers;
    std::string status_line;  // e.g. "HTTP/1.1 200 OK" (for `winnow fetch --headers`)
    std::vector<std::pair<std::string, std::string>> all_headers;  // of the last response, in order
    std::string body;       // decoded (gzip, deflate, brotli); empty for failures and 304
    FetchTiming timing;
    std::chrono::system_clock::time_point fetched_at{};  // when the last response ended (not set without a request)
    int attempts = 0;       // requests sent for this URL, redirect hops included (0 when robots or the scheme stopped it)
    int redirects = 0;      // redirects followed
    FailureCategory category = FailureCategory::none;
    std::string message;    // failures: one line, "URL: cause", without control characters

    bool ok() const { return category == FailureCategory::none; }
};

struct BatchSummary {
    std::size_t delivered = 0;                  // results passed to the callback
    std::vector<std::uint64_t> not_started;     // tags of requests never sent (or waiting to retry) at a stop
    std::vector<std::uint64_t> abandoned;       // tags of transfers cut off after stop_grace
    bool stopped = false;                       // a stop was requested
};

// A Retry-After value (RFC 9110 10.2.3: seconds, or an HTTP date) as a wait from `now`, in
// seconds, saturated at `cap_seconds + 1` so that no value overflows; nothing when it is neither.
std::optional<long long> parse_retry_after(std::string_view value, long long cap_seconds,
                                           std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// True when `host` is reached without the proxy under a no_proxy list as libcurl reads it:
// comma-separated names (a name matches itself and its subdomains, a leading dot is ignored),
// numeric addresses, "*" for every host.
bool no_proxy_matches(std::string_view no_proxy, std::string_view host);

// "winnow/VERSION (+CONTACT)"; with an empty contact, the project's home page.
std::string make_user_agent(std::string_view contact_url);

class Fetcher {
public:
    explicit Fetcher(FetchOptions options);
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Fetches every request and calls `on_result` for each as it finishes (see the file
    // comment). Robots.txt answers and per-host delays carry over from earlier run() calls
    // on this Fetcher (e.g. feeds first, then articles). Not reentrant.
    BatchSummary run(const std::vector<FetchRequest>& requests, const std::function<void(FetchResult&&)>& on_result,
                     std::stop_token stop = {}, const std::atomic<bool>* stop_flag = nullptr);

    const FetchOptions& options() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// One URL on its own Fetcher (robots as options.robots says; `winnow clean` and `winnow fetch`
// turn it off, as wget and curl do for a single URL).
FetchResult fetch_url(const FetchRequest& request, const FetchOptions& options);

}  // namespace winnow::fetch
