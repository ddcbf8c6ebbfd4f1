#include <iconv.h>

#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "winnow/decode/decode.hpp"
#include "winnow/decode/text.hpp"

using winnow::decode::CharsetSource;
using winnow::decode::decode_html;

namespace {

// Encodes UTF-8 test text into a legacy charset, as a page saved in that charset would be.
std::string encode(const std::string& utf8, const char* charset) {
    iconv_t cd = iconv_open(charset, "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    REQUIRE(iconv(cd, &in, &in_left, &dst, &dst_left) != static_cast<std::size_t>(-1));
    out.resize(out.size() - dst_left);
    iconv_close(cd);
    return out;
}

const std::string k_russian =
    "Центральный банк России сообщил во вторник, что годовая инфляция замедлилась. "
    "Аналитики ожидают, что регулятор сохранит ключевую ставку на прежнем уровне до конца года, "
    "поскольку цены на продовольствие и услуги продолжают расти быстрее, чем прогнозировалось.";
const std::string k_chinese =
    "中国国家统计局周二公布的数据显示，今年前三季度国内生产总值同比增长百分之五，"
    "消费和投资保持稳定增长，进出口贸易总额创历史新高，就业形势总体稳定，居民收入持续增加。"
    "专家表示，经济运行总体平稳，但仍面临外部环境复杂多变等挑战，需要继续加大政策支持力度。";
const std::string k_japanese =
    "東京都は火曜日、新しい交通計画を発表しました。計画では、公共交通機関の利便性を高めるため、"
    "バスと電車の乗り換えを簡単にする新しいシステムを導入する予定です。";

}  // namespace

TEST_CASE("windows-1251 page declared by <meta charset>", "[decode]") {
    std::string html = "<html><head><meta charset=\"windows-1251\"></head><body><p>" + k_russian + "</p></body></html>";
    auto doc = decode_html(encode(html, "WINDOWS-1251"));
    CHECK(doc.charset == "windows-1251");
    CHECK(doc.source == CharsetSource::meta_tag);
    CHECK(doc.text == html);
}

TEST_CASE("ISO-8859-1 declared by the HTTP Content-Type is read as windows-1252", "[decode]") {
    std::string html = "<p>Déjà vu à Zürich — “quotes” and the € sign</p>";
    auto doc = decode_html(encode(html, "WINDOWS-1252"), winnow::decode::charset_from_content_type("text/html; charset=ISO-8859-1"));
    CHECK(doc.charset == "windows-1252");
    CHECK(doc.source == CharsetSource::http_header);
    CHECK(doc.text == html);
}

TEST_CASE("Shift_JIS page declared by <meta http-equiv>", "[decode]") {
    std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                       "</head><body><p>" + k_japanese + "</p></body></html>";
    auto doc = decode_html(encode(html, "SHIFT_JIS"));
    CHECK(doc.charset == "cp932");
    CHECK(doc.text == html);
}

TEST_CASE("a page re-saved as UTF-8 under its old gb2312 <meta> is read as UTF-8", "[decode]") {
    // Saved pages are often re-encoded to UTF-8 and keep their old declaration.
    std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                       "</head><body><p>" + k_chinese + "</p><p>" + k_chinese + "</p></body></html>";
    auto doc = decode_html(html);
    CHECK(doc.charset == "utf-8");
    CHECK(doc.source == CharsetSource::valid_utf8);
    CHECK(doc.text == html);
    // A short page with a few multibyte sequences keeps its declaration (gb2312 bytes can be
    // valid UTF-8 by chance over a few characters).
    std::string short_page = "<html><head><meta charset=\"windows-1252\"></head><body><p>Ã©tÃ©</p></body></html>";
    CHECK(decode_html(short_page).source == CharsetSource::meta_tag);
}

TEST_CASE("GBK page without a declaration is detected", "[decode]") {
    std::string html = "<html><body><p>" + k_chinese + "</p><p>" + k_chinese + "</p></body></html>";
    auto doc = decode_html(encode(html, "GBK"));
    CHECK(doc.source == CharsetSource::detected);
    CHECK(doc.text == html);
}

TEST_CASE("undeclared windows-1251 page is detected", "[decode]") {
    std::string html = "<html><body><p>" + k_russian + "</p><p>" + k_russian + "</p></body></html>";
    auto doc = decode_html(encode(html, "WINDOWS-1251"));
    CHECK(doc.source == CharsetSource::detected);
    CHECK(doc.text == html);
}

TEST_CASE("UTF-16 with and without a byte-order mark", "[decode]") {
    std::string html = "<html><body><p>Привет, мир — hello world</p></body></html>";
    std::string le = encode(html, "UTF-16LE");
    auto with_bom = decode_html("\xFF\xFE" + le);
    CHECK(with_bom.source == CharsetSource::byte_order_mark);
    CHECK(with_bom.text == html);
    auto be = decode_html("\xFE\xFF" + encode(html, "UTF-16BE"));
    CHECK(be.text == html);
    auto without_bom = decode_html(le);
    CHECK(without_bom.text == html);
}

TEST_CASE("a UTF-8 byte-order mark is removed and wins over the meta tag", "[decode]") {
    auto doc = decode_html("\xEF\xBB\xBF<meta charset=windows-1251><p>é</p>");
    CHECK(doc.source == CharsetSource::byte_order_mark);
    CHECK(doc.text == "<meta charset=windows-1251><p>é</p>");
}

TEST_CASE("a page declared UTF-8 that is really windows-1251 is detected", "[decode]") {
    std::string html = "<html><head><meta charset=utf-8></head><body><p>" + k_russian + "</p></body></html>";
    auto doc = decode_html(encode(html, "WINDOWS-1251"));
    CHECK(doc.text == html);
}

TEST_CASE("invalid UTF-8 sequences become U+FFFD, never a crash", "[decode]") {
    std::string broken = "<p>ok \xC3 then \xE2\x82 and \xFF\xFE\xF0\x9F end é</p>";
    auto doc = decode_html(broken, "utf-8");
    CHECK(winnow::decode::is_valid_utf8(doc.text));
    CHECK(doc.text.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(doc.text.find("end é") != std::string::npos);
    // Random bytes of every value, with every declared charset: always valid UTF-8 out.
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 256);
    for (const char* charset : {"", "utf-8", "shift_jis", "gbk", "windows-1251", "utf-16", "no-such-charset"})
        CHECK(winnow::decode::is_valid_utf8(decode_html(noise, charset).text));
}

TEST_CASE("charset labels are read from Content-Type and meta", "[decode]") {
    using winnow::decode::charset_from_content_type;
    using winnow::decode::charset_from_meta;
    CHECK(charset_from_content_type("text/html; charset=UTF-8") == "utf-8");
    CHECK(charset_from_content_type("text/html;charset=\"Windows-1251\"") == "windows-1251");
    CHECK(charset_from_content_type("text/html").empty());
    CHECK(charset_from_meta("<head><META CHARSET='koi8-r'>") == "koi8-r");
    CHECK(charset_from_meta("<meta http-equiv=content-type content=\"text/html; charset=euc-jp\">") == "euc-jp");
    CHECK(charset_from_meta("<p>no meta</p>").empty());
}

TEST_CASE("white space collapsing and NFC", "[decode]") {
    using winnow::decode::collapse_whitespace;
    CHECK(collapse_whitespace("  a \t\n b\u00a0\u00a0c\u2009d ") == "a b c d");
    CHECK(collapse_whitespace("zero\u200bwidth\ufeff") == "zerowidth");
    CHECK(winnow::decode::to_nfc("e\u0301") == "\u00e9");
}

TEST_CASE("repair_utf8 copies valid stretches whole and replaces each bad byte, wherever it falls", "[decode]") {
    // A byte-by-byte reference, against the fast path that skips ASCII eight bytes at a time.
    auto reference = [](std::string_view s) {
        std::string out;
        for (std::size_t i = 0; i < s.size();) {
            std::size_t n = 0;
            for (std::size_t k = 1; k <= 4 && i + k <= s.size(); ++k)
                if (winnow::decode::is_valid_utf8(s.substr(i, k))) {
                    n = k;
                    break;
                }
            if (n == 0) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
        }
        return out;
    };
    const std::string pieces[] = {"abcdefgh", "x", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "\xE2\x82",
                                  "\xFF", "\xED\xA0\x80", "\xC0\xAF", "0123456789abcdef"};
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        for (int k = random() % 12; k > 0; --k) s += pieces[random() % std::size(pieces)];
        INFO(s);
        CHECK(winnow::decode::repair_utf8(s) == reference(s));
        CHECK(winnow::decode::is_valid_utf8(s) == (reference(s) == s));
    }
}

TEST_CASE("to_nfc: text already in NFC is returned as it is, other text is composed", "[decode]") {
    using winnow::decode::to_nfc;
    // Latin, Cyrillic, typographic punctuation, CJK, Hangul, full-width forms: unchanged.
    const std::string stable = "Caf\xC3\xA9 \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xE2\x80\x9Equote\xE2\x80\x9D "
                               "\xE2\x80\x93 \xE6\x97\xA5\xE6\x9C\xAC \xED\x95\x9C \xEF\xBC\x81";
    CHECK(to_nfc(stable) == stable);
    // A combining accent after a letter is composed; after a Cyrillic letter too.
    CHECK(to_nfc("Cafe\xCC\x81") == "Caf\xC3\xA9");
    CHECK(to_nfc("\xD0\x98\xCC\x86") == "\xD0\x99");
    // U+2000 (EN QUAD) is not NFC: it becomes U+2002.
    CHECK(to_nfc("a\xE2\x80\x80" "b") == "a\xE2\x80\x82" "b");
    // Hangul jamo compose into a syllable.
    CHECK(to_nfc("\xE1\x84\x80\xE1\x85\xA1") == "\xEA\xB0\x80");
}

TEST_CASE("decode_owned_html gives what decode_html gives, taking the page", "[decode]") {
    using winnow::decode::decode_owned_html;
    for (std::string page : {std::string("<p>plain ASCII</p>"), std::string("\xEF\xBB\xBF<p>caf\xC3\xA9 with a BOM</p>"),
                             std::string("<meta charset=windows-1251><p>\xCF\xF0\xE8</p>"), std::string("<p>bad \xFF byte</p>")}) {
        auto expected = decode_html(page);
        auto taken = decode_owned_html(std::string(page));
        CHECK(taken.text == expected.text);
        CHECK(taken.charset == expected.charset);
        CHECK(taken.source == expected.source);
    }
    // And with --encoding.
    auto expected = decode_html("<p>\xCF\xF0\xE8</p>", "", "windows-1251");
    CHECK(decode_owned_html(std::string("<p>\xCF\xF0\xE8</p>"), "", "windows-1251").text == expected.text);
}

TEST_CASE("decode: --encoding overrides the meta tag and the HTTP header, but not a byte-order mark", "[decode][encoding]") {
    const std::string page = "<html><head><meta charset=\"gb2312\"></head><body><p>" + k_chinese + "</p></body></html>";
    // Declared gb2312 by the server too (a <meta> alone over valid UTF-8 is taken as a re-saved page).
    auto declared = decode_html(page, "gb2312");
    CHECK(declared.text.find(k_chinese) == std::string::npos);  // read as the gb2312 it claims: garbled
    auto forced = decode_html(page, "windows-1252", "utf-8");
    CHECK(forced.source == CharsetSource::user);
    CHECK(forced.charset == "utf-8");
    CHECK(forced.text.find(k_chinese) != std::string::npos);
    auto legacy = decode_html(encode("<p>" + k_russian + "</p>", "WINDOWS-1251"), "utf-8", "windows-1251");
    CHECK(legacy.text.find(k_russian) != std::string::npos);
    auto bom = decode_html("\xEF\xBB\xBF<p>" + k_chinese + "</p>", "", "windows-1252");
    CHECK(bom.source == CharsetSource::byte_order_mark);
    CHECK(bom.text.find(k_chinese) != std::string::npos);
}

TEST_CASE("supported charsets are the ones iconv knows, WHATWG aliases included", "[decode][encoding]") {
    for (const char* name : {"utf-8", "UTF8", "latin1", "windows-1251", "gb2312", "Shift_JIS", "euc-kr", "big5"})
        CHECK(winnow::decode::is_supported_charset(name));
    for (const char* name : {"", "no-such-charset", "utf-9"}) CHECK_FALSE(winnow::decode::is_supported_charset(name));
}
