#include "winnow/cli/profile_options.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace winnow::cli {

void add_profile_options(CLI::App& command, ProfileOptions& options, bool with_default_switch) {
    auto* folders = command.add_option("--profiles", options.folders,
                                       "Also read the profiles in this folder (repeatable; later folders and "
                                       "WINNOW_PROFILES override the project's profiles/ file by file name)");
    folders->type_name("DIR")->allow_extra_args(false);
    command.add_flag("--no-profiles", options.none,
                     "Use no profile files: only the default phrase rules built into winnow")
        ->excludes(folders);
    if (with_default_switch)
        command.add_flag("--no-default-rules", options.no_default_rules,
                         "Do not apply default.toml's rules (to measure their effect); site profiles still apply");
}

profiles::ProfileSources profile_sources(const ProfileOptions& options) {
    profiles::ProfileSources sources = options.none ? profiles::builtin_only() : profiles::ProfileSources{};
    if (!options.none) sources.folders = options.folders;
    sources.default_rules = !options.no_default_rules;
    return sources;
}

Result<profiles::ProfileSet> load_profiles(const ProfileOptions& options) {
    auto profile_set = profiles::ProfileSet::load(profile_sources(options));
    if (!profile_set) std::cerr << "winnow: " << profile_set.error().message << "\n";
    return profile_set;
}

}  // namespace winnow::cli
