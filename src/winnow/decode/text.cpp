#include "winnow/decode/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <utility>

#include "winnow/decode/decode.hpp"

namespace winnow::decode {

char32_t next_code_point(std::string_view s, std::size_t& i) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

void append_utf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buffer[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

std::string to_lower(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned char b = static_cast<unsigned char>(utf8[i]);
        if (b < 128) {
            out += static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
            ++i;
            continue;
        }
        append_utf8(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(next_code_point(utf8, i)))));
    }
    return out;
}

bool is_space_code_point(char32_t cp) {
    switch (cp) {
        case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
        case 0x202F: case 0x205F: case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool is_invisible_code_point(char32_t cp) {
    switch (cp) {
        case 0x00AD:  // soft hyphen
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        case 0x200E: case 0x200F:  // direction marks: the text direction survives without them
        case 0x0000:
            return true;
        default:
            return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0x85) ||
                   (cp > 0x85 && cp < 0xA0);
    }
}

namespace {

// The length of the well-formed UTF-8 sequence of two to four bytes at s[i] and its code point,
// or 0 when it is not well formed (next_code_point then decides, as utf8proc does).
std::size_t well_formed_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (n == 0 || s.size() - i < n) return 0;
    cp = lead & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

// Code points that NFC leaves as they are whatever surrounds them: each is its own NFC, has
// combining class 0 and is never the second half of a composition (checked against Unicode
// 14's data). Latin, Cyrillic, general punctuation, currency signs, CJK, kana, Hangul
// syllables, full-width forms: most of what pages are written in.
constexpr std::pair<char32_t, char32_t> k_nfc_stable_ranges[] = {
    {0x0080, 0x02FF}, {0x0400, 0x0482}, {0x048A, 0x052F}, {0x2002, 0x206F}, {0x20A0, 0x20CF}, {0x3000, 0x3029},
    {0x3030, 0x3098}, {0x309B, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFF01, 0xFFEE},
};

// True when the text is well-formed UTF-8 made only of ASCII other than NUL (which utf8proc
// treats as the end) and of the code points above: then it is already NFC.
bool is_stable_under_nfc(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            if (c == 0) return false;
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t length = well_formed_sequence(utf8, i, cp);
        if (length == 0) return false;
        bool stable = false;
        for (auto [first, last] : k_nfc_stable_ranges) stable = stable || (cp >= first && cp <= last);
        if (!stable) return false;
        i += length;
    }
    return true;
}

}  // namespace

void append_collapsed(std::string& out, std::string_view utf8) {
    bool pending_space = false;
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            ++i;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                pending_space = true;
                continue;
            }
            if (c < 0x20 || c == 0x7F) continue;
            if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
            pending_space = false;
            out += static_cast<char>(c);
            continue;
        }
        // A well-formed sequence is copied as it is (what encoding its code point again gives).
        char32_t cp = 0;
        const std::size_t start = i;
        std::size_t length = well_formed_sequence(utf8, i, cp);
        if (length) i += length;
        else cp = next_code_point(utf8, i);
        if (is_space_code_point(cp)) {
            pending_space = true;
            continue;
        }
        if (is_invisible_code_point(cp)) continue;
        if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
        pending_space = false;
        if (length) out.append(utf8.substr(start, length));
        else append_utf8(out, cp);
    }
    if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
}

std::string collapse_whitespace(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    append_collapsed(out, utf8);
    trim_trailing_spaces(out);
    return out;
}

void trim_trailing_spaces(std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

std::string to_nfc(std::string_view utf8) {
    // Pure ASCII is already NFC: the common case needs no allocation by utf8proc.
    bool ascii = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return std::string(utf8);
    if (is_stable_under_nfc(utf8)) return std::string(utf8);
    std::string valid = is_valid_utf8(utf8) ? std::string(utf8) : repair_utf8(utf8);
    utf8proc_uint8_t* result = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(valid.c_str()));
    if (!result) return valid;
    std::string out(reinterpret_cast<const char*>(result));
    std::free(result);
    return out;
}

}  // namespace winnow::decode
