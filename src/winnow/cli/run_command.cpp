// `winnow run --config FILE [--check] [--quiet] [--log FILE] [--format text|json|both]`: the
// scheduled scrape for cron. Exit statuses: 0 all went well, 1 some URLs or sources failed,
// 2 configuration or usage error (nothing fetched), 3 another run holds the state file's lock,
// 4 the state file cannot be used (damaged, a symlink, a failed commit), 130 stopped by SIGINT
// or SIGTERM (what was done is committed; the next run finishes the rest).
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/cli/stop_signals.hpp"
#include "winnow/run/config.hpp"
#include "winnow/run/page_fetcher.hpp"
#include "winnow/run/run.hpp"
#include "winnow/run/state_store.hpp"

namespace winnow::cli {
namespace {

struct RunSettings {
    std::string config;
    bool check = false;
    bool quiet = false;
    std::string log;
    std::string format = "text";
    std::string shard;  // "I/N", or empty: every host
    ProfileOptions profiles;
};

// The profiles of the run: the usual sources, then the configuration's folders, then
// --profiles. A source's forced profile must name one of them.
Result<profiles::ProfileSet> load_profiles(const RunSettings& settings, const run::RunConfig& config) {
    profiles::ProfileSources sources = profile_sources(settings.profiles);
    if (!settings.profiles.none) {
        std::vector<std::string> folders;
        for (const auto& dir : config.profile_dirs) folders.push_back(dir.string());
        folders.insert(folders.end(), sources.folders.begin(), sources.folders.end());
        sources.folders = folders;
    }
    auto set = profiles::ProfileSet::load(sources);
    if (!set) return set;
    std::string problems;
    for (const auto& source : config.sources) {
        if (source.profile.empty()) continue;
        bool known = std::any_of(set->sites().begin(), set->sites().end(),
                                 [&](const profiles::Profile& p) { return p.name == source.profile; });
        if (!known) problems += (problems.empty() ? "" : "\n") + source.profile_origin + ": no profile named '" + source.profile + "'";
    }
    if (!problems.empty()) return fail(ErrorKind::config, problems);
    return set;
}

run::OutputFormat parse_format(const std::string& name) {
    if (name == "json") return run::OutputFormat::json;
    if (name == "both") return run::OutputFormat::both;
    return run::OutputFormat::text;
}

int run_command(const RunSettings& settings) {
    CurrentInput current(settings.config);
    run::Shard shard;
    if (!settings.shard.empty()) {
        auto parsed = run::parse_shard(settings.shard);
        if (!parsed) {
            std::cerr << "winnow: " << parsed.error().message << "\n";
            return exit_status_for(parsed.error());
        }
        shard = *parsed;
    }
    auto config = run::load_config(settings.config);
    if (!config) {
        std::cerr << config.error().message << "\nwinnow: " << settings.config << ": configuration refused, nothing fetched\n";
        return exit_status_for(config.error());
    }
    auto profile_set = load_profiles(settings, *config);
    if (!profile_set) {
        std::cerr << profile_set.error().message << "\nwinnow: " << settings.config << ": configuration refused, nothing fetched\n";
        return exit_status_for(profile_set.error());
    }
    if (settings.check) {
        if (!settings.quiet)
            std::cout << settings.config << ": configuration is valid (" << config->sources.size() << " sources)\n";
        return k_exit_ok;
    }
    auto lock = run::StateLock::acquire(config->state);
    if (!lock) {
        std::cerr << "winnow: " << lock.error().message << "\n";
        return exit_status_for(lock.error());
    }
    auto store = run::StateStore::open(config->state);
    if (!store) {
        std::cerr << "winnow: " << store.error().message << "\n";
        return exit_status_for(store.error());
    }
    std::ofstream log;
    if (!settings.log.empty()) {
        log.open(settings.log, std::ios::app);
        if (!log) {
            const Error error{ErrorKind::io, settings.log + ": cannot open the log file"};
            std::cerr << "winnow: " << error.message << "\n";
            return exit_status_for(error);
        }
    }
    install_stop_handlers();
    const bool show_progress = !settings.quiet && ::isatty(STDERR_FILENO);
    run::RunOptions options;
    options.format = parse_format(settings.format);
    options.profiles = &*profile_set;
    options.log = settings.log.empty() ? nullptr : &log;
    // With a progress line, failure messages are held until the line is cleared, so they never
    // end up in the middle of it.
    std::ostringstream held_errors;
    options.errors = show_progress ? static_cast<std::ostream*>(&held_errors) : &std::cerr;
    options.stop = &g_stop_requested;
    options.commit_every = config->commit_every;
    options.shard = shard;
    options.lock = &*lock;
    auto print_held_errors = [&held_errors] {
        if (held_errors.tellp() <= 0) return;
        std::cerr << "\r\033[K" << held_errors.str();
        held_errors.str("");
    };
    if (show_progress)
        options.progress = [&print_held_errors](std::size_t done, std::size_t total, std::size_t failed) {
            print_held_errors();
            std::cerr << "\r\033[Kwinnow: " << done << "/" << total << " URLs, " << failed << " failed" << std::flush;
        };
    auto fetcher = run::make_page_fetcher(config->fetch);
    auto summary = run::run_once(*config, options, *fetcher, *store);
    if (show_progress) {
        print_held_errors();
        std::cerr << "\r\033[K" << std::flush;
    }
    if (!summary) {
        std::cerr << "winnow: " << summary.error().message << "\n";
        return exit_status_for(summary.error());
    }
    bool all_well = summary->failed == 0 && summary->source_failures == 0 && !g_stop_requested.load();
    if (summary->resumed && !settings.quiet)
        std::cout << "winnow: finished an interrupted run (" << summary->queued << " URLs were left)\n";
    if (!settings.quiet || !all_well) std::cout << run::summary_line(*summary) << "\n";
    if (g_stop_requested.load()) return k_exit_interrupted;
    return all_well ? k_exit_ok : k_exit_some_failed;
}

}  // namespace

void add_run_command(CLI::App& app, int& status) {
    auto settings = std::make_shared<RunSettings>();
    CLI::App* run = app.add_subcommand("run", "Fetch the configured sources and keep a folder of clean articles up to date (for cron)");
    run->add_option("--config", settings->config, "The TOML configuration file")->required();
    run->add_flag("--check", settings->check, "Check the configuration and exit: 0 valid, 2 invalid (nothing is fetched)");
    run->add_flag("-q,--quiet", settings->quiet, "Print nothing when all went well");
    run->add_option("--log", settings->log, "Append one line per URL to this file");
    run->add_option("--format", settings->format,
                    "text: OUTPUT/host/slug-HASH.txt; json: the JSON object instead (.json); both: both files")
        ->check(CLI::IsMember({"text", "json", "both"}))
        ->capture_default_str();
    run->add_option("--shard", settings->shard,
                    "Fetch only the pages whose host hashes to shard I of N (1 <= I <= N), so that N machines, each "
                    "with its own state file, split the sources and each host is fetched by one of them")
        ->type_name("I/N");
    add_profile_options(*run, settings->profiles, false);
    run->footer(
        "Configuration keys: output, state, commit_every, max_duration (seconds a run may fetch), gone_after\n"
        "(runs of 404/410 in a row that retire a URL, default 3, 0 never), kinds, profiles, [fetch], [[source]]\n"
        "(see the README). Exit statuses: 0 all went well, 1 some URLs or sources failed, 2 configuration\n"
        "or usage error, 3 another run holds the lock, 4 the state file cannot be used (damaged, a symlink,\n"
        "a failed commit), 70 internal error, 130 stopped by SIGINT or SIGTERM.");
    run->callback([settings, &status] { status = run_command(*settings); });
}

}  // namespace winnow::cli
