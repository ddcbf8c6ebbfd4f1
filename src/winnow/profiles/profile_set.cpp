#include "winnow/profiles/profile_set.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "winnow/profiles/builtin_default.hpp"
#include "winnow/util/url.hpp"

namespace winnow::profiles {
namespace {

namespace fs = std::filesystem;

// Where `cmake --install` puts the profiles, relative to the executable's folder (CMake computes
// it from CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR): PREFIX/bin/../share/winnow/profiles.
#ifndef WINNOW_INSTALLED_PROFILES
#define WINNOW_INSTALLED_PROFILES "../share/winnow/profiles"
#endif
constexpr const char* k_installed_profiles = WINNOW_INSTALLED_PROFILES;

// A binary built from a source tree falls back on that tree's profiles/ when none is found next
// to it; a packaged binary does not (scripts/package turns it off: the build folder is gone).
#ifndef WINNOW_SOURCE_TREE_PROFILES
#define WINNOW_SOURCE_TREE_PROFILES 1
#endif

bool is_folder(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

fs::path executable_folder() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

// The *.toml files of a folder, by name.
std::vector<fs::path> toml_files(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".toml" && entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> split_colons(std::string_view list) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(':', start);
        if (end == std::string_view::npos) end = list.size();
        if (end > start) parts.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

bool path_matches(const Profile& profile, const std::string& path, RegexGuard& regexes) {
    for (const auto& regex : profile.paths) {
        if (regexes.search(path, [&] { return boost::regex_search(path, regex); },
                           [&] { return extract::rule_name("profile " + profile.name, "paths", regex.str()); }))
            return true;
    }
    return false;
}

// How well a profile fits a host and path: the length of the matched host, then whether a
// path pattern matched; -1 when it does not apply.
long specificity(const Profile& profile, const std::string& host, const std::string& path, RegexGuard& regexes) {
    long best = -1;
    for (const HostEntry& entry : profile.hosts) {
        bool same = host == entry.host;
        bool subdomain = host.size() > entry.host.size() && host.ends_with(entry.host) &&
                         host[host.size() - entry.host.size() - 1] == '.';
        if (same || subdomain) best = std::max(best, static_cast<long>(entry.host.size()));
    }
    if (best < 0) return -1;
    if (profile.paths.empty()) return best * 2;
    return path_matches(profile, path, regexes) ? best * 2 + 1 : -1;
}

template <typename T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

Profile builtin_default(std::vector<Problem>& problems) {
    auto profile = read_profile(builtin_default_profile(), std::string(k_builtin_default_file),
                                std::string(Profile::k_default_name), problems);
    if (profile) return std::move(*profile);
    Profile empty;
    empty.name = Profile::k_default_name;
    empty.file = k_builtin_default_file;
    return empty;
}

}  // namespace

ProfileSources builtin_only() {
    ProfileSources sources;
    sources.project_folder = false;
    sources.environment = false;
    return sources;
}

std::optional<fs::path> project_profiles_folder() {
    if (const char* root = std::getenv("WINNOW_SOURCE_DIR"); root && *root) {
        if (is_folder(fs::path(root) / "profiles")) return fs::path(root) / "profiles";
    }
    // The installed layout first: /usr/bin/../../profiles is /profiles, which is not ours.
    fs::path exe = executable_folder();
    if (!exe.empty()) {
        for (fs::path candidate : {exe / k_installed_profiles, exe / ".." / "profiles", exe / ".." / ".." / "profiles"})
            if (is_folder(candidate)) return candidate.lexically_normal();
    }
#if defined(WINNOW_SOURCE_DIR) && WINNOW_SOURCE_TREE_PROFILES
    if (is_folder(fs::path(WINNOW_SOURCE_DIR) / "profiles")) return fs::path(WINNOW_SOURCE_DIR) / "profiles";
#endif
    return std::nullopt;
}

std::vector<fs::path> profile_files(const ProfileSources& sources, std::vector<Problem>& problems) {
    std::vector<std::pair<fs::path, std::string>> folders;  // folder, where it was named
    if (sources.project_folder) {
        if (auto project = project_profiles_folder()) folders.emplace_back(*project, "");
    }
    if (sources.environment) {
        if (const char* env = std::getenv("WINNOW_PROFILES"); env && *env)
            for (const auto& folder : split_colons(env)) folders.emplace_back(folder, "WINNOW_PROFILES");
    }
    for (const auto& folder : sources.folders) folders.emplace_back(folder, "--profiles");

    std::map<std::string, fs::path> by_name;  // a later folder's file replaces an earlier one's
    for (const auto& [folder, named_by] : folders) {
        if (!is_folder(folder)) {
            problems.push_back({folder.string(), 1, 1, "no such folder (given in " + named_by + ")"});
            continue;
        }
        for (const auto& file : toml_files(folder)) by_name[file.filename().string()] = file;
    }
    std::vector<fs::path> files;
    for (const auto& [name, path] : by_name) files.push_back(path);
    return files;
}

ProfileSet::ProfileSet() {
    std::vector<Problem> ignored;  // the built-in file is checked by the tests
    m_default = builtin_default(ignored);
    merge(true);
}

Result<ProfileSet> ProfileSet::load(const ProfileSources& sources) {
    std::vector<Problem> problems;
    std::vector<fs::path> files = profile_files(sources, problems);
    std::vector<Profile> sites;
    std::optional<Profile> default_profile;
    for (const auto& file : files) {
        auto profile = read_profile_file(file, problems);
        if (!profile) continue;
        if (profile->is_default()) default_profile = std::move(*profile);
        else sites.push_back(std::move(*profile));
    }
    ProfileSet set = from_profiles(std::move(sites), std::move(default_profile), sources.default_rules, problems);
    if (problems.empty()) return set;
    std::string message = "bad profiles:";
    for (const auto& problem : problems) message += "\n" + problem.to_string();
    return fail(ErrorKind::config, message);
}

ProfileSet ProfileSet::from_profiles(std::vector<Profile> sites, std::optional<Profile> default_profile,
                                     bool default_rules, std::vector<Problem>& problems) {
    ProfileSet set{Unbuilt{}};
    std::sort(sites.begin(), sites.end(), [](const Profile& a, const Profile& b) { return a.name < b.name; });
    find_duplicate_hosts(sites, problems);
    set.m_sites = std::move(sites);
    if (default_profile) {
        set.m_default = std::move(*default_profile);
    } else {
        std::vector<Problem> ignored;  // the built-in file is checked by the tests
        set.m_default = builtin_default(ignored);
    }
    set.merge(default_rules);
    return set;
}

void ProfileSet::merge(bool default_rules) {
    m_default_rules = default_rules ? m_default.rules : extract::SiteRules{};
    m_default_rules.slow_rules = m_slow_rules.get();
    extract::build_text_screen(m_default_rules);
    m_merged.clear();
    for (const Profile& site : m_sites) {
        extract::SiteRules merged = site.rules;
        append(merged.content, m_default_rules.content);
        append(merged.drop, m_default_rules.drop);
        append(merged.drop_text, m_default_rules.drop_text);
        append(merged.stop_text, m_default_rules.stop_text);
        append(merged.title, m_default_rules.title);
        append(merged.author, m_default_rules.author);
        append(merged.date, m_default_rules.date);
        if (!merged.favor) merged.favor = m_default_rules.favor;  // the site's mode, else default.toml's
        merged.slow_rules = m_slow_rules.get();
        extract::build_text_screen(merged, &m_default_rules);  // compiles the site's rules alone
        m_merged.push_back(std::move(merged));
    }
}

const Profile* ProfileSet::profile_for(std::string_view url, RegexGuard& regexes, std::string_view forced) const {
    if (!forced.empty()) {
        for (const Profile& site : m_sites)
            if (site.name == forced) return &site;
    }
    const std::string host = url::host(url);
    if (host.empty()) return nullptr;
    const std::string path = url::path(url);
    const Profile* best = nullptr;
    long best_score = -1;
    for (const Profile& site : m_sites) {
        long score = specificity(site, host, path, regexes);
        if (score > best_score) {  // ties go to the first by name
            best_score = score;
            best = &site;
        }
    }
    return best;
}

const extract::SiteRules& ProfileSet::rules_for(std::string_view url, RegexGuard& regexes,
                                                std::string_view forced) const {
    const Profile* site = profile_for(url, regexes, forced);
    if (!site) return m_default_rules;
    return m_merged[static_cast<std::size_t>(site - m_sites.data())];
}

}  // namespace winnow::profiles
