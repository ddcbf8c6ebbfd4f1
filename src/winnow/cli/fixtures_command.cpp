// `winnow fixtures add|regen|check`: golden corpora of saved pages and their expected text.
// The library (src/winnow/corpus) does the work; this file prints reports and picks the exit
// status: 0 all good; 1 a fixture differs, a page failed or the corpus has a problem; 2 usage
// (bad options, CORPUS not a folder, `add` over an existing fixture without --force).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/corpus/corpus.hpp"
#include "winnow/corpus/corpus_runner.hpp"
#include "winnow/corpus/fixture_add.hpp"
#include "winnow/util/limits.hpp"
#include "winnow/write/document_writer.hpp"

namespace winnow::cli {
namespace {

namespace fs = std::filesystem;

struct FixturesSettings {
    std::string corpus;
    // add
    std::string input;
    std::string name;
    std::string url;
    bool force = false;
    std::size_t max_bytes = k_default_max_page_bytes;
    long timeout = 30;
    // regen
    std::vector<std::string> names;
    std::string create_format = "text";
    // check, regen
    std::size_t max_diff_lines = 200;
    unsigned jobs = 1;
    ProfileOptions profiles;
};

// The options every fixture is cleaned with: the same as `winnow clean` uses (profiles
// included), so a corpus checks what users get.
pipeline::CleanOptions corpus_clean_options(const profiles::ProfileSet& profile_set) {
    pipeline::CleanOptions options;
    options.explain = false;
    options.profiles = &profile_set;
    return options;
}

void print_problems(const std::vector<corpus::CorpusProblem>& problems) {
    for (const auto& problem : problems) std::cerr << "winnow: " << problem.message() << "\n";
}

Result<corpus::Corpus> open_corpus(const std::string& folder) {
    auto scanned = corpus::scan_corpus(folder);
    if (!scanned) std::cerr << "winnow: " << scanned.error().message << "\n";
    return scanned;
}

int run_add(const FixturesSettings& settings) {
    corpus::AddRequest request;
    request.corpus = settings.corpus;
    request.input = settings.input;
    request.name = settings.name;
    request.url = settings.url;
    request.force = settings.force;
    request.load.max_bytes = settings.max_bytes;
    request.load.fetch.total_timeout = std::chrono::seconds(settings.timeout);
    CurrentInput current(settings.input);
    auto profile_set = load_profiles(settings.profiles);
    if (!profile_set) return exit_status_for(profile_set.error());
    auto added = corpus::add_fixture(request, corpus_clean_options(*profile_set));
    if (!added) {
        std::cerr << "winnow: " << added.error().message << "\n";
        return exit_status_for(added.error());
    }
    std::cout << "added " << added->name << ": " << added->page.string();
    if (!added->meta.empty()) std::cout << ", " << added->meta.string();
    std::cout << ", " << added->text.string() << " (" << added->text_lines << " lines)\n";
    return k_exit_ok;
}

int run_regen(const FixturesSettings& settings) {
    CurrentInput current(settings.corpus);
    auto scanned = open_corpus(settings.corpus);
    if (!scanned) return exit_status_for(scanned.error());
    auto profile_set = load_profiles(settings.profiles);
    if (!profile_set) return exit_status_for(profile_set.error());
    auto report = corpus::regen_corpus(*scanned, settings.names, corpus_clean_options(*profile_set), settings.jobs,
                                       *write::parse_document_format(settings.create_format));
    std::size_t added = 0, removed = 0;
    for (const auto& change : report.changes) {
        std::cout << change.file << ": " << (change.created ? "created, " : "") << "+" << change.added << " -"
                  << change.removed << " lines\n";
        added += change.added;
        removed += change.removed;
    }
    print_problems(report.problems);
    std::cout << "regen " << settings.corpus << ": " << report.changes.size() << " of " << report.cleaned
              << " fixtures changed, +" << added << " -" << removed << " lines";
    if (!report.problems.empty()) std::cout << ", " << report.problems.size() << " problems";
    std::cout << "\n";
    return report.problems.empty() ? k_exit_ok : k_exit_some_failed;
}

int run_check(const FixturesSettings& settings) {
    CurrentInput current(settings.corpus);
    auto scanned = open_corpus(settings.corpus);
    if (!scanned) return exit_status_for(scanned.error());
    corpus::CheckOptions check;
    check.jobs = settings.jobs;
    check.max_diff_lines = settings.max_diff_lines;
    auto profile_set = load_profiles(settings.profiles);
    if (!profile_set) return exit_status_for(profile_set.error());
    auto report = corpus::check_corpus(*scanned, corpus_clean_options(*profile_set), check);
    for (const auto& differing : report.differing) std::cout << differing.diff;
    print_problems(report.problems);
    std::cout << "check " << settings.corpus << ": " << report.equal << " of " << report.checked << " fixtures equal";
    if (!report.differing.empty()) {
        std::cout << ", " << report.differing.size() << " differ (";
        for (std::size_t i = 0; i < report.differing.size(); ++i)
            std::cout << (i ? " " : "") << report.differing[i].name;
        std::cout << ")";
    }
    if (!report.problems.empty()) std::cout << ", " << report.problems.size() << " problems";
    std::cout << "\n";
    return report.passed() ? k_exit_ok : k_exit_some_failed;
}

}  // namespace

void add_fixtures_command(CLI::App& app, int& status) {
    auto settings = std::make_shared<FixturesSettings>();
    CLI::App* fixtures = app.add_subcommand(
        "fixtures",
        "Golden corpora: folders of NAME.html (or NAME.html.gz) pages, NAME.txt expected texts and/or NAME.md "
        "expected Markdown, and optional NAME.json metadata and output options. Exit status: 0 all good; 1 a fixture differs, a page failed or the corpus has a "
        "problem; 2 usage error");
    fixtures->require_subcommand(1);

    CLI::App* add = fixtures->add_subcommand("add", "Store a page (fetched, or a file copied byte for byte) with "
                                                    "NAME.json and NAME.txt from the current extractor");
    add->add_option("corpus", settings->corpus, "The corpus folder (created when missing)")->required();
    add->add_option("input", settings->input, "An http(s):// URL to fetch, or a file (.html, .html.gz)")->required();
    add->add_option("--name", settings->name, "The fixture's name (default: a readable slug of the URL or file name)");
    add->add_option("--url", settings->url, "The page's address when INPUT is a file: stored in NAME.json, used for profiles");
    add->add_flag("--force", settings->force, "Replace an existing fixture of that name");
    add->add_option("--max-bytes", settings->max_bytes, "Refuse pages larger than this many bytes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    add->add_option("--timeout", settings->timeout, "Seconds allowed for fetching the URL")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    add_profile_options(*add, settings->profiles, false);
    add->callback([settings, &status] { status = run_add(*settings); });

    CLI::App* regen = fixtures->add_subcommand(
        "regen", "Clean every page again (with the URL and options from its NAME.json) and rewrite, atomically, the NAME.txt and NAME.md "
                 "files whose text changed; a named fixture without NAME.txt gets one");
    regen->add_option("corpus", settings->corpus, "The corpus folder")->required();
    regen->add_option("names", settings->names, "Only these fixtures (names without extension)");
    regen->add_option("--format", settings->create_format,
                      "The file a named fixture without expected output gets: text (NAME.txt) or markdown (NAME.md)")
        ->check(CLI::IsMember({"text", "markdown"}))
        ->capture_default_str();
    regen->add_option("-j,--jobs", settings->jobs, "Pages cleaned in parallel (0: one per core)")->capture_default_str();
    add_profile_options(*regen, settings->profiles, false);
    regen->callback([settings, &status] { status = run_regen(*settings); });

    CLI::App* check = fixtures->add_subcommand(
        "check", "Clean every page and compare with its NAME.txt and NAME.md: exit 0 when all are equal, else a unified diff "
                 "per differing fixture and exit 1");
    check->add_option("corpus", settings->corpus, "The corpus folder")->required();
    check->add_option("--max-diff-lines", settings->max_diff_lines, "Lines of diff shown per fixture (0: all)")
        ->capture_default_str();
    check->add_option("-j,--jobs", settings->jobs, "Pages cleaned in parallel (0: one per core)")->capture_default_str();
    add_profile_options(*check, settings->profiles, false);
    check->callback([settings, &status] { status = run_check(*settings); });
}

}  // namespace winnow::cli
