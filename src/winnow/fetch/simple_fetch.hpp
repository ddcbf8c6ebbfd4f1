// fetch: one plain HTTP(S) GET with libcurl, for `winnow clean URL`: redirects followed,
// gzip/deflate/brotli decoded, a timeout and a size limit.
#pragma once

#include <string>
#include <string_view>

#include "winnow/util/result.hpp"

namespace winnow::fetch {

struct SimpleFetchOptions {
    std::size_t max_bytes = 20 * 1024 * 1024;
    long timeout_seconds = 30;
    long connect_timeout_seconds = 10;
    long max_redirects = 10;
    std::string user_agent;
};

struct FetchedPage {
    std::string final_url;
    long status = 0;
    std::string content_type;
    std::string body;
};

// Fetches `url`; an HTTP status of 400 or more is an error naming the status.
Result<FetchedPage> fetch_once(std::string_view url, const SimpleFetchOptions& options);

// The user agent winnow sends when none is configured.
std::string default_user_agent();

}  // namespace winnow::fetch
