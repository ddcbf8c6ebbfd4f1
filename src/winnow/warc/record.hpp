// warc: a WARC record (ISO 28500:2017, WARC 1.1, and WARC 1.0) as the reader returns it and as
// the writer takes it: the version line, the named fields in order, and the content block.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::warc {

struct Field {
    std::string name;
    std::string value;
};

// The value of the first field named `name` (compared ignoring ASCII case), or "".
std::string_view find_field(const std::vector<Field>& fields, std::string_view name);

// Where a record starts. In an uncompressed file, or when the record starts a gzip member (the
// usual per-record `.warc.gz`), that is a byte offset in the file; inside a whole-file gzip it
// can only be an offset in the decompressed data.
struct RecordPosition {
    std::uint64_t offset = 0;
    bool in_file = true;

    // "byte 1234", or "byte 1234 of the decompressed data"
    std::string describe() const;
};

struct Record {
    std::string version;        // "WARC/1.0" or "WARC/1.1"
    std::vector<Field> fields;  // the named fields, in their order
    std::uint64_t content_length = 0;
    bool block_kept = false;    // the reader was asked to keep the block (see ReaderOptions)
    std::string block;          // the content block when kept, else empty
    RecordPosition position;

    std::string_view field(std::string_view name) const { return find_field(fields, name); }
    std::string_view type() const { return field("WARC-Type"); }
    std::string_view record_id() const { return field("WARC-Record-ID"); }
    // WARC-Target-URI without the angle brackets WARC 1.0 writers sometimes put around it.
    std::string_view target_uri() const;
    std::string_view date() const { return field("WARC-Date"); }
    std::string_view content_type() const { return field("Content-Type"); }
};

}  // namespace winnow::warc
