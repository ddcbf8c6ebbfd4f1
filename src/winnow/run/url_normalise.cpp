#include "winnow/run/url_normalise.hpp"

#include <algorithm>
#include <array>

#include "winnow/util/ascii.hpp"
#include "winnow/util/url.hpp"

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

Result<std::string> normalise(url::Url& url, std::string_view written) {
    const std::string shown = url::without_credentials(written);  // messages never show a password
    const std::string scheme = url.scheme();
    if (scheme != "http" && scheme != "https")
        return fail(ErrorKind::usage, shown + ": not an http or https URL");
    const std::string host = url.host();
    if (host.empty()) return fail(ErrorKind::usage, shown + ": the URL has no host");
    url.set_scheme(scheme);
    url.set_host(host);
    url.set_fragment({});
    url.remove_credentials();  // not part of the page's name (run/credentials.hpp keeps the user's for the fetch)
    const std::string port = url.port();
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) url.set_port({});
    url.set_query(filter_query(url.query()));
    std::string out = url.str();
    if (out.empty()) return fail(ErrorKind::usage, shown + ": not a valid URL");
    return out;
}

}  // namespace

bool is_tracking_parameter(std::string_view name) {
    const std::string lower = ascii::lower(name);
    if (std::find(k_tracking_names.begin(), k_tracking_names.end(), lower) != k_tracking_names.end()) return true;
    return std::any_of(k_tracking_prefixes.begin(), k_tracking_prefixes.end(),
                       [&](std::string_view prefix) { return lower.starts_with(prefix); });
}

Result<std::string> normalise_url(std::string_view text) {
    return resolve_url({}, text);
}

Result<std::string> resolve_url(std::string_view base, std::string_view reference) {
    auto url = url::Url::resolve(base, reference);
    if (!url && url.error().message.find('@') != std::string::npos)  // util/url's message shows the URL as written
        return fail(url.error().kind, url::without_credentials(ascii::trim(reference)) + ": not a valid URL");
    if (!url) return std::unexpected(url.error());
    return normalise(*url, ascii::trim(reference));
}

}  // namespace winnow::run
