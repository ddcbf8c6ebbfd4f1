// metadata: the names a site goes by (og:site_name, application-name, the JSON-LD WebSite and
// publisher, the host's own label), so that no author is the site and no title keeps it as an
// affix. Matched ignoring case, spaces and punctuation: "USA TODAY" matches www.usatoday.com.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::metadata {

class SiteNames {
public:
    void add(std::string_view name);
    // The host's distinctive label: "www.usatoday.com" -> "usatoday", "news.bbc.co.uk" -> "bbc".
    void add_host(std::string_view host);
    // The name is one of the site's (ignoring case, spaces and punctuation), or a host name whose
    // distinctive label is ("bcbs.com" when the host gave "bcbs").
    // A German host spells an umlaut as two letters: "SPÖ" matches spoe.at (the host only).
    bool matches(std::string_view name) const;
    // The initials of a name of at least k_min_initials_words words are one of the site's names
    // ("Deutsches Rotes Kreuz" on drk.de).
    bool matches_initials(std::string_view name) const;
    bool empty() const { return m_keys.empty(); }

private:
    std::vector<std::string> m_keys;
    // the host's label read exactly ("drk" of www.drk.de), for initials and umlauts spelt out ("spoe")
    std::vector<std::string> m_host_keys;
};

// True when a text is a host name ("virtualbox.org", "davidbau.com"): a site's name, not a
// headline or a person.
bool is_host_name(std::string_view text);

// Lower case, letters and digits only: "USA TODAY" and "usatoday" are one key.
std::string name_key(std::string_view text);

}  // namespace winnow::metadata
