// winnow_bench: the speed and memory measure behind scripts/bench. Reads every page given on the
// command line into memory, then times, in one run and over the same pages, (1) Gumbo parsing
// alone (gumbo_parse on the decoded UTF-8, then free) and (2) the whole pipeline
// (`clean_page` as `winnow clean --no-profiles` runs it: decode, parse into the node array,
// extract with the built-in default rules). Each is repeated and the fastest
// pass is kept; peak memory is the process's maximum resident set size (getrusage).
//
// usage: winnow_bench [--passes N] PAGE...
#include <sys/resource.h>

#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/decode/decode.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/util/atomic_file.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    int passes = 3;
    std::vector<std::string> pages;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--passes" && i + 1 < argc) {
            passes = std::max(1, std::atoi(argv[++i]));
            continue;
        }
        auto bytes = winnow::read_file(argv[i], 64 * 1024 * 1024);
        if (!bytes) {
            std::fprintf(stderr, "winnow_bench: %s\n", bytes.error().message.c_str());
            return 1;
        }
        pages.push_back(std::move(*bytes));
    }
    if (pages.empty()) {
        std::fprintf(stderr, "usage: winnow_bench [--passes N] PAGE...\n");
        return 2;
    }
    double total_bytes = 0;
    std::vector<std::string> decoded;
    decoded.reserve(pages.size());
    for (const auto& page : pages) {
        total_bytes += static_cast<double>(page.size());
        decoded.push_back(winnow::decode::decode_html(page, "").text);
    }

    // The pipeline as `winnow clean --no-profiles` runs it: the built-in default rules apply.
    auto profile_set = winnow::profiles::ProfileSet::load(winnow::profiles::builtin_only());
    if (!profile_set) {
        std::fprintf(stderr, "winnow_bench: %s\n", profile_set.error().message.c_str());
        return 1;
    }
    winnow::pipeline::CleanOptions clean_options;
    clean_options.profiles = &*profile_set;
    // And without the default phrase rules, to show the extractor's own cost.
    winnow::profiles::ProfileSources no_rules_sources = winnow::profiles::builtin_only();
    no_rules_sources.default_rules = false;
    auto no_rules_set = winnow::profiles::ProfileSet::load(no_rules_sources);
    if (!no_rules_set) {
        std::fprintf(stderr, "winnow_bench: %s\n", no_rules_set.error().message.c_str());
        return 1;
    }
    winnow::pipeline::CleanOptions no_rules_options;
    no_rules_options.profiles = &*no_rules_set;

    double best_gumbo = 1e300;
    double best_pipeline = 1e300;
    double best_no_rules = 1e300;
    std::size_t chars = 0;
    for (int pass = 0; pass < passes; ++pass) {
        auto start = Clock::now();
        for (const auto& text : decoded) {
            GumboOptions options = kGumboDefaultOptions;
            options.max_errors = 0;
            GumboOutput* output = gumbo_parse_with_options(&options, text.data(), text.size());
            gumbo_destroy_output(&kGumboDefaultOptions, output);
        }
        best_gumbo = std::min(best_gumbo, seconds_since(start));

        start = Clock::now();
        chars = 0;
        for (const auto& page : pages) {
            auto article = winnow::pipeline::clean_page(page, {}, clean_options);
            if (article) chars += article->blocks.size();
        }
        best_pipeline = std::min(best_pipeline, seconds_since(start));

        start = Clock::now();
        for (const auto& page : pages) {
            auto article = winnow::pipeline::clean_page(page, {}, no_rules_options);
            if (article) chars += article->blocks.size();
        }
        best_no_rules = std::min(best_no_rules, seconds_since(start));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double n = static_cast<double>(pages.size());
    const double mb = total_bytes / 1e6;
    std::printf("pages %zu  MB %.1f  passes %d (fastest kept)\n", pages.size(), mb, passes);
    std::printf("gumbo parse alone  %7.1f pages/s  %6.2f MB/s\n", n / best_gumbo, mb / best_gumbo);
    std::printf("whole pipeline     %7.1f pages/s  %6.2f MB/s\n", n / best_pipeline, mb / best_pipeline);
    std::printf("pipeline, no default phrase rules  %7.1f pages/s  %6.2f MB/s\n", n / best_no_rules, mb / best_no_rules);
    std::printf("ratio pipeline/gumbo %.2f (without the default phrase rules %.2f)  peak memory %.1f MB (maxrss, pages held in memory)\n",
                best_gumbo / best_pipeline, best_gumbo / best_no_rules, usage.ru_maxrss / 1024.0);
    return chars ? 0 : 1;
}
