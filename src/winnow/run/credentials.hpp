// run: the credentials ("user:password@") a user writes in the URLs of a run's configuration.
// They are never stored or shown: normalisation removes them (normalise_url), so the state, the
// queue, the manifest, file and folder names, the log and every message hold the URL without
// them. The fetch still sends them: the configuration keeps them here, by URL and by origin,
// and the run puts them back into each request it makes (a URL resumed from the state after a
// crash included; a page a feed or sitemap lists on the same origin gets the origin's).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace winnow::run {

class Credentials {
public:
    // Notes the credentials of `written` (a URL as the configuration wrote it) for `normalised`
    // (its normalised form, without credentials) and for its origin; the first URL written
    // with credentials for an origin gives the origin's. Nothing when `written` has none.
    void note(std::string_view written, const std::string& normalised);

    // `normalised` with the credentials noted for it, else for its origin, else as it is. The
    // result is for the fetcher only: it must never be stored or shown.
    std::string apply(const std::string& normalised) const;

    bool empty() const { return m_by_url.empty(); }

private:
    std::map<std::string, std::string, std::less<>> m_by_url;     // normalised URL -> "user:password@"
    std::map<std::string, std::string, std::less<>> m_by_origin;  // "scheme://host[:port]" -> "user:password@"
};

}  // namespace winnow::run
