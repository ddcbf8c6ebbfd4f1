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
