// extract: the cleaned document, the extractor's output and the writers' input. A list of
// blocks in reading order, each with its kind, plus what the page says about itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace winnow::extract {

enum class BlockKind : std::uint8_t {
    paragraph,
    heading,
    list_item,     // `depth` is the nesting level, 0 for a top-level list
    preformatted,  // text keeps its line breaks
    table_row,     // cells already joined with " | "
    quote,
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::uint32_t depth = 0;
    // Blocks of the same kind and group (the items of one list, the rows of one table) are
    // written on consecutive lines; anything else is separated by a blank line.
    std::uint32_t group = 0;
    std::string text;  // collapsed white space, except in preformatted blocks
};

// A block the extractor or a rule removed, and why: shown by `clean --explain`.
struct Removal {
    std::string rule;  // `profile cryptopolitan.com drop ".author-box"`, `heuristic link-density 0.82`
    std::string text;  // the start of the removed text
};

// Where a metadata value came from, for `clean --explain`: ("date", "json-ld NewsArticle.datePublished").
struct Provenance {
    std::string field;
    std::string source;
};

struct Article {
    std::string title;
    std::vector<Block> blocks;
    std::vector<std::string> authors;  // person names
    std::string author;                // the authors joined with ", " (the field's older form)
    std::string date;                  // published, ISO 8601
    std::string date_modified;         // ISO 8601
    std::string language;              // BCP 47, declared or detected
    std::string description;
    std::string site_name;
    std::string canonical_url;
    std::string image;
    std::vector<std::string> tags;
    std::vector<std::string> categories;
    std::string page_kind;                // article, forum, product, listing, documentation, service
    std::vector<std::string> page_flags;  // error_page, consent_wall, paywall, javascript_shell
    std::vector<Provenance> sources;      // the source of each metadata value and the page kind's evidence
    std::string method;  // which stage of the extractor produced the body
    std::vector<Removal> removals;
    std::vector<std::string> warnings;  // what went wrong without stopping the run (a rule skipped)
};

}  // namespace winnow::extract
