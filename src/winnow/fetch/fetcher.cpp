#include "winnow/fetch/fetcher.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <unordered_map>

#include "winnow/fetch/robots.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"

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
// Statuses worth another try: rate limiting and the server errors that are usually transient.
constexpr long k_retry_statuses[] = {429, 500, 502, 503, 504};
// What browsers send; some sites answer differently to clients that accept anything.
constexpr const char* k_accept_html = "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
constexpr const char* k_home_page = "https://github.com/winnow-extract/winnow";

using ascii::trim;

// Messages are one line whatever libcurl or a server put in them.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return std::string(trim(text));
}

void init_curl_once() {
    static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)initialised;
}

struct ParsedUrl {
    std::string origin;          // scheme://host:port, the unit of politeness and of robots.txt
    std::string path_and_query;  // for robots.txt matching
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

struct Job {
    FetchRequest request;
    std::string origin;
    std::string path_and_query;
    int attempts = 0;
    Clock::time_point not_before{};
    Clock::time_point first_start{};
    bool robots_file = false;  // the fetcher's own robots.txt request, never delivered
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
    Clock::time_point started{};
    bool sent = false;  // the request has gone out (the host's delay then counts from then)
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
        case FailureCategory::other: return "other";
    }
    return "other";
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

    FetchResult failure(const Job& job, FailureCategory category, const std::string& cause) {
        FetchResult result;
        result.tag = job.request.tag;
        result.url = job.request.url;
        result.final_url = job.request.url;
        result.attempts = job.attempts;
        result.category = category;
        result.message = one_line(job.request.url + ": " + cause);
        return result;
    }

    void enqueue(const FetchRequest& request) {
        std::string why;
        auto parsed = parse_http_url(request.url, why);
        Job job;
        job.request = request;
        if (!parsed) {
            deliver(failure(job, FailureCategory::unsupported_scheme, why));
            return;
        }
        job.origin = parsed->origin;
        job.path_and_query = parsed->path_and_query;
        host_of(job.origin).queue.push_back(std::move(job));
        ++pending;
    }

    // --- starting transfers -------------------------------------------------------------

    void start(Host& host, Job job, Clock::time_point now) {
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
        if (job.attempts == 1) job.first_start = now;
        t.job = std::move(job);
        t.max_body = t.job.robots_file ? k_robots_max_bytes : options.max_body_bytes;
        const std::string url = t.job.robots_file ? t.job.origin + "/robots.txt" : t.job.request.url;

        curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &t);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t.error);
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(easy, CURLOPT_MAXREDIRS, t.job.robots_file ? k_robots_max_redirects : options.max_redirects);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl has: gzip, deflate, br, zstd
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME,
                         std::max(1L, static_cast<long>((options.low_speed_time.count() + 999) / 1000)));
        curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
        // robots.txt is cut at its limit and parsed (on_body), never refused for its size.
        if (!t.job.robots_file) curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t.max_body));
        if (t.job.request.html_only) t.request_headers = curl_slist_append(t.request_headers, k_accept_html);
        if (!t.job.robots_file) {
            if (!t.job.request.etag.empty())
                t.request_headers = curl_slist_append(t.request_headers, ("If-None-Match: " + t.job.request.etag).c_str());
            if (!t.job.request.last_modified.empty())
                t.request_headers =
                    curl_slist_append(t.request_headers, ("If-Modified-Since: " + t.job.request.last_modified).c_str());
            if (t.request_headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t.request_headers);
        }
        ++host.active;
        host.next_start = now + host.delay + k_delay_margin;
        curl_multi_add_handle(multi, easy);
        transfers.emplace(easy, std::move(transfer));
    }

    void start_robots(const std::string& origin, Host& host, Clock::time_point now) {
        Job job;
        job.origin = origin;
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
                if (options.robots && host.robots != RobotsStatus::known) {
                    if (host.robots == RobotsStatus::fetching) break;
                    if (now < host.next_start) {
                        wake = std::min(wake, host.next_start);
                        break;
                    }
                    start_robots(origin, host, now);
                    break;
                }
                // A job is looked at before the delay so that disallowed URLs do not wait for it.
                Clock::time_point job_wake = Clock::time_point::max();
                std::optional<Job> job = take_due(host, now, job_wake);
                if (!job) {
                    wake = std::min(wake, job_wake);
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
        if (status >= 300) return {FailureCategory::http_status, "HTTP status " + std::to_string(status) + " without a usable Location", false};
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
        char* effective = nullptr;
        curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
        result.final_url = effective ? effective : result.url;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result.status);
        result.status_line = t.status_line;
        result.headers.content_type = header_value(easy, "Content-Type");
        result.headers.etag = header_value(easy, "ETag");
        result.headers.last_modified = header_value(easy, "Last-Modified");
        result.headers.retry_after = header_value(easy, "Retry-After");
        for (curl_header* h = nullptr; (h = curl_easy_nextheader(easy, CURLH_HEADER, -1, h)) != nullptr;)
            result.all_headers.emplace_back(h->name ? h->name : "", h->value ? h->value : "");
        result.attempts = t.job.attempts;
        result.fetched_at = std::chrono::system_clock::now();
        curl_off_t transfer_us = 0;
        curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &transfer_us);
        result.timing.last_attempt = Milliseconds(transfer_us / 1000);
        result.timing.total = std::chrono::duration_cast<Milliseconds>(now - t.job.first_start);
        result.timing.waited_to_start = std::chrono::duration_cast<Milliseconds>(t.job.first_start - run_start);
        result.category = outcome.category;
        if (outcome.category != FailureCategory::none) {
            result.message = one_line(result.url + ": " + outcome.cause);
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

    void finish_robots(Host& host, Transfer& t, CURLcode code, long status) {
        host.robots = RobotsStatus::known;
        if ((code == CURLE_OK || t.too_large) && status >= 200 && status < 300) {
            host.rules = RobotsRules::parse(t.body, options.robots_token);
            if (auto delay = host.rules.crawl_delay()) {
                auto crawl = Milliseconds(static_cast<long long>(*delay * 1000));
                host.delay = std::max(options.host_delay, crawl);
                host.next_start = std::max(host.next_start, t.started + host.delay + k_delay_margin);
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
        Outcome outcome = classify(t, code, status, content_type);
        if (outcome.retry && t.job.attempts <= options.max_retries) {
            Milliseconds wait = backoff(t.job.attempts);
            curl_off_t retry_after = -1;
            bool has_retry_after = !header_value(easy, "Retry-After").empty() &&
                                   curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after >= 0;
            Milliseconds asked = has_retry_after ? Milliseconds(retry_after * 1000) : Milliseconds(0);
            if (asked > options.retry_after_cap) {
                outcome.cause += ", and its Retry-After of " + std::to_string(retry_after) + " s is over the cap of " +
                                 std::to_string(options.retry_after_cap.count() / 1000) + " s";
            } else {
                Job job = std::move(t.job);
                job.not_before = now + std::max(wait, asked);
                // Retry-After speaks for the whole host, not just this URL.
                if (has_retry_after) host.next_start = std::max(host.next_start, now + asked);
                release(t);
                host.retries.push_back(std::move(job));
                ++pending;
                return;
            }
        }
        FetchResult result = describe(t, outcome, now);
        release(t);
        deliver(std::move(result));
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
