// `winnow state stats|failures|show URL|forget URL|retry URL (--config FILE | --state FILE)
// [--format text|json]`: the state file of `winnow run`, inspected and corrected without SQLite.
// stats, failures and show open the file read-only and take no lock, so they work while a run
// holds it (SQLite's WAL lets readers and one writer go on together); forget and retry change it,
// so they wait for the lock, then change one URL in one transaction.
// Exit statuses: 0 done, 1 the URL is not in the state file, 2 usage or configuration error,
// 4 the state file cannot be used (missing, damaged, not winnow's).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/run/config.hpp"
#include "winnow/run/state_store.hpp"
#include "winnow/run/url_normalise.hpp"

namespace winnow::cli {
namespace {

using Json = nlohmann::ordered_json;

struct StateSettings {
    std::string action;  // stats, failures, show, forget, retry
    std::string config;
    std::string state;
    std::string url;
    std::string format = "text";
};

// The state file named by --state, or by the configuration's `state`.
Result<std::filesystem::path> state_path(const StateSettings& settings) {
    if (!settings.state.empty()) return std::filesystem::path(settings.state);
    if (settings.config.empty()) return fail(ErrorKind::usage, "name the state file with --config FILE or --state FILE");
    auto config = run::load_config(settings.config);
    if (!config) return std::unexpected(config.error());
    return config->state;
}

Json page_json(const run::PageRecord& r) {
    Json j;
    j["url"] = r.url;
    j["outcome"] = r.outcome;
    j["status"] = r.status;
    j["output_path"] = r.output_path;
    j["title"] = r.title;
    j["final_url"] = r.final_url;
    j["content_hash"] = r.content_hash;
    j["etag"] = r.etag;
    j["last_modified"] = r.last_modified;
    j["first_seen"] = r.first_seen;
    j["last_seen"] = r.last_seen;
    j["failure_count"] = r.failure_count;
    j["failure_category"] = r.failure_category;
    j["failing_since"] = r.failing_since;
    j["last_error"] = r.last_error;
    j["not_found_runs"] = r.not_found_runs;
    return j;
}

std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

// Pages that failed on their last attempt or were retired (gone, crashed).
constexpr const char* k_failure_condition = "failure_count > 0 OR outcome IN ('gone', 'crashed')";

Result<Json> stats(run::StateStore& store, const std::filesystem::path& path) {
    Json j;
    j["state"] = path.string();
    auto count = store.page_count();
    if (!count) return std::unexpected(count.error());
    j["pages"] = *count;
    auto outcomes = store.outcome_counts();
    if (!outcomes) return std::unexpected(outcomes.error());
    Json by_outcome = Json::object();
    for (const auto& [outcome, n] : *outcomes) by_outcome[outcome.empty() ? "(none)" : outcome] = n;
    j["outcomes"] = by_outcome;
    auto failures = store.pages_where("failure_count > 0");
    if (!failures) return std::unexpected(failures.error());
    j["failing"] = failures->size();
    auto queue = store.queue();
    if (!queue) return std::unexpected(queue.error());
    j["queued"] = queue->size();
    auto pending = store.pending_manifest_lines();
    if (!pending) return std::unexpected(pending.error());
    j["manifest_lines_pending"] = pending->size();
    auto manifest_size = store.meta("manifest_size");
    if (!manifest_size) return std::unexpected(manifest_size.error());
    j["manifest_size"] = manifest_size->value_or("");
    return j;
}

void print_stats_text(const Json& j) {
    std::cout << "state: " << j["state"].get<std::string>() << "\n";
    std::cout << "pages: " << j["pages"].get<std::int64_t>();
    std::string sep = " (";
    for (const auto& [outcome, n] : j["outcomes"].items()) {
        std::cout << sep << outcome << " " << n.get<std::int64_t>();
        sep = ", ";
    }
    std::cout << (sep == ", " ? ")" : "") << "\n";
    std::cout << "failing: " << j["failing"].get<std::size_t>() << "\n";
    std::cout << "queued: " << j["queued"].get<std::size_t>()
              << (j["queued"].get<std::size_t>() ? " (a run in progress, or interrupted: the next run finishes it)" : "")
              << "\n";
    std::cout << "manifest lines pending: " << j["manifest_lines_pending"].get<std::size_t>() << "\n";
}

int show_error(const Error& error) {
    std::cerr << "winnow: " << error.message << "\n";
    return exit_status_for(error);
}

int read_only_action(const StateSettings& settings, const std::filesystem::path& path, const std::string& url) {
    auto store = run::StateStore::open_read_only(path);
    if (!store) return show_error(store.error());
    const bool json = settings.format == "json";
    if (settings.action == "stats") {
        auto j = stats(*store, path);
        if (!j) return show_error(j.error());
        if (json) std::cout << dump(*j) << "\n";
        else print_stats_text(*j);
        return k_exit_ok;
    }
    if (settings.action == "failures") {
        auto pages = store->pages_where(k_failure_condition);
        if (!pages) return show_error(pages.error());
        Json list = Json::array();
        for (const auto& page : *pages) {
            Json j;
            j["url"] = page.url;
            j["outcome"] = page.outcome;
            j["category"] = page.failure_category;
            j["count"] = page.failure_count;
            j["since"] = page.failing_since;
            j["last_error"] = page.last_error;
            list.push_back(std::move(j));
        }
        if (json) {
            std::cout << dump(list) << "\n";
        } else {
            if (!list.empty()) std::cout << "URL\tOUTCOME\tCATEGORY\tCOUNT\tSINCE\tLAST ERROR\n";
            for (const auto& j : list)
                std::cout << j["url"].get<std::string>() << "\t" << j["outcome"].get<std::string>() << "\t"
                          << j["category"].get<std::string>() << "\t" << j["count"].get<long>() << "\t"
                          << j["since"].get<std::string>() << "\t" << j["last_error"].get<std::string>() << "\n";
        }
        return k_exit_ok;
    }
    // show
    auto found = store->find(url);
    if (!found) return show_error(found.error());
    if (!found->has_value()) {
        std::cerr << "winnow: " << url << ": not in the state file " << path.string() << "\n";
        return k_exit_some_failed;
    }
    Json j = page_json(**found);
    if (json) {
        std::cout << dump(j) << "\n";
    } else {
        for (const auto& [key, value] : j.items())
            std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << "\n";
    }
    return k_exit_ok;
}

// forget and retry: wait for the lock (a running run), then change one URL.
int changing_action(const StateSettings& settings, const std::filesystem::path& path, const std::string& url) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::cerr << "winnow: " << path.string() << ": no such state file (has `winnow run` run yet?)\n";
        return k_exit_state;
    }
    auto lock = run::StateLock::wait_for(path, [&path](const std::string& pid) {
        std::cerr << "winnow: " << path.string() << ": waiting for the run" << (pid.empty() ? "" : " (pid " + pid + ")")
                  << " that holds the state file's lock\n";
    });
    if (!lock) return show_error(lock.error());
    auto store = run::StateStore::open(path);
    if (!store) return show_error(store.error());
    auto found = store->find(url);
    if (!found) return show_error(found.error());
    if (!found->has_value()) {
        std::cerr << "winnow: " << url << ": not in the state file " << path.string() << "\n";
        return k_exit_some_failed;
    }
    if (auto begun = store->begin(); !begun) return show_error(begun.error());
    Result<void> changed;
    run::PageRecord record = **found;
    if (settings.action == "forget") {
        changed = store->remove_page(url);
    } else {
        // Fetched again by the next run, from a clean slate of failures; its file and
        // validators stay (the request is conditional when the file is there).
        if (run::is_retired(record)) record.outcome = "retry";
        record.failure_count = 0;
        record.not_found_runs = 0;
        record.failure_category.clear();
        record.failing_since.clear();
        record.last_error.clear();
        changed = store->put(record);
    }
    if (changed) changed = store->commit();
    if (!changed) {
        store->rollback();
        return show_error(changed.error());
    }
    if (settings.format == "json") {
        Json j;
        j["url"] = url;
        j["action"] = settings.action == "forget" ? "forgotten" : "will be fetched by the next run";
        if (settings.action == "retry") j["page"] = page_json(record);
        std::cout << dump(j) << "\n";
    } else {
        std::cout << url << (settings.action == "forget" ? ": forgotten (its file, if any, stays)\n" : ": will be fetched by the next run\n");
    }
    return k_exit_ok;
}

int state_command(const StateSettings& settings) {
    CurrentInput current(settings.state.empty() ? settings.config : settings.state);
    auto path = state_path(settings);
    if (!path) {
        std::cerr << "winnow: " << path.error().message << "\n";
        return exit_status_for(path.error());
    }
    std::string url;
    if (!settings.url.empty()) {
        auto normalised = run::normalise_url(settings.url);
        if (!normalised) {
            std::cerr << "winnow: " << settings.url << ": " << normalised.error().message << "\n";
            return k_exit_usage;
        }
        url = *normalised;
    }
    if (settings.action == "forget" || settings.action == "retry") return changing_action(settings, *path, url);
    return read_only_action(settings, *path, url);
}

}  // namespace

void add_state_command(CLI::App& app, int& status) {
    CLI::App* state = app.add_subcommand(
        "state", "Inspect the state file of `winnow run` (read-only, safe during a run), or forget or retry one URL");
    state->require_subcommand(1);
    state->footer(
        "stats, failures and show read without a lock (safe while a run goes on); forget and retry wait for\n"
        "the run's lock. Exit statuses: 0 done, 1 the URL is not in the state file, 2 usage or configuration\n"
        "error, 4 the state file cannot be used (missing, damaged, not winnow's).");
    struct Action {
        const char* name;
        const char* help;
        bool takes_url;
    };
    const Action actions[] = {
        {"stats", "Pages per outcome, failing URLs, the queue of an unfinished run", false},
        {"failures", "URLs that failed on their last try or were retired: URL, outcome, category, count, since, last error", false},
        {"show", "Everything the state file knows about one URL", true},
        {"forget", "Remove one URL from the state file (waits for a running run); its file stays", true},
        {"retry", "Fetch a failed, gone or crashed URL again on the next run (waits for a running run)", true},
    };
    for (const auto& action : actions) {
        auto settings = std::make_shared<StateSettings>();
        settings->action = action.name;
        CLI::App* sub = state->add_subcommand(action.name, action.help);
        if (action.takes_url) sub->add_option("URL", settings->url, "The URL (normalised as `winnow run` does)")->required();
        sub->add_option("--config", settings->config, "The configuration of `winnow run` (its `state` file is read)");
        sub->add_option("--state", settings->state, "The state file itself");
        sub->add_option("--format", settings->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
        sub->callback([settings, &status] { status = state_command(*settings); });
    }
}

}  // namespace winnow::cli
