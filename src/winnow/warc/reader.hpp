// warc: reads WARC files (ISO 28500, versions 1.0 and 1.1) record by record, plain or gzip
// (whole-file or per-record members), from any ByteInput. Memory is bounded by the largest
// record kept (and 64 KiB of read-ahead), never by the file: blocks the caller does not want,
// or larger than ReaderOptions::max_block_bytes, are skipped as they stream past.
//
//     warc::Reader reader(std::move(*warc::open_file_input("crawl.warc.gz")), options);
//     while (auto next = reader.next()) {
//         if (!*next) { report(next->error()); continue; }   // a broken record; reading goes on
//         use(**next);
//     }
//
// A broken record (truncated, a wrong Content-Length, a malformed header, a corrupt gzip
// member, a block that does not match its WARC-Block-Digest) comes back as a ReadError naming
// its position, and reading resumes at the next record: the next line that starts with
// "WARC/1." after the damage, or the next gzip member. A file that does not start with a WARC
// record gives one ReadError ("not a WARC file") and nothing else.
#pragma once

#include <cstdint>
#include <deque>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "winnow/warc/byte_stream.hpp"
#include "winnow/warc/record.hpp"

namespace winnow::warc {

struct ReadError {
    RecordPosition position;
    std::string message;  // e.g. "truncated: Content-Length is 5120 bytes, the data ends after 1800"
};

struct ReaderOptions {
    // Called with each record's fields (block still empty): true to have its block read into
    // Record::block. Unset: every block is kept.
    std::function<bool(const Record&)> keep_block;
    // Blocks over this size are never kept (the record comes back with block_kept false).
    std::uint64_t max_block_bytes = 64 * 1024 * 1024;
    // Check kept blocks against their WARC-Block-Digest (SHA-1, base32 or hex) when present.
    bool verify_digests = true;
};

class Reader {
public:
    explicit Reader(std::unique_ptr<ByteInput> input, ReaderOptions options = {});

    // The next record, a ReadError for a broken one, or nullopt at the end of the data.
    std::optional<std::expected<Record, ReadError>> next();

    // Decoded bytes held right now (read ahead, or the record being read): about the largest
    // record plus one read, whatever the file's size.
    std::size_t buffered_bytes() const { return m_buf.size(); }

    // Good records returned so far.
    std::size_t records_read() const { return m_records; }
    // An error of the input itself (a failed read), reported by next() as a ReadError too.
    const std::optional<Error>& input_error() const { return m_stream.input_error(); }

private:
    using Outcome = std::expected<Record, ReadError>;

    bool fill();
    bool ensure(std::size_t count);  // at least `count` bytes after m_pos (false: the data ended first)
    void consume(std::size_t count);
    std::uint64_t absolute(std::size_t index) const { return m_buf_offset + index; }
    RecordPosition position_at(std::uint64_t decoded_offset);
    // The first pending break strictly inside the decoded range (from, to), if any.
    const Break* break_within(std::uint64_t from, std::uint64_t to) const;
    void resync(std::size_t from);  // m_pos + from: look for the next record from there
    Outcome failure(RecordPosition position, std::string message, std::size_t resync_from);
    // The record at `position` crosses the first pending break: report it, go on after the break.
    Outcome damaged(RecordPosition position);
    Outcome read_record();
    bool skip_block(std::uint64_t length, std::string& error);

    DecodedStream m_stream;
    ReaderOptions m_options;
    std::string m_buf;            // decoded data not yet consumed starts at m_pos
    std::size_t m_pos = 0;
    std::uint64_t m_buf_offset = 0;  // decoded offset of m_buf[0]
    bool m_stream_ended = false;
    std::deque<Break> m_breaks;   // breaks not yet reported or passed
    bool m_first = true;
    bool m_done = false;
    bool m_input_error_reported = false;
    std::size_t m_records = 0;
};

}  // namespace winnow::warc
