#include <catch2/catch.hpp>

#include "winnow/util/url.hpp"

namespace url = winnow::url;
using winnow::url::Url;

TEST_CASE("url: the parts of an absolute URL", "[util][url]") {
    auto u = Url::parse("HTTPS://user:pw@Www.Example.COM.:8443/a/./b/../c?x=1&y#frag");
    REQUIRE(u);
    CHECK(u->scheme() == "https");
    CHECK(u->host() == "www.example.com");
    CHECK(u->port() == "8443");
    CHECK(u->effective_port() == "8443");
    CHECK(u->path() == "/a/c");
    CHECK(u->query() == "x=1&y");
    CHECK(u->fragment() == "frag");
    auto plain = Url::parse("http://example.org");
    REQUIRE(plain);
    CHECK(plain->port().empty());
    CHECK(plain->effective_port() == "80");
    CHECK(plain->path() == "/");
    auto ipv6 = Url::parse("http://[::1]:8080/x");
    REQUIRE(ipv6);
    CHECK(ipv6->host() == "[::1]");
}

TEST_CASE("url: parse takes absolute URLs of any scheme and refuses the rest", "[util][url]") {
    auto ftp = Url::parse("ftp://example.org/file");
    REQUIRE(ftp);
    CHECK(ftp->scheme() == "ftp");
    CHECK_FALSE(Url::parse("example.org/a"));
    CHECK_FALSE(Url::parse("/relative/path"));
    CHECK_FALSE(Url::parse("https://example.org/a b"));  // parse is strict; resolve encodes
    auto error = Url::parse("not a url");
    REQUIRE_FALSE(error);
    CHECK(error.error().message.find("not a url") != std::string::npos);
}

TEST_CASE("url: relative references are resolved against a base (RFC 3986 section 5)", "[util][url]") {
    const std::string base = "https://example.org/news/2024/story.html?page=2#top";
    auto str = [&](std::string_view reference) {
        auto u = Url::resolve(base, reference);
        REQUIRE(u);
        return u->str();
    };
    CHECK(str("other.html") == "https://example.org/news/2024/other.html");
    CHECK(str("../archive/") == "https://example.org/news/archive/");
    CHECK(str("/about") == "https://example.org/about");
    CHECK(str("//cdn.example.net/img.png") == "https://cdn.example.net/img.png");
    CHECK(str("?page=3") == "https://example.org/news/2024/story.html?page=3");
    CHECK(str("HTTP://Other.example/x") == "http://Other.example/x");  // str() keeps the host as written
    CHECK(Url::resolve(base, "HTTP://Other.example/x")->host() == "other.example");
    CHECK(str("  spaced name.html \n") == "https://example.org/news/2024/spaced%20name.html");
    CHECK_FALSE(Url::resolve(base, "   "));
    CHECK_FALSE(Url::resolve("not a base", "a.html"));
    CHECK_FALSE(Url::resolve({}, "relative.html"));  // no base: only an absolute URL will do
}

TEST_CASE("url: setters change one part", "[util][url]") {
    auto u = Url::parse("http://example.org:80/a?utm_source=x#f");
    REQUIRE(u);
    u->set_port({});
    u->set_query("id=3");
    u->set_fragment({});
    u->set_scheme("https");
    CHECK(u->str() == "https://example.org/a?id=3");
    u->set_query({});
    CHECK(u->str() == "https://example.org/a");
}

TEST_CASE("url: host and path of any URL, for choosing a profile", "[util][url]") {
    CHECK(url::host("https://user:pw@Www.Example.COM:443/a/b?c#d") == "www.example.com");
    CHECK(url::host("http://example.com") == "example.com");
    CHECK(url::host("http://example.com./a") == "example.com");
    CHECK(url::host("example.com/a") == "");
    CHECK(url::host("") == "");
    CHECK(url::path("https://example.com/a/b?c#d") == "/a/b");
    CHECK(url::path("https://example.com?x") == "/");
    CHECK(url::path("https://example.com") == "/");
    CHECK(url::path("nonsense") == "/");
    auto u = Url::resolve({}, "https://example.com/%C3%9Cber/Stra%C3%9Fe");
    REQUIRE(u);
    CHECK(u->decoded_path() == "/\xC3\x9C" "ber/Stra\xC3\x9F" "e");
}

TEST_CASE("url: credentials are removed before a URL is kept or shown", "[util][url]") {
    CHECK(url::without_credentials("https://user:secret@example.org/a?b=1") == "https://example.org/a?b=1");
    CHECK(url::without_credentials("http://user@example.org:8080/") == "http://example.org:8080/");
    CHECK(url::without_credentials("https://:secret@example.org/") == "https://example.org/");
    // Without credentials the URL is returned exactly as it was written.
    CHECK(url::without_credentials("https://example.org/a@b?c=d@e") == "https://example.org/a@b?c=d@e");
    CHECK(url::without_credentials("https://Example.org/x") == "https://Example.org/x");
    // Text that libcurl cannot parse loses its authority rather than keep a secret.
    std::string broken = url::without_credentials("http://user:se cret@exa mple.org/path");
    CHECK(broken.find("secret") == std::string::npos);
    CHECK(broken.find("se cret") == std::string::npos);
    CHECK(broken == "http://[credentials removed]/path");
    CHECK(url::without_credentials("not a url") == "not a url");
}
