// util: ASCII character helpers for protocol text (HTTP headers, URLs, tag, attribute and charset
// names, CSS, robots.txt). They never look at the locale and leave bytes >= 0x80 alone, so UTF-8
// passes through unchanged. Text meant for people is lowered with Unicode rules instead
// (decode/text.hpp to_lower).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::ascii {

constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A copy with A-Z lowered.
inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

constexpr char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// A copy with a-z raised.
inline std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = upper(c);
    return out;
}

// Equal but for the case of A-Z.
constexpr bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// `s` starts with `prefix`, but for the case of A-Z.
constexpr bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// The C locale's white space: space, \t, \n, \v, \f, \r.
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True for a non-empty run of ASCII digits, as status codes, counts and page numbers are written.
constexpr bool is_all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!is_digit(c)) return false;
    return true;
}

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

constexpr bool is_alpha(char c) { return is_lower(c) || is_upper(c); }

constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// The value of a hexadecimal digit, or -1.
constexpr int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Without leading and trailing white space (is_space).
constexpr std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// The pieces between each `separator` ("a.b." -> "a", "b", ""): views into `s`, empty pieces kept.
inline std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(separator, start);
        if (end == std::string_view::npos) break;
        pieces.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    pieces.push_back(s.substr(start));
    return pieces;
}

}  // namespace winnow::ascii
