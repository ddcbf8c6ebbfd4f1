#include "winnow/warc/digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <algorithm>
#include <random>

#include "winnow/util/ascii.hpp"

namespace winnow::warc {
namespace {

using Sha1 = std::array<unsigned char, 20>;

Sha1 sha1(std::string_view data) {
    Sha1 out{};
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_sha1(), nullptr);
    return out;
}

std::string base32(const Sha1& bytes) {
    static constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += k_alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += k_alphabet[(buffer << (5 - bits)) & 31];
    return out;  // 20 bytes = 160 bits = 32 characters, no padding
}

std::string hex(const unsigned char* bytes, std::size_t size) {
    static constexpr std::string_view k_digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += k_digits[bytes[i] >> 4];
        out += k_digits[bytes[i] & 15];
    }
    return out;
}

std::string format_uuid(std::array<unsigned char, 16> bytes, int version) {
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | (version << 4));
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    std::string h = hex(bytes.data(), bytes.size());
    return "<urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
           h.substr(20) + ">";
}

}  // namespace

std::string sha1_digest(std::string_view data) { return "sha1:" + base32(sha1(data)); }

std::optional<bool> digest_matches(std::string_view digest, std::string_view data) {
    auto colon = digest.find(':');
    if (colon == std::string_view::npos || ascii::upper(digest.substr(0, colon)) != "SHA1") return std::nullopt;
    std::string value = ascii::upper(digest.substr(colon + 1));
    while (!value.empty() && value.back() == '=') value.pop_back();  // base32 padding, if written
    Sha1 actual = sha1(data);
    if (value.size() == 32) return value == base32(actual);
    if (value.size() == 40) return value == ascii::upper(hex(actual.data(), actual.size()));
    return std::nullopt;
}

std::string random_record_id() {
    static thread_local std::mt19937_64 generator{std::random_device{}() ^ (std::uint64_t{std::random_device{}()} << 32)};
    std::array<unsigned char, 16> bytes{};
    for (auto& b : bytes) b = static_cast<unsigned char>(generator());
    return format_uuid(bytes, 4);
}

std::string name_based_record_id(std::string_view name) {
    // RFC 4122 version 5 in the URL namespace (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
    static constexpr unsigned char k_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                      0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    std::string input(reinterpret_cast<const char*>(k_namespace), sizeof k_namespace);
    input += name;
    Sha1 digest = sha1(input);
    std::array<unsigned char, 16> bytes{};
    std::copy_n(digest.begin(), 16, bytes.begin());
    return format_uuid(bytes, 5);
}

}  // namespace winnow::warc
