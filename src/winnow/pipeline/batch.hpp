// pipeline: cleaning a batch. Each input goes through three steps that share nothing, so that
// a pool of workers can run the first two for many inputs at once:
//   load_item          reads the file or fetches the URL (inputs from standard input and WARC
//                      records come loaded)
//   clean_loaded_item  clean_page on the bytes, with the item's URL, Content-Type and --encoding
//   (the caller)       hands the CleanedItem to the output, in input order
// clean_item does the first two and never fails: the outcome carries the error, its message
// naming the input. clean_batch is the loop over an InputSource: the source is read and the
// results are delivered on the caller's thread, in input order; with jobs > 1 clean_item runs on
// that many threads (util/ordered_pool.hpp), at most a few items per thread ahead of the one
// being delivered, so memory does not grow with the batch.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "winnow/extract/article.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/pipeline/input_source.hpp"
#include "winnow/pipeline/load_input.hpp"
#include "winnow/util/result.hpp"

namespace winnow::pipeline {

struct BatchOptions {
    LoadOptions load;      // size limit and fetch settings
    CleanOptions clean;    // profiles, --explain
    std::string url;       // --url: the address of files and standard input
    std::string encoding;  // --encoding: the charset of every page, whatever it declares
    unsigned jobs = 1;     // threads that load and clean (0: one per core); the output is the same
    // Set (by SIGINT or SIGTERM): no input is started any more; the batch ends after the one it
    // is delivering.
    const std::atomic<bool>* stop = nullptr;
    // Called on the calling thread with each item before its result is delivered, so that the
    // command can name it should an exception escape (a bug, std::bad_alloc: cli::run reports it
    // and exits 70). An exception thrown while the item was cleaned, on whatever thread, is
    // rethrown on the calling thread just after this call, in input order.
    std::function<void(const InputItem&)> starting;
};

struct CleanedItem {
    InputItem input;  // its bytes released; `url` is the final one (after redirects, or --url)
    Result<extract::Article> article = fail(ErrorKind::internal, "not cleaned");
};

// Reads or fetches the item's page unless it is loaded already. Errors name the input.
Result<void> load_item(InputItem& item, const LoadOptions& options);

// Cleans a loaded item, taking its bytes (gone once the page is parsed). Errors name the input.
Result<extract::Article> clean_loaded_item(InputItem& item, const BatchOptions& options);

// load_item, then clean_loaded_item; the bytes are released.
CleanedItem clean_item(InputItem item, const BatchOptions& options);

struct BatchCounts {
    std::size_t inputs = 0;  // items handed to `deliver`
    std::size_t failed = 0;  // of which failed
};

// Cleans every input of `source` in order and hands each result to `deliver` as soon as it is
// ready. `deliver` returns false to stop the batch (the output cannot be written).
BatchCounts clean_batch(InputSource& source, const BatchOptions& options,
                        const std::function<bool(CleanedItem&&)>& deliver);

}  // namespace winnow::pipeline
