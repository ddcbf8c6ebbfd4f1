#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "winnow/run/output.hpp"

namespace fs = std::filesystem;
using namespace winnow::run;

namespace {

fs::path temp_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("winnow-output-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("the hash is FNV-1a 64 as 16 hex digits", "[run][output]") {
    CHECK(stable_hash("") == "cbf29ce484222325");
    CHECK(stable_hash("a") == "af63dc4c8601ec8c");
    CHECK(stable_hash("foobar") == "85944171f73967e8");
}

TEST_CASE("slugs come from the URL path", "[run][output]") {
    CHECK(slug_from_path("/2026/11/21/Bitcoin-Hits-New-High.html") == "2026-11-21-bitcoin-hits-new-high");
    CHECK(slug_from_path("/") == "index");
    CHECK(slug_from_path("") == "index");
    CHECK(slug_from_path("/news/") == "news");
    CHECK(slug_from_path("/%E2%82%AC/caf%C3%A9") == "e2-82-ac-caf-c3-a9");
    std::string long_path = "/section/" + std::string(100, 'x') + "/the-article-title-at-the-end";
    std::string slug = slug_from_path(long_path);
    CHECK(slug.size() <= 60);
    CHECK_THAT(slug, Catch::EndsWith("the-article-title-at-the-end"));
}

TEST_CASE("the output path is host/slug-HASH with the port in the folder when not the default", "[run][output]") {
    CHECK(output_relative_path("https://news.example/2026/a.html", ".txt") ==
          "news.example/2026-a-" + stable_hash("https://news.example/2026/a.html") + ".txt");
    CHECK_THAT(output_relative_path("http://127.0.0.1:8080/x", ".json"), Catch::StartsWith("127.0.0.1_8080/x-"));
    CHECK(output_relative_path("https://news.example/a?page=2", ".txt") != output_relative_path("https://news.example/a", ".txt"));
}

TEST_CASE("the manifest gets each committed line exactly once, whatever was cut off", "[run][output]") {
    fs::path dir = temp_dir("manifest");
    auto store = StateStore::open(dir / "state.sqlite");
    REQUIRE(store);
    Manifest manifest(dir / "out/manifest.jsonl");
    REQUIRE(manifest.recover(*store));
    CHECK_FALSE(fs::exists(manifest.path()));

    REQUIRE(store->begin());
    REQUIRE(store->add_manifest_line("{\"n\":1}"));
    REQUIRE(store->add_manifest_line("{\"n\":2}"));
    REQUIRE(store->commit());
    REQUIRE(manifest.flush(*store));
    CHECK(read_text(manifest.path()) == "{\"n\":1}\n{\"n\":2}\n");
    REQUIRE(manifest.flush(*store));  // nothing pending: nothing appended
    CHECK(read_text(manifest.path()) == "{\"n\":1}\n{\"n\":2}\n");

    // A crash after the append but before its size was recorded: the line is pending and also
    // (partly) in the file. Recovery cuts the file back and appends it once.
    REQUIRE(store->begin());
    REQUIRE(store->add_manifest_line("{\"n\":3}"));
    REQUIRE(store->commit());
    std::ofstream(manifest.path(), std::ios::app) << "{\"n\":3}\n{\"n\"";
    REQUIRE(manifest.recover(*store));
    CHECK(read_text(manifest.path()) == "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");

    // An uncommitted line never reaches the file.
    REQUIRE(store->begin());
    REQUIRE(store->add_manifest_line("{\"n\":4}"));
    store->rollback();
    REQUIRE(manifest.recover(*store));
    CHECK(read_text(manifest.path()) == "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");

    // Rotated by the user: new lines go to the new file.
    fs::remove(manifest.path());
    REQUIRE(store->begin());
    REQUIRE(store->add_manifest_line("{\"n\":5}"));
    REQUIRE(store->commit());
    REQUIRE(manifest.recover(*store));
    CHECK(read_text(manifest.path()) == "{\"n\":5}\n");
    fs::remove_all(dir);
}

TEST_CASE("stale temporary files of interrupted writes are removed, others kept", "[run][output]") {
    fs::path dir = temp_dir("temporaries");
    fs::create_directories(dir / "host");
    std::ofstream(dir / "host/.a-0123456789abcdef.txt.winnow-tmp.123.deadbeef") << "partial";
    std::ofstream(dir / "host/a-0123.txt") << "whole";
    std::ofstream(dir / "host/.hidden") << "user's";
    remove_stale_temporaries(dir);
    CHECK_FALSE(fs::exists(dir / "host/.a-0123456789abcdef.txt.winnow-tmp.123.deadbeef"));
    CHECK(fs::exists(dir / "host/a-0123.txt"));
    CHECK(fs::exists(dir / "host/.hidden"));
    fs::remove_all(dir);
}

// Issue 18, "Nothing escapes its folders".

TEST_CASE("an article write replaces a symlink at its name and never writes through it", "[run][output][symlink]") {
    fs::path dir = temp_dir("symlink-file");
    fs::create_directories(dir / "out/host");
    std::ofstream(dir / "foreign.txt") << "someone else's";
    fs::create_symlink(dir / "foreign.txt", dir / "out/host/a-0123456789abcdef.txt");
    auto folder = OutputFolder::open(dir / "out");
    REQUIRE(folder);
    CHECK_FALSE(folder->has_file("host/a-0123456789abcdef.txt"));  // a symlink is not our file
    REQUIRE(folder->write_file("host/a-0123456789abcdef.txt", "article\n"));
    CHECK(read_text(dir / "foreign.txt") == "someone else's");
    CHECK_FALSE(fs::is_symlink(dir / "out/host/a-0123456789abcdef.txt"));
    CHECK(read_text(dir / "out/host/a-0123456789abcdef.txt") == "article\n");
    CHECK(folder->has_file("host/a-0123456789abcdef.txt"));
    fs::remove_all(dir);
}

TEST_CASE("a host folder that is a symlink is refused with a message", "[run][output][symlink]") {
    fs::path dir = temp_dir("symlink-host");
    fs::create_directories(dir / "out");
    fs::create_directories(dir / "elsewhere");
    fs::create_directory_symlink(dir / "elsewhere", dir / "out/host");
    auto folder = OutputFolder::open(dir / "out");
    REQUIRE(folder);
    auto written = folder->write_file("host/a-0123456789abcdef.txt", "article\n");
    REQUIRE_FALSE(written);
    CHECK_THAT(written.error().message, Catch::Contains((dir / "out/host").string() + ": the host folder is a symbolic link"));
    CHECK(fs::is_empty(dir / "elsewhere"));
    fs::remove_all(dir);
}

TEST_CASE("a manifest.jsonl that is a symlink is refused, the file it points at untouched", "[run][output][symlink]") {
    fs::path dir = temp_dir("symlink-manifest");
    fs::create_directories(dir / "out");
    std::ofstream(dir / "foreign.log") << "line 1\nline 2\nline 3\n";
    fs::create_symlink(dir / "foreign.log", dir / "out/manifest.jsonl");
    auto store = StateStore::open(dir / "state.sqlite");
    REQUIRE(store);
    REQUIRE(store->set_meta("manifest_size", "7"));
    REQUIRE(store->begin());
    REQUIRE(store->add_manifest_line("{\"n\":1}"));
    REQUIRE(store->commit());
    Manifest manifest(dir / "out/manifest.jsonl");
    auto recovered = manifest.recover(*store);
    REQUIRE_FALSE(recovered);
    CHECK_THAT(recovered.error().message, Catch::Contains("symbolic link"));
    CHECK(read_text(dir / "foreign.log") == "line 1\nline 2\nline 3\n");  // neither truncated nor appended to
    fs::remove_all(dir);
}

TEST_CASE("without a recorded size the manifest keeps every complete line", "[run][output]") {
    fs::path dir = temp_dir("manifest-unknown");
    fs::create_directories(dir / "out");
    std::string forty;
    for (int i = 1; i <= 40; ++i) forty += "{\"n\":" + std::to_string(i) + "}\n";
    std::ofstream(dir / "out/manifest.jsonl") << forty << "{\"n\":41";  // and a torn line
    // A new (or deleted, or emptied) state file with two lines pending.
    auto store = StateStore::open(dir / "state.sqlite");
    REQUIRE(store);
    REQUIRE(store->begin());
    REQUIRE(store->add_manifest_line("{\"n\":\"a\"}"));
    REQUIRE(store->add_manifest_line("{\"n\":\"b\"}"));
    REQUIRE(store->commit());
    Manifest manifest(dir / "out/manifest.jsonl");
    REQUIRE(manifest.recover(*store));
    CHECK(read_text(dir / "out/manifest.jsonl") == forty + "{\"n\":\"a\"}\n{\"n\":\"b\"}\n");
    fs::remove_all(dir);
}

TEST_CASE("a recorded manifest size that is not a number is a named state error, not an abort", "[run][output]") {
    fs::path dir = temp_dir("manifest-nan");
    fs::create_directories(dir / "out");
    std::ofstream(dir / "out/manifest.jsonl") << "{\"n\":1}\n";
    auto store = StateStore::open(dir / "state.sqlite");
    REQUIRE(store);
    for (std::string bad : {"abc", "", "12x", "-1", "99999999999999999999999"}) {
        REQUIRE(store->set_meta("manifest_size", bad));
        Manifest manifest(dir / "out/manifest.jsonl");
        auto recovered = manifest.recover(*store);
        REQUIRE_FALSE(recovered);
        CHECK(recovered.error().kind == winnow::ErrorKind::state);
        CHECK_THAT(recovered.error().message, Catch::Contains("'manifest_size' is '" + bad + "', not a number"));
        CHECK(read_text(dir / "out/manifest.jsonl") == "{\"n\":1}\n");
    }
    fs::remove_all(dir);
}

TEST_CASE("stale-temporary clean-up removes only winnow's own temporary files", "[run][output]") {
    fs::path top = temp_dir("own-temporaries"), dir = top / "out";
    fs::create_directories(dir / "host/sub");
    fs::create_directories(top / "elsewhere");
    const std::string ours = ".a-0123456789abcdef.txt.winnow-tmp.123.deadbeef";
    std::ofstream(dir / "host" / ours) << "partial";
    std::ofstream(dir / "host/.notes.tmp.1.x") << "user's";                   // the old pattern, not ours
    std::ofstream(dir / "host/.a-0123.txt.tmp.123.deadbeef") << "user's";     // not an article name
    std::ofstream(dir / "host/sub" / ours) << "deeper than a host folder";
    std::ofstream(top / "elsewhere" / ours) << "behind a symlink";
    fs::create_directory_symlink(top / "elsewhere", dir / "linked");
    CHECK(is_article_temporary(ours));
    CHECK_FALSE(is_article_temporary(".a-0123456789abcdef.txt.winnow-tmp.123.deadbee"));
    remove_stale_temporaries(dir);
    CHECK_FALSE(fs::exists(dir / "host" / ours));
    CHECK(fs::exists(dir / "host/.notes.tmp.1.x"));
    CHECK(fs::exists(dir / "host/.a-0123.txt.tmp.123.deadbeef"));
    CHECK(fs::exists(dir / "host/sub" / ours));
    CHECK(fs::exists(top / "elsewhere" / ours));
    fs::remove_all(top);
}
