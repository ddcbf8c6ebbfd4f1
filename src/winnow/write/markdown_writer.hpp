// write: the Markdown format (`--format markdown`): CommonMark with GitHub's pipe tables.
//   # Title                      the title (a page without one has no `#` line)
//   ## Heading                   body headings at their level, <h1> in the body as ##
//   paragraphs, > quotes         one block each, separated by a blank line
//   - item / 1. item             lists: numbers as the page shows them, nested lists indented
//                                under their item; <dl>: `- **term**` with the definitions
//                                as paragraphs of its item
//   ```lang                      <pre>, the language from class="language-x"
//   | a | b |                    tables: the first row is the header when its cells are <th>
//                                (or it is in <thead>), else the header row is empty
//   **strong**, *em*, `code`     inline; links [text](URL) with `links`, images ![alt](URL) with
//                                `images`, made absolute against the base URL
// Text that would read as markup is escaped (a block starting with `#`, `>`, `-`, `+`, `1.`;
// `*`, `_`, `[`, `]`, `` ` ``, `\`, `<` before a tag, `&` before an entity, `|` in a table), so
// a renderer shows exactly the text format's text. Emphasis that CommonMark could not read back
// where it stands (`x**(y)**z`) is left out rather than shown as asterisks.
#pragma once

#include <string>

#include "winnow/extract/article.hpp"

namespace winnow::write {

struct MarkdownOptions {
    bool links = false;    // [text](URL) for links; without it the link text alone
    bool images = false;   // ![alt](URL) for images; without it nothing
    std::string base_url;  // what relative links and images resolve against; empty: kept as written
};

// The body alone: the blocks, without the title and without a final newline.
std::string render_markdown_body(const extract::Article& article, const MarkdownOptions& options);

// The whole Markdown file: `# Title`, blank line, body, final newline.
std::string render_markdown(const extract::Article& article, const MarkdownOptions& options);

// `text` with the characters that would read as inline markup escaped (not the block-start ones).
std::string escape_markdown_inline(std::string_view text);

}  // namespace winnow::write
