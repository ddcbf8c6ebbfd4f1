#include "winnow/profiles/profile_set.hpp"

namespace winnow::profiles {

const extract::SiteRules& ProfileSet::rules_for(std::string_view, std::string_view) const { return m_default; }

}  // namespace winnow::profiles
