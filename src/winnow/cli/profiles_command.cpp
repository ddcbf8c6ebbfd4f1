// `winnow profiles list` and `winnow profiles check [FILE...]`: what profiles winnow would use
// (each profile, its file and its hosts), and a validation of profile files that prints every
// problem as `FILE:LINE:COLUMN: message` (exit status 1 if any).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/profiles/builtin_default.hpp"
#include "winnow/profiles/profile.hpp"
#include "winnow/profiles/profile_set.hpp"

namespace winnow::cli {
namespace {

namespace fs = std::filesystem;

struct ReadProfiles {
    std::vector<profiles::Profile> sites;
    std::optional<profiles::Profile> default_profile;  // from a file; else the built-in one
    std::vector<profiles::Problem> problems;
    std::size_t files = 0;
};

void read_into(ReadProfiles& read, const fs::path& file) {
    ++read.files;
    auto profile = profiles::read_profile_file(file, read.problems);
    if (!profile) return;
    if (profile->is_default()) read.default_profile = std::move(*profile);
    else read.sites.push_back(std::move(*profile));
}

// The profiles of the sources (as `clean` would load them), the built-in default included.
ReadProfiles read_sources(const ProfileOptions& options) {
    ReadProfiles read;
    for (const auto& file : profiles::profile_files(profile_sources(options), read.problems)) read_into(read, file);
    if (!read.default_profile) {
        ++read.files;
        read.default_profile = profiles::read_profile(profiles::builtin_default_profile(),
                                                      std::string(profiles::k_builtin_default_file),
                                                      std::string(profiles::Profile::k_default_name), read.problems);
    }
    profiles::find_duplicate_hosts(read.sites, read.problems);
    return read;
}

// The files named on the command line; a folder stands for its *.toml files.
ReadProfiles read_files(const std::vector<std::string>& names) {
    ReadProfiles read;
    for (const auto& name : names) {
        std::error_code ec;
        if (!fs::is_directory(name, ec)) {
            read_into(read, name);
            continue;
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(name, ec))
            if (entry.path().extension() == ".toml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) read_into(read, file);
    }
    profiles::find_duplicate_hosts(read.sites, read.problems);
    return read;
}

std::string hosts_text(const profiles::Profile& profile) {
    if (profile.is_default()) return "every page";
    std::string text;
    for (const auto& entry : profile.hosts) text += (text.empty() ? "" : " ") + entry.host;
    if (!profile.path_patterns.empty()) {
        text += " (paths:";
        for (const auto& p : profile.path_patterns) text += " " + p;
        text += ")";
    }
    return text;
}

int run_list(const ProfileOptions& options) {
    ReadProfiles read = read_sources(options);
    std::vector<const profiles::Profile*> shown;
    for (const auto& site : read.sites) shown.push_back(&site);
    std::sort(shown.begin(), shown.end(), [](auto* a, auto* b) { return a->name < b->name; });
    if (read.default_profile) shown.push_back(&*read.default_profile);
    std::size_t name_width = 7, file_width = 4;
    for (auto* p : shown) {
        name_width = std::max(name_width, p->name.size());
        file_width = std::max(file_width, p->file.size());
    }
    auto pad = [](const std::string& s, std::size_t width) { return s + std::string(width - s.size() + 2, ' '); };
    std::cout << pad("PROFILE", name_width) << pad("FILE", file_width) << "HOSTS\n";
    for (auto* p : shown) std::cout << pad(p->name, name_width) << pad(p->file, file_width) << hosts_text(*p) << "\n";
    if (options.no_default_rules) std::cout << "(default rules are off)\n";
    for (const auto& problem : read.problems) std::cerr << problem.to_string() << "\n";
    return read.problems.empty() ? k_exit_ok : k_exit_some_failed;
}

int run_check(const ProfileOptions& options, const std::vector<std::string>& files) {
    ReadProfiles read = files.empty() ? read_sources(options) : read_files(files);
    for (const auto& problem : read.problems) std::cout << problem.to_string() << "\n";
    // Warnings (slow patterns) are printed too, but do not fail the check.
    std::size_t warnings = 0;
    auto print_warnings = [&](const profiles::Profile& profile) {
        for (const auto& warning : profile.warnings) std::cout << warning.to_string() << "\n";
        warnings += profile.warnings.size();
    };
    for (const auto& site : read.sites) print_warnings(site);
    if (read.default_profile) print_warnings(*read.default_profile);
    std::cerr << "winnow: " << read.files << " profile" << (read.files == 1 ? "" : "s") << " checked, "
              << (read.problems.empty() ? "no" : std::to_string(read.problems.size())) << " problem"
              << (read.problems.size() == 1 ? "" : "s");
    if (warnings > 0) std::cerr << ", " << warnings << " warning" << (warnings == 1 ? "" : "s");
    std::cerr << "\n";
    return read.problems.empty() ? k_exit_ok : k_exit_some_failed;
}

}  // namespace

void add_profiles_command(CLI::App& app, int& status) {
    CLI::App* command = app.add_subcommand("profiles", "List and check the per-site profiles");
    command->require_subcommand(1);

    auto list_options = std::make_shared<ProfileOptions>();
    CLI::App* list = command->add_subcommand("list", "Show each profile winnow would use, its file and its hosts");
    add_profile_options(*list, *list_options, false);
    list->callback([list_options, &status] { status = run_list(*list_options); });

    auto check_options = std::make_shared<ProfileOptions>();
    auto check_files = std::make_shared<std::vector<std::string>>();
    CLI::App* check = command->add_subcommand(
        "check", "Validate profile files (all that winnow would use when none are named); print each problem "
                 "as FILE:LINE:COLUMN: message; exit status 1 if any");
    check->add_option("files", *check_files, "Profile files or folders of them")->type_name("FILE");
    add_profile_options(*check, *check_options, false);
    check->callback([check_options, check_files, &status] { status = run_check(*check_options, *check_files); });
}

}  // namespace winnow::cli
