// run: where the URLs of a run come from. Each [[source]] of the configuration gives a list of
// normalised URLs in source order: an inline list, a URL file (read with the configuration), an
// RSS 2.0 / RSS 1.0 / Atom feed, or a sitemap (a urlset or a sitemap index, plain or gzip).
// Feeds and sitemaps are parsed with expat; documents are fetched through a callback so that
// this file knows nothing of HTTP.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/run/config.hpp"
#include "winnow/util/result.hpp"

namespace winnow::run {

// Fetches a feed or sitemap document: the body of a 200 response, or an error naming the URL.
using DocumentFetcher = std::function<Result<std::string>(const std::string& url)>;

// The article URLs of a feed, in document order, resolved against `base_url` and normalised;
// entries without a usable link are skipped.
Result<std::vector<std::string>> parse_feed(std::string_view xml, std::string_view base_url);

struct SitemapDocument {
    std::vector<std::string> pages;     // <urlset><url><loc>
    std::vector<std::string> sitemaps;  // <sitemapindex><sitemap><loc>
};

// A sitemap or sitemap index (gzip data is inflated first).
Result<SitemapDocument> parse_sitemap(std::string_view bytes, std::string_view base_url, std::size_t max_bytes);

struct SourceUrls {
    std::vector<std::string> urls;  // normalised, duplicates removed, source order
    std::vector<std::string> problems;  // child documents that failed (the rest was used)
};

// All URLs of one source. Sitemap indexes are followed (depth and count are bounded). Fails
// when the source's own document cannot be fetched or parsed.
Result<SourceUrls> collect_source_urls(const SourceConfig& source, const DocumentFetcher& fetch, std::size_t max_bytes);

}  // namespace winnow::run
