#include "winnow/decode/decode.hpp"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "winnow/util/ascii.hpp"

namespace winnow::decode {
namespace {

// How far into the page a <meta> charset declaration is looked for (the HTML standard's
// prescan reads 1024 bytes; real pages put long <head>s before it, so read more).
constexpr std::size_t k_meta_scan_bytes = 8192;

// How many bytes uchardet sees: enough for a confident guess, bounded for speed on huge pages.
constexpr std::size_t k_detect_bytes = 256 * 1024;

// Declared UTF-8 with at most this share of broken bytes is kept as UTF-8 (a few stray bytes
// in a UTF-8 page), more is taken as a mislabelled legacy page and detected instead.
constexpr double k_tolerated_invalid_share = 0.002;

// A page that a <meta> declares in a legacy charset but whose bytes are valid UTF-8 with at
// least this many multibyte sequences was re-saved as UTF-8 with its old declaration (legacy
// text is almost never valid UTF-8 by chance beyond a few sequences): it is read as UTF-8, as
// trafilatura does by trying UTF-8 first.
constexpr std::size_t k_resaved_utf8_min_sequences = 100;

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

std::string trim_quotes_and_space(std::string_view s) {
    while (!s.empty() && (ascii::is_space(s.front()) || s.front() == '"' || s.front() == '\''))
        s.remove_prefix(1);
    std::size_t end = 0;
    while (end < s.size() && !ascii::is_space(s[end]) && s[end] != '"' && s[end] != '\'' &&
           s[end] != ';' && s[end] != '>' && s[end] != '/')
        ++end;
    return ascii::lower(s.substr(0, end));
}

// The labels browsers treat as something else (WHATWG Encoding standard): decoding a page as
// its declared label would be wrong where browsers have long read it as the superset.
std::string canonical_charset(std::string label) {
    if (label == "utf8" || label == "unicode-1-1-utf-8") return "utf-8";
    if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "us-ascii" ||
        label == "ascii" || label == "iso8859-1" || label == "l1" || label == "cp1252")
        return "windows-1252";
    if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "chinese" || label == "gb18030")
        return "gb18030";
    if (label == "shift_jis" || label == "shift-jis" || label == "sjis" || label == "x-sjis" || label == "ms_kanji" ||
        label == "windows-31j")
        return "cp932";
    if (label == "euc-kr" || label == "ks_c_5601-1987") return "cp949";
    if (label == "iso-8859-9") return "windows-1254";
    if (label == "tis-620" || label == "iso-8859-11") return "windows-874";
    if (label == "big5") return "big5-hkscs";
    return label;
}

bool has_prefix(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    if (n == 2 && c < 0xC2) return 0;  // overlong
    if (n == 3) {
        auto c1 = static_cast<unsigned char>(s[i + 1]);
        if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
        if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    }
    if (n == 4) {
        auto c1 = static_cast<unsigned char>(s[i + 1]);
        if (c == 0xF0 && c1 < 0x90) return 0;
        if (c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
    }
    return n;
}

// The position of the first ill-formed UTF-8 sequence at or after `from`, or s.size(). Runs of
// ASCII, most of a page, are skipped eight bytes at a time.
std::size_t first_invalid_utf8(std::string_view s, std::size_t from) {
    std::size_t i = from;
    while (i < s.size()) {
        std::uint64_t word;
        if (s.size() - i >= 8 && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) {
            i += 8;
            continue;
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return s.size();
}

std::size_t count_invalid_utf8(std::string_view s) {
    std::size_t bad = 0;
    for (std::size_t i = first_invalid_utf8(s, 0); i < s.size(); i = first_invalid_utf8(s, i + 1)) ++bad;
    return bad;
}

std::size_t count_multibyte_utf8(std::string_view s) {
    std::size_t multibyte = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        multibyte += n > 1;
        i += n == 0 ? 1 : n;
    }
    return multibyte;
}

std::string detect_charset(std::string_view bytes) {
    uchardet_t detector = uchardet_new();
    uchardet_handle_data(detector, bytes.data(), std::min(bytes.size(), k_detect_bytes));
    uchardet_data_end(detector);
    std::string guess = ascii::lower(uchardet_get_charset(detector));
    uchardet_delete(detector);
    return guess;
}

// `bytes` read as UTF-8. When `owned` holds the page (bytes is a view of it, maybe without a
// byte-order mark) and the bytes are valid, the page itself becomes the text.
std::string utf8_text(std::string_view bytes, std::string* owned) {
    if (!owned || first_invalid_utf8(bytes, 0) != bytes.size()) return repair_utf8(bytes);
    owned->erase(0, static_cast<std::size_t>(bytes.data() - owned->data()));
    return std::move(*owned);
}

DecodedDocument from_charset(std::string_view bytes, std::string charset, CharsetSource source, std::string* owned) {
    DecodedDocument doc;
    doc.source = source;
    doc.charset = canonical_charset(std::move(charset));
    if (doc.charset == "utf-8") {
        doc.text = utf8_text(bytes, owned);
        return doc;
    }
    if (!convert_to_utf8(bytes, doc.charset, doc.text)) {
        // Callers try the next label after a fallback: the page is not consumed here.
        doc.charset = "utf-8";
        doc.source = CharsetSource::fallback;
        doc.text = repair_utf8(bytes);
    }
    return doc;
}

// A meta or HTTP label of UTF-16 on a page that is readable as ASCII is a lie (the HTML
// standard says to read it as UTF-8); real UTF-16 pages are recognised by their BOM.
bool is_utf16_label(std::string_view label) { return has_prefix(label, "utf-16") || label == "unicode"; }

// UTF-16 without a byte-order mark: markup is ASCII, so every other byte of the first
// characters is zero. ("utf-16le", "utf-16be" or "".)
std::string utf16_without_bom(std::string_view bytes) {
    std::size_t n = std::min<std::size_t>(bytes.size(), 512) & ~std::size_t{1};
    if (n < 8) return {};
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        zero_even += bytes[i] == '\0';
        zero_odd += bytes[i + 1] == '\0';
    }
    std::size_t pairs = n / 2;
    if (zero_odd * 10 >= pairs * 8 && zero_even * 10 < pairs) return "utf-16le";
    if (zero_even * 10 >= pairs * 8 && zero_odd * 10 < pairs) return "utf-16be";
    return {};
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) { return count_invalid_utf8(bytes) == 0; }

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // Valid stretches are copied whole; each ill-formed byte becomes U+FFFD.
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t bad = first_invalid_utf8(s, i);
        out.append(s.substr(i, bad - i));
        if (bad == s.size()) break;
        out += k_replacement;
        i = bad + 1;
    }
    return out;
}

bool convert_to_utf8(std::string_view bytes, std::string_view charset, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", std::string(charset).c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.clear();
    out.reserve(bytes.size() * 2);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::array<char, 16384> buffer{};
    while (in_left > 0) {
        char* dst = buffer.data();
        std::size_t dst_left = buffer.size();
        std::size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
        out.append(buffer.data(), buffer.size() - dst_left);
        if (rc != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        // EILSEQ or EINVAL (truncated at the end): replace one byte and go on.
        out += k_replacement;
        ++in;
        --in_left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    char* dst = buffer.data();
    std::size_t dst_left = buffer.size();
    iconv(cd, nullptr, nullptr, &dst, &dst_left);
    out.append(buffer.data(), buffer.size() - dst_left);
    iconv_close(cd);
    // iconv output is UTF-8 by construction; repair anyway so a broken converter cannot leak bad bytes.
    if (!is_valid_utf8(out)) out = repair_utf8(out);
    return true;
}

std::string charset_from_content_type(std::string_view content_type) {
    std::string lowered = ascii::lower(content_type);
    auto pos = lowered.find("charset=");
    if (pos == std::string::npos) return {};
    return trim_quotes_and_space(std::string_view(lowered).substr(pos + 8));
}

std::string charset_from_meta(std::string_view bytes) {
    std::string head = ascii::lower(bytes.substr(0, k_meta_scan_bytes));
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        std::size_t end = head.find('>', pos);
        if (end == std::string::npos) break;
        std::string_view tag(head.data() + pos, end - pos);
        pos = end;
        auto at = tag.find("charset");
        if (at == std::string::npos) continue;
        std::string_view rest = tag.substr(at + 7);
        while (!rest.empty() && ascii::is_space(rest.front())) rest.remove_prefix(1);
        if (rest.empty() || rest.front() != '=') continue;
        rest.remove_prefix(1);
        std::string label = trim_quotes_and_space(rest);
        if (!label.empty()) return label;
    }
    return {};
}

bool is_supported_charset(std::string_view label) {
    std::string charset = canonical_charset(ascii::lower(label));
    if (charset.empty()) return false;
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    iconv_close(cd);
    return true;
}

namespace {

// The decoding of decode_html; `owned`, when given, holds the page and may be consumed.
DecodedDocument decode_page(std::string_view bytes, std::string_view http_charset, std::string_view user_charset,
                            std::string* owned) {
    if (has_prefix(bytes, "\xEF\xBB\xBF"))
        return from_charset(bytes.substr(3), "utf-8", CharsetSource::byte_order_mark, owned);
    if (has_prefix(bytes, "\xFF\xFE"))
        return from_charset(bytes.substr(2), "utf-16le", CharsetSource::byte_order_mark, owned);
    if (has_prefix(bytes, "\xFE\xFF"))
        return from_charset(bytes.substr(2), "utf-16be", CharsetSource::byte_order_mark, owned);

    if (!user_charset.empty()) {
        DecodedDocument doc = from_charset(bytes, ascii::lower(user_charset), CharsetSource::user, owned);
        if (doc.source != CharsetSource::fallback) return doc;
    }

    if (auto utf16 = utf16_without_bom(bytes); !utf16.empty())
        return from_charset(bytes, utf16, CharsetSource::detected, owned);

    std::size_t invalid = count_invalid_utf8(bytes);
    bool mostly_utf8 = static_cast<double>(invalid) <= k_tolerated_invalid_share * static_cast<double>(bytes.size());

    for (auto [label, source] : {std::pair{std::string(http_charset), CharsetSource::http_header},
                                 std::pair{charset_from_meta(bytes), CharsetSource::meta_tag}}) {
        label = canonical_charset(ascii::lower(label));
        if (label.empty() || is_utf16_label(label)) continue;
        // A page declared UTF-8 that is far from valid UTF-8 was saved in another charset.
        if (label == "utf-8" && !mostly_utf8) continue;
        // A re-saved page: valid UTF-8 under an old <meta> declaration.
        if (source == CharsetSource::meta_tag && label != "utf-8" && invalid == 0 &&
            count_multibyte_utf8(bytes) >= k_resaved_utf8_min_sequences)
            break;
        DecodedDocument doc = from_charset(bytes, label, source, owned);
        if (doc.source != CharsetSource::fallback) return doc;
    }
    if (invalid == 0) return from_charset(bytes, "utf-8", CharsetSource::valid_utf8, owned);
    std::string guess = detect_charset(bytes);
    if (!guess.empty() && guess != "ascii" && guess != "utf-8")
        return from_charset(bytes, guess, CharsetSource::detected, owned);
    return from_charset(bytes, "utf-8", CharsetSource::fallback, owned);
}

}  // namespace

DecodedDocument decode_html(std::string_view bytes, std::string_view http_charset, std::string_view user_charset) {
    return decode_page(bytes, http_charset, user_charset, nullptr);
}

DecodedDocument decode_owned_html(std::string&& bytes, std::string_view http_charset, std::string_view user_charset) {
    DecodedDocument doc = decode_page(bytes, http_charset, user_charset, &bytes);
    std::string().swap(bytes);  // consumed, or converted: the page's bytes go now
    return doc;
}

}  // namespace winnow::decode
