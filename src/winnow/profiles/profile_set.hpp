// profiles: the per-site profiles and profiles/default.toml, loaded and compiled, and the
// choice of the rules that apply to a URL.
#pragma once

#include <string_view>

#include "winnow/extract/site_rules.hpp"

namespace winnow::profiles {

class ProfileSet {
public:
    // The rules for a page: the default rules under the most specific matching site profile.
    // `forced` names a profile to use whatever the URL.
    const extract::SiteRules& rules_for(std::string_view url, std::string_view forced = {}) const;

private:
    extract::SiteRules m_default;
};

}  // namespace winnow::profiles
