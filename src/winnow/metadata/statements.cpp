// metadata: reading the page's own statements. One walk over the tree gathers every candidate
// with its source (meta tags, JSON-LD objects, microdata and RDFa properties, rel=author and
// byline elements, <time> elements, short date lines) and the page-kind signals; then each
// field takes the first valid candidate in order of trust. The walk is statements_gather.cpp,
// the choice statements_resolve.cpp; what they share is statements_internal.hpp, and the URL
// readings both use are here.
#include "winnow/metadata/statements.hpp"

#include <algorithm>

#include "winnow/decode/text.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/statements_internal.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"

namespace winnow::metadata {
namespace detail {
namespace {

// Pagination (page kind): a link to page 2 or later of the page's own path (/news/page/2/,
// /c/shoes?page=3, /list?skip=50) says the page is the first of a listing's pages; an article
// split into pages links /slug/2/, and a forum thread's pages are told before. Query keys that
// number pages, and those that count entries skipped (from 1).
constexpr std::string_view k_page_number_keys[] = {"page", "paged", "pg"};
constexpr std::string_view k_page_offset_keys[] = {"skip", "start", "offset"};

}  // namespace

std::string url_host(std::string_view url) {
    std::size_t start = url.find("://");
    if (start == std::string_view::npos) return {};
    start += 3;
    std::size_t end = url.find_first_of("/?#:", start);
    std::string host = ascii::lower(url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (const std::size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    return host;
}

// An href that may number a later page ("/page/", "page=", "skip="...): kept for paginated_path.
bool may_be_page_link(std::string_view href) {
    if (href.find("/page/") != std::string_view::npos) return true;
    for (const auto* keys : {&k_page_number_keys, &k_page_offset_keys})
        for (std::string_view key : *keys)
            if (const std::size_t at = href.find(key); at != std::string_view::npos && href.substr(at + key.size()).starts_with('='))
                return true;
    return false;
}

// The path an absolute URL is a later page of: "/news" for /news/page/2/ or /news?page=2 (page 2
// or later, or 1 or more entries skipped), or "" when it numbers no later page.
std::string paginated_path(const std::string& link) {
    std::string path = url::path(link);
    while (path.size() > 1 && path.ends_with('/')) path.pop_back();
    if (const std::size_t slash = path.rfind('/'); slash != std::string::npos && slash >= 5 &&
        ascii::is_all_digits(std::string_view(path).substr(slash + 1)) && std::string_view(path).substr(slash - 5, 5) == "/page") {
        if (std::stoul(path.substr(slash + 1).substr(0, 9)) < 2) return {};
        path.resize(slash - 5);
        return path.empty() ? "/" : path;
    }
    std::string_view query(link);
    const std::size_t question = query.find('?');
    if (question == std::string_view::npos) return {};
    query = query.substr(question + 1, query.find('#', question) - question - 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, equals), value = pair.substr(equals + 1);
        if (!ascii::is_all_digits(value) || value.size() > 9) continue;
        const unsigned long number = std::stoul(std::string(value));
        if ((one_of(key, k_page_number_keys) && number >= 2) || (one_of(key, k_page_offset_keys) && number >= 1))
            return path.empty() ? "/" : path;
    }
    return {};
}

std::vector<std::string> path_segments(std::string_view url) {
    std::vector<std::string> segments;
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
    if (start == std::string_view::npos) return segments;
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    std::size_t at = 0;
    while (at < path.size()) {
        std::size_t slash = path.find('/', at);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > at) segments.push_back(ascii::lower(path.substr(at, slash - at)));
        at = slash + 1;
    }
    return segments;
}

}  // namespace detail

std::string normalise_language_tag(std::string_view tag) {
    std::string text = ascii::lower(ascii::trim(tag));
    std::replace(text.begin(), text.end(), '_', '-');
    if (text.empty()) return {};
    const std::vector<std::string_view> subtags = ascii::split(text, '-');
    const std::string_view primary = subtags.front();
    if (primary.size() < 2 || primary.size() > 3 || !std::all_of(primary.begin(), primary.end(), ascii::is_alpha)) return {};
    std::string out(primary);
    for (std::size_t i = 1; i < subtags.size(); ++i) {
        std::string sub(subtags[i]);
        if (sub.empty() || sub.size() > 8 || !std::all_of(sub.begin(), sub.end(), ascii::is_alnum)) break;
        if (sub.size() == 4 && i == 1) sub[0] = static_cast<char>(sub[0] - 'a' + 'A');  // script: Hant
        else if (sub.size() == 2 && std::all_of(sub.begin(), sub.end(), ascii::is_alpha))
            for (char& c : sub) c = static_cast<char>(c - 'a' + 'A');  // region: US
        out += "-" + sub;
    }
    return out;
}

Sourced stated_address(const dom::Tree& tree) {
    // The whole tree, not the head alone: a saved page's <link> and <meta> can stand in the body.
    Sourced og_url;
    for (dom::NodeId id = 0; id < tree.size(); ++id) {
        if (tree.is_element(id, GUMBO_TAG_LINK) && ascii::lower(tree.attribute(id, "rel")) == "canonical")
            if (std::string canonical = decode::collapse_whitespace(tree.attribute(id, "href")); url::is_absolute_http(canonical))
                return {std::move(canonical), "link rel=canonical"};
        if (og_url.empty() && tree.is_element(id, GUMBO_TAG_META) &&
            (tree.attribute(id, "property") == "og:url" || tree.attribute(id, "name") == "og:url"))
            if (std::string content = decode::collapse_whitespace(tree.attribute(id, "content")); url::is_absolute_http(content))
                og_url = {std::move(content), "meta og:url"};
    }
    return og_url;
}

Statements read_statements(const dom::Tree& tree, const Context& context) {
    Statements statements;
    detail::Gathered gathered;
    gathered.html_lang = decode::collapse_whitespace(tree.attribute(tree.html(), "lang"));
    gathered.xml_lang = decode::collapse_whitespace(tree.attribute(tree.html(), "xml:lang"));
    const DayOrder order = day_order_for(normalise_language_tag(gathered.html_lang));
    Context fixed = context;
    if (fixed.today == std::chrono::sys_days{}) fixed.today = today_utc();
    detail::gather(tree, fixed, order, statements, gathered);
    detail::resolve(tree, fixed, order, statements, gathered);
    return statements;
}

}  // namespace winnow::metadata
