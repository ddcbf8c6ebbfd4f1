// The interim fetcher of `winnow run`: one transfer at a time with libcurl's easy interface,
// conditional requests, the per-host delay and a robots.txt check (prefix rules, longest match).
// To be replaced by fetch::Fetcher (libcurl multi) when it lands.
#include "winnow/run/page_fetcher.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "winnow/fetch/simple_fetch.hpp"

namespace winnow::run {
namespace {

using Clock = std::chrono::steady_clock;

struct Transfer {
    std::string body;
    std::size_t max_bytes = 0;
    bool too_large = false;
    std::string etag, last_modified;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    if (t->max_bytes && t->body.size() + n > t->max_bytes) {
        t->too_large = true;
        return 0;
    }
    t->body.append(data, n);
    return n;
}

std::string trim(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    std::size_t end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(start, end - start + 1));
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) t->etag.clear(), t->last_modified.clear();  // a new response (redirect)
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        if (name == "etag") t->etag = trim(line.substr(colon + 1));
        if (name == "last-modified") t->last_modified = trim(line.substr(colon + 1));
    }
    return size * count;
}

std::string origin_of(const std::string& url) {
    auto scheme_end = url.find("://");
    auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    return url.substr(0, path_start);
}

// Disallow/Allow rules of the group for "winnow" or "*" (prefix match, longest rule wins,
// Allow on ties); enough for the run tests until fetch::Fetcher brings the full RFC 9309.
struct RobotsRules {
    std::vector<std::pair<std::string, bool>> rules;  // path prefix, allowed
    bool disallow_all = false;

    bool allows(const std::string& path) const {
        if (disallow_all) return false;
        std::size_t best = 0;
        bool allowed = true;
        for (const auto& [prefix, allow] : rules) {
            if (prefix.empty() || !path.starts_with(prefix)) continue;
            if (prefix.size() > best || (prefix.size() == best && allow)) {
                best = prefix.size();
                allowed = allow;
            }
        }
        return allowed;
    }
};

RobotsRules parse_robots(const std::string& text) {
    std::map<std::string, RobotsRules> groups;
    std::vector<std::string> agents;
    bool in_rules = false;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        line = trim(line.substr(0, line.find('#')));
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
        std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
        if (key == "user-agent") {
            if (in_rules) agents.clear(), in_rules = false;
            std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
            agents.push_back(value);
        } else if (key == "allow" || key == "disallow") {
            in_rules = true;
            for (const auto& agent : agents) groups[agent].rules.emplace_back(value, key == "allow");
        }
    }
    if (groups.contains("winnow")) return groups["winnow"];
    return groups["*"];
}

class SequentialFetcher : public PageFetcher {
public:
    explicit SequentialFetcher(FetchConfig config) : m_config(std::move(config)) {}

    void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
               const std::atomic<bool>& stop) override {
        for (const auto& request : requests) {
            if (stop.load()) return;
            on_result(fetch_one(request, stop));
        }
    }

private:
    FetchConfig m_config;
    std::map<std::string, RobotsRules> m_robots;
    std::map<std::string, Clock::time_point> m_last_start;

    void wait_for_host(const std::string& origin, const std::atomic<bool>& stop) {
        auto found = m_last_start.find(origin);
        if (found != m_last_start.end()) {
            auto ready = found->second + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_config.delay));
            while (Clock::now() < ready && !stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        m_last_start[origin] = Clock::now();
    }

    PageResponse transfer(const PageRequest& request, const std::atomic<bool>& stop) {
        PageResponse response;
        response.tag = request.tag;
        response.url = request.url;
        wait_for_host(origin_of(request.url), stop);
        std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
        Transfer t;
        t.max_bytes = m_config.max_bytes;
        std::string agent = m_config.user_agent.empty() ? fetch::default_user_agent() : m_config.user_agent;
        CURL* h = curl.get();
        curl_slist* headers = nullptr;
        if (!request.etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
        if (!request.last_modified.empty())
            headers = curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
        char error_buffer[CURL_ERROR_SIZE] = {};
        curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(h, CURLOPT_MAXREDIRS, 10L);
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_config.timeout * 1000));
        curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
        curl_easy_setopt(h, CURLOPT_USERAGENT, agent.c_str());
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        CURLcode code = curl_easy_perform(h);
        curl_slist_free_all(headers);
        char* final_url = nullptr;
        curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &final_url);
        response.final_url = final_url ? final_url : request.url;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
        char* type = nullptr;
        curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
        response.content_type = type ? type : "";
        response.etag = t.etag;
        response.last_modified = t.last_modified;
        if (t.too_large) {
            response.failure = PageFailure::failed;
            response.message = request.url + ": too large: over " + std::to_string(m_config.max_bytes) + " bytes";
        } else if (code != CURLE_OK) {
            response.failure = PageFailure::failed;
            response.message = request.url + ": " + (error_buffer[0] ? error_buffer : curl_easy_strerror(code));
        } else if (response.status == 304) {
            response.not_modified = true;
        } else if (response.status >= 400) {
            response.failure = PageFailure::failed;
            response.message = request.url + ": HTTP status " + std::to_string(response.status);
        } else {
            response.body = std::move(t.body);
        }
        return response;
    }

    const RobotsRules& robots_for(const std::string& origin, const std::atomic<bool>& stop) {
        if (auto found = m_robots.find(origin); found != m_robots.end()) return found->second;
        PageRequest request;
        request.url = origin + "/robots.txt";
        PageResponse response = transfer(request, stop);
        RobotsRules rules;
        if (response.ok()) rules = parse_robots(response.body);
        else if (response.status == 0 || response.status >= 500) rules.disallow_all = true;
        return m_robots[origin] = rules;
    }

    PageResponse fetch_one(const PageRequest& request, const std::atomic<bool>& stop) {
        std::string origin = origin_of(request.url);
        std::string path = request.url.substr(origin.size());
        if (path.empty()) path = "/";
        if (!robots_for(origin, stop).allows(path)) {
            PageResponse response;
            response.tag = request.tag;
            response.url = request.url;
            response.failure = PageFailure::robots;
            response.message = request.url + ": disallowed by robots.txt";
            return response;
        }
        PageResponse response = transfer(request, stop);
        if (response.ok() && !response.not_modified && request.html_only) {
            std::string type = response.content_type.substr(0, response.content_type.find(';'));
            std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
            type = trim(type);
            if (!type.empty() && type != "text/html" && type != "application/xhtml+xml") {
                response.failure = PageFailure::not_html;
                response.message = request.url + ": not HTML (" + type + ")";
                response.body.clear();
            }
        }
        return response;
    }
};

}  // namespace

std::unique_ptr<PageFetcher> make_page_fetcher(const FetchConfig& config) {
    return std::make_unique<SequentialFetcher>(config);
}

}  // namespace winnow::run
