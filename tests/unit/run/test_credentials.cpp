// run::Credentials: the user's credentials, kept out of every URL the run stores or shows, put
// back for the fetch.
#include <catch2/catch.hpp>

#include "winnow/run/config.hpp"
#include "winnow/run/credentials.hpp"

using winnow::run::Credentials;

TEST_CASE("credentials written for a URL are applied to it, and to other URLs of its origin", "[run][credentials]") {
    Credentials credentials;
    CHECK(credentials.empty());
    credentials.note("https://ann:s3cret@example.org/a", "https://example.org/a");
    credentials.note("https://bob:other%40pw@example.org/b", "https://example.org/b");  // the same origin, another user
    credentials.note("http://example.net/c", "http://example.net/c");                   // none: nothing noted
    credentials.note("http://carl@example.net:8080/d", "http://example.net:8080/d");    // a user without password
    CHECK_FALSE(credentials.empty());
    CHECK(credentials.apply("https://example.org/a") == "https://ann:s3cret@example.org/a");
    CHECK(credentials.apply("https://example.org/b") == "https://bob:other%40pw@example.org/b");
    // A page a feed or sitemap lists on the origin: the first credentials written for it.
    CHECK(credentials.apply("https://example.org/news/1?x=2") == "https://ann:s3cret@example.org/news/1?x=2");
    CHECK(credentials.apply("http://example.net/c") == "http://example.net/c");
    CHECK(credentials.apply("http://example.net:8080/e") == "http://carl@example.net:8080/e");
    // Another scheme, host or port is another origin.
    CHECK(credentials.apply("http://example.org/a") == "http://example.org/a");
    CHECK(credentials.apply("https://www.example.org/a") == "https://www.example.org/a");
    CHECK(credentials.apply("https://example.org:8443/a") == "https://example.org:8443/a");
}

TEST_CASE("the configuration keeps its URLs without credentials and the credentials apart", "[run][config][credentials]") {
    std::string text = R"toml(output = "articles"
state = "state.sqlite"
[[source]]
urls = ["https://ann:s3cret@example.org/a", "https://example.org/b"]
[[source]]
feed = "https://feeds:f33d@feeds.example.com/rss.xml"
)toml";
    auto config = winnow::run::parse_config(text, "/tmp/run.toml");
    REQUIRE(config);
    REQUIRE(config->sources.size() == 2);
    CHECK(config->sources[0].urls == std::vector<std::string>{"https://example.org/a", "https://example.org/b"});
    CHECK(config->sources[1].url == "https://feeds.example.com/rss.xml");
    for (const auto& url : config->written_urls) CHECK(url.find('@') == std::string::npos);
    CHECK(config->written_urls.contains("https://example.org/a"));
    CHECK(config->credentials.apply("https://example.org/a") == "https://ann:s3cret@example.org/a");
    CHECK(config->credentials.apply("https://example.org/b") == "https://ann:s3cret@example.org/b");
    CHECK(config->credentials.apply("https://feeds.example.com/rss.xml") == "https://feeds:f33d@feeds.example.com/rss.xml");
    // A bad URL is named without its password.
    auto bad = winnow::run::parse_config("output = \"a\"\nstate = \"s\"\n[[source]]\nurls = [\"ftp://ann:s3cret@example.org/\"]\n",
                                         "/tmp/run.toml");
    REQUIRE_FALSE(bad);
    INFO(bad.error().message);
    CHECK(bad.error().message.find("s3cret") == std::string::npos);
    CHECK_THAT(bad.error().message, Catch::Contains("ftp://example.org/: not an http or https URL"));
}
