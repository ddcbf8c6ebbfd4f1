#include "winnow/run/url_normalise.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace winnow::run {
namespace {

// Parameters that identify a campaign or a click, never the page (exact names; utm_* and a few
// prefixes are matched separately below).
constexpr std::array<std::string_view, 14> k_tracking_names = {
    "fbclid", "gclid",  "gclsrc",  "dclid", "msclkid", "mc_cid", "mc_eid",
    "yclid",  "_ga",    "_gl",     "igshid", "twclid", "ref_src", "oly_enc_id",
};
// Prefixes of parameter families used by analytics tools (Google, HubSpot, Piwik/Matomo).
constexpr std::array<std::string_view, 5> k_tracking_prefixes = {"utm_", "_hs", "pk_", "mtm_", "hsa_"};

using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string to_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string get_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
    char* value = nullptr;
    if (curl_url_get(url, part, &value, flags) != CURLUE_OK || !value) return {};
    std::string out(value);
    curl_free(value);
    return out;
}

// The query without tracking parameters, order kept (the order can matter to the site).
std::string filter_query(std::string_view query) {
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        std::string_view pair = query.substr(start, end - start);
        std::string_view name = pair.substr(0, pair.find('='));
        if (!pair.empty() && !is_tracking_parameter(name)) {
            if (!out.empty()) out += '&';
            out += pair;
        }
        start = end + 1;
    }
    return out;
}

Result<std::string> normalise_handle(CURLU* url, std::string_view shown) {
    std::string scheme = to_lower(get_part(url, CURLUPART_SCHEME));
    if (scheme != "http" && scheme != "https")
        return fail(ErrorKind::usage, std::string(shown) + ": not an http or https URL");
    std::string host = to_lower(get_part(url, CURLUPART_HOST));
    if (host.empty()) return fail(ErrorKind::usage, std::string(shown) + ": the URL has no host");
    if (host.ends_with('.')) host.pop_back();
    curl_url_set(url, CURLUPART_SCHEME, scheme.c_str(), 0);
    curl_url_set(url, CURLUPART_HOST, host.c_str(), 0);
    curl_url_set(url, CURLUPART_FRAGMENT, nullptr, 0);
    std::string port = get_part(url, CURLUPART_PORT);
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443"))
        curl_url_set(url, CURLUPART_PORT, nullptr, 0);
    std::string query = filter_query(get_part(url, CURLUPART_QUERY));
    curl_url_set(url, CURLUPART_QUERY, query.empty() ? nullptr : query.c_str(), 0);
    std::string out = get_part(url, CURLUPART_URL);
    if (out.empty()) return fail(ErrorKind::usage, std::string(shown) + ": not a valid URL");
    return out;
}

}  // namespace

bool is_tracking_parameter(std::string_view name) {
    std::string lower = to_lower(name);
    if (std::find(k_tracking_names.begin(), k_tracking_names.end(), lower) != k_tracking_names.end()) return true;
    return std::any_of(k_tracking_prefixes.begin(), k_tracking_prefixes.end(),
                       [&](std::string_view prefix) { return lower.starts_with(prefix); });
}

Result<std::string> normalise_url(std::string_view text) {
    return resolve_url({}, text);
}

Result<std::string> resolve_url(std::string_view base, std::string_view reference) {
    std::string ref(reference);
    while (!ref.empty() && std::isspace(static_cast<unsigned char>(ref.back()))) ref.pop_back();
    ref.erase(0, std::min(ref.size(), ref.find_first_not_of(" \t\r\n")));
    if (ref.empty()) return fail(ErrorKind::usage, "empty URL");
    UrlHandle url(curl_url(), curl_url_cleanup);
    if (!url) return fail(ErrorKind::internal, "cannot allocate a URL");
    if (!base.empty() && curl_url_set(url.get(), CURLUPART_URL, std::string(base).c_str(), 0) != CURLUE_OK)
        return fail(ErrorKind::usage, std::string(base) + ": not a valid URL");
    // Spaces and other bytes that are not allowed are percent-encoded rather than refused:
    // feeds in the wild contain them.
    if (curl_url_set(url.get(), CURLUPART_URL, ref.c_str(), CURLU_URLENCODE | CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return fail(ErrorKind::usage, ref + ": not a valid URL");
    return normalise_handle(url.get(), ref);
}

std::string url_host(std::string_view normalised) {
    UrlHandle url(curl_url(), curl_url_cleanup);
    if (!url || curl_url_set(url.get(), CURLUPART_URL, std::string(normalised).c_str(), 0) != CURLUE_OK) return {};
    return to_lower(get_part(url.get(), CURLUPART_HOST));
}

std::string url_path(std::string_view normalised) {
    UrlHandle url(curl_url(), curl_url_cleanup);
    if (!url || curl_url_set(url.get(), CURLUPART_URL, std::string(normalised).c_str(), 0) != CURLUE_OK) return "/";
    std::string path = get_part(url.get(), CURLUPART_PATH);
    return path.empty() ? "/" : path;
}

}  // namespace winnow::run
