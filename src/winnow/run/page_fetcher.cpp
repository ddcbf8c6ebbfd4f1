// run: the fetcher of `winnow run` is fetch::Fetcher (libcurl multi: limits, per-host delay,
// robots.txt, retries, conditional requests) behind run::PageFetcher.
#include "winnow/run/page_fetcher.hpp"

#include <chrono>

#include "winnow/fetch/fetcher.hpp"

namespace winnow::run {
namespace {

using std::chrono::milliseconds;

fetch::FetchOptions fetch_options(const FetchConfig& config) {
    fetch::FetchOptions options;
    options.max_transfers = static_cast<std::size_t>(config.concurrency);
    options.max_transfers_per_host = static_cast<std::size_t>(config.per_host);
    options.host_delay = milliseconds(static_cast<long>(config.delay * 1000));
    options.total_timeout = milliseconds(static_cast<long>(config.timeout * 1000));
    options.max_body_bytes = config.max_bytes;
    options.max_retries = static_cast<int>(config.retries);
    options.user_agent = config.user_agent.empty() ? fetch::make_user_agent("") : config.user_agent;
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
    explicit MultiFetcher(const FetchConfig& config) : m_fetcher(fetch_options(config)) {}

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
            batch.push_back(std::move(request));
        }
        m_fetcher.run(
            batch,
            [&](fetch::FetchResult&& result) {
                PageResponse response;
                response.tag = result.tag;
                response.url = std::move(result.url);
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

std::unique_ptr<PageFetcher> make_page_fetcher(const FetchConfig& config) { return std::make_unique<MultiFetcher>(config); }

}  // namespace winnow::run
