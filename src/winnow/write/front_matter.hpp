// write: YAML front matter (`--front-matter`), the block static site generators and pandoc read
// before a document: what the page says about itself, one key per line, keys without a value
// left out, every value a double-quoted YAML string (so "no", "1.0" or "2024-05-01" stay
// strings), lists as block sequences.
//   ---
//   title: "Fed holds rates"
//   author: "Jane Doe, John Roe"
//   authors:                      (only with several authors)
//     - "Jane Doe"
//     - "John Roe"
//   date: "2026-11-21"
//   date_modified: "2026-11-22T08:00:00Z"
//   url: "https://example.org/fed"
//   canonical_url: "https://example.org/fed"
//   language: "en"
//   site_name: "Example News"
//   description: "The central bank ..."
//   image: "https://example.org/fed.jpg"
//   tags:
//     - "rates"
//   categories:
//     - "Economy"
//   page_kind: "article"
//   ---
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/extract/article.hpp"

namespace winnow::write {

// One key of the front matter: a single value, or a list when `list` is set.
struct FrontMatterField {
    std::string key;
    std::vector<std::string> values;
    bool list = false;
};

// The fields of an article, in the order written; `url` is the page's address (may be empty).
// A new Article field is one more line here.
std::vector<FrontMatterField> front_matter_fields(const extract::Article& article, const std::string& url);

// The block, from `---` to `---` and its newline; written before the text or Markdown output.
std::string render_front_matter(const extract::Article& article, const std::string& url);

// `value` as a YAML double-quoted scalar: quotes, backslashes, control characters, line and
// paragraph separators and non-characters escaped; ill-formed UTF-8 repaired.
std::string yaml_quoted(std::string_view value);

}  // namespace winnow::write
