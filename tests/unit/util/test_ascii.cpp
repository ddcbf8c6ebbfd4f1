#include <catch2/catch.hpp>

#include "winnow/util/ascii.hpp"

namespace ascii = winnow::ascii;

TEST_CASE("ascii: lower case touches A-Z only, never UTF-8 bytes", "[util][ascii]") {
    CHECK(ascii::lower("Content-Type: TEXT/html") == "content-type: text/html");
    CHECK(ascii::lower("\xC3\x9C" "ber \xC3\x84RGER") == "\xC3\x9C" "ber \xC3\x84rger");  // Über ÄRGER: only R, G, E, R
    CHECK(ascii::lower('Q') == 'q');
    CHECK(ascii::lower('@') == '@');
    CHECK(ascii::lower('[') == '[');  // the byte after Z
}

TEST_CASE("ascii: case-insensitive comparisons", "[util][ascii]") {
    CHECK(ascii::iequals("Location", "LOCATION"));
    CHECK_FALSE(ascii::iequals("Location", "Locations"));
    CHECK_FALSE(ascii::iequals("a", "b"));
    CHECK(ascii::istarts_with("Location: /next", "location:"));
    CHECK_FALSE(ascii::istarts_with("Loc", "location:"));
}

TEST_CASE("ascii: classes, hexadecimal digits and trimming", "[util][ascii]") {
    CHECK(ascii::is_space('\v'));
    CHECK(ascii::is_space('\r'));
    CHECK_FALSE(ascii::is_space('\xA0'));  // a byte of UTF-8, not a space
    CHECK(ascii::is_alnum('z'));
    CHECK(ascii::is_alnum('7'));
    CHECK_FALSE(ascii::is_alnum('-'));
    CHECK_FALSE(ascii::is_alnum('\xC3'));
    CHECK(ascii::is_upper('A'));
    CHECK_FALSE(ascii::is_upper('a'));
    CHECK(ascii::hex_value('7') == 7);
    CHECK(ascii::hex_value('b') == 11);
    CHECK(ascii::hex_value('F') == 15);
    CHECK(ascii::hex_value('g') == -1);
    CHECK(ascii::trim(" \t value \r\n") == "value");
    CHECK(ascii::trim("   ").empty());
}

TEST_CASE("ascii: split keeps every piece, empty ones included", "[util][ascii]") {
    using V = std::vector<std::string_view>;
    CHECK(ascii::split("news.bbc.co.uk", '.') == V{"news", "bbc", "co", "uk"});
    CHECK(ascii::split("a..b.", '.') == V{"a", "", "b", ""});
    CHECK(ascii::split("", '-') == V{""});
    CHECK(ascii::split("en", '-') == V{"en"});
}
