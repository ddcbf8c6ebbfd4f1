// pipeline: where the results of `winnow clean` go, one CleanedItem at a time, in input order.
// Either one stream (standard output, or one file given with -o that is written to a temporary
// file as the batch goes and renamed into place at the end, so that memory stays flat over a
// crawl and no reader ever sees half a file), or, for a batch in the text or JSON format with
// -o, a folder with one file per input.
//   text   title, blank line, body (the seed format); a blank line between inputs
//   markdown  CommonMark (write/document_writer); a blank line between inputs
//   json   one object; an array of objects for a batch, failed inputs in place
//   jsonl  one object per line, failed inputs in place
//   warc   a WARC file of WET-style `conversion` records (see warc/writer.hpp); with -o
//          FILE.gz each record is its own gzip member
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "winnow/pipeline/batch.hpp"
#include "winnow/write/document_writer.hpp"
#include "winnow/util/result.hpp"

namespace winnow::pipeline {

enum class OutputFormat { text, markdown, json, jsonl, warc };

// "text", "markdown" (or "md"), "json", "jsonl", "warc"; nullopt for another name.
std::optional<OutputFormat> output_format_named(std::string_view name);

struct OutputOptions {
    OutputFormat format = OutputFormat::text;
    std::string path;    // -o; empty: standard output
    bool batch = false;  // InputSource::is_batch(): a folder for -o (text, markdown, json), a JSON array
    bool links = false;         // markdown: [text](URL)
    bool images = false;        // markdown: ![alt](URL)
    bool front_matter = false;  // text, markdown: a YAML block first
};

class BatchOutput {
public:
    // Checks -o against the format and the batch (usage errors: a folder where one file is
    // written, a file where a folder is) and opens the output.
    static Result<std::unique_ptr<BatchOutput>> open(const OutputOptions& options);
    virtual ~BatchOutput() = default;

    // One result. A failed input is written in place by the JSON formats, skipped by the others.
    virtual Result<void> add(const CleanedItem& item) = 0;
    // A result of a kind the caller did not ask for (`clean --kinds`): the JSON formats write its
    // entry in place (`"skipped": "KIND"`, text null), the others nothing.
    virtual Result<void> add_skipped(const CleanedItem& item) = 0;
    // After the last result: ends the JSON array and puts the output file in place. An output
    // file that would hold nothing (every input failed; JSON batches excepted, their errors
    // are their content) is not written.
    virtual Result<void> finish() = 0;
};

// The JSON object of one result (`--format json` and `jsonl`): source, url, then for WARC
// records warc_record_id, then the article's fields or the error.
nlohmann::ordered_json item_json(const CleanedItem& item);

// The JSON object of a result skipped for its kind.
nlohmann::ordered_json skipped_item_json(const CleanedItem& item);

// The WET-style conversion record of one cleaned result.
std::string item_warc_record(const CleanedItem& item);

}  // namespace winnow::pipeline
