// `winnow clean [OPTIONS] INPUT...`: cleans pages given as URLs, files (.html, .html.gz) or
// `-` for standard input, and prints or writes the text, JSON or JSON Lines.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "winnow/cli/cli.hpp"
#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/pipeline/load_input.hpp"
#include "winnow/util/atomic_file.hpp"
#include "winnow/write/document_writer.hpp"
#include "winnow/write/json_writer.hpp"

namespace winnow::cli {
namespace {

namespace fs = std::filesystem;

enum class OutputFormat { text, markdown, json, jsonl };

struct CleanSettings {
    std::vector<std::string> inputs;
    std::string output;
    std::string format = "text";
    std::string url;
    std::size_t max_bytes = 20 * 1024 * 1024;
    long timeout = 30;
    bool explain = false;
    bool links = false;
    bool images = false;
    bool front_matter = false;
    bool no_prescan = false;
    ProfileOptions profiles;
};

// The outcome of one input: the rendered output, or the error message.
struct CleanedInput {
    std::string source;
    std::string url;
    Result<extract::Article> article = fail(ErrorKind::internal, "not cleaned");
};

OutputFormat parse_format(const std::string& name) {
    if (name == "json") return OutputFormat::json;
    if (name == "jsonl") return OutputFormat::jsonl;
    if (name == "markdown" || name == "md") return OutputFormat::markdown;
    return OutputFormat::text;
}

CleanedInput clean_one(const std::string& input, const CleanSettings& settings, const pipeline::CleanOptions& options) {
    CleanedInput result;
    result.source = input;
    pipeline::LoadOptions load_options;
    load_options.max_bytes = settings.max_bytes;
    load_options.fetch.total_timeout = std::chrono::seconds(settings.timeout);
    auto loaded = pipeline::load_input(input, load_options);
    if (!loaded) {
        result.url = pipeline::looks_like_url(input) ? input : settings.url;
        result.article = std::unexpected(loaded.error());
        return result;
    }
    pipeline::PageContext context;
    context.url = loaded->url.empty() ? settings.url : loaded->url;
    context.content_type = loaded->content_type;
    result.url = context.url;
    auto article = pipeline::clean_page(std::move(loaded->bytes), context, options);
    if (!article) article.error().message = input + ": " + article.error().message;
    result.article = std::move(article);
    return result;
}

std::string pretty_json(const nlohmann::ordered_json& object) {
    return object.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool is_document(OutputFormat format) { return format == OutputFormat::text || format == OutputFormat::markdown; }

std::string render(const CleanedInput& cleaned, OutputFormat format, const CleanSettings& settings) {
    if (is_document(format)) {
        write::DocumentOptions options;
        options.format = format == OutputFormat::markdown ? write::DocumentFormat::markdown : write::DocumentFormat::text;
        options.links = settings.links;
        options.images = settings.images;
        options.front_matter = settings.front_matter;
        return write::render_document(*cleaned.article, cleaned.url, options);
    }
    auto object = write::article_json(cleaned.source, cleaned.url, *cleaned.article);
    if (format == OutputFormat::jsonl) return write::to_json_line(object) + "\n";
    return pretty_json(object);
}

// The file name for one input when -o names a folder: the input's base name, or for a URL
// and stdin a name made from it, with the format's extension.
std::string output_name(const std::string& input, std::size_t index, OutputFormat format) {
    std::string ext = format == OutputFormat::text ? ".txt" : format == OutputFormat::markdown ? ".md" : ".json";
    std::string base;
    if (input == "-") {
        base = "stdin";
    } else if (pipeline::looks_like_url(input)) {
        for (char c : input.substr(input.find("://") + 3))
            base += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
    } else {
        base = fs::path(input).filename().string();
        for (std::string_view suffix : {".gz", ".html", ".htm"})
            if (base.ends_with(suffix)) base.resize(base.size() - suffix.size());
    }
    if (base.empty()) base = "input-" + std::to_string(index + 1);
    return base + ext;
}

// `--explain`: each removed block and the rule that removed it, after the input's name when
// several inputs are cleaned.
void print_explanation(const extract::Article& article, const std::string& input, bool several) {
    for (const auto& removal : article.removals)
        std::cerr << (several ? input + ": " : "") << "removed (" << removal.rule << "): " << removal.text << "\n";
}

class ProgressLine {
public:
    explicit ProgressLine(std::size_t total) : m_total(total), m_enabled(total > 1 && ::isatty(STDERR_FILENO)) {}
    ~ProgressLine() {
        if (m_enabled) std::cerr << "\r\033[K" << std::flush;
    }
    void update(std::size_t done, std::size_t failed) {
        if (m_enabled) std::cerr << "\rwinnow: " << done << "/" << m_total << " cleaned, " << failed << " failed" << std::flush;
    }

private:
    std::size_t m_total;
    bool m_enabled;
};

// Where cleaned inputs go when they are not written one file each: standard output (streamed,
// so memory stays flat over a corpus) or one output file (written atomically at the end).
class CombinedOutput {
public:
    CombinedOutput(OutputFormat format, bool json_array, std::string path)
        : m_format(format), m_json_array(json_array), m_path(std::move(path)) {
        if (m_json_array) emit("[\n");
    }

    void add(const std::string& rendered) {
        if (is_document(m_format) && m_count > 0) emit("\n");
        if (m_json_array && m_count > 0) emit(",\n");
        if (m_json_array) emit(rendered.substr(0, rendered.size() - 1));  // without its newline
        else emit(rendered);
        ++m_count;
    }

    Result<void> finish() {
        if (m_json_array) emit(m_count ? "\n]\n" : "]\n");
        if (m_path.empty()) return {};
        return write_atomically(m_path, m_buffer);
    }

private:
    OutputFormat m_format;
    bool m_json_array;
    std::string m_path;
    std::string m_buffer;
    std::size_t m_count = 0;

    void emit(const std::string& piece) {
        if (m_path.empty()) std::cout << piece << std::flush;
        else m_buffer += piece;
    }
};

int run_clean(const CleanSettings& settings, const pipeline::CleanOptions& options) {
    const OutputFormat format = parse_format(settings.format);
    if ((settings.links || settings.images) && format != OutputFormat::markdown) {
        std::cerr << "winnow: " << (settings.links ? "--links" : "--images") << " needs --format markdown\n";
        return k_exit_usage;
    }
    if (settings.front_matter && !is_document(format)) {
        std::cerr << "winnow: --front-matter needs --format text or markdown (JSON has the metadata as fields)\n";
        return k_exit_usage;
    }
    const bool several = settings.inputs.size() > 1;
    const bool to_folder = !settings.output.empty() && several && format != OutputFormat::jsonl;
    if (!settings.output.empty() && !to_folder && fs::is_directory(settings.output)) {
        std::cerr << "winnow: " << settings.output << ": is a folder; give a file name for one input or for jsonl\n";
        return k_exit_usage;
    }
    if (to_folder && fs::exists(settings.output) && !fs::is_directory(settings.output)) {
        std::cerr << "winnow: " << settings.output << ": is a file; with several inputs -o names a folder\n";
        return k_exit_usage;
    }
    if (std::count(settings.inputs.begin(), settings.inputs.end(), std::string("-")) > 1) {
        std::cerr << "winnow: '-' (standard input) can be given only once\n";
        return k_exit_usage;
    }

    CombinedOutput combined(format, format == OutputFormat::json && several, to_folder ? "" : settings.output);
    std::size_t failed = 0;
    std::set<std::string> names_used;
    ProgressLine progress(settings.inputs.size());
    for (std::size_t i = 0; i < settings.inputs.size(); ++i) {
        const std::string& input = settings.inputs[i];
        CleanedInput cleaned = clean_one(input, settings, options);
        if (!cleaned.article) {
            ++failed;
            const std::string& message = cleaned.article.error().message;
            std::cerr << "winnow: " << message << "\n";
            // In JSON the failure is reported in place, so a batch keeps one entry per input.
            auto object = write::error_json(input, cleaned.url, message);
            if (format == OutputFormat::jsonl && !to_folder) combined.add(write::to_json_line(object) + "\n");
            if (format == OutputFormat::json && several && !to_folder) combined.add(pretty_json(object));
            progress.update(i + 1, failed);
            continue;
        }
        for (const auto& warning : cleaned.article->warnings) std::cerr << "winnow: " << input << ": " << warning << "\n";
        if (settings.explain) print_explanation(*cleaned.article, input, several);
        std::string rendered = render(cleaned, format, settings);
        if (!to_folder) {
            combined.add(rendered);
        } else {
            std::string name = output_name(input, i, format);
            // Two inputs with one base name must not overwrite each other.
            for (int n = 2; names_used.contains(name); ++n) {
                name = output_name(input, i, format);
                name.insert(name.rfind('.'), "-" + std::to_string(n));
            }
            names_used.insert(name);
            if (auto written = write_atomically(fs::path(settings.output) / name, rendered); !written) {
                ++failed;
                std::cerr << "winnow: " << written.error().message << "\n";
            }
        }
        progress.update(i + 1, failed);
    }
    // A single output file is written only when something went into it (or for JSON batches,
    // where the errors themselves are the content).
    bool nothing_to_write = failed == settings.inputs.size() && !(!is_document(format) && several);
    if (!(nothing_to_write && !settings.output.empty())) {
        if (auto written = combined.finish(); !written) {
            std::cerr << "winnow: " << written.error().message << "\n";
            return k_exit_some_failed;
        }
    }
    return failed ? k_exit_some_failed : k_exit_ok;
}

}  // namespace

void add_clean_command(CLI::App& app, int& status) {
    auto settings = std::make_shared<CleanSettings>();
    CLI::App* clean = app.add_subcommand("clean", "Clean web pages and print the article text");
    clean->add_option("inputs", settings->inputs,
                      "Pages to clean: http(s):// URLs, files (.html, .html.gz) or - for standard input")
        ->required();
    clean->add_option("-o,--output", settings->output,
                      "Write to this file (atomically) instead of standard output; with several inputs and "
                      "--format text, markdown or json, a folder that gets one file per input");
    clean->add_option("--format", settings->format,
                      "text: the title, a blank line and the body (the seed format; an empty first line when the page has no title); markdown: CommonMark with "
                      "GitHub pipe tables; json: one object per input; jsonl: one object per input per line, in input order")
        ->check(CLI::IsMember({"text", "markdown", "md", "json", "jsonl"}))
        ->capture_default_str();
    clean->add_flag("--links", settings->links,
                    "Markdown: keep links as [text](URL), made absolute against the page's address and <base href>");
    clean->add_flag("--images", settings->images,
                    "Markdown: keep images as ![alt](URL), made absolute like links");
    clean->add_flag("--front-matter", settings->front_matter,
                    "text and markdown: start with a YAML block of what the page says about itself (title, author, "
                    "date, url, language, site_name, description)");
    clean->add_option("--url", settings->url,
                      "The page's address when the input is a file or standard input (relative links, profile choice)");
    clean->add_option("--max-bytes", settings->max_bytes, "Refuse inputs larger than this many bytes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    clean->add_option("--timeout", settings->timeout, "Seconds allowed for fetching one URL")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    clean->add_flag("--explain", settings->explain, "Print each removed block and the rule that removed it on stderr");
    clean->add_flag("--no-prescan", settings->no_prescan,
                    "Let the parser read every byte instead of skipping script, style and SVG bodies first "
                    "(slower; the output is the same: scripts/check-identical compares the two)");
    add_profile_options(*clean, settings->profiles, true);
    clean->callback([settings, &status] {
        auto profile_set = profiles::ProfileSet::load(profile_sources(settings->profiles));
        if (!profile_set) {
            std::cerr << "winnow: " << profile_set.error().message << "\n";
            status = k_exit_usage;
            return;
        }
        pipeline::CleanOptions options;
        options.explain = settings->explain;
        options.prescan = !settings->no_prescan;
        options.profiles = &*profile_set;
        status = run_clean(*settings, options);
    });
}

}  // namespace winnow::cli
