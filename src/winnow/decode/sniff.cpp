#include "winnow/decode/sniff.hpp"

#include <zlib.h>

#include <array>

namespace winnow::decode {
namespace {

using namespace std::string_view_literals;

struct Signature {
    std::string_view magic;
    std::string_view name;
};

// The signatures of the binary files most often mistaken for pages.
constexpr std::array k_signatures = {
    Signature{"\x89PNG\r\n\x1a\n"sv, "PNG image"},
    Signature{"%PDF-"sv, "PDF document"},
    Signature{"PK\x03\x04"sv, "ZIP archive"},
    Signature{"PK\x05\x06"sv, "ZIP archive"},
    Signature{"GIF87a"sv, "GIF image"},
    Signature{"GIF89a"sv, "GIF image"},
    Signature{"\xFF\xD8\xFF"sv, "JPEG image"},
    Signature{"RIFF"sv, "RIFF media file (WebP, WAV or AVI)"},
    Signature{"\x7F" "ELF"sv, "ELF executable"},
    Signature{"7z\xBC\xAF\x27\x1C"sv, "7-Zip archive"},
    Signature{"BZh"sv, "bzip2 archive"},
    Signature{"\xFD" "7zXZ\x00"sv, "xz archive"},
    Signature{"\x00\x00\x01\x00"sv, "icon image"},
    Signature{"wOFF"sv, "web font"},
    Signature{"wOF2"sv, "web font"},
    Signature{"OggS"sv, "Ogg media file"},
    Signature{"ID3"sv, "MP3 audio"},
    Signature{"\x1A\x45\xDF\xA3"sv, "Matroska/WebM video"},
};

// Share of control bytes (other than white space) above which data is binary, not text.
constexpr double k_max_control_share = 0.10;

}  // namespace

bool is_gzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

std::string binary_format(std::string_view bytes) {
    for (const Signature& s : k_signatures)
        if (bytes.substr(0, s.magic.size()) == s.magic) return std::string(s.name);
    if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return "MP4 media file";
    // No known signature: many control bytes (NUL aside, UTF-16 has those) mean binary.
    std::size_t sample = std::min<std::size_t>(bytes.size(), 4096), control = 0, nul = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) ++nul;
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
    }
    if (sample && static_cast<double>(control) > k_max_control_share * static_cast<double>(sample))
        return "binary data";
    return {};
}

namespace {

// The most gunzip reserves from what the gzip trailer says (a corrupt trailer may say anything).
constexpr std::size_t k_max_reserved_bytes = 256 * 1024 * 1024;

enum class Wrapper { gzip, zlib, raw };

// Inflates the whole of `bytes`; for gzip, concatenated members one after another.
Result<std::string> inflate_all(std::string_view bytes, Wrapper wrapper, std::size_t max_bytes) {
    z_stream stream{};
    // 16 + MAX_WBITS: a gzip header; MAX_WBITS: a zlib header; -MAX_WBITS: raw deflate.
    int window_bits = wrapper == Wrapper::gzip ? 16 + MAX_WBITS : wrapper == Wrapper::zlib ? MAX_WBITS : -MAX_WBITS;
    if (inflateInit2(&stream, window_bits) != Z_OK) return fail(ErrorKind::internal, "zlib: cannot initialise");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    // The gzip trailer gives the inflated size (of the last member, modulo 2^32): reserving it
    // saves the copies of a growing string, which for a large page hold it twice.
    if (wrapper == Wrapper::gzip && bytes.size() >= 18) {
        const auto* tail = reinterpret_cast<const unsigned char*>(bytes.data() + bytes.size() - 4);
        const std::size_t stated = tail[0] | (tail[1] << 8) | (tail[2] << 16) | (std::size_t{tail[3]} << 24);
        if (stated <= (max_bytes ? max_bytes : k_max_reserved_bytes) && stated <= k_max_reserved_bytes) out.reserve(stated);
    }
    std::array<char, 65536> buffer{};
    int rc = Z_OK;
    while (true) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = buffer.size();
        rc = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer.data(), buffer.size() - stream.avail_out);
        if (max_bytes && out.size() > max_bytes) {
            inflateEnd(&stream);
            return fail(ErrorKind::too_large, "over the limit of " + std::to_string(max_bytes) + " bytes once decompressed");
        }
        if (rc == Z_STREAM_END) {
            if (stream.avail_in == 0 || wrapper != Wrapper::gzip) break;
            inflateReset(&stream);  // another gzip member follows
            continue;
        }
        if (rc != Z_OK) break;
        if (stream.avail_in == 0 && stream.avail_out != 0) {
            rc = Z_DATA_ERROR;  // input ended before the stream did
            break;
        }
    }
    inflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return fail(ErrorKind::bad_input, std::string(wrapper == Wrapper::gzip ? "corrupt gzip data" : "corrupt deflate data") +
                                              (stream.msg ? std::string(": ") + stream.msg : ""));
    return out;
}

}  // namespace

Result<std::string> gunzip(std::string_view bytes, std::size_t max_bytes) {
    return inflate_all(bytes, Wrapper::gzip, max_bytes);
}

Result<std::string> inflate_deflate(std::string_view bytes, std::size_t max_bytes) {
    // RFC 1950 header: compression method 8 in the low nibble, header checksum a multiple of 31.
    bool zlib_wrapped = bytes.size() >= 2 && (static_cast<unsigned char>(bytes[0]) & 0x0F) == 8 &&
                        ((static_cast<unsigned char>(bytes[0]) << 8) | static_cast<unsigned char>(bytes[1])) % 31 == 0;
    return inflate_all(bytes, zlib_wrapped ? Wrapper::zlib : Wrapper::raw, max_bytes);
}

}  // namespace winnow::decode
