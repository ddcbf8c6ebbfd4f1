#include "winnow/util/url.hpp"

#include <curl/curl.h>

#include "winnow/util/ascii.hpp"

namespace winnow::url {
namespace {

std::string get(CURLU* handle, CURLUPart part, unsigned flags = 0) {
    char* value = nullptr;
    std::string out;
    if (curl_url_get(handle, part, &value, flags) == CURLUE_OK && value) out = value;
    curl_free(value);
    return out;
}

void set(CURLU* handle, CURLUPart part, std::string_view value) {
    curl_url_set(handle, part, value.empty() ? nullptr : std::string(value).c_str(), 0);
}

}  // namespace

bool Url::remove_credentials() {
    if (get(m_handle.get(), CURLUPART_USER).empty() && get(m_handle.get(), CURLUPART_PASSWORD).empty() &&
        get(m_handle.get(), CURLUPART_OPTIONS).empty())
        return false;
    curl_url_set(m_handle.get(), CURLUPART_USER, nullptr, 0);
    curl_url_set(m_handle.get(), CURLUPART_PASSWORD, nullptr, 0);
    curl_url_set(m_handle.get(), CURLUPART_OPTIONS, nullptr, 0);
    return true;
}

void Url::Free::operator()(CURLU* handle) const { curl_url_cleanup(handle); }

Result<Url> Url::parse(std::string_view text) {
    CURLU* handle = curl_url();
    if (!handle) return fail(ErrorKind::internal, "cannot allocate a URL");
    Url url(handle);
    if (curl_url_set(handle, CURLUPART_URL, std::string(text).c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return fail(ErrorKind::usage, std::string(text) + ": not a valid URL");
    return url;
}

Result<Url> Url::resolve(std::string_view base, std::string_view reference) {
    const std::string ref(ascii::trim(reference));
    if (ref.empty()) return fail(ErrorKind::usage, "empty URL");
    CURLU* handle = curl_url();
    if (!handle) return fail(ErrorKind::internal, "cannot allocate a URL");
    Url url(handle);
    if (!base.empty() &&
        curl_url_set(handle, CURLUPART_URL, std::string(base).c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return fail(ErrorKind::usage, std::string(base) + ": not a valid URL");
    // Spaces and other bytes that are not allowed are percent-encoded rather than refused:
    // feeds and pages in the wild contain them.
    if (curl_url_set(handle, CURLUPART_URL, ref.c_str(), CURLU_URLENCODE | CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return fail(ErrorKind::usage, ref + ": not a valid URL");
    return url;
}

std::string Url::scheme() const { return ascii::lower(get(m_handle.get(), CURLUPART_SCHEME)); }

std::string Url::host() const {
    std::string host = ascii::lower(get(m_handle.get(), CURLUPART_HOST));
    if (host.ends_with('.')) host.pop_back();
    return host;
}

std::string Url::port() const { return get(m_handle.get(), CURLUPART_PORT); }

std::string Url::effective_port() const { return get(m_handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT); }

std::string Url::path() const {
    std::string path = get(m_handle.get(), CURLUPART_PATH);
    return path.empty() ? "/" : path;
}

std::string Url::decoded_path() const {
    std::string path = get(m_handle.get(), CURLUPART_PATH, CURLU_URLDECODE);
    return path.empty() ? "/" : path;
}

std::string Url::query() const { return get(m_handle.get(), CURLUPART_QUERY); }

std::string Url::fragment() const { return get(m_handle.get(), CURLUPART_FRAGMENT); }

std::string Url::str() const { return get(m_handle.get(), CURLUPART_URL); }

void Url::set_scheme(std::string_view scheme) { set(m_handle.get(), CURLUPART_SCHEME, scheme); }
void Url::set_host(std::string_view host) { set(m_handle.get(), CURLUPART_HOST, host); }
void Url::set_port(std::string_view port) { set(m_handle.get(), CURLUPART_PORT, port); }
void Url::set_query(std::string_view query) { set(m_handle.get(), CURLUPART_QUERY, query); }
void Url::set_fragment(std::string_view fragment) { set(m_handle.get(), CURLUPART_FRAGMENT, fragment); }

std::string without_credentials(std::string_view text) {
    if (text.find('@') == std::string_view::npos) return std::string(text);
    auto url = Url::parse(text);
    if (!url) {
        auto scheme_end = text.find("://");
        if (scheme_end == std::string_view::npos) return std::string(text);
        auto authority_end = text.find_first_of("/?#", scheme_end + 3);
        std::string_view authority = text.substr(scheme_end + 3, authority_end == std::string_view::npos ? std::string_view::npos : authority_end - scheme_end - 3);
        if (authority.find('@') == std::string_view::npos) return std::string(text);
        return std::string(text.substr(0, scheme_end)) + "://[credentials removed]" +
               (authority_end == std::string_view::npos ? "" : std::string(text.substr(authority_end)));
    }
    if (!url->remove_credentials()) return std::string(text);  // an '@' in the path or query: unchanged
    return url->str();
}

bool is_absolute_http(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }

std::string host(std::string_view text) {
    auto url = Url::resolve({}, text);
    return url ? url->host() : std::string();
}

std::string path(std::string_view text) {
    auto url = Url::resolve({}, text);
    return url ? url->path() : std::string("/");
}

std::string resolve_reference(std::string_view base, std::string_view reference) {
    if (base.empty()) return std::string(reference);
    auto url = Url::resolve(base, reference);
    std::string out = url ? url->str() : std::string();
    return out.empty() ? std::string(reference) : out;
}

}  // namespace winnow::url
