// cli: the options that choose where profiles come from, shared by `clean` and `profiles`:
// --profiles DIR (repeatable), --no-profiles, --no-default-rules.
#pragma once

#include <string>
#include <vector>

#include "winnow/profiles/profile_set.hpp"

namespace CLI {
class App;
}

namespace winnow::cli {

struct ProfileOptions {
    std::vector<std::string> folders;
    bool none = false;              // --no-profiles: the built-in default.toml alone
    bool no_default_rules = false;  // --no-default-rules
};

// Adds the options to a command; `with_default_switch` adds --no-default-rules too.
void add_profile_options(CLI::App& command, ProfileOptions& options, bool with_default_switch);

profiles::ProfileSources profile_sources(const ProfileOptions& options);

// Loads the profiles the options ask for; a broken profile is reported on standard error, one
// `winnow: FILE:LINE:COLUMN: message` per problem (a config error: exit_status_for gives 2).
Result<profiles::ProfileSet> load_profiles(const ProfileOptions& options);

}  // namespace winnow::cli
