// extract: the cleaned document, the extractor's output and the writers' input. A list of
// blocks in reading order, each with its kind, plus what the page says about itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace winnow::extract {

enum class BlockKind : std::uint8_t {
    paragraph,
    heading,
    list_item,     // `depth` is the nesting level, 0 for a top-level list
    preformatted,  // text keeps its line breaks
    table_row,     // cells already joined with k_cell_separator
    quote,
};

// What joins a table row's cells in its block's text (the builder writes it, edge trimming
// counts the cells by it).
inline constexpr std::string_view k_cell_separator = " | ";

// Inline structure inside a block's text, for the writers that show it (Markdown). A span covers
// the bytes [begin, end) of Block::text; an image covers none (begin == end, where it stood).
enum class SpanKind : std::uint8_t {
    strong,    // <strong>, <b>
    emphasis,  // <em>, <i>
    code,      // <code>, <kbd>, <samp>, <tt>
    link,      // <a href>: `target` is the href as written
    image,     // <img>: `target` is its source as written, `alt` its alt text
    cell,      // a table cell of a table_row block (cells are joined by " | " in `text`)
};

struct Span {
    SpanKind kind = SpanKind::strong;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string target;
    std::string alt;
    // An image that stood in a block of its own (a figure, a paragraph of one image), carried by
    // the next block of text (begin 0) or, at the end, by the last one (begin == text size).
    bool alone = false;
};

// The kind of list a list_item block belongs to.
enum class ListMarker : std::uint8_t {
    bullet,      // <ul>
    number,      // <ol>: Block::markup.number holds the item's number
    term,        // <dt> of a <dl>
    definition,  // <dd> of a <dl>
};

// What a block is beyond its plain text, filled by the block builder in the same pass and read
// only by the writers. The extractor's rules judge `text` alone, so this never changes what is
// kept; a block made from plain text (JSON-LD articleBody) simply has none.
struct BlockMarkup {
    std::uint8_t level = 0;                  // heading: 1 to 6, from <h1> to <h6>
    ListMarker marker = ListMarker::bullet;  // list_item
    std::int64_t number = 0;                 // list_item of an <ol>: as the page shows it (start, value, reversed)
    bool header = false;                     // table_row: every cell a <th>, or the row in <thead>
    std::string language;                    // preformatted: from class="language-x" (or "lang-x")
    std::vector<Span> spans;                 // by begin; an outer span before the spans inside it
};

struct Block {
    Block() = default;
    Block(BlockKind kind_, std::uint32_t depth_, std::uint32_t group_, std::string text_, BlockMarkup markup_ = {})
        : kind(kind_), depth(depth_), group(group_), text(std::move(text_)), markup(std::move(markup_)) {}

    BlockKind kind = BlockKind::paragraph;
    std::uint32_t depth = 0;
    // Blocks of the same kind and group (the items of one list, the rows of one table) are
    // written on consecutive lines; anything else is separated by a blank line.
    std::uint32_t group = 0;
    std::string text;  // collapsed white space, except in preformatted blocks
    BlockMarkup markup;
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
    // What relative links and images resolve against: <base href> made absolute against the
    // page's address (or the address the page states); empty when unknown. Set by the pipeline.
    std::string base_url;
    std::string method;  // which stage of the extractor produced the body
    std::vector<Removal> removals;
    std::vector<std::string> warnings;  // what went wrong without stopping the run (a rule skipped)
};

}  // namespace winnow::extract
