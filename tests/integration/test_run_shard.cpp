// `winnow run --shard I/N` against the local test server on six ports (six hosts): the shards
// split the hosts (no host's pages fetched by two shards), and together they write what one
// unsharded run writes: the same article files, the same manifest lines.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus_files.hpp"
#include "process.hpp"
#include "test_server.hpp"
#include "winnow/run/output.hpp"
#include "winnow/run/shard.hpp"

namespace fs = std::filesystem;
using winnow::test::run_winnow;
using winnow::test::TemporaryFolder;
using winnow::test::corpus::read_text;
using winnow::test::corpus::write_text;

namespace {

constexpr int k_hosts = 6;
constexpr int k_articles_per_host = 3;
constexpr int k_shards = 3;

std::string article(int host, int n) {
    std::string title = "Host " + std::to_string(host) + " story " + std::to_string(n);
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1><p>The first paragraph of " + title + " has enough words in it to look like prose to the "
           "extractor, which wants a few sentences.</p><p>The second paragraph of " + title + " says more, so that "
           "the page is clearly an article about something.</p></article></body></html>";
}

// Article files (path -> content) and manifest lines (without fetched_at) of an output folder.
void collect(const fs::path& output, std::map<std::string, std::string>& files, std::multiset<std::string>& manifest) {
    for (const auto& entry : fs::recursive_directory_iterator(output)) {
        if (!entry.is_regular_file()) continue;
        std::string relative = fs::relative(entry.path(), output).string();
        if (relative == "manifest.jsonl") {
            std::istringstream in(read_text(entry.path()));
            for (std::string line; std::getline(in, line);) {
                auto object = nlohmann::json::parse(line);
                object.erase("fetched_at");
                manifest.insert(object.dump());
            }
            continue;
        }
        REQUIRE(files.emplace(relative, read_text(entry.path())).second);  // in one shard's output only
    }
}

}  // namespace

TEST_CASE("run shard: I/N is parsed and the host hash is stable", "[run][shard]") {
    using namespace winnow::run;
    CHECK(parse_shard("2/3")->index == 2);
    CHECK(parse_shard("2/3")->count == 3);
    CHECK_FALSE(parse_shard("0/3"));
    CHECK_FALSE(parse_shard("4/3"));
    CHECK_FALSE(parse_shard("1/0"));
    CHECK_FALSE(parse_shard("1-3"));
    CHECK_FALSE(parse_shard("a/3"));
    CHECK(parse_shard("x").error().message == "--shard x: give I/N, as in 1/3 (shard I of N)");
    // FNV-1a's published test values: the hash is the same on every machine and in every version.
    CHECK(fnv1a_64("") == 0xcbf29ce484222325ULL);
    CHECK(fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ULL);
    // The key is the host, with a port only when it is not the scheme's default.
    CHECK(shard_key("https://Example.COM/a?b") == "example.com");
    CHECK(shard_key("https://example.com:443/a") == "example.com");
    CHECK(shard_key("http://127.0.0.1:8081/a") == "127.0.0.1:8081");
    CHECK(shard_of("https://example.com/a", 5) == shard_of("https://example.com/other/page", 5));
    for (const char* url : {"https://a.test/", "http://127.0.0.1:9/x", "https://news.example.org/2026/"}) {
        std::size_t shard = shard_of(url, 7);
        CHECK(shard >= 1);
        CHECK(shard <= 7);
    }
    CHECK(shard_of("https://anything.test/", 1) == 1);
}

TEST_CASE("run shard: 3 shards over 6 hosts fetch each host once and write one unsharded run's output",
          "[run][shard][e2e]") {
    TemporaryFolder folder;
    winnow::test::TestServerOptions options;
    options.ports = k_hosts;
    options.files_dir = folder.file("files");
    for (int n = 1; n <= k_articles_per_host; ++n)
        for (int host = 0; host < k_hosts; ++host)
            write_text(fs::path(options.files_dir) / "site" / ("h" + std::to_string(host)) / ("a" + std::to_string(n) + ".html"),
                       article(host, n));
    winnow::test::TestServer server(options);
    auto page_url = [&](int host, int n) {
        return server.url("/site/h" + std::to_string(host) + "/a" + std::to_string(n) + ".html", host);
    };
    // A URL list per host, and one list mixing every host (each URL in two sources).
    std::ostringstream config;
    config << "output = \"articles\"\nstate = \"state.sqlite\"\n[fetch]\nconcurrency = 4\ndelay = 0\ntimeout = 10\n"
              "retries = 0\n";
    for (int host = 0; host < k_hosts; ++host) {
        config << "[[source]]\nurls = [";
        for (int n = 1; n <= k_articles_per_host; ++n) config << (n > 1 ? ", " : "") << "\"" << page_url(host, n) << "\"";
        config << "]\n";
    }
    config << "[[source]]\nurls = [";
    for (int host = 0; host < k_hosts; ++host) config << (host ? ", " : "") << "\"" << page_url(host, 1) << "\"";
    config << "]\n";

    auto run_in = [&](const std::string& name, const std::vector<std::string>& extra) {
        fs::path dir = folder.file(name);
        write_text(dir / "run.toml", config.str());
        std::vector<std::string> args = {"run", "--config", (dir / "run.toml").string(), "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        const std::size_t before = server.log().size();
        auto result = run_winnow(args);
        INFO(result.err);
        REQUIRE(result.status == 0);
        std::set<int> hosts;  // the ports this run sent any request to (pages, robots.txt)
        auto log = server.log();
        for (std::size_t i = before; i < log.size(); ++i) hosts.insert(log[i].port);
        return std::pair{dir / "articles", hosts};
    };

    auto [whole_output, whole_hosts] = run_in("whole", {});
    CHECK(whole_hosts.size() == k_hosts);
    std::map<std::string, std::string> whole_files;
    std::multiset<std::string> whole_manifest;
    collect(whole_output, whole_files, whole_manifest);
    REQUIRE(whole_files.size() == k_hosts * k_articles_per_host);
    REQUIRE(whole_manifest.size() == k_hosts * k_articles_per_host);

    std::map<std::string, std::string> merged_files;
    std::multiset<std::string> merged_manifest;
    std::map<int, int> shard_of_host;
    for (int shard = 1; shard <= k_shards; ++shard) {
        auto [output, hosts] = run_in("shard" + std::to_string(shard), {"--shard", std::to_string(shard) + "/3"});
        for (int port : hosts) {
            INFO("port " << port << " fetched by shard " << shard);
            CHECK(shard_of_host.emplace(port, shard).second);  // by no other shard
            CHECK(winnow::run::shard_of("http://127.0.0.1:" + std::to_string(port) + "/", k_shards) ==
                  static_cast<std::size_t>(shard));
        }
        if (fs::exists(output)) collect(output, merged_files, merged_manifest);
    }
    CHECK(shard_of_host.size() == k_hosts);  // every host fetched by some shard
    CHECK(merged_files == whole_files);
    CHECK(merged_manifest == whole_manifest);

    // A bad --shard is a usage error, and nothing is fetched.
    const std::size_t before = server.log().size();
    auto bad = run_winnow({"run", "--config", folder.file("whole/run.toml"), "--shard", "4/3"});
    CHECK(bad.status == 2);
    CHECK(bad.err == "winnow: --shard 4/3: I must be between 1 and N\n");
    CHECK(server.log().size() == before);
}
