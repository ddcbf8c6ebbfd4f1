// warc: writes WARC records, as winnow's `--format warc` does: WET-style files (Common Crawl's
// form for extracted text), a `warcinfo` record, then one `conversion` record per cleaned page
// that refers to the response record it came from. Records are WARC/1.0, the version every
// reader accepts; `.warc.gz` output compresses each record as its own gzip member.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/warc/record.hpp"

namespace winnow::warc {

constexpr std::string_view k_write_version = "WARC/1.0";

// One record: the version line, `fields` in order, Content-Length (computed: leave it out of
// `fields`), a blank line, the block, and the two line ends that close a record.
std::string format_record(const std::vector<Field>& fields, std::string_view block);

// A gzip member holding `data` (per-record compression).
std::string gzip_member(std::string_view data);

// The text extracted from a page, WET-style.
struct Conversion {
    std::string target_uri;  // the page's URL (or a file: URI when none is known)
    std::string date;        // WARC-Date: the capture's date when the page came from a WARC record
    std::string record_id;   // "<urn:uuid:...>"
    std::string refers_to;   // the response record's WARC-Record-ID, or empty
    std::string text;        // UTF-8
};
std::string conversion_record(const Conversion& conversion);

// The `warcinfo` record at the head of a file: who wrote it and what it holds.
std::string warcinfo_record(std::string_view filename, std::string_view date, std::string_view record_id,
                            std::string_view software);

}  // namespace winnow::warc
