// The five seed pages (fixtures/seeds/). Without their site profiles the generic extractor still
// keeps every line of the expected text. (With profiles, the CTest test fixtures.seeds compares
// each page's output with its expected text byte for byte.)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "process.hpp"

using winnow::test::run_winnow;
namespace fs = std::filesystem;

namespace {

const fs::path k_seed_fixtures = fs::path(WINNOW_TESTS_DIR) / ".." / "fixtures" / "seeds";

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> seed_pages() {
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(k_seed_fixtures))
        if (entry.path().extension() == ".html") pages.push_back(entry.path());
    std::sort(pages.begin(), pages.end());
    return pages;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string page_url(const fs::path& page) {
    fs::path meta = page;
    meta.replace_extension(".json");
    if (!fs::exists(meta)) return {};
    return nlohmann::json::parse(read_text(meta)).value("url", "");
}

}  // namespace

TEST_CASE("without profiles each seed fixture keeps every line of its expected text", "[clean][seeds]") {
    const auto pages = seed_pages();
    REQUIRE(pages.size() == 5);
    for (const auto& page : pages) {
        DYNAMIC_SECTION(page.filename().string()) {
            fs::path expected = page;
            expected.replace_extension(".txt");
            auto r = run_winnow({"clean", "--no-profiles", "--url", page_url(page), page.string()});
            REQUIRE(r.status == 0);
            // Boilerplate may remain, but every title, paragraph, list item, quote and subheading of
            // the article is there, in order.
            const auto output = lines_of(r.out);
            auto next = output.begin();
            for (const auto& line : lines_of(read_text(expected))) {
                INFO("expected line: " << line);
                next = std::find(next, output.end(), line);
                CHECK(next != output.end());
                if (next == output.end()) break;
                ++next;
            }
        }
    }
}

TEST_CASE("winnow clean over all seed pages at once prints each expected text, profiles chosen by the page's own URL",
          "[clean][seeds]") {
    // No --url: each saved page names its address in <link rel="canonical">, which picks its profile.
    const auto pages = seed_pages();
    REQUIRE(pages.size() == 5);
    std::vector<std::string> args{"clean"};
    std::string expected;
    for (const auto& page : pages) {
        args.push_back(page.string());
        fs::path text = page;
        text.replace_extension(".txt");
        if (!expected.empty()) expected += "\n";  // one blank line between the pages' texts
        expected += read_text(text);
    }
    auto r = run_winnow(args);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == expected);
}
