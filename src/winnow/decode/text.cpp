#include "winnow/decode/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <utility>

#include "winnow/decode/decode.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::decode {

std::string to_lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 128) {
            out += ascii::lower(static_cast<char>(b));
            ++i;
            continue;
        }
        utf8::append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(utf8::next_code_point(text, i)))));
    }
    return out;
}

namespace {

// Code points that NFC leaves as they are whatever surrounds them: each is its own NFC, has
// combining class 0 and is never the second half of a composition (checked against Unicode
// 14's data). Latin, Cyrillic, general punctuation, currency signs, CJK, kana, Hangul
// syllables, full-width forms: most of what pages are written in.
constexpr std::pair<char32_t, char32_t> k_nfc_stable_ranges[] = {
    {0x0080, 0x02FF}, {0x0400, 0x0482}, {0x048A, 0x052F}, {0x2002, 0x206F}, {0x20A0, 0x20CF}, {0x3000, 0x3029},
    {0x3030, 0x3098}, {0x309B, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFF01, 0xFFEE},
};

// True when the text is made only of ASCII other than NUL (which utf8proc treats as the end)
// and of the code points above: then it is already NFC. An ill-formed sequence (read as U+FFFD,
// not in the ranges) is not.
bool is_stable_under_nfc(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\0') return false;
        const char32_t cp = utf8::next_code_point(text, i);
        if (cp < 0x80) continue;
        bool stable = false;
        for (auto [first, last] : k_nfc_stable_ranges) stable = stable || (cp >= first && cp <= last);
        if (!stable) return false;
    }
    return true;
}

}  // namespace

void append_collapsed(std::string& out, std::string_view text) {
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c > 0x20 && c < 0x7F) {
            // A run of visible ASCII goes over in one piece.
            std::size_t end = i + 1;
            while (end < text.size() && static_cast<unsigned char>(text[end]) > 0x20 &&
                   static_cast<unsigned char>(text[end]) < 0x7F)
                ++end;
            if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
            pending_space = false;
            out.append(text.data() + i, end - i);
            i = end;
            continue;
        }
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
        char32_t cp = utf8::next_code_point(text, i);
        if (utf8::is_space(cp)) {
            pending_space = true;
            continue;
        }
        if (utf8::is_invisible(cp)) continue;
        if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
        pending_space = false;
        utf8::append(out, cp);
    }
    if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_collapsed(out, text);
    trim_trailing_spaces(out);
    return out;
}

void trim_trailing_spaces(std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

std::string to_nfc(std::string_view text) {
    // Pure ASCII is already NFC: the common case needs no allocation by utf8proc.
    bool ascii = true;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return std::string(text);
    if (is_stable_under_nfc(text)) return std::string(text);
    std::string valid = is_valid_utf8(text) ? std::string(text) : repair_utf8(text);
    utf8proc_uint8_t* result = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(valid.c_str()));
    if (!result) return valid;
    std::string out(reinterpret_cast<const char*>(result));
    std::free(result);
    return out;
}

}  // namespace winnow::decode
