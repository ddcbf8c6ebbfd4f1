// pipeline: the one function that chains the stages for a page: bytes -> decoded text -> DOM
// -> extracted article. `clean`, `run` and `fixtures` all call it, so nothing is done twice.
// The profile is chosen by the page URL, or, when none is known, by the address the page
// states for itself (canonical link, og:url).
#pragma once

#include <string>
#include <string_view>

#include "winnow/extract/article.hpp"
#include "winnow/extract/favor.hpp"
#include "winnow/profiles/profile_set.hpp"
#include "winnow/util/result.hpp"

namespace winnow::pipeline {

// What is known about a page besides its bytes.
struct PageContext {
    std::string url;           // final URL, or the one given with --url; may be empty
    std::string content_type;  // the HTTP Content-Type, if the page came over HTTP
    std::string profile;       // a profile forced by the caller, or empty
    std::string encoding;      // `--encoding`: read the bytes in this charset whatever the page declares
};

struct CleanOptions {
    const profiles::ProfileSet* profiles = nullptr;  // none: the generic extractor alone
    bool explain = false;                            // record removals in Article::removals
    // Scan the page before parsing so Gumbo skips what the tree drops (dom/prescan.hpp). The
    // output is the same either way; off is the slow path the scan is checked against.
    bool prescan = true;
    bool justext = false;                            // experimental jusText-style rescue (--justext)
    bool streamed_segments = false;                  // experimental: React's streamed content in place (--streamed-segments)
    // What the user favours (--favor, the run configuration's `favor`); none: the site profile's
    // `favor`, else balanced.
    std::optional<extract::Favor> favor;
};

// Cleans one page. Fails (bad_input) on empty input, binary data and pages without text.
Result<extract::Article> clean_page(std::string_view bytes, const PageContext& context, const CleanOptions& options);
// The same, taking the page: its bytes become the decoded text when they are valid UTF-8 (no
// copy) and are gone once the page is parsed, so a batch holds as little of a page as it can.
Result<extract::Article> clean_page(std::string&& bytes, const PageContext& context, const CleanOptions& options);

}  // namespace winnow::pipeline
