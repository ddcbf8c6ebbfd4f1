#include <catch2/catch.hpp>

#include "winnow/decode/text.hpp"
#include "winnow/util/utf8.hpp"

namespace utf8 = winnow::utf8;

TEST_CASE("utf8: code points are decoded, and broken bytes become U+FFFD one at a time", "[util][utf8]") {
    const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\xFFz";  // a é 中 😀 <bad> z
    std::size_t i = 0;
    CHECK(utf8::next_code_point(text, i) == U'a');
    CHECK(utf8::next_code_point(text, i) == U'\u00E9');
    CHECK(utf8::next_code_point(text, i) == U'\u4E2D');
    CHECK(utf8::next_code_point(text, i) == U'\U0001F600');
    CHECK(utf8::next_code_point(text, i) == 0xFFFD);
    CHECK(utf8::next_code_point(text, i) == U'z');
    CHECK(i == text.size());
    CHECK(utf8::code_point_count(text.substr(0, text.size() - 2)) == 4);
    CHECK(utf8::non_space_count("a \xC3\xA9 b") == 3);
}

TEST_CASE("utf8: encoding round-trips, and what is not a scalar value becomes U+FFFD", "[util][utf8]") {
    std::string out;
    for (char32_t cp : {U'a', U'\u00E9', U'\u4E2D', U'\U0001F600'}) utf8::append(out, cp);
    CHECK(out == "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
    std::string bad;
    utf8::append(bad, 0xD800);    // a lone surrogate
    utf8::append(bad, 0x110000);  // beyond Unicode
    CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("utf8: text is shortened at a character boundary", "[util][utf8]") {
    CHECK(utf8::shorten("short", 80) == "short");
    CHECK(utf8::shorten("abcdefghij", 8) == "abcde...");
    CHECK(utf8::shorten("abcd\xC3\xA9\xC3\xA9" "x", 8) == "abcd...");  // é is not cut in two
}

TEST_CASE("utf8: white space and invisible characters, one definition", "[util][utf8]") {
    for (char32_t cp : {U' ', U'\t', U'\n', U'\u00A0', U'\u2003', U'\u200A', U'\u202F', U'\u3000', U'\u2028'})
        CHECK(utf8::is_space(cp));
    // U+200B is invisible, not a space: it is dropped and joins the letters around it.
    CHECK_FALSE(utf8::is_space(0x200B));
    CHECK(utf8::is_invisible(0x200B));
    for (char32_t cp : {U'\u00AD', U'\u200C', U'\u200D', U'\u2060', U'\uFEFF', U'\u200E', char32_t{0x01}, char32_t{0x9F}})
        CHECK(utf8::is_invisible(cp));
    for (char32_t cp : {U'a', U' ', U'\n', U'\t', char32_t{0x85}, U'\u00A0'}) CHECK_FALSE(utf8::is_invisible(cp));
    // The decoder follows the same definition.
    CHECK(winnow::decode::collapse_whitespace("long\xE2\x80\x8B" "word\xC2\xA0" "and\xE2\x80\x83" "more") == "longword and more");
}

TEST_CASE("utf8: CJK scripts", "[util][utf8]") {
    CHECK(utf8::is_cjk(U'\u4E2D'));   // 中
    CHECK(utf8::is_cjk(U'\u3042'));   // あ
    CHECK(utf8::is_cjk(U'\u30AB'));   // カ
    CHECK_FALSE(utf8::is_cjk(U'\uAC00'));  // 가: Hangul spaces its words
    CHECK_FALSE(utf8::is_cjk(U'a'));
}

TEST_CASE("utf8: printable_line keeps server text from driving a terminal", "[util][utf8]") {
    using winnow::utf8::printable_line;
    CHECK(printable_line("Service Unavailable") == "Service Unavailable");
    CHECK(printable_line("Busy \x1b[31mRED\x1b[0m") == "Busy  [31mRED [0m");
    CHECK(printable_line("a\r\nb\tc\x07\x7f") == "a  b c");
    CHECK(printable_line("C1 \xc2\x9b" "2J end") == "C1  2J end");  // U+009B CSI
    CHECK(printable_line("lone \x9b byte") == "lone \xef\xbf\xbd byte");   // ill-formed: U+FFFD
    CHECK(printable_line("caf\xc3\xa9 \xe2\x80\x94 ok") == "caf\xc3\xa9 \xe2\x80\x94 ok");
    CHECK(printable_line("  \n ") == "");
}
