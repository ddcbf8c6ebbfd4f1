#include "winnow/warc/byte_stream.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace winnow::warc {
namespace {

namespace fs = std::filesystem;

// Bytes asked of the input at a time.
constexpr std::size_t k_read_chunk = 64 * 1024;
// Decoded bytes produced per read_some call at most.
constexpr std::size_t k_output_chunk = 64 * 1024;
// The compressed bytes of the current gzip member are kept up to this size, so that after a
// corrupt member the search for the next one can start right after its start (a member cut
// short is followed by the next one, which inflate would have swallowed). A larger member (a
// whole-file gzip) is not kept: after damage there the search starts where inflate stopped.
// Per-record members of pages are far smaller; this is also what a whole-file gzip costs.
constexpr std::size_t k_member_window = 4 * 1024 * 1024;

constexpr std::string_view k_gzip_member_magic = "\x1f\x8b\x08";

class DescriptorInput final : public ByteInput {
public:
    DescriptorInput(int fd, bool owned, std::string prefix) : m_fd(fd), m_owned(owned), m_prefix(std::move(prefix)) {}
    ~DescriptorInput() override {
        if (m_owned) ::close(m_fd);
    }
    Result<std::size_t> read(char* data, std::size_t size) override {
        if (m_prefix_used < m_prefix.size()) {
            std::size_t n = std::min(size, m_prefix.size() - m_prefix_used);
            std::memcpy(data, m_prefix.data() + m_prefix_used, n);
            m_prefix_used += n;
            return n;
        }
        while (true) {
            ssize_t n = ::read(m_fd, data, size);
            if (n >= 0) return static_cast<std::size_t>(n);
            if (errno != EINTR) return fail(ErrorKind::io, std::string("cannot read: ") + std::strerror(errno));
        }
    }

private:
    int m_fd;
    bool m_owned;
    std::string m_prefix;
    std::size_t m_prefix_used = 0;
};

class MemoryInput final : public ByteInput {
public:
    explicit MemoryInput(std::string data) : m_data(std::move(data)) {}
    Result<std::size_t> read(char* data, std::size_t size) override {
        std::size_t n = std::min(size, m_data.size() - m_used);
        std::memcpy(data, m_data.data() + m_used, n);
        m_used += n;
        return n;
    }

private:
    std::string m_data;
    std::size_t m_used = 0;
};

}  // namespace

Result<std::unique_ptr<ByteInput>> open_file_input(const fs::path& path) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return fail(ErrorKind::not_found, path.string() + ": no such file");
    if (fs::is_directory(status)) return fail(ErrorKind::bad_input, path.string() + ": is a folder, not a file");
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(ErrorKind::io, path.string() + ": cannot open: " + std::strerror(errno));
    return std::unique_ptr<ByteInput>(std::make_unique<DescriptorInput>(fd, true, std::string()));
}

std::unique_ptr<ByteInput> descriptor_input(int fd, std::string prefix) {
    return std::make_unique<DescriptorInput>(fd, false, std::move(prefix));
}

std::unique_ptr<ByteInput> memory_input(std::string data) { return std::make_unique<MemoryInput>(std::move(data)); }

DecodedStream::DecodedStream(std::unique_ptr<ByteInput> input) : m_input(std::move(input)), m_in(k_read_chunk) {}

DecodedStream::~DecodedStream() {
    if (m_zlib_ready) inflateEnd(&m_zlib);
}

std::uint64_t DecodedStream::input_offset() const { return m_in_file_offset + m_in_begin; }

// Reads more input after what is buffered, first dropping the consumed bytes (except those of
// the current gzip member while it is small enough to be searched again).
bool DecodedStream::fill_input() {
    if (m_input_done) return false;
    std::size_t keep_from = m_in_begin;
    if (m_gzip && m_in_member && m_member_file_offset >= m_in_file_offset &&
        input_offset() - m_member_file_offset <= k_member_window)
        keep_from = static_cast<std::size_t>(m_member_file_offset - m_in_file_offset);
    if (keep_from > 0) {
        std::memmove(m_in.data(), m_in.data() + keep_from, m_in_end - keep_from);
        m_in_file_offset += keep_from;
        m_in_begin -= keep_from;
        m_in_end -= keep_from;
    }
    if (m_in.size() - m_in_end < k_read_chunk) m_in.resize(m_in_end + k_read_chunk);
    auto n = m_input->read(m_in.data() + m_in_end, k_read_chunk);
    if (!n) {
        m_input_error = n.error();
        m_input_done = true;
        return false;
    }
    if (*n == 0) {
        m_input_done = true;
        return false;
    }
    m_in_end += *n;
    return true;
}

bool DecodedStream::read_some(std::string& out) {
    if (!m_started) {
        m_started = true;
        while (m_in_end - m_in_begin < 2 && fill_input()) {
        }
        m_gzip = m_in_end - m_in_begin >= 2 && m_in[m_in_begin] == '\x1f' && m_in[m_in_begin + 1] == '\x8b';
        if (m_gzip) {
            // 16 + MAX_WBITS: a gzip wrapper; each member is inflated on its own (inflateReset).
            if (inflateInit2(&m_zlib, 16 + MAX_WBITS) != Z_OK) {
                m_input_error = Error{ErrorKind::internal, "zlib: cannot initialise"};
                m_done = true;
                return false;
            }
            m_zlib_ready = true;
            start_member();
        }
    }
    if (m_done) return false;
    return m_gzip ? read_gzip(out) : read_plain(out);
}

bool DecodedStream::read_plain(std::string& out) {
    if (m_in_begin == m_in_end && !fill_input()) {
        m_done = true;
        return false;
    }
    std::size_t n = m_in_end - m_in_begin;
    out.append(m_in.data() + m_in_begin, n);
    m_in_begin = m_in_end;
    m_decoded += n;
    return true;
}

void DecodedStream::start_member() {
    m_member_file_offset = input_offset();
    m_in_member = false;
    m_member_produced = false;
    // A failed candidate after a break started at the same decoded offset: the later one wins.
    if (!m_member_starts.empty() && m_member_starts.back().decoded_offset == m_decoded) m_member_starts.pop_back();
    m_member_starts.push_back({m_decoded, m_member_file_offset});
}

bool DecodedStream::read_gzip(std::string& out) {
    std::array<char, k_output_chunk> buffer;
    while (true) {
        if (m_in_begin == m_in_end && !fill_input()) {
            if (m_in_member && !m_resyncing)
                m_breaks.push_back({m_decoded, m_member_file_offset, "truncated: the file ends inside a gzip member"});
            m_done = true;
            return false;
        }
        m_zlib.next_in = reinterpret_cast<Bytef*>(m_in.data() + m_in_begin);
        m_zlib.avail_in = static_cast<uInt>(m_in_end - m_in_begin);
        m_zlib.next_out = reinterpret_cast<Bytef*>(buffer.data());
        m_zlib.avail_out = static_cast<uInt>(buffer.size());
        int rc = inflate(&m_zlib, Z_NO_FLUSH);
        std::size_t consumed = (m_in_end - m_in_begin) - m_zlib.avail_in;
        std::size_t produced = buffer.size() - m_zlib.avail_out;
        m_in_begin += consumed;
        if (consumed || produced) m_in_member = true;
        if (produced) {
            out.append(buffer.data(), produced);
            m_decoded += produced;
            m_member_produced = true;
            m_resyncing = false;
        }
        if (rc == Z_STREAM_END) {
            inflateReset(&m_zlib);
            start_member();
            if (produced) return true;
            continue;
        }
        if (rc == Z_OK || rc == Z_BUF_ERROR) {
            if (produced) return true;
            continue;
        }
        // Z_DATA_ERROR (or worse): this member is damaged. Report it once, then look for the
        // next member; candidates that fail before producing anything are passed over quietly.
        if (!m_resyncing) {
            std::string why = m_zlib.msg ? m_zlib.msg : "zlib error " + std::to_string(rc);
            m_breaks.push_back({m_decoded, m_member_file_offset, "corrupt gzip data (" + why + ")"});
        }
        m_resyncing = true;
        if (!resync_to_next_member(m_member_file_offset + 1)) {
            m_done = true;
            return produced > 0;
        }
        if (produced) return true;
    }
}

// Positions the input at the next gzip member signature at or after file offset `after`.
bool DecodedStream::resync_to_next_member(std::uint64_t after) {
    inflateReset(&m_zlib);
    m_in_member = false;
    while (true) {
        std::size_t start = after > m_in_file_offset ? static_cast<std::size_t>(after - m_in_file_offset) : 0;
        start = std::min(start, m_in_end);
        std::string_view data(m_in.data(), m_in_end);
        std::size_t found = data.find(k_gzip_member_magic, start);
        if (found != std::string_view::npos) {
            m_in_begin = found;
            start_member();
            return true;
        }
        // Keep the last bytes: the signature may straddle two reads.
        std::size_t keep = std::max(start, m_in_end >= 2 ? m_in_end - 2 : 0);
        m_in_begin = keep;
        after = m_in_file_offset + keep;
        if (!fill_input()) {
            m_in_begin = m_in_end;
            return false;
        }
    }
}

std::vector<Break> DecodedStream::take_breaks() { return std::exchange(m_breaks, {}); }

std::optional<std::uint64_t> DecodedStream::file_offset_of(std::uint64_t decoded_offset) {
    if (!m_gzip) return decoded_offset;
    while (!m_member_starts.empty() && m_member_starts.front().decoded_offset < decoded_offset)
        m_member_starts.pop_front();
    if (!m_member_starts.empty() && m_member_starts.front().decoded_offset == decoded_offset)
        return m_member_starts.front().file_offset;
    return std::nullopt;
}

}  // namespace winnow::warc
