// run: what `winnow run` needs from a fetcher, as a small interface: a batch of requests (with
// stored validators for conditional requests), one result per request delivered to a callback
// as soon as it is known, and a stop flag (SIGINT/SIGTERM) after which no new request starts.
// Requests not delivered at a stop stay in the run's queue and are fetched by the next run.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "winnow/run/config.hpp"

namespace winnow::run {

struct PageRequest {
    std::string url;
    std::string etag;           // sent as If-None-Match when not empty
    std::string last_modified;  // sent as If-Modified-Since when not empty
    std::uint64_t tag = 0;      // comes back in the response
    bool html_only = true;      // false for feeds and sitemaps
    bool user_chosen = false;   // written in the configuration: may reach private addresses (fetch::FetchRequest)
    std::shared_ptr<const fetch::ClientSettings> client;  // its source's settings over [fetch]'s, or null
};

// Why a request gave no page. Skips are not failures: the summary counts them apart.
enum class PageFailure { none, robots, not_html, failed };

struct PageResponse {
    std::uint64_t tag = 0;
    std::string url;
    std::string final_url;
    long status = 0;            // 0 when there was no response
    bool not_modified = false;  // 304 to a conditional request
    std::string content_type;
    std::string etag;
    std::string last_modified;
    std::string body;
    PageFailure failure = PageFailure::none;
    std::string message;        // for failures and skips: one line naming the URL and the cause
    std::string category;       // for failures: the fetcher's failure category (README), e.g. "http_status"

    bool ok() const { return failure == PageFailure::none; }
};

class PageFetcher {
public:
    virtual ~PageFetcher() = default;
    // Fetches the batch; `on_result` is called on the calling thread once per delivered request.
    // Returns when every request is delivered or, after `stop` became true, when the requests
    // in flight are done; requests never started are not delivered.
    virtual void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
                       const std::atomic<bool>& stop) = 0;

    // `hook` gets a request's tag, on the fetching thread, when work for it begins (a transfer,
    // or the robots.txt fetch it waits for): until its result is delivered, a death of the
    // process is blamed on it. A fetcher that does nothing between taking a request and
    // delivering its result need not call it. Empty: none.
    void set_on_start(std::function<void(std::uint64_t tag)> hook) { m_on_start = std::move(hook); }

protected:
    void started(std::uint64_t tag) const {
        if (m_on_start) m_on_start(tag);
    }

private:
    std::function<void(std::uint64_t)> m_on_start;
};

// The fetcher of the configuration's [fetch] settings (robots.txt obeyed). `on_warning` gets
// what a person should know but is no failure (a Crawl-delay cut to max_crawl_delay).
std::unique_ptr<PageFetcher> make_page_fetcher(const FetchConfig& config,
                                               std::function<void(const std::string&)> on_warning = {});

}  // namespace winnow::run
