// profiles: the per-site profiles and profiles/default.toml, loaded and compiled, and the
// choice of the rules that apply to a URL.
//
// Where profiles come from, later sources overriding earlier ones file by file name: the
// default.toml built into the binary, the project's profiles/ folder, the folders in
// WINNOW_PROFILES (colon-separated), then each `--profiles DIR`.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/extract/site_rules.hpp"
#include "winnow/profiles/profile.hpp"
#include "winnow/util/regex_guard.hpp"
#include "winnow/util/result.hpp"

namespace winnow::profiles {

struct ProfileSources {
    bool project_folder = true;        // the project's profiles/ (found next to the executable)
    bool environment = true;           // the folders in WINNOW_PROFILES
    std::vector<std::string> folders;  // --profiles DIR, in order
    bool default_rules = true;         // false: default.toml is read but its rules are not applied
};

// The `--no-profiles` sources: the built-in default.toml alone.
ProfileSources builtin_only();

// The project's profiles/ folder: $WINNOW_SOURCE_DIR/profiles, else the installed
// ../share/winnow/profiles from the executable (PREFIX/bin/winnow), else ../profiles or
// ../../profiles from it (a build folder in the source tree), else the source tree the binary
// was built from (not in a package: WINNOW_SOURCE_TREE_PROFILES=OFF). None when no such folder
// exists (the binary then runs on its built-in defaults).
std::optional<std::filesystem::path> project_profiles_folder();

// The profile files the sources give, one per file name, the later source winning.
// A folder that does not exist is a problem (except the project's, which is optional).
std::vector<std::filesystem::path> profile_files(const ProfileSources& sources, std::vector<Problem>& problems);

class ProfileSet {
public:
    // Only the built-in defaults.
    ProfileSet();

    // Loads and compiles every profile the sources give. Any problem (in any file) fails the
    // load with every problem listed, one `FILE:LINE:COLUMN: message` per line.
    static Result<ProfileSet> load(const ProfileSources& sources);

    // Builds a set from profiles already read. `default_profile` replaces the built-in one.
    // Duplicate hosts are appended to `problems`.
    static ProfileSet from_profiles(std::vector<Profile> sites, std::optional<Profile> default_profile,
                                    bool default_rules, std::vector<Problem>& problems);

    // The rules for a page: the default rules under the most specific matching site profile.
    // `forced` names a profile to use whatever the URL. Path patterns search through `regexes`,
    // the page's guard (a pattern too complex for the path is skipped with a warning).
    const extract::SiteRules& rules_for(std::string_view url, RegexGuard& regexes, std::string_view forced = {}) const;

    // The site profile chosen for a page, or nullptr (the default rules alone).
    const Profile* profile_for(std::string_view url, RegexGuard& regexes, std::string_view forced = {}) const;

    const std::vector<Profile>& sites() const { return m_sites; }
    const Profile& default_profile() const { return m_default; }

    // The rules disabled for the rest of the run (a regex too complex for a page's text): every
    // page cleaned with this set shares it (util/regex_guard.hpp).
    SlowRules* slow_rules() const { return m_slow_rules.get(); }

private:
    // An empty set, its default profile not read yet: from_profiles reads the built-in one only
    // when no folder gave a default.toml, and builds the screens once.
    struct Unbuilt {};
    explicit ProfileSet(Unbuilt) {}

    std::shared_ptr<SlowRules> m_slow_rules = std::make_shared<SlowRules>();
    std::vector<Profile> m_sites;              // sorted by name
    Profile m_default;
    std::vector<extract::SiteRules> m_merged;  // per site: its rules, then the default rules
    extract::SiteRules m_default_rules;        // empty when default rules are off
    void merge(bool default_rules);
};

}  // namespace winnow::profiles
