#include "winnow/fetch/simple_fetch.hpp"

#include <curl/curl.h>

#include <memory>

namespace winnow::fetch {
namespace {

struct Transfer {
    std::string body;
    std::size_t max_bytes = 0;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    if (transfer->max_bytes && transfer->body.size() + n > transfer->max_bytes) {
        transfer->too_large = true;
        return 0;  // stops the transfer
    }
    transfer->body.append(data, n);
    return n;
}

bool is_http_url(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

}  // namespace

std::string default_user_agent() { return "winnow/" WINNOW_VERSION " (+https://github.com/winnow-extract/winnow)"; }

Result<FetchedPage> fetch_once(std::string_view url, const SimpleFetchOptions& options) {
    std::string target(url);
    if (!is_http_url(target)) return fail(ErrorKind::usage, target + ": unsupported URL scheme (only http and https)");
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return fail(ErrorKind::internal, target + ": cannot initialise libcurl");
    Transfer transfer;
    transfer.max_bytes = options.max_bytes;
    char error_buffer[CURL_ERROR_SIZE] = {};
    std::string agent = options.user_agent.empty() ? default_user_agent() : options.user_agent;
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, target.c_str());
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, options.max_redirects);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl was built with
    curl_easy_setopt(h, CURLOPT_TIMEOUT, options.timeout_seconds);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
    curl_easy_setopt(h, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    if (options.max_bytes) curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));

    CURLcode rc = curl_easy_perform(h);
    if (transfer.too_large || rc == CURLE_FILESIZE_EXCEEDED)
        return fail(ErrorKind::too_large, target + ": response is over the limit of " + std::to_string(options.max_bytes) + " bytes");
    if (rc != CURLE_OK) {
        std::string why = error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
        return fail(ErrorKind::network, target + ": " + why);
    }
    FetchedPage page;
    page.body = std::move(transfer.body);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &page.status);
    char* final_url = nullptr;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &final_url);
    page.final_url = final_url ? final_url : target;
    char* content_type = nullptr;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type) page.content_type = content_type;
    if (page.status >= 400) return fail(ErrorKind::network, target + ": HTTP status " + std::to_string(page.status));
    return page;
}

}  // namespace winnow::fetch
