// Benchmark for scripts/bench-hostile (issue 18): one hostile input per run, made here, fed to
// the stage that reads it. Prints one line: the case, the input's size, the wall time, the
// process's peak resident memory and the outcome. Each case runs in its own process so that
// the peak is the case's own.
//
//   json-ld-deep    a 200 KB page whose JSON-LD nests "author":[[[...]]] 100,000 deep (clean_page)
//   not-deep        a selector of :not( nested 10,000 deep (SelectorList::parse)
//   nth-child       :nth-child(2n+1) and :nth-last-child(3n) over 50,000 siblings (select,
//                   on the page parsed beforehand)
//   sibling         `.mark ~ span` and `em ~ span` over 50,000 siblings (select, likewise)
//   sitemap-deep    a 19.5 MB sitemap of nested elements (parse_sitemap)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

#include "winnow/dom/selector.hpp"
#include "winnow/dom/tree.hpp"
#include "winnow/pipeline/clean_page.hpp"
#include "winnow/run/sources.hpp"

namespace {

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string siblings_page(std::size_t count) {
    std::string html = "<!doctype html><html><body><div id=\"list\">";
    for (std::size_t i = 1; i <= count; ++i) html += i % 10 == 0 ? "<p class=\"mark\">x</p>" : "<span>x</span>";
    return html + "</div></body></html>";
}

std::string select_count(const winnow::dom::Tree& tree, std::initializer_list<const char*> selectors) {
    std::string out;
    for (const char* source : selectors) {
        auto list = winnow::dom::SelectorList::parse(source);
        if (!list) return std::string("error: ") + list.error().message;
        out += (out.empty() ? "" : ", ") + std::string(source) + ": " + std::to_string(list->select(tree, tree.document()).size());
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: winnow_bench_hostile json-ld-deep|not-deep|nth-child|sibling|sitemap-deep\n");
        return 2;
    }
    const std::string name = argv[1];
    std::string input;
    winnow::dom::Tree tree;
    std::function<std::string()> run;
    if (name == "json-ld-deep") {
        const std::size_t depth = 100000;
        input = "<!doctype html><html><head><title>Deep</title><script type=\"application/ld+json\">"
                "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"author\":" +
                std::string(depth, '[') + "\"Jane Doe\"" + std::string(depth, ']') +
                "}</script></head><body><article><h1>Deep</h1><p>The council approved the new budget on Tuesday after "
                "a long debate about schools and roads.</p></article></body></html>";
        run = [&] {
            auto article = winnow::pipeline::clean_page(input, {}, {});
            return article ? "cleaned, " + std::to_string(article->blocks.size()) + " blocks" : "error: " + article.error().message;
        };
    } else if (name == "not-deep") {
        for (int i = 0; i < 10000; ++i) input += ":not(";
        input += "a" + std::string(10000, ')');
        run = [&] {
            auto list = winnow::dom::SelectorList::parse(input);
            return list ? std::string("parsed") : "error: " + list.error().message;
        };
    } else if (name == "nth-child" || name == "sibling") {
        // The page is parsed before the clock starts: the case measures the selector engine
        // (Gumbo's own time on the page is the parser's business, scripts/bench).
        input = siblings_page(50000);
        tree = winnow::dom::Tree::parse(input);
        if (name == "nth-child")
            run = [&] { return select_count(tree, {"#list > :nth-child(2n+1)", "#list > :nth-last-child(3n)"}); };
        else
            run = [&] { return select_count(tree, {".mark ~ span", "em ~ span"}); };
    } else if (name == "sitemap-deep") {
        const std::size_t depth = 19500000 / 7;  // "<a>" + "</a>" per level: 19.5 MB
        input.reserve(depth * 7 + 64);
        input = "<?xml version=\"1.0\"?><urlset>";
        for (std::size_t i = 0; i < depth; ++i) input += "<a>";
        for (std::size_t i = 0; i < depth; ++i) input += "</a>";
        input += "</urlset>";
        run = [&] {
            auto parsed = winnow::run::parse_sitemap(input, "https://example.org/sitemap.xml", 64 << 20);
            return parsed ? "parsed, " + std::to_string(parsed->pages.size()) + " pages" : "error: " + parsed.error().message;
        };
    } else {
        std::fprintf(stderr, "winnow_bench_hostile: unknown case %s\n", name.c_str());
        return 2;
    }
    const long before_kb = peak_rss_kb();
    const auto start = std::chrono::steady_clock::now();
    const std::string outcome = run();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-13s %10zu bytes %8.3f s %8.1f MB peak (%.1f MB before) %s\n", name.c_str(), input.size(), seconds,
                static_cast<double>(peak_rss_kb()) / 1024, static_cast<double>(before_kb) / 1024,
                outcome.size() > 160 ? (outcome.substr(0, 157) + "...").c_str() : outcome.c_str());
    return 0;
}
