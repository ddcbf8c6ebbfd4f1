// run: the fetcher of `winnow run` is fetch::Fetcher (libcurl multi: limits, per-host delay,
// robots.txt, retries, conditional requests) behind run::PageFetcher.
#include "winnow/run/page_fetcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "winnow/fetch/fetcher.hpp"
#include "winnow/util/url.hpp"

namespace winnow::run {
namespace {

using std::chrono::milliseconds;

// Seconds (checked by the configuration: finite, within a day) as milliseconds.
milliseconds to_ms(double seconds) { return milliseconds(std::llround(std::clamp(seconds, 0.0, 1e9) * 1000)); }

fetch::FetchOptions fetch_options(const FetchConfig& config, std::function<void(const std::string&)> on_warning,
                                  std::function<void(std::uint64_t)> on_start) {
    fetch::FetchOptions options;
    options.max_transfers = static_cast<std::size_t>(config.concurrency);
    options.max_transfers_per_host = static_cast<std::size_t>(config.per_host);
    options.host_delay = to_ms(config.delay);
    options.total_timeout = std::max(milliseconds(1), to_ms(config.timeout));
    options.max_crawl_delay = to_ms(config.max_crawl_delay);
    options.max_body_bytes = config.max_bytes;
    options.max_retries = static_cast<int>(config.retries);
    options.user_agent = config.user_agent.empty() ? fetch::make_user_agent("") : config.user_agent;
    options.client = config.client;
    options.allow_private_addresses = config.allow_private_addresses;
    options.on_warning = std::move(on_warning);
    options.on_start = std::move(on_start);
    options.robots = true;
    return options;
}

PageFailure failure_of(fetch::FailureCategory category) {
    switch (category) {
        case fetch::FailureCategory::none: return PageFailure::none;
        case fetch::FailureCategory::robots: return PageFailure::robots;
        case fetch::FailureCategory::not_html: return PageFailure::not_html;
        default: return PageFailure::failed;
    }
}

class MultiFetcher : public PageFetcher {
public:
    MultiFetcher(const FetchConfig& config, std::function<void(const std::string&)> on_warning)
        : m_fetcher(fetch_options(config, std::move(on_warning), [this](std::uint64_t tag) { started(tag); })) {}

    void fetch(const std::vector<PageRequest>& requests, const std::function<void(PageResponse&&)>& on_result,
               const std::atomic<bool>& stop) override {
        std::vector<fetch::FetchRequest> batch;
        batch.reserve(requests.size());
        for (const auto& r : requests) {
            fetch::FetchRequest request;
            request.url = r.url;
            request.etag = r.etag;
            request.last_modified = r.last_modified;
            request.tag = r.tag;
            request.html_only = r.html_only;
            request.user_chosen = r.user_chosen;
            request.client = r.client;
            batch.push_back(std::move(request));
        }
        m_fetcher.run(
            batch,
            [&](fetch::FetchResult&& result) {
                PageResponse response;
                response.tag = result.tag;
                response.url = url::without_credentials(result.url);  // the request's may carry the user's
                response.final_url = std::move(result.final_url);
                response.status = result.status;
                response.not_modified = result.not_modified;
                response.content_type = std::move(result.headers.content_type);
                response.etag = std::move(result.headers.etag);
                response.last_modified = std::move(result.headers.last_modified);
                response.body = std::move(result.body);
                response.failure = failure_of(result.category);
                response.message = std::move(result.message);
                if (!response.ok()) response.category = std::string(fetch::category_name(result.category));
                on_result(std::move(response));
            },
            {}, &stop);
    }

private:
    fetch::Fetcher m_fetcher;
};

}  // namespace

std::unique_ptr<PageFetcher> make_page_fetcher(const FetchConfig& config, std::function<void(const std::string&)> on_warning) {
    return std::make_unique<MultiFetcher>(config, std::move(on_warning));
}

}  // namespace winnow::run
