// warc: the bytes under the record reader. A ByteInput is where they come from (a file, standard
// input, memory); a DecodedStream turns them into the WARC data, inflating gzip when the input
// starts with gzip's signature: one member for the whole file or one member per record (the
// usual `.warc.gz`), any mix. It remembers where each gzip member started, so a record that
// starts a member can be named by its byte offset in the file (what CDX indexes and
// `dd skip=` use), and it survives a corrupt member: the damage is reported as a Break at its
// place in the decoded data and decoding resumes at the next member.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/util/result.hpp"

namespace winnow::warc {

class ByteInput {
public:
    virtual ~ByteInput() = default;
    // Reads up to `size` bytes into `data`: the count, 0 at the end, or an io error.
    virtual Result<std::size_t> read(char* data, std::size_t size) = 0;
};

// A file opened for reading (not_found, bad_input for a folder, io).
Result<std::unique_ptr<ByteInput>> open_file_input(const std::filesystem::path& path);
// A descriptor that stays open afterwards (standard input); `prefix` is returned first: bytes
// already read from it to tell what it holds.
std::unique_ptr<ByteInput> descriptor_input(int fd, std::string prefix = {});
// Bytes in memory (tests, small inputs).
std::unique_ptr<ByteInput> memory_input(std::string data);

// A place where the decoded data is not continuous: a gzip member was corrupt or the
// compressed data ended inside one. Bytes before `decoded_offset` are good; what follows comes
// from the next good member, if any.
struct Break {
    std::uint64_t decoded_offset = 0;
    std::uint64_t file_offset = 0;  // where the damaged gzip member starts in the file
    std::string message;            // "corrupt gzip data (invalid block type)"
};

class DecodedStream {
public:
    explicit DecodedStream(std::unique_ptr<ByteInput> input);
    ~DecodedStream();
    DecodedStream(const DecodedStream&) = delete;
    DecodedStream& operator=(const DecodedStream&) = delete;

    // Appends the next decoded bytes (at most about 64 KiB) to `out`. Returns false once the
    // data has ended (nothing appended then). Breaks met on the way are queued (take_breaks).
    bool read_some(std::string& out);

    // The breaks met since the last call, in order.
    std::vector<Break> take_breaks();

    // An error reading the input itself (not a decoding problem), once it happened.
    const std::optional<Error>& input_error() const { return m_input_error; }

    bool compressed() const { return m_gzip; }
    // Decoded bytes produced so far.
    std::uint64_t decoded_size() const { return m_decoded; }

    // The offset in the file of the gzip member whose data starts at `decoded_offset`, or, for
    // uncompressed data, `decoded_offset` itself; nullopt when no member starts there (inside a
    // whole-file gzip). Member starts before `decoded_offset` are forgotten.
    std::optional<std::uint64_t> file_offset_of(std::uint64_t decoded_offset);

private:
    bool fill_input();
    bool read_plain(std::string& out);
    bool read_gzip(std::string& out);
    void start_member();
    bool resync_to_next_member(std::uint64_t after);
    std::uint64_t input_offset() const;

    std::unique_ptr<ByteInput> m_input;
    std::vector<char> m_in;
    std::size_t m_in_begin = 0;  // next unread byte of m_in
    std::size_t m_in_end = 0;
    std::uint64_t m_in_file_offset = 0;  // file offset of m_in[0]
    bool m_input_done = false;
    std::optional<Error> m_input_error;
    bool m_started = false;
    bool m_gzip = false;
    bool m_done = false;
    z_stream m_zlib{};
    bool m_zlib_ready = false;
    bool m_in_member = false;             // inflate has consumed bytes of a member not yet ended
    bool m_member_produced = false;       // the current member produced output (a real member)
    bool m_resyncing = false;             // after a break: failures at candidate headers are silent
    std::uint64_t m_member_file_offset = 0;
    std::uint64_t m_decoded = 0;
    struct MemberStart {
        std::uint64_t decoded_offset;
        std::uint64_t file_offset;
    };
    std::deque<MemberStart> m_member_starts;
    std::vector<Break> m_breaks;
};

}  // namespace winnow::warc
