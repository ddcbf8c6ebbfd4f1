#include "winnow/warc/reader.hpp"

#include <algorithm>

#include "winnow/util/ascii.hpp"
#include "winnow/warc/digest.hpp"

namespace winnow::warc {
namespace {

// A record header larger than this is taken as damage, not read on.
constexpr std::size_t k_max_header_bytes = 1024 * 1024;
// What every record starts with (the version line of WARC 1.0 and 1.1).
constexpr std::string_view k_record_start = "WARC/1.";
// How much of unexpected data a message quotes.
constexpr std::size_t k_excerpt_chars = 40;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The start of unexpected data, quoted, for a message: "'<!DOCTYPE html>'" or "binary data".
std::string excerpt(std::string_view data) {
    data = data.substr(0, std::min(data.find_first_of("\r\n"), k_excerpt_chars));
    for (char c : data) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t') return "binary data";
        if (u >= 0x80) return "binary data";
    }
    std::string quoted = "'";
    quoted += data;
    quoted += '\'';
    return quoted;
}

std::optional<std::uint64_t> parse_length(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

}  // namespace

std::string_view find_field(const std::vector<Field>& fields, std::string_view name) {
    for (const Field& field : fields)
        if (ascii::iequals(field.name, name)) return field.value;
    return {};
}

std::string RecordPosition::describe() const {
    return "byte " + std::to_string(offset) + (in_file ? "" : " of the decompressed data");
}

std::string_view Record::target_uri() const {
    std::string_view uri = field("WARC-Target-URI");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    return uri;
}

Reader::Reader(std::unique_ptr<ByteInput> input, ReaderOptions options)
    : m_stream(std::move(input)), m_options(std::move(options)) {}

bool Reader::fill() {
    if (m_stream_ended) return false;
    // Drop what was consumed once it is half the buffer: memory stays near the largest record.
    if (m_pos > 0 && m_pos >= m_buf.size() / 2) {
        m_buf.erase(0, m_pos);
        m_buf_offset += m_pos;
        m_pos = 0;
    }
    bool more = m_stream.read_some(m_buf);
    for (Break& b : m_stream.take_breaks()) m_breaks.push_back(std::move(b));
    if (!more) m_stream_ended = true;
    return more;
}

bool Reader::ensure(std::size_t count) {
    while (m_buf.size() - m_pos < count)
        if (!fill()) return false;
    return true;
}

void Reader::consume(std::size_t count) { m_pos = std::min(m_buf.size(), m_pos + count); }

RecordPosition Reader::position_at(std::uint64_t decoded_offset) {
    if (auto offset = m_stream.file_offset_of(decoded_offset)) return {*offset, true};
    return {decoded_offset, false};
}

const Break* Reader::break_within(std::uint64_t from, std::uint64_t to) const {
    for (const Break& b : m_breaks)
        if (b.decoded_offset > from && b.decoded_offset < to) return &b;
    return nullptr;
}

// Looks for the next record from m_pos + from: a line starting with "WARC/1.", or the place of
// the next break (where a new gzip member starts), whichever comes first.
void Reader::resync(std::size_t from) {
    consume(from);
    while (true) {
        const std::uint64_t stop = m_breaks.empty() ? UINT64_MAX : m_breaks.front().decoded_offset;
        std::string_view view(m_buf);
        std::size_t search_from = m_pos;
        while (true) {
            std::size_t found = view.find(k_record_start, search_from);
            if (found == std::string_view::npos) break;
            if (absolute(found) >= stop) break;
            if (found > 0 && view[found - 1] == '\n') {
                m_pos = found;
                return;
            }
            search_from = found + 1;
        }
        if (stop <= absolute(m_buf.size())) {
            m_pos = static_cast<std::size_t>(std::max(stop, absolute(m_pos)) - m_buf_offset);
            return;
        }
        // Not in what is buffered: keep the last bytes (a match may straddle two reads).
        if (m_buf.size() - m_pos > k_record_start.size()) m_pos = m_buf.size() - k_record_start.size();
        if (!fill()) {
            m_pos = m_buf.size();
            return;
        }
    }
}

Reader::Outcome Reader::damaged(RecordPosition position) {
    Break damage = std::move(m_breaks.front());
    m_breaks.pop_front();
    std::string message = std::move(damage.message);
    // Name the damaged member when the record does not start it (a record over several members,
    // or a whole-file gzip).
    if (!position.in_file || position.offset != damage.file_offset)
        message += " in the gzip member at byte " + std::to_string(damage.file_offset);
    // Reading goes on where the data goes on: the next member, which starts a record.
    consume(static_cast<std::size_t>(damage.decoded_offset - absolute(m_pos)));
    return std::unexpected(ReadError{position, std::move(message)});
}

Reader::Outcome Reader::failure(RecordPosition position, std::string message, std::size_t resync_from) {
    resync(resync_from);
    return std::unexpected(ReadError{position, std::move(message)});
}

std::optional<std::expected<Record, ReadError>> Reader::next() {
    if (m_done) return std::nullopt;

    // Line ends between records are tolerated.
    while (ensure(1) && (m_buf[m_pos] == '\r' || m_buf[m_pos] == '\n')) {
        if (!m_breaks.empty() && m_breaks.front().decoded_offset <= absolute(m_pos)) break;
        consume(1);
    }
    // A damaged gzip member where a record should start is reported by itself.
    if (!m_breaks.empty() && m_breaks.front().decoded_offset <= absolute(m_pos)) {
        Break damage = std::move(m_breaks.front());
        m_breaks.pop_front();
        if (m_first) {
            m_done = true;
            return std::unexpected(ReadError{{damage.file_offset, true}, "not a WARC file: " + damage.message});
        }
        return std::unexpected(ReadError{{damage.file_offset, true}, std::move(damage.message)});
    }
    if (!ensure(1)) {
        if (m_stream.input_error() && !m_input_error_reported) {
            m_input_error_reported = true;
            m_done = true;
            return std::unexpected(ReadError{position_at(absolute(m_pos)), m_stream.input_error()->message});
        }
        m_done = true;
        if (m_first) return std::unexpected(ReadError{{0, true}, "not a WARC file: it is empty"});
        return std::nullopt;
    }
    return read_record();
}

Reader::Outcome Reader::read_record() {
    const std::uint64_t start = absolute(m_pos);
    const RecordPosition position = position_at(start);

    // The version line.
    ensure(k_excerpt_chars);
    std::string_view rest = std::string_view(m_buf).substr(m_pos);
    if (!rest.starts_with("WARC/")) {
        if (m_first) {
            m_done = true;
            return std::unexpected(ReadError{position, "not a WARC file: it starts with " + excerpt(rest)});
        }
        return failure(position, "no WARC record where one should start: " + excerpt(rest), 1);
    }
    m_first = false;

    // The header ends at the first blank line.
    std::size_t header_length = 0;
    while (true) {
        std::string_view view = std::string_view(m_buf).substr(m_pos);
        std::size_t crlf = view.find("\r\n\r\n");
        std::size_t lf = view.find("\n\n");
        std::size_t end = std::min(crlf == std::string_view::npos ? crlf : crlf + 4, lf == std::string_view::npos ? lf : lf + 2);
        if (end != std::string_view::npos) {
            header_length = end;
            break;
        }
        if (view.size() > k_max_header_bytes) return failure(position, "no end to the record's header within 1 MiB", 1);
        if (!fill()) return failure(position, "truncated: the data ends inside the record's header", 1);
    }
    if (break_within(start, start + header_length)) return damaged(position);

    Record record;
    record.position = position;
    std::string_view header(m_buf.data() + m_pos, header_length);
    std::size_t line_end = header.find('\n');
    record.version = std::string(trim(header.substr(0, line_end)));
    if (record.version != "WARC/1.0" && record.version != "WARC/1.1")
        return failure(position, "unsupported version '" + record.version + "' (WARC/1.0 and WARC/1.1 are read)", header_length);
    for (std::size_t at = line_end + 1; at < header.size();) {
        std::size_t end = header.find('\n', at);
        std::string_view line = header.substr(at, end - at);
        at = end == std::string_view::npos ? header.size() : end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (line.front() == ' ' || line.front() == '\t') {  // a continuation of the previous value
            if (record.fields.empty()) return failure(position, "malformed header line " + excerpt(line), header_length);
            record.fields.back().value += " ";
            record.fields.back().value += trim(line);
            continue;
        }
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return failure(position, "malformed header line " + excerpt(line), header_length);
        record.fields.push_back({std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
    }
    std::string_view length_text = record.field("Content-Length");
    if (length_text.empty()) return failure(position, "the record has no Content-Length", header_length);
    auto length = parse_length(length_text);
    if (!length) return failure(position, "bad Content-Length '" + std::string(length_text) + "'", header_length);
    record.content_length = *length;

    if (*length > m_options.max_block_bytes) {
        // Too large to hold: let it stream past.
        consume(header_length);
        std::uint64_t left = *length;
        while (left > 0) {
            if (m_pos == m_buf.size() && !fill())
                return failure(position,
                               "truncated: Content-Length is " + std::to_string(*length) + " bytes, the data ends after " +
                                   std::to_string(*length - left),
                               0);
            std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(left, m_buf.size() - m_pos));
            if (break_within(absolute(m_pos) - 1, absolute(m_pos) + take)) return damaged(position);
            consume(take);
            left -= take;
        }
        header_length = 0;  // the block end is now m_pos
    } else {
        record.block_kept = !m_options.keep_block || m_options.keep_block(record);
        ensure(header_length + *length + 4);
    }
    const std::size_t block_end = header_length + static_cast<std::size_t>(header_length ? *length : 0);

    // Damage inside the record: a corrupt gzip member, or the file cut inside one.
    if (break_within(start, absolute(m_pos + block_end) + 4)) return damaged(position);
    const std::size_t available = m_buf.size() - m_pos;
    if (available < block_end)
        return failure(position,
                       "truncated: Content-Length is " + std::to_string(*length) + " bytes, the data ends after " +
                           std::to_string(available - header_length),
                       header_length);

    // Then "\r\n\r\n" (or "\n\n" from writers of bare line ends); at the very end of the data,
    // a missing or short one is tolerated. Anything else means Content-Length is wrong.
    std::size_t trailer = 0;
    std::string_view after = std::string_view(m_buf).substr(m_pos + block_end, 4);
    if (after == "\r\n\r\n") {
        trailer = 4;
    } else if (after.starts_with("\n\n")) {
        trailer = 2;
    } else {
        while (trailer < after.size() && (after[trailer] == '\r' || after[trailer] == '\n')) ++trailer;
        if (trailer < after.size() || ensure(block_end + trailer + 1))
            return failure(position,
                           "Content-Length " + std::to_string(*length) +
                               " does not match the record: its block is not followed by a blank line",
                           header_length);
    }

    if (record.block_kept) {
        record.block.assign(m_buf, m_pos + header_length, static_cast<std::size_t>(*length));
        if (std::string_view digest = record.field("WARC-Block-Digest"); !digest.empty() && m_options.verify_digests) {
            if (digest_matches(digest, record.block) == false) {
                consume(block_end + trailer);
                return std::unexpected(ReadError{position, "the block does not match its WARC-Block-Digest " + std::string(digest)});
            }
        }
    }
    consume(block_end + trailer);
    ++m_records;
    return record;
}

}  // namespace winnow::warc
