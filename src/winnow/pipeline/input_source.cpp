#include "winnow/pipeline/input_source.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <utility>

#include "winnow/decode/sniff.hpp"
#include "winnow/pipeline/load_input.hpp"
#include "winnow/pipeline/warc_inputs.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::pipeline {
namespace {

namespace fs = std::filesystem;

// How much of standard input is read to tell a page from a WARC stream.
constexpr std::size_t k_sniff_bytes = 512;

// Files a folder walk takes: pages, optionally gzip-compressed, and WARC files.
constexpr std::string_view k_page_extensions[] = {".html", ".htm", ".xhtml", ".shtml"};

bool has_page_name(std::string_view path) {
    std::string name = ascii::lower(path);
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    return std::any_of(std::begin(k_page_extensions), std::end(k_page_extensions),
                       [&](std::string_view ext) { return name.ends_with(ext); });
}

using ascii::trim;

// The first bytes of a file (inflated when it is gzip) start a WARC record.
bool file_starts_like_warc(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[k_sniff_bytes];
    in.read(head, sizeof head);
    return starts_like_warc(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

// Reads from a descriptor until `limit` bytes or the end. False on a read error.
bool read_up_to(int fd, std::string& out, std::size_t limit) {
    char buffer[1 << 16];
    while (out.size() < limit) {
        ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, limit - out.size()));
        if (n == 0) return true;
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
}

// A folder tree, depth first, each folder's entries in byte order of their names.
class FolderWalk {
public:
    explicit FolderWalk(fs::path root) : m_root(std::move(root)) { push(m_root); }

    // The next page or WARC file under the root, an error for a folder that cannot be read, or
    // nullopt at the end.
    std::optional<Result<fs::path>> next() {
        while (!m_pending.empty()) {
            auto& level = m_pending.back();
            if (level.empty()) {
                m_pending.pop_back();
                continue;
            }
            fs::path path = std::move(level.back());
            level.pop_back();
            std::error_code ec;
            auto status = fs::symlink_status(path, ec);
            if (ec) continue;
            if (fs::is_directory(status)) {  // a link to a folder is not followed: no cycles
                if (auto error = push(path)) return std::unexpected(*error);
                continue;
            }
            if (fs::is_symlink(status)) status = fs::status(path, ec);
            if (ec || !fs::is_regular_file(status)) continue;
            std::string name = path.filename().string();
            if (has_page_name(name) || has_warc_name(name)) return path;
        }
        return std::nullopt;
    }

    const fs::path& root() const { return m_root; }

private:
    std::optional<Error> push(const fs::path& folder) {
        std::vector<fs::path> entries;
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (!name.empty() && name.front() == '.') continue;  // hidden files and folders
            entries.push_back(it->path());
        }
        if (ec) return Error{ErrorKind::io, folder.string() + ": cannot read the folder: " + ec.message()};
        // Reverse order: the back is the next one.
        std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) { return a.string() > b.string(); });
        m_pending.push_back(std::move(entries));
        return std::nullopt;
    }

    fs::path m_root;
    std::vector<std::vector<fs::path>> m_pending;
};

}  // namespace

std::vector<Result<std::string>> files_in_folder(const std::string& folder) {
    std::vector<Result<std::string>> files;
    FolderWalk walk(folder);
    while (auto path = walk.next()) {
        if (*path) files.emplace_back((*path)->string());
        else files.emplace_back(std::unexpected(path->error()));
    }
    return files;
}

namespace {

// A file name without the page and compression extensions.
std::string strip_page_extension(std::string name) {
    for (std::string_view suffix : {".gz", ".html", ".htm", ".xhtml", ".shtml"})
        if (ascii::lower(name).ends_with(suffix)) name.resize(name.size() - suffix.size());
    return name;
}

}  // namespace

std::string InputItem::label() const {
    if (kind != InputKind::warc_record || warc_position.empty()) return source;
    std::string label = source + ": record at " + warc_position;
    if (!url.empty()) label += " (" + url + ")";
    return label;
}

std::string file_name_from_url(std::string_view url) {
    std::string base;
    auto scheme = url.find("://");
    for (char c : url.substr(scheme == std::string_view::npos ? 0 : scheme + 3))
        base += ascii::is_alnum(c) || c == '.' || c == '-' ? c : '_';
    return base;
}

bool has_warc_name(std::string_view path) {
    std::string name = ascii::lower(path);
    return name.ends_with(".warc") || name.ends_with(".warc.gz");
}

bool starts_like_warc(std::string_view head) {
    if (!decode::is_gzip(head)) return head.starts_with("WARC/");
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return false;
    char out[16];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
    stream.avail_in = static_cast<uInt>(head.size());
    stream.next_out = reinterpret_cast<Bytef*>(out);
    stream.avail_out = sizeof out;
    inflate(&stream, Z_SYNC_FLUSH);
    std::size_t produced = sizeof out - stream.avail_out;
    inflateEnd(&stream);
    return std::string_view(out, produced).starts_with("WARC/");
}

bool looks_like_input_list(std::string_view bytes) {
    if (bytes.find('<') != std::string_view::npos) return false;
    std::size_t entries = 0;
    for (std::size_t at = 0; at < bytes.size();) {
        std::size_t end = std::min(bytes.find('\n', at), bytes.size());
        std::string_view line = trim(bytes.substr(at, end - at));
        at = end + 1;
        if (line.empty() || line.front() == '#') continue;
        // A name with a page extension and no space (what `ls` and `find` print), a URL, or a
        // path that is there.
        bool names_input = looks_like_url(line) || ((has_page_name(line) || has_warc_name(line)) &&
                                                    line.find_first_of(" \t") == std::string_view::npos);
        if (!names_input) {
            std::error_code ec;
            names_input = line.find('/') != std::string_view::npos && fs::exists(fs::path(line), ec);
        }
        if (!names_input) return false;
        ++entries;
    }
    return entries > 0;
}

struct InputSource::State {
    InputSourceOptions options;
    std::deque<std::string> arguments;
    std::deque<std::string> list_names;
    bool batch = false;
    // Standard input, looked at by open() when given as `-`.
    std::string stdin_head;
    bool stdin_is_warc = false;
    bool stdin_read_failed = false;
    // What is being read now.
    std::unique_ptr<std::istream> list;  // the -i list being read (or std::cin's buffer)
    std::string list_name;
    std::size_t list_line = 0;
    bool list_started = false;  // an entry of the current list was given out
    std::string list_error;     // set when the current list turned out not to be one
    std::optional<FolderWalk> walk;
    std::unique_ptr<WarcInputs> warc;

    std::optional<InputItem> next();
    // The next name from the arguments, then the lists; nullopt at the end. `from_list` says which.
    std::optional<std::string> next_name(bool& from_list);
    // Turns a name into an item, or starts reading a folder or WARC file (nullopt then).
    std::optional<InputItem> start(const std::string& name, bool from_list, const std::string& output_name);
    InputItem standard_input_item();
};

Result<InputSource> InputSource::open(std::vector<std::string> inputs, std::vector<std::string> lists,
                                      InputSourceOptions options) {
    auto state = std::make_unique<State>();
    state->options = options;
    std::size_t stdin_uses = std::count(inputs.begin(), inputs.end(), std::string("-")) +
                             std::count(lists.begin(), lists.end(), std::string("-"));
    if (stdin_uses > 1) return fail(ErrorKind::usage, "standard input ('-', '-i -') can be read only once");
    for (const std::string& list : lists) {
        if (list == "-") continue;
        std::error_code ec;
        if (!fs::exists(list, ec)) return fail(ErrorKind::usage, "-i " + list + ": no such file");
        if (fs::is_directory(list, ec)) return fail(ErrorKind::usage, "-i " + list + ": is a folder, not a list of inputs");
        if (!std::ifstream(list)) return fail(ErrorKind::usage, "-i " + list + ": cannot open: " + std::strerror(errno));
    }
    state->batch = inputs.size() + lists.size() > 1 || !lists.empty();
    for (const std::string& input : inputs) {
        if (input == "-") {
            state->stdin_read_failed = !read_up_to(STDIN_FILENO, state->stdin_head, k_sniff_bytes);
            state->stdin_is_warc = starts_like_warc(state->stdin_head);
            state->batch = state->batch || state->stdin_is_warc;
            continue;
        }
        if (looks_like_url(input)) continue;
        std::error_code ec;
        if (fs::is_directory(input, ec)) state->batch = state->batch || options.recursive;
        else if (fs::is_regular_file(input, ec) && (has_warc_name(input) || file_starts_like_warc(input))) state->batch = true;
    }
    state->arguments.assign(std::make_move_iterator(inputs.begin()), std::make_move_iterator(inputs.end()));
    state->list_names.assign(std::make_move_iterator(lists.begin()), std::make_move_iterator(lists.end()));
    return InputSource(std::move(state));
}

InputSource::InputSource(std::unique_ptr<State> state) : m_state(std::move(state)) {}
InputSource::InputSource(InputSource&&) noexcept = default;
InputSource& InputSource::operator=(InputSource&&) noexcept = default;
InputSource::~InputSource() = default;

bool InputSource::is_batch() const { return m_state->batch; }

std::optional<InputItem> InputSource::next() { return m_state->next(); }

std::optional<InputItem> InputSource::State::next() {
    while (true) {
        if (warc) {
            if (auto item = warc->next()) return item;
            warc.reset();
            continue;
        }
        if (walk) {
            auto path = walk->next();
            if (!path) {
                walk.reset();
                continue;
            }
            if (!*path) {
                InputItem item;
                item.source = walk->root().string();
                item.error = path->error();
                return item;
            }
            std::string relative = (*path)->lexically_relative(walk->root()).string();
            if (auto item = start((*path)->string(), false, strip_page_extension(relative))) return item;
            continue;
        }
        bool from_list = false;
        auto name = next_name(from_list);
        if (!list_error.empty()) {
            InputItem item;
            item.source = list_name;
            item.error = Error{ErrorKind::bad_input, std::exchange(list_error, {})};
            return item;
        }
        if (!name) return std::nullopt;
        if (auto item = start(*name, from_list, {})) return item;
    }
}

std::optional<std::string> InputSource::State::next_name(bool& from_list) {
    if (!arguments.empty()) {
        std::string name = std::move(arguments.front());
        arguments.pop_front();
        from_list = false;
        return name;
    }
    from_list = true;
    while (true) {
        if (!list) {
            if (list_names.empty()) return std::nullopt;
            list_name = std::move(list_names.front());
            list_names.pop_front();
            list_line = 0;
            list_started = false;
            if (list_name == "-") list = std::make_unique<std::istream>(std::cin.rdbuf());
            else list = std::make_unique<std::ifstream>(list_name, std::ios::binary);
        }
        std::string line;
        if (!std::getline(*list, line)) {
            list.reset();
            continue;
        }
        ++list_line;
        std::string_view entry = trim(line);
        if (entry.empty() || entry.front() == '#') continue;
        // A page given as a list (`-i page.html`): one error, not one per line of markup.
        if (!list_started && entry.front() == '<') {
            list.reset();
            list_error = list_name + ": looks like a page, not a list of inputs (one path or URL per line)";
            return std::nullopt;
        }
        list_started = true;
        return std::string(entry);
    }
}

InputItem InputSource::State::standard_input_item() {
    InputItem item;
    item.kind = InputKind::standard_input;
    item.source = "-";
    item.output_name = "stdin";
    std::string data = std::move(stdin_head);
    if (stdin_read_failed || !read_up_to(STDIN_FILENO, data, options.max_bytes + 1)) {
        item.error = Error{ErrorKind::io, std::string("-: cannot read standard input: ") + std::strerror(errno)};
        return item;
    }
    if (data.size() > options.max_bytes) {
        item.error = Error{ErrorKind::too_large,
                           "-: standard input is over the limit of " + std::to_string(options.max_bytes) + " bytes"};
        return item;
    }
    item.bytes = std::move(data);
    item.loaded = true;
    return item;
}

std::optional<InputItem> InputSource::State::start(const std::string& name, bool from_list, const std::string& output_name) {
    InputItem item;
    item.source = name;
    item.output_name = output_name;
    if (name == "-") {
        if (from_list) {
            item.error = Error{ErrorKind::bad_input, list_name + ":" + std::to_string(list_line) +
                                                         ": '-' (standard input) cannot be named in a list"};
            return item;
        }
        if (stdin_is_warc) {
            warc = std::make_unique<WarcInputs>("-", warc::descriptor_input(STDIN_FILENO, std::move(stdin_head)),
                                                options.max_bytes);
            return std::nullopt;
        }
        return standard_input_item();
    }
    if (looks_like_url(name)) {
        item.kind = InputKind::url;
        item.url = name;
        item.output_name = file_name_from_url(name);
        return item;
    }
    std::error_code ec;
    auto status = fs::status(name, ec);
    if (!ec && fs::is_directory(status)) {
        if (!options.recursive) {
            item.error = Error{ErrorKind::bad_input, name + ": is a folder; use -r to clean the pages and WARC files in it"};
            return item;
        }
        walk.emplace(name);
        return std::nullopt;
    }
    if (!ec && fs::is_regular_file(status) && (has_warc_name(name) || file_starts_like_warc(name))) {
        auto input = warc::open_file_input(name);
        if (!input) {
            item.error = input.error();
            return item;
        }
        warc = std::make_unique<WarcInputs>(name, std::move(*input), options.max_bytes);
        return std::nullopt;
    }
    item.kind = InputKind::file;
    if (item.output_name.empty()) item.output_name = strip_page_extension(fs::path(name).filename().string());
    return item;
}

}  // namespace winnow::pipeline
