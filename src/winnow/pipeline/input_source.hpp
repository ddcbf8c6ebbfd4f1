// pipeline: what a batch cleans, one input at a time. An InputSource takes the inputs as the
// user named them (URLs, files, `-` for standard input, `-i` lists, folders with `-r`, WARC
// files) and yields one InputItem per page, lazily: a list of a million URLs, a folder tree or
// a crawl archive of any size is never held in memory, only the item being handed out.
//
// The batch loop (batch.hpp) pulls items from next() on one thread; loading and cleaning an
// item (load_item, clean_loaded_item) touch nothing shared, so a pool of workers can run them;
// the results go to the output in the order next() gave them.
//
// Order: the arguments as given, then each `-i` list in turn, line by line; a folder is walked
// depth first, entries in byte order of their names; a WARC file gives its records in file
// order. What each kind yields:
//   URL (any scheme://)    one item, fetched when loaded
//   file                   one item, read when loaded (.gz inflated); a WARC file (by its name
//                          .warc / .warc.gz, or by content) gives one item per HTML response
//   -                      standard input: a page (read at once), or a WARC stream
//   folder                 with -r, the pages (.html, .htm, .xhtml, .shtml, each optionally .gz)
//                          and WARC files under it, hidden names skipped; without -r, an error
// A problem found while producing items (a folder without -r, a broken WARC record) comes as an
// item with `error` set, in its place in the order, so that a batch reports it and goes on.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/util/limits.hpp"
#include "winnow/util/result.hpp"

namespace winnow::pipeline {

enum class InputKind {
    url,             // fetched by load_item
    file,            // read by load_item
    standard_input,  // comes with its bytes
    warc_record,     // comes with its bytes (the HTTP body, decoded)
};

struct InputItem {
    InputKind kind = InputKind::file;
    std::string source;        // as named: the argument, the list line, the path in the folder, the WARC file
    std::string url;           // the page's address when known: the URL, the WARC-Target-URI
    std::string content_type;  // the HTTP Content-Type when known (WARC records)
    long status = 0;           // the HTTP status when known (WARC records)
    std::string bytes;         // the page, once loaded (standard input and WARC records come loaded)
    bool loaded = false;
    std::string output_name;   // a relative file name without extension for one-file-per-input output
    std::string warc_record_id;  // WARC records: WARC-Record-ID
    std::string warc_date;       // WARC records: WARC-Date
    std::string warc_position;   // WARC records: "byte 1234" (see warc::RecordPosition)
    std::optional<Error> error;  // the input failed before it could be loaded; the message names it

    // How messages name the input: the source, and for a WARC record which one.
    std::string label() const;
};

struct InputSourceOptions {
    bool recursive = false;                    // -r: walk folders
    std::size_t max_bytes = k_default_max_page_bytes;  // the largest page (standard input, WARC records)
};

class InputSource {
public:
    // Checks what can be checked before anything is cleaned (usage errors): every `-i` list is
    // readable, standard input is named at most once (`-` and `-i -` together count twice).
    // `lists` are read after `inputs`. Standard input given as `-` is looked at (a page or a
    // WARC stream) here.
    static Result<InputSource> open(std::vector<std::string> inputs, std::vector<std::string> lists,
                                    InputSourceOptions options);
    InputSource(InputSource&&) noexcept;
    InputSource& operator=(InputSource&&) noexcept;
    ~InputSource();

    // The next input, or nullopt when there are no more.
    std::optional<InputItem> next();

    // True when the inputs may be more than one page (several arguments, a list, a folder, a
    // WARC file), decided before the first item: output goes to a folder or a JSON array then.
    bool is_batch() const;

private:
    struct State;
    explicit InputSource(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

// The pages and WARC files under `folder`, in the order a batch with -r cleans them (the same
// walk); a folder in the tree that cannot be read comes as an error in its place. For jobs
// that split a batch into one task per file (scripts/dask-clean).
std::vector<Result<std::string>> files_in_folder(const std::string& folder);

// True when the file name says WARC: `.warc` or `.warc.gz` (any case).
bool has_warc_name(std::string_view path);

// True when data (plain or gzip) starts like a WARC record ("WARC/1.").
bool starts_like_warc(std::string_view head);

// A file name (without extension) for the page at `url`, for one-file-per-input output: host
// and path, other characters than letters, digits, '.' and '-' as '_'.
std::string file_name_from_url(std::string_view url);

// True when `bytes` reads as a list of inputs (file names, URLs; no markup at all) rather than
// a page: what `ls *.html | winnow clean -` sends. Such input is refused with a hint to use -i.
bool looks_like_input_list(std::string_view bytes);

}  // namespace winnow::pipeline
