#include "winnow/pipeline/batch_output.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>

#include "winnow/util/atomic_file.hpp"
#include "winnow/util/time.hpp"
#include "winnow/warc/digest.hpp"
#include "winnow/warc/writer.hpp"
#include "winnow/write/json_writer.hpp"
#include "winnow/write/text_writer.hpp"

namespace winnow::pipeline {
namespace {

namespace fs = std::filesystem;

write::DocumentOptions document_options(const OutputOptions& options) {
    write::DocumentOptions document;
    document.format = options.format == OutputFormat::markdown ? write::DocumentFormat::markdown : write::DocumentFormat::text;
    document.links = options.links;
    document.images = options.images;
    document.front_matter = options.front_matter;
    return document;
}

std::string pretty_json(const nlohmann::ordered_json& object) {
    return object.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// A file: URI for a page known only by its file name (WARC-Target-URI is required).
std::string file_uri(const std::string& source) {
    if (source == "-") return "file:///dev/stdin";
    std::error_code ec;
    fs::path absolute = fs::absolute(source, ec);
    std::string uri = "file://";
    for (char c : (ec ? fs::path(source) : absolute).string()) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '%' || c == '#' || c == '?') {
            static constexpr std::string_view k_hex = "0123456789ABCDEF";
            uri += '%';
            uri += k_hex[u >> 4];
            uri += k_hex[u & 15];
        } else {
            uri += c;
        }
    }
    return uri;
}

// Standard output, or one file written as it goes and renamed into place by finish().
class StreamOutput final : public BatchOutput {
public:
    StreamOutput(const OutputOptions& options, std::optional<AtomicFile> file)
        : m_format(options.format),
          m_document(document_options(options)),
          m_json_array(options.format == OutputFormat::json && options.batch),
          m_errors_are_content(options.batch && (options.format == OutputFormat::json || options.format == OutputFormat::jsonl)),
          m_gzip(options.format == OutputFormat::warc && options.path.ends_with(".gz")),
          m_file(std::move(file)) {}

    Result<void> start() { return m_json_array ? emit("[\n") : Result<void>{}; }

    Result<void> add(const CleanedItem& item) override {
        if (!item.article) {
            if (m_format == OutputFormat::jsonl) return emit(write::to_json_line(item_json(item)) + "\n");
            if (m_json_array) return put_array_element(pretty_json(item_json(item)));
            return {};
        }
        ++m_written;
        switch (m_format) {
            case OutputFormat::text:
            case OutputFormat::markdown:
                if (m_written > 1)
                    if (auto r = emit("\n"); !r) return r;
                return emit(write::render_document(*item.article, item.input.url, m_document));
            case OutputFormat::json:
                if (m_json_array) return put_array_element(pretty_json(item_json(item)));
                return emit(pretty_json(item_json(item)));
            case OutputFormat::jsonl:
                return emit(write::to_json_line(item_json(item)) + "\n");
            case OutputFormat::warc:
                if (m_written == 1) {
                    std::string filename = m_file ? m_file->path().filename().string() : "";
                    auto info = warc::warcinfo_record(filename, utc_now(),
                                                      warc::random_record_id(), "winnow/" WINNOW_VERSION);
                    if (auto r = emit_record(info); !r) return r;
                }
                return emit_record(item_warc_record(item));
        }
        return {};
    }

    Result<void> add_skipped(const CleanedItem& item) override {
        if (m_format == OutputFormat::jsonl) return emit(write::to_json_line(skipped_item_json(item)) + "\n");
        if (m_json_array) return put_array_element(pretty_json(skipped_item_json(item)));
        return {};
    }

    Result<void> finish() override {
        if (m_json_array)
            if (auto r = emit(m_elements ? "\n]\n" : "]\n"); !r) return r;
        if (!m_file) {
            std::cout.flush();
            if (!std::cout) return fail(ErrorKind::io, "standard output: cannot write");
            return {};
        }
        if (m_written == 0 && !m_errors_are_content) return {};  // nothing in it: no file
        return m_file->commit();
    }

private:
    Result<void> emit(std::string_view piece) {
        if (m_file) return m_file->write(piece);
        std::cout << piece;
        // A batch streams: each result is out as soon as it is cleaned (and a closed pipe shows).
        std::cout.flush();
        if (!std::cout) return fail(ErrorKind::io, "standard output: cannot write");
        return {};
    }

    Result<void> emit_record(const std::string& record) { return emit(m_gzip ? warc::gzip_member(record) : record); }

    Result<void> put_array_element(const std::string& rendered) {
        std::string piece = m_elements++ ? ",\n" : "";
        piece.append(rendered, 0, rendered.size() - 1);  // without its newline
        return emit(piece);
    }

    OutputFormat m_format;
    write::DocumentOptions m_document;
    bool m_json_array;
    bool m_errors_are_content;  // JSON batches: a file of error objects is still the answer
    bool m_gzip;
    std::optional<AtomicFile> m_file;
    std::size_t m_written = 0;
    std::size_t m_elements = 0;
};

// One file per input in a folder; names from the input, made unique with -2, -3, ...
class FolderOutput final : public BatchOutput {
public:
    FolderOutput(fs::path folder, const OutputOptions& options)
        : m_folder(std::move(folder)), m_format(options.format), m_document(document_options(options)) {}

    Result<void> add(const CleanedItem& item) override {
        ++m_index;
        if (!item.article) return {};
        const bool json = m_format == OutputFormat::json;
        std::string rendered =
            json ? pretty_json(item_json(item)) : write::render_document(*item.article, item.input.url, m_document);
        std::string base = item.input.output_name.empty() ? "input-" + std::to_string(m_index) : item.input.output_name;
        std::string extension = json ? ".json" : std::string(write::document_extension(m_document.format));
        std::string name = base + extension;
        for (int n = 2; m_used.contains(name); ++n) name = base + "-" + std::to_string(n) + extension;
        m_used.insert(name);
        return write_atomically(m_folder / name, rendered);
    }

    Result<void> add_skipped(const CleanedItem&) override {
        ++m_index;
        return {};
    }

    Result<void> finish() override { return {}; }

private:
    fs::path m_folder;
    OutputFormat m_format;
    write::DocumentOptions m_document;
    std::set<std::string> m_used;
    std::size_t m_index = 0;
};

}  // namespace

std::optional<OutputFormat> output_format_named(std::string_view name) {
    if (name == "text") return OutputFormat::text;
    if (name == "markdown" || name == "md") return OutputFormat::markdown;
    if (name == "json") return OutputFormat::json;
    if (name == "jsonl") return OutputFormat::jsonl;
    if (name == "warc") return OutputFormat::warc;
    return std::nullopt;
}

Result<std::unique_ptr<BatchOutput>> BatchOutput::open(const OutputOptions& options) {
    const bool one_stream = options.format == OutputFormat::jsonl || options.format == OutputFormat::warc;
    const bool to_folder = !options.path.empty() && options.batch && !one_stream;
    std::error_code ec;
    if (!options.path.empty() && !to_folder && fs::is_directory(options.path, ec))
        return fail(ErrorKind::usage, options.path + ": is a folder; give a file name for one input, jsonl or warc");
    if (to_folder && fs::exists(options.path, ec) && !fs::is_directory(options.path, ec))
        return fail(ErrorKind::usage, options.path + ": is a file; with several inputs -o names a folder");
    if (to_folder) return std::unique_ptr<BatchOutput>(std::make_unique<FolderOutput>(options.path, options));
    std::optional<AtomicFile> file;
    if (!options.path.empty()) {
        auto created = AtomicFile::create(options.path);
        if (!created) return std::unexpected(created.error());
        file.emplace(std::move(*created));
    }
    auto output = std::make_unique<StreamOutput>(options, std::move(file));
    if (auto started = output->start(); !started) return std::unexpected(started.error());
    return std::unique_ptr<BatchOutput>(std::move(output));
}

nlohmann::ordered_json skipped_item_json(const CleanedItem& item) {
    return write::skipped_json(item.input.source, item.input.url, *item.article);
}

nlohmann::ordered_json item_json(const CleanedItem& item) {
    const InputItem& input = item.input;
    nlohmann::ordered_json object = item.article ? write::article_json(input.source, input.url, *item.article)
                                                 : write::error_json(input.source, input.url, item.article.error().message);
    if (input.kind != InputKind::warc_record) return object;
    // warc_record_id right after url: the two name the record.
    nlohmann::ordered_json with_id;
    for (auto& [key, value] : object.items()) {
        with_id[key] = value;
        if (key == "url")
            with_id["warc_record_id"] = input.warc_record_id.empty() ? nlohmann::ordered_json(nullptr)
                                                                     : nlohmann::ordered_json(input.warc_record_id);
    }
    return with_id;
}

std::string item_warc_record(const CleanedItem& item) {
    const InputItem& input = item.input;
    warc::Conversion conversion;
    conversion.target_uri = input.url.empty() ? file_uri(input.source) : input.url;
    conversion.date = input.warc_date.empty() ? utc_now() : input.warc_date;
    conversion.refers_to = input.warc_record_id;
    // From a record: an id derived from the record's, so the same crawl gives the same file.
    conversion.record_id = input.warc_record_id.empty()
                               ? warc::random_record_id()
                               : warc::name_based_record_id("winnow conversion of " + input.warc_record_id);
    conversion.text = write::render_text(*item.article);
    return warc::conversion_record(conversion);
}

}  // namespace winnow::pipeline
