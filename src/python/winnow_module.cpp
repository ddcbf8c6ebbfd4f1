// python: the native part of the `winnow` Python module (`winnow._winnow`), a thin layer over
// winnow_core like the executable's commands: the same pipeline (pipeline::clean_item), the
// same JSON (pipeline::item_json, write::to_json_line), the same messages. The package around
// it (python/winnow/) adds the module-level functions and the Dask job.
//
// Threads: the GIL is released while a page is read and cleaned, so Python threads clean pages
// on every core. A Cleaner is immutable once built (its profiles are compiled once) and may be
// shared by threads; an input iterator serialises its own next() with a mutex.
//
// Errors: a winnow Error becomes the Python exception `winnow.Error` with the message the CLI
// prints after "winnow: ", and the attributes `kind` (ErrorKind's name) and `exit_status`
// (the status the CLI would exit with).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "winnow/cli/exit_status.hpp"
#include "winnow/cli/profile_options.hpp"
#include "winnow/decode/decode.hpp"
#include "winnow/pipeline/batch.hpp"
#include "winnow/pipeline/batch_output.hpp"
#include "winnow/pipeline/input_source.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/util/limits.hpp"
#include "winnow/write/document_writer.hpp"
#include "winnow/write/json_writer.hpp"

namespace py = pybind11;

namespace winnow::python {
namespace {

// How a cleaned input is handed to Python.
enum class Format {
    json,      // a dict: what `--format json` prints, parsed
    jsonl,     // a str: the line `--format jsonl` prints, without its newline
    text,      // a str: what `--format text` prints (clean() only)
    markdown,  // a str: what `--format markdown` prints (clean() only)
};

// Carries a library Error to the exception translator, which raises winnow.Error.
struct WinnowError : std::exception {
    explicit WinnowError(Error e) : error(std::move(e)) {}
    const char* what() const noexcept override { return error.message.c_str(); }
    Error error;
};

[[noreturn]] void raise(Error error) { throw WinnowError(std::move(error)); }

std::string_view kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage: return "usage";
        case ErrorKind::not_found: return "not_found";
        case ErrorKind::io: return "io";
        case ErrorKind::bad_input: return "bad_input";
        case ErrorKind::too_large: return "too_large";
        case ErrorKind::network: return "network";
        case ErrorKind::config: return "config";
        case ErrorKind::busy: return "busy";
        case ErrorKind::interrupted: return "interrupted";
        case ErrorKind::state: return "state";
        case ErrorKind::internal: return "internal";
    }
    return "internal";
}

Format format_named(const std::string& name, bool documents) {
    if (name == "json") return Format::json;
    if (name == "jsonl") return Format::jsonl;
    if (documents && name == "text") return Format::text;
    if (documents && (name == "markdown" || name == "md")) return Format::markdown;
    raise({ErrorKind::usage, "format " + name + ": unknown (" +
                                 (documents ? "json, jsonl, text or markdown" : "json or jsonl") + ")"});
}

py::object json_loads(const std::string& text) {
    static py::object loads = py::module_::import("json").attr("loads");  // never freed: the interpreter owns it
    return loads(py::str(text));
}

// The Python value of a cleaned input; the GIL is held.
py::object to_python(const pipeline::CleanedItem& cleaned, Format format) {
    switch (format) {
        case Format::json: return json_loads(write::to_json_line(pipeline::item_json(cleaned)));
        case Format::jsonl: return py::str(write::to_json_line(pipeline::item_json(cleaned)));
        case Format::text:
        case Format::markdown: {
            write::DocumentOptions options;
            options.format = format == Format::text ? write::DocumentFormat::text : write::DocumentFormat::markdown;
            return py::str(write::render_document(*cleaned.article, cleaned.input.url, options));
        }
    }
    return py::none();
}

class Cleaner;

// Yields every input of an InputSource, cleaned, in order: failed inputs come as their error
// objects (as in `--format jsonl`), not as exceptions, so that a batch goes on.
class InputIterator {
public:
    // `opened` and `shown`: with one input, the path opened and the name results and messages
    // give it (the same unless the caller renames it).
    InputIterator(std::shared_ptr<const Cleaner> cleaner, pipeline::InputSource source, Format format,
                  std::string opened = {}, std::string shown = {})
        : m_cleaner(std::move(cleaner)), m_source(std::move(source)), m_format(format),
          m_opened(std::move(opened)), m_shown(std::move(shown)) {}

    py::object next();

private:
    // The item and its messages name `m_shown`; a file is read first, under its real name.
    void rename(pipeline::InputItem& item) const;

    std::shared_ptr<const Cleaner> m_cleaner;
    pipeline::InputSource m_source;
    Format m_format;
    std::string m_opened;
    std::string m_shown;
    std::mutex m_mutex;
};

class Cleaner : public std::enable_shared_from_this<Cleaner> {
public:
    Cleaner(std::vector<std::string> profiles, bool no_profiles, bool no_default_rules, std::string encoding,
            std::size_t max_bytes, const std::optional<std::string>& favor) {
        if (!encoding.empty() && !decode::is_supported_charset(encoding))
            raise({ErrorKind::usage, "--encoding " + encoding + ": unknown encoding (try utf-8, windows-1252, gb18030, shift_jis)"});
        if (no_profiles && !profiles.empty())
            raise({ErrorKind::usage, "profiles and no_profiles=True exclude each other"});
        cli::ProfileOptions options{.folders = std::move(profiles), .none = no_profiles, .no_default_rules = no_default_rules};
        auto loaded = profiles::ProfileSet::load(cli::profile_sources(options));
        if (!loaded) raise(loaded.error());
        m_profiles = std::make_unique<profiles::ProfileSet>(std::move(*loaded));
        m_options.clean.profiles = m_profiles.get();
        m_options.load.max_bytes = max_bytes;
        m_options.encoding = std::move(encoding);
        if (favor) {  // as --favor: none leaves each site profile's favor, else balanced
            m_options.clean.favor = extract::favor_named(*favor);
            if (!m_options.clean.favor)
                raise({ErrorKind::usage, "favor \"" + *favor + "\": not a mode (" + std::string(extract::favor_names()) + ")"});
        }
    }

    const pipeline::BatchOptions& options() const { return m_options; }

    // One page given as bytes (read as the page declares) or str (UTF-8).
    py::object clean(const py::object& html, const std::optional<std::string>& url,
                     const std::optional<std::string>& content_type, const std::optional<std::string>& source,
                     const std::string& format_name) const {
        const Format format = format_named(format_name, true);
        pipeline::InputItem item;
        item.kind = pipeline::InputKind::file;  // the checks and labels of a file named on the command line
        item.url = url.value_or("");
        item.source = source ? *source : !item.url.empty() ? item.url : std::string("<html>");
        item.content_type = content_type.value_or("");
        pipeline::BatchOptions options = m_options;
        if (py::isinstance<py::str>(html)) {
            item.bytes = html.cast<std::string>();  // UTF-8, whatever the markup declares
            if (options.encoding.empty()) options.encoding = "utf-8";
        } else if (py::isinstance<py::bytes>(html) || py::isinstance<py::bytearray>(html) ||
                   py::isinstance<py::memoryview>(html)) {
            item.bytes = py::bytes(html).cast<std::string>();
        } else {
            throw py::type_error("html must be bytes or str, not " + std::string(py::str(html.get_type().attr("__name__"))));
        }
        if (item.bytes.size() > options.load.max_bytes)
            raise({ErrorKind::too_large, item.source + ": " + std::to_string(item.bytes.size()) + " bytes, over the limit of " +
                                             std::to_string(options.load.max_bytes) + " bytes"});  // as for a file
        item.loaded = true;
        pipeline::CleanedItem cleaned;
        {
            py::gil_scoped_release release;
            cleaned = pipeline::clean_item(std::move(item), options);
        }
        if (!cleaned.article) raise(cleaned.article.error());
        return to_python(cleaned, format);
    }

    // The inputs as `winnow clean` takes them: files, folders (with recursive), WARC files, URLs.
    // `source` names the one input in results and messages instead of its path (a job that
    // opens a file by its absolute path reports it as the user named it).
    std::unique_ptr<InputIterator> iter_inputs(std::vector<std::string> inputs, bool recursive,
                                               const std::string& format_name,
                                               const std::optional<std::string>& source = std::nullopt) const {
        const Format format = format_named(format_name, false);
        for (const auto& input : inputs)
            if (input == "-") raise({ErrorKind::usage, "-: standard input is not an input of the Python module"});
        if (source && inputs.size() != 1) raise({ErrorKind::usage, "source names one input, not " + std::to_string(inputs.size())});
        std::string opened = source ? inputs.front() : std::string();
        auto opened_source = pipeline::InputSource::open(std::move(inputs), {},
                                                         {.recursive = recursive, .max_bytes = m_options.load.max_bytes});
        if (!opened_source) raise(opened_source.error());
        return std::make_unique<InputIterator>(shared_from_this(), std::move(*opened_source), format, std::move(opened),
                                               source.value_or(""));
    }

    // The HTML responses of one WARC file (.warc, .warc.gz, or any file that starts like one).
    std::unique_ptr<InputIterator> iter_warc(const std::string& path, const std::string& format_name,
                            const std::optional<std::string>& source) const {
        std::ifstream file(path, std::ios::binary);
        if (!file) raise({ErrorKind::not_found, path + ": cannot open (no such file, or not readable)"});
        std::string head(4096, '\0');
        file.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(file.gcount()));
        if (!pipeline::has_warc_name(path) && !pipeline::starts_like_warc(head))
            raise({ErrorKind::bad_input, path + ": not a WARC file"});
        return iter_inputs({path}, false, format_name, source);
    }

private:
    std::unique_ptr<profiles::ProfileSet> m_profiles;  // stays put: m_options points at it
    pipeline::BatchOptions m_options;
};

void InputIterator::rename(pipeline::InputItem& item) const {
    if (m_opened.empty() || m_opened == m_shown) return;
    if (item.kind == pipeline::InputKind::file && !item.error && !item.loaded)
        if (auto loaded = pipeline::load_item(item, m_cleaner->options().load); !loaded) item.error = loaded.error();
    if (item.error && item.error->message.starts_with(m_opened))
        item.error->message = m_shown + item.error->message.substr(m_opened.size());
    if (item.source == m_opened) item.source = m_shown;
}

py::object InputIterator::next() {
    std::optional<pipeline::CleanedItem> cleaned;
    {
        py::gil_scoped_release release;
        std::lock_guard lock(m_mutex);
        if (auto item = m_source.next()) {
            rename(*item);
            cleaned = pipeline::clean_item(std::move(*item), m_cleaner->options());
        }
    }
    if (!cleaned) throw py::stop_iteration();
    return to_python(*cleaned, m_format);
}

}  // namespace
}  // namespace winnow::python

PYBIND11_MODULE(_winnow, m) {
    using namespace winnow::python;
    m.doc() = "winnow's native core: web pages to clean text (see the winnow package)";
    m.attr("__version__") = WINNOW_VERSION;
    m.attr("DEFAULT_MAX_BYTES") = winnow::k_default_max_page_bytes;

    static py::exception<WinnowError> error_type(m, "Error");
    error_type.doc() = "A page or an input winnow cannot clean; str(error) is the message the CLI prints";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const WinnowError& e) {
            py::object instance = py::handle(error_type.ptr())(py::str(e.error.message));
            instance.attr("kind") = py::str(std::string(kind_name(e.error.kind)));
            instance.attr("exit_status") = winnow::cli::exit_status_for(e.error);
            PyErr_SetObject(error_type.ptr(), instance.ptr());
        }
    });

    py::class_<InputIterator, std::unique_ptr<InputIterator>>(m, "InputIterator")
        .def("__iter__", [](InputIterator& self) -> InputIterator& { return self; })
        .def("__next__", &InputIterator::next);

    py::class_<Cleaner, std::shared_ptr<Cleaner>>(m, "Cleaner")
        .def(py::init<std::vector<std::string>, bool, bool, std::string, std::size_t, std::optional<std::string>>(),
             py::kw_only(), py::arg("profiles") = std::vector<std::string>{}, py::arg("no_profiles") = false,
             py::arg("no_default_rules") = false, py::arg("encoding") = "",
             py::arg("max_bytes") = winnow::k_default_max_page_bytes, py::arg("favor") = py::none())
        .def("clean", &Cleaner::clean, py::arg("html"), py::arg("url") = py::none(), py::arg("content_type") = py::none(),
             py::kw_only(), py::arg("source") = py::none(), py::arg("format") = "json")
        .def("iter_inputs", &Cleaner::iter_inputs, py::arg("inputs"), py::kw_only(), py::arg("recursive") = false,
             py::arg("format") = "json", py::arg("source") = py::none())
        .def("iter_warc", &Cleaner::iter_warc, py::arg("path"), py::kw_only(), py::arg("format") = "json",
             py::arg("source") = py::none());

    m.def(
        "files_in_folder",
        [](const std::string& folder) {
            std::vector<std::string> files;
            for (auto& file : winnow::pipeline::files_in_folder(folder)) {
                if (!file) raise(file.error());
                files.push_back(std::move(*file));
            }
            return files;
        },
        py::arg("folder"), "The pages and WARC files under a folder, in the order `winnow clean -r` cleans them");
}
