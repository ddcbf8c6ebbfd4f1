// `winnow clean [OPTIONS] INPUT...`: cleans pages given as URLs, files (.html, .html.gz), `-`
// for standard input, `-i` lists, folders (-r) and WARC files, and prints or writes the text,
// JSON, JSON Lines or WARC. The inputs, the batch loop and the outputs are the pipeline's
// (input_source, batch, batch_output); this file reads the options and reports.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/fetch_options.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/cli/stop_signals.hpp"
#include "winnow/decode/decode.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/pipeline/batch.hpp"
#include "winnow/pipeline/batch_output.hpp"
#include "winnow/pipeline/input_source.hpp"
#include "winnow/util/limits.hpp"

namespace winnow::cli {
namespace {

struct CleanSettings {
    std::vector<std::string> inputs;
    std::vector<std::string> input_lists;
    bool recursive = false;
    std::string output;
    std::string format = "text";
    std::string url;
    std::string encoding;
    bool links = false;
    bool images = false;
    bool front_matter = false;
    std::size_t max_bytes = k_default_max_page_bytes;
    FetchCliOptions fetch;
    bool explain = false;
    bool no_prescan = false;
    int jobs = -1;  // -1: one per core for a batch into jsonl, warc or a folder, else 1
    bool justext = false;
    bool streamed_segments = false;
    std::string favor;               // precision, balanced, recall; empty: the profile's, else balanced
    std::vector<std::string> kinds;  // page kinds written; empty: every kind
    ProfileOptions profiles;
};

// A batch on a terminal shows how far it is, on one line of stderr that is rewritten.
class ProgressLine {
public:
    explicit ProgressLine(bool batch) : m_enabled(batch && ::isatty(STDERR_FILENO)) {}
    ~ProgressLine() { clear(); }
    void update(std::size_t done, std::size_t failed) {
        if (m_enabled) std::cerr << "\rwinnow: " << done << " cleaned, " << failed << " failed" << std::flush;
    }
    // Before a message, so that it starts on a clean line.
    void clear() {
        if (m_enabled) std::cerr << "\r\033[K" << std::flush;
    }

private:
    bool m_enabled;
};

// The value of a metadata field named in Article::sources, as --explain shows it.
std::string metadata_value(const extract::Article& article, std::string_view field) {
    if (field == "title") return article.title;
    if (field == "authors") return article.author;
    if (field == "date") return article.date;
    if (field == "date_modified") return article.date_modified;
    if (field == "language") return article.language;
    if (field == "description") return article.description;
    if (field == "site_name") return article.site_name;
    if (field == "canonical_url") return article.canonical_url;
    if (field == "image") return article.image;
    if (field == "page_kind") return article.page_kind;
    return {};
}

// What is said on stderr about one result: its error, or its warnings and, with --explain,
// each removed block with the rule that removed it, then each metadata value with its source
// and the page kind with its evidence (after the input's name in a batch).
void report(const pipeline::CleanedItem& cleaned, bool explain, bool batch) {
    if (!cleaned.article) {
        std::cerr << "winnow: " << cleaned.article.error().message << "\n";
        return;
    }
    const std::string label = cleaned.input.label();
    for (const auto& warning : cleaned.article->warnings) std::cerr << "winnow: " << label << ": " << warning << "\n";
    if (!explain) return;
    const std::string prefix = batch ? label + ": " : "";
    for (const auto& removal : cleaned.article->removals)
        std::cerr << prefix << "removed (" << removal.rule << "): " << removal.text << "\n";
    for (const auto& source : cleaned.article->sources)
        std::cerr << prefix << source.field << " = " << metadata_value(*cleaned.article, source.field) << " ("
                  << source.source << ")\n";
    if (!cleaned.article->page_flags.empty()) {
        std::cerr << prefix << "page_flags =";
        for (const auto& flag : cleaned.article->page_flags) std::cerr << " " << flag;
        std::cerr << "\n";
    }
}

bool kind_wanted(const CleanSettings& settings, const pipeline::CleanedItem& cleaned) {
    return settings.kinds.empty() || !cleaned.article ||
           std::find(settings.kinds.begin(), settings.kinds.end(), cleaned.article->page_kind) != settings.kinds.end();
}

int run_clean(const CleanSettings& settings, const pipeline::CleanOptions& clean_options) {
    if (settings.inputs.empty() && settings.input_lists.empty()) {
        std::cerr << "winnow: nothing to clean: give URLs, files, folders (with -r), WARC files, - or -i FILE\n";
        return k_exit_usage;
    }
    if (!settings.encoding.empty() && !decode::is_supported_charset(settings.encoding)) {
        std::cerr << "winnow: --encoding " << settings.encoding << ": unknown encoding (try utf-8, windows-1252, gb18030, shift_jis)\n";
        return k_exit_usage;
    }
    const pipeline::OutputFormat format = *pipeline::output_format_named(settings.format);
    if ((settings.links || settings.images) && format != pipeline::OutputFormat::markdown) {
        std::cerr << "winnow: " << (settings.links ? "--links" : "--images") << " needs --format markdown\n";
        return k_exit_usage;
    }
    if (settings.front_matter && format != pipeline::OutputFormat::text && format != pipeline::OutputFormat::markdown) {
        std::cerr << "winnow: --front-matter needs --format text or markdown (JSON has the metadata as fields)\n";
        return k_exit_usage;
    }
    auto source = pipeline::InputSource::open(settings.inputs, settings.input_lists,
                                              {.recursive = settings.recursive, .max_bytes = settings.max_bytes});
    if (!source) {
        std::cerr << "winnow: " << source.error().message << "\n";
        return exit_status_for(source.error());
    }
    const bool batch = source->is_batch();
    auto output = pipeline::BatchOutput::open({.format = format,
                                               .path = settings.output,
                                               .batch = batch,
                                               .links = settings.links,
                                               .images = settings.images,
                                               .front_matter = settings.front_matter});
    if (!output) {
        std::cerr << "winnow: " << output.error().message << "\n";
        return exit_status_for(output.error());
    }

    pipeline::BatchOptions options;
    options.load.max_bytes = settings.max_bytes;
    options.load.fetch = single_url_fetch_options(settings.fetch);
    options.load.profiles = clean_options.profiles;
    options.clean = clean_options;
    options.url = settings.url;
    options.encoding = settings.encoding;
    // Batches made to be processed (JSON Lines, WARC, a folder of files) use every core by
    // default; text on a terminal stays one page at a time unless asked. The output is the same.
    const bool batch_format = format == pipeline::OutputFormat::jsonl || format == pipeline::OutputFormat::warc;
    const bool to_folder = batch && !settings.output.empty() && !batch_format;
    options.stop = &g_stop_requested;
    options.jobs = settings.jobs >= 0 ? static_cast<unsigned>(settings.jobs) : batch && (batch_format || to_folder) ? 0 : 1;
    // An exception escaping the library while an input is cleaned is reported naming it.
    CurrentInput current("");
    options.starting = [&current](const pipeline::InputItem& item) { current.update(item.label()); };

    // A stopped batch writes no output file (standard output has what was cleaned) and exits 130.
    install_stop_handlers();
    ProgressLine progress(batch);
    std::size_t done = 0, failed = 0;
    bool output_failed = false;
    pipeline::clean_batch(*source, options, [&](pipeline::CleanedItem&& cleaned) {
        progress.clear();
        report(cleaned, settings.explain, batch);
        ++done;
        if (!cleaned.article) ++failed;
        // A page of a kind not asked for is not an error: one line, and in a JSON batch its entry.
        const bool wanted = kind_wanted(settings, cleaned);
        if (!wanted) std::cerr << "winnow: " << cleaned.input.label() << ": skipped (" << cleaned.article->page_kind << ")\n";
        if (auto added = wanted ? (*output)->add(cleaned) : (*output)->add_skipped(cleaned); !added) {
            std::cerr << "winnow: " << added.error().message << "\n";
            // A file of a folder output that cannot be written fails that input; a stream that
            // cannot be written stops the batch.
            if (settings.output.empty() || !batch || settings.format == "jsonl" || settings.format == "warc") {
                output_failed = true;
                return false;
            }
            if (cleaned.article) ++failed;
        }
        progress.update(done, failed);
        return !g_stop_requested.load();
    });
    progress.clear();
    if (g_stop_requested.load()) {
        const bool one_file = !settings.output.empty() && (!batch || settings.format == "jsonl" || settings.format == "warc");
        std::cerr << "winnow: stopped after " << done << " inputs" << (one_file ? "; " + settings.output + " not written" : "")
                  << "\n";
        return k_exit_interrupted;
    }
    if (output_failed) return k_exit_some_failed;  // the output file, if any, is not put in place
    if (auto finished = (*output)->finish(); !finished) {
        std::cerr << "winnow: " << finished.error().message << "\n";
        return exit_status_for(finished.error());
    }
    return failed ? k_exit_some_failed : k_exit_ok;
}

}  // namespace

void add_clean_command(CLI::App& app, int& status) {
    auto settings = std::make_shared<CleanSettings>();
    CLI::App* clean = app.add_subcommand("clean", "Clean web pages and print the article text");
    clean->add_option("inputs", settings->inputs,
                      "Pages to clean: http(s):// URLs, files (.html, .html.gz), WARC files (.warc, .warc.gz), "
                      "folders (with -r) or - for standard input (a page or a WARC stream)");
    clean->add_option("-i,--input-file", settings->input_lists,
                      "Also clean the inputs listed in FILE, one path or URL per line (blank lines and lines "
                      "starting with # are skipped); - reads the list from standard input (repeatable)")
        ->type_name("FILE")
        ->expected(1)  // one list per -i, so that `-i urls.txt page.html` still cleans page.html
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    clean->add_flag("-r,--recursive", settings->recursive,
                    "Clean the pages (.html, .htm, .xhtml, .shtml, optionally .gz) and WARC files in the folders "
                    "given, and in their subfolders");
    clean->add_option("-o,--output", settings->output,
                      "Write to this file (atomically) instead of standard output; with several inputs and "
                      "--format text, markdown or json, a folder that gets one file per input");
    clean->add_option("--format", settings->format,
                      "text: the title, a blank line and the body (the seed format; an empty first line when the page "
                      "has no title); markdown: CommonMark with GitHub pipe tables; json: one object per input; "
                      "jsonl: one object per input per line, in input order; warc: a WARC file of WET-style "
                      "conversion records (gzip members with -o FILE.gz)")
        ->check(CLI::IsMember({"text", "markdown", "md", "json", "jsonl", "warc"}))
        ->capture_default_str();
    clean->add_flag("--links", settings->links,
                    "Markdown: keep links as [text](URL), made absolute against the page's address and <base href>");
    clean->add_flag("--images", settings->images, "Markdown: keep images as ![alt](URL), made absolute like links");
    clean->add_flag("--front-matter", settings->front_matter,
                    "text and markdown: start with a YAML block of what the page says about itself (title, author, "
                    "date, url, language, site_name, description, page_kind...)");
    clean->add_option("--url", settings->url,
                      "The page's address when the input is a file or standard input (relative links, profile choice)");
    clean->add_option("--encoding", settings->encoding,
                      "Read every page in this charset (utf-8, windows-1252, gb18030, ...), whatever the page or the "
                      "server declares; only a byte-order mark wins over it")
        ->type_name("NAME");
    clean->add_option("--max-bytes", settings->max_bytes, "Refuse inputs (and WARC records) larger than this many bytes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    add_fetch_options(*clean, settings->fetch);
    clean->add_flag("--explain", settings->explain,
                    "Print each removed block and the rule that removed it, and the source of each metadata value and "
                    "the page kind's evidence, on stderr");
    clean->add_flag("--justext", settings->justext,
                    "Experimental: let a jusText-style candidate (whole-page block classification) rescue a short "
                    "result (method \"justext\"); see src/winnow/extract/README.md");
    clean->add_option("--favor", settings->favor,
                      "precision: less boilerplate (for a reader or a language model), at the cost of some text; "
                      "recall: nothing missed (for an archive), at the cost of some boilerplate; balanced: between "
                      "the two [default: the site profile's favor, else balanced]")
        ->type_name("MODE")
        ->check(CLI::IsMember({"precision", "balanced", "recall"}));
    std::string known_kinds;
    std::vector<std::string> kind_names;
    for (std::string_view name : metadata::page_kind_names()) {
        known_kinds += (known_kinds.empty() ? "" : ", ") + std::string(name);
        kind_names.emplace_back(name);
    }
    clean->add_option("--kinds", settings->kinds,
                      "Write only pages of these kinds (comma-separated: " + known_kinds +
                          "); others are reported as skipped on stderr")
        ->delimiter(',')
        ->allow_extra_args(false)  // one comma-separated list: the inputs after it are not kinds
        ->check(CLI::IsMember(kind_names));
    clean->add_option("-j,--jobs", settings->jobs,
                      "Pages cleaned at once (0: one per core); the output is the same, in input order "
                      "[default: one per core for jsonl, warc or a folder, else 1]")
        ->check(CLI::NonNegativeNumber);
    clean->add_flag("--streamed-segments", settings->streamed_segments,
                    "Experimental: read the content a React page streams after its shell (hidden <div id=\"S:n\">) "
                    "where the page's scripts put it; off by default (see src/winnow/dom/tree.hpp)");
    clean->add_flag("--no-prescan", settings->no_prescan,
                    "Let the parser read every byte instead of skipping script, style and SVG bodies first "
                    "(slower; the output is the same: scripts/check-identical compares the two)");
    add_profile_options(*clean, settings->profiles, true);
    clean->footer(
        "\nExamples:\n"
        "  winnow clean page.html                          one saved page\n"
        "  ls saved/*.html | winnow clean -i - -o out/     the pages a list names, one file each in out/\n"
        "  winnow clean -r --format jsonl saved/ > all.jsonl   every page under a folder (on every core)\n"
        "  winnow clean --format jsonl crawl.warc.gz       the HTML responses of a crawl (wget --warc-file)\n"
        "  winnow clean --format warc -o text.warc.gz crawl.warc.gz   WET-style text records\n"
        "  winnow clean --encoding utf-8 page.html         a UTF-8 page that declares another charset");
    clean->callback([settings, &status] {
        auto profile_set = load_profiles(settings->profiles);
        if (!profile_set) {
            status = exit_status_for(profile_set.error());
            return;
        }
        pipeline::CleanOptions options;
        options.explain = settings->explain;
        options.prescan = !settings->no_prescan;
        options.justext = settings->justext;
        options.streamed_segments = settings->streamed_segments;
        if (!settings->favor.empty()) options.favor = extract::favor_named(settings->favor);
        options.profiles = &*profile_set;
        status = run_clean(*settings, options);
    });
}

}  // namespace winnow::cli
