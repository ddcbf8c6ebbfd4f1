// `winnow fetch` and `winnow clean URL` as a user runs them, against the local test server.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/process.hpp"
#include "support/test_server.hpp"

using winnow::test::TestServer;

namespace {

using Run = winnow::test::ProcessResult;
using winnow::test::run_winnow;

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("winnow fetch: the raw body on stdout, with --headers the status line and headers first", "[cli][fetch]") {
    TestServer server;
    Run plain = run_winnow({"fetch", server.url("/gzip")});
    CHECK(plain.status == 0);
    CHECK(plain.out.starts_with("<!DOCTYPE html>"));
    CHECK(plain.err.empty());

    Run headed = run_winnow({"fetch", "--headers", server.url("/etag")});
    CHECK(headed.status == 0);
    CHECK(headed.out.starts_with("HTTP/1.1 200 OK\n"));
    CHECK(headed.out.find("\nETag: \"v1-abc\"\n") != std::string::npos);
    auto blank = headed.out.find("\n\n");
    REQUIRE(blank != std::string::npos);
    CHECK(headed.out.substr(blank + 2).starts_with("<!DOCTYPE html>"));

    Run not_modified = run_winnow({"fetch", "--headers", "--if-none-match", "\"v1-abc\"", server.url("/etag")});
    CHECK(not_modified.status == 0);
    CHECK(not_modified.out.starts_with("HTTP/1.1 304 Not Modified\n"));
    CHECK(not_modified.out.ends_with("\n\n"));  // no body
}

TEST_CASE("winnow fetch -o writes the file, any content type is fetched", "[cli][fetch]") {
    TestServer server;
    auto file = server.work_dir() / "page.bin";
    Run run = run_winnow({"fetch", "-o", file.string(), server.url("/type/pdf")});
    CHECK(run.status == 0);
    CHECK(run.out.empty());
    CHECK(slurp(file).starts_with("%PDF-1.4"));
    Run html_only = run_winnow({"fetch", "--html-only", server.url("/type/pdf")});
    CHECK(html_only.status == 1);
    CHECK(html_only.err == "winnow: " + server.url("/type/pdf") + ": content type 'application/pdf' is not HTML\n");
}

TEST_CASE("winnow fetch: failures are one line naming the URL and cause, with documented statuses", "[cli][fetch]") {
    TestServer server;
    auto file = server.work_dir() / "never.html";
    Run missing = run_winnow({"fetch", "-o", file.string(), server.url("/status/404")});
    CHECK(missing.status == 1);
    CHECK(missing.err == "winnow: " + server.url("/status/404") + ": HTTP status 404 (Not Found)\n");
    CHECK(missing.out.empty());
    CHECK_FALSE(std::filesystem::exists(file));

    Run loop = run_winnow({"fetch", server.url("/loop/a")});
    CHECK(loop.status == 1);
    CHECK(loop.err == "winnow: " + server.url("/loop/a") + ": redirect loop (a Location repeats within 10 redirects)\n");

    Run scheme = run_winnow({"fetch", "ftp://127.0.0.1/x"});
    CHECK(scheme.status == 2);
    CHECK(scheme.err == "winnow: ftp://127.0.0.1/x: unsupported URL scheme 'ftp' (only http and https)\n");

    Run usage = run_winnow({"fetch"});
    CHECK(usage.status == 2);
}

TEST_CASE("winnow clean URL uses the fetcher without robots.txt and refuses non-HTML", "[cli][fetch]") {
    TestServer server({.robots_status = 503});  // would put the host off limits if robots.txt were read
    Run run = run_winnow({"clean", server.url("/redirect/2")});
    CHECK(run.status == 0);
    CHECK(run.out.starts_with("Page redirected\n\n"));
    Run latin = run_winnow({"clean", server.url("/charset/latin1")});
    CHECK(latin.status == 0);
    CHECK(latin.out.starts_with("Caf\xc3\xa9 cr\xc3\xa8me\n"));  // decoded with the HTTP charset
    Run pdf = run_winnow({"clean", server.url("/type/pdf")});
    CHECK(pdf.status == 1);
    CHECK(pdf.err == "winnow: " + server.url("/type/pdf") + ": content type 'application/pdf' is not HTML\n");
    CHECK(server.requests_for("/robots.txt").empty());
}
