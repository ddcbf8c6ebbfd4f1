#include "winnow/write/text_writer.hpp"

#include "winnow/decode/text.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::write {
namespace {

using extract::Block;
using extract::BlockKind;

constexpr std::string_view k_bullet = "\xE2\x80\xA2";  // U+2022 BULLET, as in the seed files

// Consecutive list items of one list, or rows of one table, share lines without a blank between.
bool continues_previous(const Block& previous, const Block& block) {
    if (previous.kind != block.kind || previous.group != block.group) return false;
    return block.kind == BlockKind::list_item || block.kind == BlockKind::table_row;
}

// A line of preformatted text as plain text: Unicode spaces (no-break spaces used for code
// indentation) become one ASCII space each so indentation survives, invisible characters
// (zero-width spaces that blog editors slip into code) are dropped; tabs stay.
std::string plain_preformatted_line(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x80) {
            ++i;
            if (c == '\t' || (c >= 0x20 && c != 0x7F)) out += static_cast<char>(c);
            else if (c == '\f' || c == '\v') out += ' ';
            continue;  // CR (of CR LF) and other controls are dropped
        }
        char32_t cp = utf8::next_code_point(line, i);
        if (utf8::is_invisible(cp)) continue;
        if (utf8::is_space(cp)) out += ' ';
        else utf8::append(out, cp);
    }
    return out;
}

// A list item's line: "  • item" ("  3. item" in a numbered list, as the page numbers it), two
// more spaces per nesting level; a definition list's term at the items' indentation, its
// definitions two spaces further.
std::string list_item_text(const Block& block) {
    const std::size_t indent = 2 + 2 * block.depth;
    const std::string text = decode::collapse_whitespace(block.text);
    switch (block.markup.marker) {
        case extract::ListMarker::number:
            return std::string(indent, ' ') + std::to_string(block.markup.number) + ". " + text;
        case extract::ListMarker::term:
            return std::string(indent, ' ') + text;
        case extract::ListMarker::definition:
            return std::string(indent + 2, ' ') + text;
        case extract::ListMarker::bullet:
            break;
    }
    return std::string(indent, ' ') + std::string(k_bullet) + " " + text;
}

std::string block_text(const Block& block) {
    switch (block.kind) {
        case BlockKind::list_item:
            return list_item_text(block);
        case BlockKind::preformatted:
            return preformatted_text(block.text);
        default:
            return decode::collapse_whitespace(block.text);
    }
}

}  // namespace

std::string preformatted_text(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    // Each line keeps its leading indentation but loses trailing spaces; blank lines at the
    // edges go, since a blank line would read as a block boundary.
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = plain_preformatted_line(std::string_view(text).substr(start, end - start));
        decode::trim_trailing_spaces(line);
        if (!out.empty() || !line.empty()) out += line + '\n';
        start = end + 1;
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    // Runs of blank lines inside code stay, but as one: two newlines in a row would not survive
    // a reader that splits blocks on blank lines anyway.
    std::string squeezed;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\n' && i + 2 < out.size() && out[i + 1] == '\n' && out[i + 2] == '\n') continue;
        squeezed += out[i];
    }
    return squeezed;
}

std::string render_body(const extract::Article& article) {
    std::string out;
    const Block* previous = nullptr;
    for (const Block& block : article.blocks) {
        std::string text = block_text(block);
        if (text.empty() || text.find_first_not_of(" \n") == std::string::npos) continue;
        if (previous) out += continues_previous(*previous, block) ? "\n" : "\n\n";
        out += text;
        previous = &block;
    }
    return decode::to_nfc(out);
}

std::string render_text(const extract::Article& article) {
    std::string title = decode::to_nfc(decode::collapse_whitespace(article.title));
    std::string body = render_body(article);
    if (body.empty()) return title.empty() ? std::string() : title + "\n";
    // Without a title the first line stays empty: line 1 is always the title, the body starts on line 3.
    return title + "\n\n" + body + "\n";
}

}  // namespace winnow::write
