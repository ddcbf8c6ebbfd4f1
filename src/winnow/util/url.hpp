// util: the one URL parser, libcurl's URL API (RFC 3986 with the WHATWG leniencies browsers
// have), so that winnow and the fetcher always agree on what a URL means. Profiles choose by its
// host and path, `winnow run` normalises with it, the fetcher finds the origin with it, and
// relative references (feed links, <base href>, Markdown links) are resolved with it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "winnow/util/result.hpp"

typedef struct Curl_URL CURLU;

namespace winnow::url {

// A parsed absolute URL of any scheme. Getters give the parts as libcurl holds them, but for
// the scheme and host, which are lower case (the host without a trailing dot, an IPv6 address
// in brackets); setters change one part ("" removes it), and str() gives the URL back.
class Url {
public:
    // An absolute URL as written (any scheme; the caller decides which it supports). Fails
    // (usage) on anything else: a relative reference, a URL with spaces or control characters.
    static Result<Url> parse(std::string_view text);

    // `reference` resolved against `base` (RFC 3986 section 5: "../a", "//host/a", "?q", "#f";
    // an absolute reference stands alone), with an empty base an absolute URL. Leaner than
    // parse(), as links in the wild need: white space around the reference is ignored, and
    // spaces and other bytes a URL may not hold are percent-encoded. The base must be an
    // absolute URL. Fails (usage) with the reason.
    static Result<Url> resolve(std::string_view base, std::string_view reference);

    std::string scheme() const;
    std::string host() const;
    std::string port() const;            // as written, "" when none
    std::string effective_port() const;  // the port, or the scheme's default one
    std::string path() const;            // "/" at least, dot segments removed
    std::string decoded_path() const;    // path() with %XX escapes decoded, for people to read
    std::string query() const;           // without '?', "" when none
    std::string fragment() const;        // without '#', "" when none
    std::string str() const;             // the whole URL

    void set_scheme(std::string_view scheme);
    void set_host(std::string_view host);
    void set_port(std::string_view port);
    void set_query(std::string_view query);
    void set_fragment(std::string_view fragment);
    // Removes "user:password@" (and libcurl's login options); false when there were none.
    bool remove_credentials();

private:
    struct Free {
        void operator()(CURLU* handle) const;
    };
    explicit Url(CURLU* handle) : m_handle(handle) {}
    std::unique_ptr<CURLU, Free> m_handle;
};

// `text` without the credentials a URL may carry ("https://user:secret@host/" gives
// "https://host/"), for every place a URL is kept or shown: the state, the manifest, logs, file
// and folder names. A fetch may still use them. Text that is no URL is returned as it is when it
// has no '@', else cut to what precedes "://" plus "://[credentials removed]", so a secret
// never survives.
std::string without_credentials(std::string_view text);

// True when `text` starts as an absolute http or https URL ("https://..."): an address a page
// states for itself is taken only so (a relative canonical link says nothing of the host).
bool is_absolute_http(std::string_view text);

// The host of a URL (Url::resolve with no base, so sloppy URLs still have one), lower case, or
// "" when `text` is not an absolute URL with a host.
std::string host(std::string_view text);

// The path of a URL, without query and fragment: "/" at least (also when `text` is no URL).
std::string path(std::string_view text);

// `reference` (a link's href, an image's src, <base href>) resolved against `base` with
// Url::resolve, as text; `reference` as written when `base` is empty or either cannot be parsed,
// so that a link that cannot be made absolute stays as the page wrote it.
std::string resolve_reference(std::string_view base, std::string_view reference);

}  // namespace winnow::url
