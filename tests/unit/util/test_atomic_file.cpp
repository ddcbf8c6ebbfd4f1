// Files written as a stream and put in place only when complete.
#include <catch2/catch.hpp>

#include <filesystem>

#include "corpus_files.hpp"
#include "process.hpp"
#include "winnow/util/atomic_file.hpp"

using winnow::AtomicFile;
using winnow::test::TemporaryFolder;
using winnow::test::corpus::read_text;
using winnow::test::corpus::write_text;
namespace fs = std::filesystem;

namespace {

std::size_t entries(const std::string& folder) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("atomic file: pieces appear only at commit, replacing the old file", "[util]") {
    TemporaryFolder dir;
    write_text(dir.file("out.txt"), "old\n");
    auto file = AtomicFile::create(dir.file("out.txt"));
    REQUIRE(file);
    REQUIRE(file->write("one\n"));
    REQUIRE(file->write("two\n"));
    CHECK(read_text(dir.file("out.txt")) == "old\n");  // not yet
    CHECK(entries(dir.path()) == 2);                   // the target and the temporary file
    REQUIRE(file->commit());
    CHECK(read_text(dir.file("out.txt")) == "one\ntwo\n");
    CHECK(entries(dir.path()) == 1);
    CHECK_FALSE(file->commit());  // once only
}

TEST_CASE("atomic file: dropped without commit, nothing is left and the old file stays", "[util]") {
    TemporaryFolder dir;
    write_text(dir.file("out.txt"), "old\n");
    {
        auto file = AtomicFile::create(dir.file("out.txt"));
        REQUIRE(file);
        REQUIRE(file->write("half a file"));
    }
    CHECK(read_text(dir.file("out.txt")) == "old\n");
    CHECK(entries(dir.path()) == 1);
    {
        auto fresh = AtomicFile::create(dir.file("sub/new.txt"));  // parent folders are made
        REQUIRE(fresh);
    }
    CHECK_FALSE(fs::exists(dir.file("sub/new.txt")));
    CHECK(AtomicFile::create(dir.path()).error().message == dir.path() + ": is a folder");
}

TEST_CASE("read file: a file of known size is read whole, NUL bytes and all, within its limit", "[util]") {
    TemporaryFolder dir;
    // Larger than the 64 KiB buffer of the reading by pieces, with a NUL and a CR in it.
    std::string content(200'003, 'x');
    content[7] = '\0';
    content[70'000] = '\r';
    write_text(dir.file("page.html"), content);
    auto read = winnow::read_file(dir.file("page.html"));
    REQUIRE(read);
    CHECK(read->size() == content.size());
    CHECK(*read == content);
    write_text(dir.file("empty.html"), "");
    auto empty = winnow::read_file(dir.file("empty.html"));
    REQUIRE(empty);
    CHECK(empty->empty());
    CHECK(winnow::read_file(dir.file("page.html"), content.size()));
    auto over = winnow::read_file(dir.file("page.html"), content.size() - 1);
    REQUIRE_FALSE(over);
    CHECK(over.error().kind == winnow::ErrorKind::too_large);
}
