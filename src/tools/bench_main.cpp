// winnow_bench: the speed and memory measure behind scripts/bench. Reads every page given on the
// command line into memory (gzip inflated), then times, in one run and over the same pages:
//   (1) stock Gumbo: gumbo_parse on the page's decoded UTF-8 with Gumbo's default options
//       (but max_errors 0, its fastest setting), a walk over every node of its tree (text,
//       attributes), then gumbo_destroy_output;
//   (2) the whole pipeline on one core, as `winnow clean --no-profiles --format jsonl` runs it:
//       clean_page (decode, scan, parse, extract with the built-in default rules) and the JSON
//       line; and once more without the default phrase rules, to show the extractor's own cost;
//   (3) with --jobs N (N > 1), the whole batch through the OrderedPool that `winnow clean`
//       uses, on 1 thread and on N, wall clock, checking that the output is byte for byte that
//       of one core; the speed-up is the ratio of the two.
// One core: (1) and (2) are timed page by page, one after the other, in the thread's CPU time,
// and each page's fastest of --passes passes is kept, so that a busy shared machine disturbs
// both alike. Batches: wall-clock time, fastest pass. Peak memory is the process's
// maximum resident set size, which includes the pages held in memory.
//
// --check-trees: instead of timing, parses every page with and without the scan before parsing
// and compares the two trees node by node (scripts/check-identical).
//
// usage: winnow_bench [--passes N] [--jobs N] [--no-prescan] [--check-trees] PAGE...
#include <sys/resource.h>

#include <gumbo.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/decode/decode.hpp"
#include "winnow/decode/sniff.hpp"
#include "winnow/dom/prescan.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/util/atomic_file.hpp"
#include "winnow/util/ordered_pool.hpp"
#include "winnow/write/json_writer.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t k_max_page_bytes = 64 * 1024 * 1024;

// CPU time of the calling thread, in seconds.
double thread_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// What a stock Gumbo user does after parsing: visit every node once, reading its text or its
// tag and attributes (here summed so the walk cannot be optimised away).
std::size_t walk_gumbo(const GumboNode* root) {
    std::size_t sum = 0;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_DOCUMENT) {
            const GumboVector& children = node->v.document.children;
            for (unsigned i = 0; i < children.length; ++i) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
        } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement& element = node->v.element;
            sum += element.tag;
            for (unsigned i = 0; i < element.attributes.length; ++i) {
                const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
                sum += std::string_view(attribute->name).size() + std::string_view(attribute->value).size();
            }
            for (unsigned i = 0; i < element.children.length; ++i)
                stack.push_back(static_cast<const GumboNode*>(element.children.data[i]));
        } else {
            sum += std::string_view(node->v.text.text).size();
        }
    }
    return sum;
}

// One page through the whole pipeline, to its JSON line (or the error's).
std::string clean_to_json_line(const std::string& page, const winnow::pipeline::CleanOptions& options) {
    auto article = winnow::pipeline::clean_page(page, {}, options);
    if (!article) return winnow::write::to_json_line(winnow::write::error_json("page", "", article.error().message)) + "\n";
    return winnow::write::to_json_line(winnow::write::article_json("page", "", *article)) + "\n";
}

int check_trees(const std::vector<std::string>& names, const std::vector<std::string>& decoded) {
    std::size_t same = 0;
    std::vector<std::string> differing;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        const std::string scanned = winnow::dom::dump_tree(winnow::dom::Tree::parse(decoded[i], {.prescan = true}));
        const std::string whole = winnow::dom::dump_tree(winnow::dom::Tree::parse(decoded[i], {.prescan = false}));
        if (scanned == whole) ++same;
        else differing.push_back(names[i]);
    }
    std::printf("trees identical with and without the scan: %zu of %zu pages\n", same, decoded.size());
    for (const auto& name : differing) std::printf("  differs: %s\n", name.c_str());
    // The limits on nesting and attributes (prescan.hpp) must never touch a real page.
    std::size_t deepest = 0, limited = 0;
    std::string deepest_name;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        std::string copy;
        const auto stats = winnow::dom::strip_unread_content(decoded[i], copy);
        if (stats.deepest > deepest) {
            deepest = stats.deepest;
            deepest_name = names[i];
        }
        if (stats.left_out_tags || stats.trimmed_tags) {
            ++limited;
            std::printf("  limits applied (%zu tags left out, %zu trimmed): %s\n", stats.left_out_tags, stats.trimmed_tags,
                        names[i].c_str());
        }
    }
    std::printf("limits applied on %zu of %zu pages; deepest nesting estimated %zu of %zu (%s)\n", limited,
                decoded.size(), deepest, winnow::dom::k_max_nesting, deepest_name.c_str());
    return differing.empty() && limited == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    int passes = 3;
    unsigned jobs = 1;
    bool prescan = true;
    bool trees = false;
    std::vector<std::string> names;
    std::vector<std::string> pages;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--passes" && i + 1 < argc) {
            passes = std::max(1, std::atoi(argv[++i]));
            continue;
        }
        if (arg == "--jobs" && i + 1 < argc) {
            jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
            continue;
        }
        if (arg == "--no-prescan") {
            prescan = false;
            continue;
        }
        if (arg == "--check-trees") {
            trees = true;
            continue;
        }
        auto bytes = winnow::read_file(argv[i], k_max_page_bytes);
        if (bytes && winnow::decode::is_gzip(*bytes)) bytes = winnow::decode::gunzip(*bytes, k_max_page_bytes);
        if (!bytes) {
            std::fprintf(stderr, "winnow_bench: %s: %s\n", argv[i], bytes.error().message.c_str());
            return 1;
        }
        names.push_back(argv[i]);
        pages.push_back(std::move(*bytes));
    }
    if (pages.empty()) {
        std::fprintf(stderr, "usage: winnow_bench [--passes N] [--jobs N] [--no-prescan] [--check-trees] PAGE...\n");
        return 2;
    }
    double total_bytes = 0;
    std::vector<std::string> decoded;
    decoded.reserve(pages.size());
    for (const auto& page : pages) {
        total_bytes += static_cast<double>(page.size());
        decoded.push_back(winnow::decode::decode_html(page, "").text);
    }
    if (trees) return check_trees(names, decoded);

    // What the scan before parsing leaves out of these pages.
    double decoded_bytes = 0, removed_bytes = 0;
    std::size_t scripts = 0, styles = 0, svgs = 0, comments = 0, attributes = 0;
    std::map<std::string_view, std::size_t> stops;
    for (const auto& text : decoded) {
        std::string scanned;
        std::vector<winnow::dom::RemovedText> removed;
        std::vector<winnow::dom::TakenAttributes> taken;
        const auto stats = winnow::dom::strip_unread_content(text, scanned, &removed, winnow::dom::ScanMode::remove_unread, &taken);
        decoded_bytes += static_cast<double>(text.size());
        removed_bytes += static_cast<double>(stats.removed_bytes);
        scripts += stats.scripts;
        styles += stats.styles;
        svgs += stats.svgs;
        comments += stats.comments;
        attributes += stats.taken_attributes;
        if (!stats.stopped_at.empty()) ++stops[stats.stopped_at];
    }

    // The pipeline as `winnow clean --no-profiles` runs it: the built-in default rules apply.
    auto profile_set = winnow::profiles::ProfileSet::load(winnow::profiles::builtin_only());
    winnow::profiles::ProfileSources no_rules_sources = winnow::profiles::builtin_only();
    no_rules_sources.default_rules = false;
    auto no_rules_set = winnow::profiles::ProfileSet::load(no_rules_sources);
    if (!profile_set || !no_rules_set) {
        std::fprintf(stderr, "winnow_bench: the built-in profile does not load\n");
        return 1;
    }
    winnow::pipeline::CleanOptions clean_options;
    clean_options.profiles = &*profile_set;
    clean_options.prescan = prescan;
    winnow::pipeline::CleanOptions no_rules_options = clean_options;
    no_rules_options.profiles = &*no_rules_set;

    // One core: the three measures are taken page by page, one after the other, so that they
    // share the machine's load; each page keeps its fastest pass. The clock is the thread's CPU
    // time (a shared machine's other work does not count).
    const std::size_t count = pages.size();
    std::vector<double> gumbo_times(count, 1e300), pipeline_times(count, 1e300), no_rules_times(count, 1e300);
    double best_jobs = 1e300, best_batch = 1e300;
    std::size_t walked = 0;
    std::string one_core_output, jobs_output, batch_output;
    auto time_batch = [&](unsigned threads, std::string& output) {
        const auto start = Clock::now();
        output.clear();
        winnow::OrderedPool<const std::string*, std::string> pool(
            threads, [&](const std::string*& page) { return clean_to_json_line(*page, clean_options); },
            [&](std::string&& line) { output += line; });
        for (const auto& page : pages) pool.submit(&page);
        pool.finish();
        return seconds_since(start);
    };
    for (int pass = 0; pass < passes; ++pass) {
        one_core_output.clear();
        for (std::size_t i = 0; i < count; ++i) {
            auto start = thread_seconds();
            GumboOptions options = kGumboDefaultOptions;
            options.max_errors = 0;  // the fastest stock setting: parse errors are not collected
            GumboOutput* output = gumbo_parse_with_options(&options, decoded[i].data(), decoded[i].size());
            walked += walk_gumbo(output->document);
            gumbo_destroy_output(&kGumboDefaultOptions, output);
            auto stop = thread_seconds();
            gumbo_times[i] = std::min(gumbo_times[i], stop - start);

            start = thread_seconds();
            one_core_output += clean_to_json_line(pages[i], clean_options);
            stop = thread_seconds();
            pipeline_times[i] = std::min(pipeline_times[i], stop - start);

            start = thread_seconds();
            walked += clean_to_json_line(pages[i], no_rules_options).size();
            stop = thread_seconds();
            no_rules_times[i] = std::min(no_rules_times[i], stop - start);
        }
        // Several threads: wall-clock time of the whole batch through the pool `winnow clean`
        // uses, on one thread and on `jobs`, one after the other so that both see the same load.
        if (jobs > 1) {
            best_batch = std::min(best_batch, time_batch(1, batch_output));
            best_jobs = std::min(best_jobs, time_batch(jobs, jobs_output));
        }
    }
    double best_gumbo = 0, best_pipeline = 0, best_no_rules = 0;
    for (std::size_t i = 0; i < count; ++i) {
        best_gumbo += gumbo_times[i];
        best_pipeline += pipeline_times[i];
        best_no_rules += no_rules_times[i];
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double n = static_cast<double>(pages.size());
    const double mb = total_bytes / 1e6;
    std::printf("pages %zu  MB %.1f  passes %d (one core: CPU time, each page's fastest pass; batches: wall clock)%s\n", pages.size(), mb, passes,
                prescan ? "" : "  [--no-prescan]");
    std::printf("scan before parsing: %.0f%% of the decoded bytes left out (%zu script, %zu style, %zu svg bodies, %zu comments, "
                "the attributes of %zu tags)",
                100.0 * removed_bytes / std::max(1.0, decoded_bytes), scripts, styles, svgs, comments, attributes);
    for (const auto& [why, count] : stops) std::printf("; stopped early on %zu pages at %.*s", count, static_cast<int>(why.size()), why.data());
    std::printf("\n");
    std::printf("stock gumbo parse and walk   %7.1f pages/s  %6.2f MB/s\n", n / best_gumbo, mb / best_gumbo);
    std::printf("whole pipeline, 1 core       %7.1f pages/s  %6.2f MB/s  ratio to gumbo %.2f\n", n / best_pipeline,
                mb / best_pipeline, best_gumbo / best_pipeline);
    std::printf("  without default phrase rules %5.1f pages/s  %6.2f MB/s  ratio to gumbo %.2f\n", n / best_no_rules,
                mb / best_no_rules, best_gumbo / best_no_rules);
    const bool same_output = jobs_output == one_core_output && batch_output == one_core_output;
    if (jobs > 1) {
        std::printf("batch, 1 job (wall clock)    %7.1f pages/s  %6.2f MB/s\n", n / best_batch, mb / best_batch);
        std::printf("batch, %u jobs (wall clock)   %7.1f pages/s  %6.2f MB/s  speed-up %.2fx over 1 job  output %s\n", jobs,
                    n / best_jobs, mb / best_jobs, best_batch / best_jobs,
                    same_output ? "identical to 1 job" : "DIFFERS from 1 job");
    }
    std::printf("peak memory %.1f MB (maxrss, with the %.1f MB of pages and their decoded text held in memory)\n",
                usage.ru_maxrss / 1024.0, (total_bytes + decoded_bytes) / 1048576.0);
    if (jobs > 1 && !same_output) return 1;
    return walked ? 0 : 1;
}
