#include "winnow/fetch/fetcher.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <map>
#include <random>
#include <unordered_map>

#include "winnow/fetch/address.hpp"
#include "winnow/fetch/robots.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/test_hooks.hpp"
#include "winnow/util/url.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::fetch {
namespace {

using Clock = std::chrono::steady_clock;

// robots.txt is read up to this size (RFC 9309 asks for at least 500 KiB) and through at most
// this many redirects (the RFC's five).
constexpr std::size_t k_robots_max_bytes = 512 * 1024;
constexpr long k_robots_max_redirects = 5;
// Added to every per-host delay: the server sees our requests with the jitter of the network
// and of its own scheduling (a few ms on a loaded machine), and the gap it sees is the one
// that must be at least the delay.
constexpr Milliseconds k_delay_margin{5};
// The loop looks at the stop flag at least this often (a signal handler can only set a flag).
constexpr Milliseconds k_max_poll{50};
// Statuses followed as redirects (all requests are GETs, so 303 and 307/308 mean the same).
constexpr long k_redirect_statuses[] = {301, 302, 303, 307, 308};
// The shortest time one attempt is given: libcurl reads a timeout of 0 as "none".
constexpr Milliseconds k_min_timeout{1};
// Statuses worth another try: rate limiting and the server errors that are usually transient.
constexpr long k_retry_statuses[] = {429, 500, 502, 503, 504};
// What browsers send; some sites answer differently to clients that accept anything.
constexpr const char* k_accept_html = "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
constexpr const char* k_home_page = "https://github.com/winnow-extract/winnow";

using ascii::trim;

// Messages are one printable line whatever libcurl or a server put in them: a status text with
// escape sequences must not reach a terminal or a log as it came.
std::string one_line(const std::string& text) { return utf8::printable_line(text); }

void init_curl_once() {
    static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)initialised;
}

struct ParsedUrl {
    std::string origin;          // scheme://host:port, the unit of politeness and of robots.txt
    std::string path_and_query;  // for robots.txt matching
    std::string scheme;
    std::string host;
};

// Parses with libcurl's own URL parser (util/url) so that we and libcurl agree on what the URL means.
std::optional<ParsedUrl> parse_http_url(const std::string& text, std::string& why) {
    auto url = url::Url::parse(text);
    if (!url) {
        why = "not a valid URL";
        return std::nullopt;
    }
    const std::string scheme = url->scheme();
    if (scheme != "http" && scheme != "https") {
        why = "unsupported URL scheme '" + scheme + "' (only http and https)";
        return std::nullopt;
    }
    const std::string host = url->host();
    if (host.empty()) {
        why = "the URL has no host";
        return std::nullopt;
    }
    ParsedUrl parsed;
    parsed.origin = scheme + "://" + host + ":" + url->effective_port();
    parsed.scheme = scheme;
    parsed.host = host;
    parsed.path_and_query = url->path();
    if (std::string query = url->query(); !query.empty()) parsed.path_and_query += "?" + query;
    return parsed;
}

bool is_html_type(std::string_view content_type) {
    std::string media = ascii::lower(trim(content_type.substr(0, content_type.find(';'))));
    return media.empty() || media == "text/html" || media == "application/xhtml+xml";
}

bool is_retry_status(long status) {
    return std::find(std::begin(k_retry_statuses), std::end(k_retry_statuses), status) != std::end(k_retry_statuses);
}

bool is_redirect_status(long status) {
    return std::find(std::begin(k_redirect_statuses), std::end(k_redirect_statuses), status) != std::end(k_redirect_statuses);
}

std::string seconds_text(Milliseconds ms) {
    if (ms.count() % 1000 == 0) return std::to_string(ms.count() / 1000) + " s";
    return std::to_string(ms.count()) + " ms";
}

// The header's name, lower case: "User-Agent: x" -> "user-agent".
std::string header_name(std::string_view header) { return ascii::lower(trim(header.substr(0, header.find(':')))); }

// The proxy libcurl would take from the environment for this scheme (it reads the same
// variables; we read them ourselves so that we know whether a proxy is in the way).
std::string environment_proxy(const std::string& scheme) {
    auto get = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value ? value : "";
    };
    // libcurl reads only the lower-case http_proxy (HTTP_PROXY can be set by a CGI request's Proxy header).
    std::string proxy = scheme == "https" ? get("https_proxy") : get("http_proxy");
    if (proxy.empty() && scheme == "https") proxy = get("HTTPS_PROXY");
    if (proxy.empty()) proxy = get("all_proxy");
    if (proxy.empty()) proxy = get("ALL_PROXY");
    return proxy;
}

std::string environment_no_proxy() {
    const char* lower = std::getenv("no_proxy");
    if (lower && *lower) return lower;
    const char* upper = std::getenv("NO_PROXY");
    return upper ? upper : "";
}

// One URL's fetch; a redirect hop is the same job moved to the target's host.
struct Job {
    FetchRequest request;
    std::string url;             // this hop's URL (request.url for the first)
    std::string scheme, host;    // this hop's
    std::string origin;          // this hop's
    std::string first_origin;    // the requested URL's
    std::string path_and_query;  // this hop's
    int attempts = 0;            // requests sent for this hop
    int requests = 0;            // requests sent for the whole fetch
    int hops = 0;                // redirects followed
    std::vector<std::string> chain;  // the URLs redirected from, to name a loop
    Clock::time_point not_before{};
    Clock::time_point first_start{};
    Clock::time_point deadline = Clock::time_point::max();  // first_start + total_timeout
    bool robots_file = false;  // the fetcher's own robots.txt request, never delivered
    bool check_address = true; // only global addresses may be reached (see FetchRequest::user_chosen)
    ClientSettings client;     // resolved settings of the request
};

struct Transfer {
    CURL* easy = nullptr;
    Job job;
    std::string body;
    std::size_t max_body = 0;
    bool checked_type = false;
    bool too_large = false;
    bool not_html = false;
    std::string status_line;
    std::vector<std::string> locations;
    curl_slist* request_headers = nullptr;
    char error[CURL_ERROR_SIZE] = {};
    std::string blocked;           // why a connection was refused by the address check
    bool via_proxy = false;        // connections go to the proxy: its address is not checked
    bool* host_private = nullptr;  // set when a connection (allowed) goes to a non-global address
    Clock::time_point started{};
    bool sent = false;  // the request has gone out (the host's delay then counts from then)
    Clock::time_point sent_at{};  // when it was seen to have gone out (never earlier than it did)
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    if (!transfer->checked_type) {
        transfer->checked_type = true;
        long status = 0;
        curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
        char* type = nullptr;
        curl_easy_getinfo(transfer->easy, CURLINFO_CONTENT_TYPE, &type);
        // A PDF or an image is not downloaded only to be thrown away.
        if (transfer->job.request.html_only && status >= 200 && status < 300 && !is_html_type(type ? type : "")) {
            transfer->not_html = true;
            return 0;
        }
    }
    if (transfer->body.size() + n > transfer->max_body) {
        std::size_t room = transfer->max_body - transfer->body.size();
        transfer->body.append(data, room);  // robots.txt is parsed up to its limit
        transfer->too_large = true;
        return 0;
    }
    transfer->body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    std::string_view line = trim(std::string_view(data, n));
    if (line.starts_with("HTTP/")) transfer->status_line = std::string(line);
    else if (line.size() > 9 && ascii::istarts_with(line, "location:")) transfer->locations.emplace_back(trim(line.substr(9)));
    return n;
}

// Every connection libcurl opens comes through here, after name resolution, so the address
// checked is the one connected to (no DNS rebinding between a check and the connection).
curl_socket_t open_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
    auto* transfer = static_cast<Transfer*>(user);
    if (purpose == CURLSOCKTYPE_IPCXN) {
        AddressClass kind = classify_address(&address->addr);
        if (kind != AddressClass::global && !transfer->via_proxy) {
            if (transfer->job.check_address) {
                transfer->blocked = std::string(address_class_name(kind)) + " address";
                return CURL_SOCKET_BAD;
            }
            // A connection kept for reuse must not carry a checked request there later.
            if (transfer->host_private) *transfer->host_private = true;
        }
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

std::string header_value(CURL* easy, const char* name) {
    curl_header* header = nullptr;
    if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || !header) return {};
    return header->value ? header->value : "";
}

}  // namespace

std::string_view category_name(FailureCategory category) {
    switch (category) {
        case FailureCategory::none: return "none";
        case FailureCategory::dns: return "dns";
        case FailureCategory::connect: return "connect";
        case FailureCategory::timeout: return "timeout";
        case FailureCategory::http_status: return "http_status";
        case FailureCategory::too_large: return "too_large";
        case FailureCategory::not_html: return "not_html";
        case FailureCategory::robots: return "robots";
        case FailureCategory::redirect_loop: return "redirect_loop";
        case FailureCategory::unsupported_scheme: return "unsupported_scheme";
        case FailureCategory::blocked_address: return "blocked_address";
        case FailureCategory::other: return "other";
    }
    return "other";
}

ClientSettings ClientSettings::merged(const ClientSettings& over) const {
    ClientSettings out = *this;
    if (over.user_agent) out.user_agent = over.user_agent;
    if (over.cookie_file) out.cookie_file = over.cookie_file;
    if (over.proxy) out.proxy = over.proxy;
    if (over.no_proxy) out.no_proxy = over.no_proxy;
    for (const std::string& header : over.headers) {
        std::string name = header_name(header);
        std::erase_if(out.headers, [&](const std::string& h) { return header_name(h) == name; });
        out.headers.push_back(header);
    }
    return out;
}

std::optional<long long> parse_retry_after(std::string_view value, long long cap_seconds, std::chrono::system_clock::time_point now) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    const long long saturated = cap_seconds < 0 ? 0 : cap_seconds + 1;
    if (ascii::is_all_digits(value)) {
        long long seconds = 0;
        for (char c : value) {
            seconds = seconds * 10 + (c - '0');
            if (seconds >= saturated) return saturated;  // stops long before any overflow
        }
        return seconds;
    }
    const std::string text(value);
    time_t when = curl_getdate(text.c_str(), nullptr);
    if (when == -1) return std::nullopt;
    long long now_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    long long wait = static_cast<long long>(when) > now_seconds ? static_cast<long long>(when) - now_seconds : 0;
    return std::min(wait, saturated);
}

bool no_proxy_matches(std::string_view no_proxy, std::string_view host) {
    std::string name = ascii::lower(host);
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
    if (name.ends_with('.')) name.pop_back();
    std::size_t pos = 0;
    while (pos <= no_proxy.size()) {
        std::size_t end = no_proxy.find_first_of(", ", pos);
        if (end == std::string_view::npos) end = no_proxy.size();
        std::string entry = ascii::lower(trim(no_proxy.substr(pos, end - pos)));
        pos = end + 1;
        if (entry.empty()) continue;
        if (entry == "*") return true;
        if (entry.size() >= 2 && entry.front() == '[' && entry.back() == ']') entry = entry.substr(1, entry.size() - 2);
        while (entry.starts_with('.')) entry.erase(0, 1);
        if (entry.ends_with('.')) entry.pop_back();
        if (entry.empty()) continue;
        if (name == entry) return true;
        if (name.size() > entry.size() && name.ends_with(entry) && name[name.size() - entry.size() - 1] == '.') return true;
    }
    return false;
}

std::string make_user_agent(std::string_view contact_url) {
    std::string contact = contact_url.empty() ? std::string(k_home_page) : std::string(contact_url);
    return "winnow/" WINNOW_VERSION " (+" + contact + ")";
}

struct Fetcher::State {
    FetchOptions options;
    CURLM* multi = nullptr;
    std::vector<CURL*> idle_handles;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers;
    std::mt19937 random{std::random_device{}()};

    enum class RobotsStatus { unknown, fetching, known };
    struct Host {
        std::deque<Job> queue;
        std::vector<Job> retries;
        std::size_t active = 0;
        Clock::time_point next_start{};
        RobotsStatus robots = RobotsStatus::unknown;
        RobotsRules rules;
        std::string robots_failure;  // why the host is off limits, when robots.txt was unreachable
        Milliseconds delay{0};
        std::string blocked;              // why checked requests may not reach it (its robots.txt was refused)
        bool private_connection = false;  // a connection to a non-global address was opened: checked requests connect anew
    };
    std::map<std::string, Host> hosts;
    std::size_t pending = 0;  // jobs queued or waiting to retry
    std::size_t rotation = 0;  // which host start_due looks at first

    // Per run() call.
    const std::function<void(FetchResult&&)>* on_result = nullptr;
    BatchSummary* summary = nullptr;
    Clock::time_point run_start{};

    explicit State(FetchOptions o) : options(std::move(o)) {
        if (options.user_agent.empty()) options.user_agent = make_user_agent("");
        if (!options.client.user_agent) options.client.user_agent = options.user_agent;
        options.total_timeout = std::max(options.total_timeout, k_min_timeout);
        options.connect_timeout = std::max(options.connect_timeout, k_min_timeout);
        options.max_transfers = std::max<std::size_t>(1, options.max_transfers);
        options.max_transfers_per_host = std::max<std::size_t>(1, options.max_transfers_per_host);
        init_curl_once();
        multi = curl_multi_init();
        curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
        curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options.max_transfers * 2));
    }

    ~State() {
        for (auto& [easy, transfer] : transfers) release(*transfer);
        for (CURL* easy : idle_handles) curl_easy_cleanup(easy);
        if (multi) curl_multi_cleanup(multi);
    }

    Host& host_of(const std::string& origin) {
        Host& host = hosts[origin];
        if (host.delay == Milliseconds{0}) host.delay = options.host_delay;
        return host;
    }

    void deliver(FetchResult&& result) {
        ++summary->delivered;
        (*on_result)(std::move(result));
    }

    // "URL: cause", and where a redirect led when it failed there.
    static std::string failure_message(const Job& job, const std::string& cause, bool say_where = true) {
        std::string where = job.hops && say_where ? " (after " + std::to_string(job.hops) + " redirect" + (job.hops > 1 ? "s" : "") +
                                           ", at " + url::without_credentials(job.url) + ")"
                                     : "";
        return one_line(url::without_credentials(job.request.url) + ": " + cause + where);
    }

    FetchResult failure(const Job& job, FailureCategory category, const std::string& cause, bool say_where = true) {
        FetchResult result;
        result.tag = job.request.tag;
        result.url = job.request.url;
        result.final_url = url::without_credentials(job.url);
        result.attempts = job.requests;
        result.redirects = job.hops;
        result.category = category;
        result.message = failure_message(job, cause, say_where);
        return result;
    }

    void set_target(Job& job, const ParsedUrl& parsed) {
        job.origin = parsed.origin;
        job.path_and_query = parsed.path_and_query;
        job.scheme = parsed.scheme;
        job.host = parsed.host;
    }

    void enqueue(const FetchRequest& request) {
        std::string why;
        auto parsed = parse_http_url(request.url, why);
        Job job;
        job.request = request;
        job.url = request.url;
        job.check_address = !options.allow_private_addresses && !request.user_chosen;
        job.client = request.client ? options.client.merged(*request.client) : options.client;
        if (!parsed) {
            deliver(failure(job, FailureCategory::unsupported_scheme, why));
            return;
        }
        set_target(job, *parsed);
        job.first_origin = job.origin;
        host_of(job.origin).queue.push_back(std::move(job));
        ++pending;
    }

    // The proxy this job's requests go through, or "" (the settings, else libcurl's environment variables).
    static std::string proxy_for(const Job& job) {
        std::string proxy = job.client.proxy ? *job.client.proxy : environment_proxy(job.scheme);
        if (proxy.empty()) return {};
        std::string no_proxy = job.client.no_proxy ? *job.client.no_proxy : environment_no_proxy();
        return no_proxy_matches(no_proxy, job.host) ? std::string() : proxy;
    }

    // Why a job must not start now, as its result; nothing when it may.
    std::optional<FetchResult> refuse(const Job& job, const Host& host, Clock::time_point now) {
        if (job.requests > 0 && now >= job.deadline)
            return failure(job, FailureCategory::timeout,
                           "timed out: the timeout of " + seconds_text(options.total_timeout) + " ran out before the next request");
        if (!job.check_address) return std::nullopt;
        if (!host.blocked.empty()) return failure(job, FailureCategory::blocked_address, host.blocked);
        // Through a proxy the connection goes to the proxy, and the proxy resolves the name:
        // only what the URL itself says can be checked.
        if (!proxy_for(job).empty()) {
            auto kind = classify_address(job.host);
            bool local_name = job.host == "localhost" || job.host.ends_with(".localhost");
            if (local_name || (kind && *kind != AddressClass::global))
                return failure(job, FailureCategory::blocked_address, blocked_cause(job.host, kind ? *kind : AddressClass::loopback));
        }
        return std::nullopt;
    }

    static std::string blocked_cause(const std::string& host, AddressClass kind) {
        return blocked_cause(host, std::string(address_class_name(kind)) + " address");
    }
    static std::string blocked_cause(const std::string& host, const std::string& what) {
        return "refused: " + host + " is a " + what +
               ", which a URL from a feed, a sitemap or a redirect may not reach (allow_private_addresses = true in [fetch], "
               "or --allow-private, allows it)";
    }

    // --- starting transfers -------------------------------------------------------------

    void start(Host& host, Job job, Clock::time_point now) {
        if (options.on_start && !job.robots_file) options.on_start(job.request.tag);
        CURL* easy = nullptr;
        if (!idle_handles.empty()) {
            easy = idle_handles.back();
            idle_handles.pop_back();
            curl_easy_reset(easy);
        } else {
            easy = curl_easy_init();
        }
        auto transfer = std::make_unique<Transfer>();
        Transfer& t = *transfer;
        t.easy = easy;
        t.started = now;
        ++job.attempts;
        if (job.requests++ == 0) {
            job.first_start = now;
            job.deadline = now + options.total_timeout;
        }
        t.job = std::move(job);
        t.max_body = t.job.robots_file ? k_robots_max_bytes : options.max_body_bytes;
        const std::string& url = t.job.url;
        // Each attempt gets what is left of the fetch's time (robots.txt its own).
        Milliseconds left = t.job.robots_file ? options.total_timeout
                                              : std::chrono::duration_cast<Milliseconds>(t.job.deadline - now);
        left = std::max(left, k_min_timeout);
        const ClientSettings& client = t.job.client;
        const std::string proxy = proxy_for(t.job);
        t.via_proxy = !proxy.empty();
        t.host_private = &host.private_connection;

        curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &t);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t.error);
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, open_socket);
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &t);
        // A connection to a loopback or private address opened for a URL the user chose is
        // never reused for one that is checked: that one connects (and is checked) anew.
        if (t.job.check_address && host.private_connection) curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
        // Pages: redirects are followed here, hop by hop (finish()); robots.txt: by libcurl.
        if (t.job.robots_file) {
            curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
            curl_easy_setopt(easy, CURLOPT_MAXREDIRS, k_robots_max_redirects);
        }
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl has: gzip, deflate, br, zstd
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(options.connect_timeout, left).count()));
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(left.count()));
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME,
                         std::max(1L, static_cast<long>((options.low_speed_time.count() + 999) / 1000)));
        curl_easy_setopt(easy, CURLOPT_USERAGENT, client.user_agent->c_str());
        // "" turns off libcurl's reading of the environment: proxy_for already did.
        curl_easy_setopt(easy, CURLOPT_PROXY, proxy.c_str());
        if (client.cookie_file && !client.cookie_file->empty())
            curl_easy_setopt(easy, CURLOPT_COOKIEFILE, client.cookie_file->c_str());
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
        // robots.txt is cut at its limit and parsed (on_body), never refused for its size.
        if (!t.job.robots_file) curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t.max_body));
        bool accept_set = false;
        for (const std::string& header : client.headers) accept_set = accept_set || header_name(header) == "accept";
        if (t.job.request.html_only && !accept_set) t.request_headers = curl_slist_append(t.request_headers, k_accept_html);
        for (const std::string& header : client.headers) t.request_headers = curl_slist_append(t.request_headers, header.c_str());
        if (!t.job.robots_file) {
            if (!t.job.request.etag.empty())
                t.request_headers = curl_slist_append(t.request_headers, ("If-None-Match: " + t.job.request.etag).c_str());
            if (!t.job.request.last_modified.empty())
                t.request_headers =
                    curl_slist_append(t.request_headers, ("If-Modified-Since: " + t.job.request.last_modified).c_str());
        }
        if (t.request_headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t.request_headers);
        ++host.active;
        host.next_start = now + host.delay + k_delay_margin;
        curl_multi_add_handle(multi, easy);
        transfers.emplace(easy, std::move(transfer));
    }

    void start_robots(Host& host, Job job, Clock::time_point now) {
        job.robots_file = true;
        job.request.html_only = false;
        host.robots = RobotsStatus::fetching;
        start(host, std::move(job), now);
    }

    // Takes the next job of a host that is due: a retry whose back-off is over, else the queue's head.
    std::optional<Job> take_due(Host& host, Clock::time_point now, Clock::time_point& wake) {
        auto due = std::min_element(host.retries.begin(), host.retries.end(),
                                    [](const Job& a, const Job& b) { return a.not_before < b.not_before; });
        if (due != host.retries.end()) {
            if (due->not_before <= now) {
                Job job = std::move(*due);
                host.retries.erase(due);
                return job;
            }
            wake = std::min(wake, due->not_before);
        }
        if (host.queue.empty()) return std::nullopt;
        Job job = std::move(host.queue.front());
        host.queue.pop_front();
        return job;
    }

    // Starts every transfer the limits allow now; returns when the next one may become due.
    Clock::time_point start_due(Clock::time_point now) {
        Clock::time_point wake = Clock::time_point::max();
        // Hosts take turns being first, so that a global limit lower than the hosts' sum of
        // per-host limits does not favour the hosts that sort first.
        std::vector<std::pair<const std::string, Host>*> order;
        order.reserve(hosts.size());
        for (auto& entry : hosts) order.push_back(&entry);
        if (!order.empty()) std::rotate(order.begin(), order.begin() + static_cast<long>(rotation++ % order.size()), order.end());
        for (auto* entry : order) {
            const std::string& origin = entry->first;
            Host& host = entry->second;
            while (transfers.size() < options.max_transfers && host.active < options.max_transfers_per_host) {
                if (host.queue.empty() && host.retries.empty()) break;
                if (options.robots && host.robots == RobotsStatus::fetching) break;
                // A job is looked at before the delay so that disallowed URLs do not wait for it.
                Clock::time_point job_wake = Clock::time_point::max();
                std::optional<Job> job = take_due(host, now, job_wake);
                if (!job) {
                    wake = std::min(wake, job_wake);
                    break;
                }
                if (auto refused = refuse(*job, host, now)) {
                    --pending;
                    deliver(std::move(*refused));
                    continue;
                }
                if (options.robots && host.robots != RobotsStatus::known) {
                    if (options.on_start) options.on_start(job->request.tag);  // robots.txt is fetched for it
                    // robots.txt is fetched with the settings (and the address check) of the job waiting for it.
                    Job robots_job;
                    robots_job.origin = origin;
                    robots_job.url = origin + "/robots.txt";
                    robots_job.scheme = job->scheme;
                    robots_job.host = job->host;
                    robots_job.check_address = job->check_address;
                    robots_job.client = job->client;
                    put_back(host, std::move(*job));
                    if (now < host.next_start) {
                        wake = std::min(wake, host.next_start);
                        break;
                    }
                    start_robots(host, std::move(robots_job), now);
                    break;
                }
                if (options.robots && job->attempts == 0 && !host.rules.allowed(job->path_and_query)) {
                    --pending;
                    std::string cause = host.robots_failure.empty() ? "disallowed by robots.txt" : host.robots_failure;
                    deliver(failure(*job, FailureCategory::robots, cause));
                    continue;
                }
                if (now < host.next_start) {
                    wake = std::min(wake, host.next_start);
                    put_back(host, std::move(*job));
                    break;
                }
                --pending;
                start(host, std::move(*job), now);
            }
        }
        return wake;
    }

    static void put_back(Host& host, Job job) {
        if (job.attempts > 0) host.retries.push_back(std::move(job));
        else host.queue.push_front(std::move(job));
    }

    // --- finishing transfers ------------------------------------------------------------

    void release(Transfer& t) {
        curl_multi_remove_handle(multi, t.easy);
        curl_slist_free_all(t.request_headers);
        t.request_headers = nullptr;
        idle_handles.push_back(t.easy);
    }

    struct Outcome {
        FailureCategory category = FailureCategory::none;
        std::string cause;
        bool retry = false;
    };

    Outcome classify(const Transfer& t, CURLcode code, long status, const std::string& content_type) {
        std::string detail = t.error[0] ? std::string(t.error) : std::string(curl_easy_strerror(code));
        // A PDF over the size limit is refused for its type, the more useful reason.
        bool refused_type = t.job.request.html_only && status >= 200 && status < 300 && !is_html_type(content_type) &&
                            (code == CURLE_OK || code == CURLE_FILESIZE_EXCEEDED);
        if (t.not_html || refused_type)
            return {FailureCategory::not_html, "content type '" + content_type + "' is not HTML", false};
        if (t.too_large || code == CURLE_FILESIZE_EXCEEDED)
            return {FailureCategory::too_large, "body is over the limit of " + std::to_string(t.max_body) + " bytes", false};
        switch (code) {
            case CURLE_OK: break;
            case CURLE_TOO_MANY_REDIRECTS: {
                std::vector<std::string> seen = t.locations;
                std::sort(seen.begin(), seen.end());
                bool loop = std::adjacent_find(seen.begin(), seen.end()) != seen.end();
                std::string max = std::to_string(t.job.robots_file ? k_robots_max_redirects : options.max_redirects);
                return {FailureCategory::redirect_loop,
                        loop ? "redirect loop (a Location repeats within " + max + " redirects)" : "more than " + max + " redirects",
                        false};
            }
            case CURLE_COULDNT_RESOLVE_HOST:
            case CURLE_COULDNT_RESOLVE_PROXY: return {FailureCategory::dns, "DNS lookup failed: " + detail, false};
            case CURLE_OPERATION_TIMEDOUT: return {FailureCategory::timeout, "timed out: " + detail, true};
            case CURLE_COULDNT_CONNECT:
                if (!t.blocked.empty()) return {FailureCategory::blocked_address, blocked_cause(t.job.host, t.blocked), false};
                [[fallthrough]];
            case CURLE_SEND_ERROR:
            case CURLE_RECV_ERROR:
            case CURLE_GOT_NOTHING:
            case CURLE_PARTIAL_FILE:
            case CURLE_SSL_CONNECT_ERROR:
            case CURLE_HTTP2:
            case CURLE_HTTP2_STREAM: return {FailureCategory::connect, "connection failed: " + detail, true};
            case CURLE_PEER_FAILED_VERIFICATION: return {FailureCategory::connect, "TLS certificate refused: " + detail, false};
            case CURLE_UNSUPPORTED_PROTOCOL:
                return {FailureCategory::unsupported_scheme, "redirected to an unsupported scheme (only http and https): " + detail,
                        false};
            default: return {FailureCategory::other, detail, false};
        }
        if (status == 304) return {};
        if (status >= 400)
            return {FailureCategory::http_status, "HTTP status " + std::to_string(status) + status_reason(t), is_retry_status(status)};
        if (status >= 300)
            return {FailureCategory::http_status, "HTTP status " + std::to_string(status) + status_reason(t) + " without a usable Location", false};
        return {};
    }

    static std::string status_reason(const Transfer& t) {
        // "HTTP/1.1 503 Service Unavailable" -> " (Service Unavailable)"
        auto first = t.status_line.find(' ');
        if (first == std::string::npos) return {};
        auto second = t.status_line.find(' ', first + 1);
        if (second == std::string::npos || second + 1 >= t.status_line.size()) return {};
        return " (" + t.status_line.substr(second + 1) + ")";
    }

    FetchResult describe(Transfer& t, const Outcome& outcome, Clock::time_point now) {
        FetchResult result;
        CURL* easy = t.easy;
        result.tag = t.job.request.tag;
        result.url = t.job.request.url;
        result.final_url = url::without_credentials(t.job.url);
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result.status);
        result.status_line = t.status_line;
        result.headers.content_type = header_value(easy, "Content-Type");
        result.headers.etag = header_value(easy, "ETag");
        result.headers.last_modified = header_value(easy, "Last-Modified");
        result.headers.retry_after = header_value(easy, "Retry-After");
        for (curl_header* h = nullptr; (h = curl_easy_nextheader(easy, CURLH_HEADER, -1, h)) != nullptr;)
            result.all_headers.emplace_back(h->name ? h->name : "", h->value ? h->value : "");
        result.attempts = t.job.requests;
        result.redirects = t.job.hops;
        result.fetched_at = std::chrono::system_clock::now();
        curl_off_t transfer_us = 0;
        curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &transfer_us);
        result.timing.last_attempt = Milliseconds(transfer_us / 1000);
        result.timing.total = std::chrono::duration_cast<Milliseconds>(now - t.job.first_start);
        result.timing.waited_to_start = std::chrono::duration_cast<Milliseconds>(t.job.first_start - run_start);
        result.category = outcome.category;
        if (outcome.category != FailureCategory::none) {
            result.message = failure_message(t.job, outcome.cause);
        } else if (result.status == 304) {
            result.not_modified = true;
        } else {
            result.body = std::move(t.body);
        }
        return result;
    }

    Milliseconds backoff(int retry_number) {
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        double factor = std::ldexp(1.0, std::max(0, retry_number - 1)) * jitter(random);
        return Milliseconds(static_cast<long long>(static_cast<double>(options.retry_base.count()) * factor));
    }

    void warn(const std::string& text) {
        if (options.on_warning) options.on_warning(one_line(text));
    }

    // Crawl-delay (finite and at least 0: the robots parser checks) as a wait, capped.
    Milliseconds crawl_delay(double seconds, const std::string& origin) {
        const double asked_ms = seconds * 1000;
        if (asked_ms <= static_cast<double>(options.max_crawl_delay.count()))
            return Milliseconds(static_cast<long long>(std::ceil(asked_ms)));
        char asked[32];
        std::snprintf(asked, sizeof asked, "%g", seconds);
        warn(origin + "/robots.txt asks for a Crawl-delay of " + asked + " s; waiting " + seconds_text(options.max_crawl_delay) +
             " between requests instead (the maximum, max_crawl_delay)");
        return options.max_crawl_delay;
    }

    void finish_robots(Host& host, Transfer& t, CURLcode code, long status) {
        host.robots = RobotsStatus::known;
        if (code == CURLE_COULDNT_CONNECT && !t.blocked.empty()) {
            // Checked requests may not reach this host; a request the user chose may, and
            // fetches robots.txt again for itself.
            host.robots = RobotsStatus::unknown;
            host.blocked = blocked_cause(t.job.host, t.blocked);
            return;
        }
        if ((code == CURLE_OK || t.too_large) && status >= 200 && status < 300) {
            host.rules = RobotsRules::parse(t.body, options.robots_token);
            if (auto delay = host.rules.crawl_delay()) {
                host.delay = std::max(options.host_delay, crawl_delay(*delay, t.job.origin));
                // From when robots.txt itself went out: it was a request to the host too.
                host.next_start = std::max(host.next_start, std::max(t.started, t.sent_at) + host.delay + k_delay_margin);
            }
            return;
        }
        // RFC 9309 2.3.1: 4xx (and too many redirects) mean no rules; 5xx or no answer mean
        // the whole host is off limits for this run.
        if ((code == CURLE_OK && status >= 300 && status < 500) || code == CURLE_TOO_MANY_REDIRECTS) {
            host.rules = RobotsRules::allow_all();
            return;
        }
        host.rules = RobotsRules::disallow_all();
        std::string detail = code != CURLE_OK ? (t.error[0] ? std::string(t.error) : std::string(curl_easy_strerror(code)))
                                              : "HTTP status " + std::to_string(status);
        host.robots_failure = one_line("robots.txt of " + t.job.origin + " is unavailable (" + detail +
                                       "), so the host is off limits for this run");
    }

    void finish(CURL* easy, CURLcode code, Clock::time_point now) {
        auto found = transfers.find(easy);
        if (found == transfers.end()) return;
        std::unique_ptr<Transfer> owned = std::move(found->second);
        transfers.erase(found);
        Transfer& t = *owned;
        Host& host = hosts[t.job.origin];
        --host.active;
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        if (t.job.robots_file) {
            finish_robots(host, t, code, status);
            release(t);
            return;
        }
        std::string content_type = header_value(easy, "Content-Type");
        if (code == CURLE_OK && is_redirect_status(status)) {
            char* location = nullptr;
            curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location);
            if (location && *location) {
                std::string target = location;
                Job job = std::move(t.job);
                release(t);
                follow(std::move(job), target, now);
                return;
            }
        }
        Outcome outcome = classify(t, code, status, content_type);
        if (outcome.retry && t.job.attempts <= options.max_retries) {
            Milliseconds wait = backoff(t.job.attempts);
            const long long cap_seconds = options.retry_after_cap.count() / 1000;
            // Saturated at cap + 1 s, so that a huge value cannot overflow and is simply over the cap.
            std::optional<long long> retry_after = parse_retry_after(header_value(easy, "Retry-After"), cap_seconds);
            Milliseconds asked = retry_after ? Milliseconds(*retry_after * 1000) : Milliseconds(0);
            if (asked > options.retry_after_cap) {
                // As sent (shortened): a number of seconds too large for any integer type is named as it is.
                std::string sent = one_line(header_value(easy, "Retry-After")).substr(0, 40);
                const bool seconds = ascii::is_all_digits(sent);
                outcome.cause += ", and its Retry-After of " + sent + (seconds ? " s" : "") + " is over the cap of " +
                                 seconds_text(options.retry_after_cap);
            } else if (now + std::max(wait, asked) >= t.job.deadline) {
                outcome.cause += " (" + std::to_string(t.job.requests) + " request" + (t.job.requests > 1 ? "s" : "") +
                                 "; the timeout of " + seconds_text(options.total_timeout) + " leaves no time for another)";
            } else {
                Job job = std::move(t.job);
                job.not_before = now + std::max(wait, asked);
                // Retry-After speaks for the whole host, not just this URL.
                if (retry_after) host.next_start = std::max(host.next_start, now + asked);
                release(t);
                host.retries.push_back(std::move(job));
                ++pending;
                return;
            }
        }
        FetchResult result = describe(t, outcome, now);
        release(t);
        test_hooks::crash_if_asked(result.final_url, "WINNOW_TEST_CRASH_FETCH");
        deliver(std::move(result));
    }

    // A redirect is a new request for the same job, on the target's host: it waits for that
    // host's delay and obeys its robots.txt, and its address is always checked.
    void follow(Job job, const std::string& target, Clock::time_point now) {
        if (job.hops >= options.max_redirects) {
            bool loop = target == job.url || std::find(job.chain.begin(), job.chain.end(), target) != job.chain.end();
            std::string max = std::to_string(options.max_redirects);
            deliver(failure(job, FailureCategory::redirect_loop,
                            loop ? "redirect loop (a Location repeats within " + max + " redirects)" : "more than " + max + " redirects",
                            false));
            return;
        }
        std::string why;
        auto parsed = parse_http_url(target, why);
        job.chain.push_back(job.url);
        job.url = target;
        ++job.hops;
        if (!parsed) {
            deliver(failure(job, FailureCategory::unsupported_scheme,
                            why.starts_with("unsupported") ? "redirected to an unsupported scheme (only http and https)"
                                                           : "redirected to a URL that is " + why));
            return;
        }
        set_target(job, *parsed);
        job.attempts = 0;
        job.not_before = now;
        // A hop that stays on the origin of a URL the user chose is still the user's choice
        // (http://localhost:8080/docs -> /docs/); any other target is checked.
        job.check_address = !options.allow_private_addresses && !(job.request.user_chosen && job.origin == job.first_origin);
        host_of(job.origin).queue.push_front(std::move(job));
        ++pending;
    }

    // The delay counts from when a request actually went out, not from when it was handed to
    // libcurl: on a loaded machine the two can be milliseconds apart. `now` is taken after
    // curl_multi_perform returned, so it is never earlier than the send.
    void note_sent(Clock::time_point now) {
        for (auto& [easy, transfer] : transfers) {
            if (transfer->sent) continue;
            curl_off_t pretransfer = 0;
            if (curl_easy_getinfo(easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer) != CURLE_OK || pretransfer <= 0) continue;
            transfer->sent = true;
            transfer->sent_at = now;
            Host& host = hosts[transfer->job.origin];
            host.next_start = std::max(host.next_start, now + host.delay + k_delay_margin);
        }
    }

    void read_messages() {
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
            if (message->msg != CURLMSG_DONE) continue;
            finish(message->easy_handle, message->data.result, Clock::now());
        }
    }

    // At a stop: everything not yet sent is listed, not delivered.
    void drop_pending() {
        for (auto& [origin, host] : hosts) {
            for (const Job& job : host.queue) summary->not_started.push_back(job.request.tag);
            for (const Job& job : host.retries) summary->not_started.push_back(job.request.tag);
            host.queue.clear();
            host.retries.clear();
        }
        pending = 0;
    }

    void abandon_all() {
        for (auto& [easy, transfer] : transfers) {
            if (!transfer->job.robots_file) summary->abandoned.push_back(transfer->job.request.tag);
            else hosts[transfer->job.origin].robots = RobotsStatus::unknown;
            --hosts[transfer->job.origin].active;
            release(*transfer);
        }
        transfers.clear();
    }
};

Fetcher::Fetcher(FetchOptions options) : m_state(std::make_unique<State>(std::move(options))) {}

Fetcher::~Fetcher() = default;

const FetchOptions& Fetcher::options() const { return m_state->options; }

BatchSummary Fetcher::run(const std::vector<FetchRequest>& requests, const std::function<void(FetchResult&&)>& on_result,
                          std::stop_token stop, const std::atomic<bool>* stop_flag) {
    State& s = *m_state;
    BatchSummary summary;
    s.on_result = &on_result;
    s.summary = &summary;
    s.run_start = Clock::now();
    std::stop_callback wake_on_stop(stop, [&s] { curl_multi_wakeup(s.multi); });
    for (const FetchRequest& request : requests) s.enqueue(request);

    std::optional<Clock::time_point> stop_deadline;
    while (true) {
        Clock::time_point now = Clock::now();
        bool stopping = stop.stop_requested() || (stop_flag && stop_flag->load());
        if (stopping && !stop_deadline) {
            stop_deadline = now + s.options.stop_grace;
            summary.stopped = true;
            s.drop_pending();
        }
        Clock::time_point wake = now + k_max_poll;
        if (!stopping) wake = std::min(wake, s.start_due(now));
        if (s.transfers.empty() && (stopping || s.pending == 0)) break;
        if (stop_deadline && now >= *stop_deadline) {
            s.abandon_all();
            break;
        }
        int running = 0;
        curl_multi_perform(s.multi, &running);
        s.note_sent(Clock::now());
        std::size_t delivered_before = summary.delivered;
        std::size_t active_before = s.transfers.size();
        s.read_messages();
        if (s.transfers.size() != active_before || summary.delivered != delivered_before) continue;  // slots freed: start more now
        auto left = std::chrono::ceil<Milliseconds>(wake - Clock::now());
        int timeout_ms = static_cast<int>(std::clamp<long long>(left.count(), 0, k_max_poll.count()));
        curl_multi_poll(s.multi, nullptr, 0, timeout_ms, nullptr);
    }
    // A transfer that finished during the grace period may have been queued for a retry.
    if (summary.stopped) s.drop_pending();
    s.on_result = nullptr;
    s.summary = nullptr;
    return summary;
}

FetchResult fetch_url(const FetchRequest& request, const FetchOptions& options) {
    Fetcher fetcher(options);
    std::optional<FetchResult> result;
    fetcher.run({request}, [&](FetchResult&& r) { result = std::move(r); });
    if (result) return std::move(*result);
    FetchResult missing;
    missing.tag = request.tag;
    missing.url = request.url;
    missing.category = FailureCategory::other;
    missing.message = request.url + ": the fetch ended without a result";
    return missing;
}

}  // namespace winnow::fetch
