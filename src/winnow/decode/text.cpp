#include "winnow/decode/text.hpp"

#include <utf8proc.h>

#include <cstdlib>

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
        char32_t cp = next_code_point(utf8, i);
        if (is_space_code_point(cp)) {
            pending_space = true;
            continue;
        }
        if (is_invisible_code_point(cp)) continue;
        if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
        pending_space = false;
        append_utf8(out, cp);
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
    std::string valid = is_valid_utf8(utf8) ? std::string(utf8) : repair_utf8(utf8);
    utf8proc_uint8_t* result = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(valid.c_str()));
    if (!result) return valid;
    std::string out(reinterpret_cast<const char*>(result));
    std::free(result);
    return out;
}

}  // namespace winnow::decode
