#include "winnow/write/markdown_writer.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <span>

#include "winnow/decode/text.hpp"
#include "winnow/util/url.hpp"
#include "winnow/util/utf8.hpp"
#include "winnow/write/text_writer.hpp"

namespace winnow::write {
namespace {

using extract::Block;
using extract::BlockKind;
using extract::ListMarker;
using extract::Span;
using extract::SpanKind;

// CommonMark reads at most 9 digits as a list number; others are written as text.
constexpr std::int64_t k_max_list_number = 999'999'999;
// Rounds of choosing emphasis delimiters: each round only drops or switches delimiters, so a
// few suffice; what is still unsettled after them is dropped.
constexpr int k_max_emphasis_rounds = 8;

// A link destination CommonMark reads back whole: bytes that would end or split it are
// percent-encoded (space, <, >, parentheses, backslash, controls, and `|`, which would split a
// table cell).
std::string link_destination(std::string_view url) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : url) {
        auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' || c == '|') {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when `&` at `i` starts what CommonMark reads as an entity or character reference.
bool starts_entity(std::string_view text, std::size_t i) {
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') ++j;
    const std::size_t name = j;
    while (j < text.size() && j - name <= 32 && is_ascii_alnum(text[j])) ++j;
    return j > name && j < text.size() && text[j] == ';';
}

// True when `<` at `i` could start an autolink, a tag or a comment.
bool starts_tag(std::string_view text, std::size_t i) {
    if (i + 1 >= text.size()) return false;
    const char c = text[i + 1];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
}

struct EscapeContext {
    bool table = false;            // `|` separates cells
    bool trailing_hashes = false;  // a heading: a final run of `#` would be its closing sequence
};

// Appends `text[begin, end)` escaped; `line_start` when it begins a block's content.
void append_escaped(std::string& out, std::string_view text, std::size_t begin, std::size_t end, bool line_start,
                    const EscapeContext& context) {
    std::size_t i = begin;
    if (line_start && i < end) {
        const char c = text[i];
        if (c == '#' || c == '>' || c == '-' || c == '+' || c == '~' || c == '=') {
            out += '\\';
        } else if (c >= '0' && c <= '9') {
            // "1. " or "1) " would start an ordered list.
            std::size_t j = i;
            while (j < end && j - i < 10 && text[j] >= '0' && text[j] <= '9') ++j;
            if (j < end && (text[j] == '.' || text[j] == ')')) {
                out.append(text.substr(i, j - i));
                out += '\\';
                i = j;
            }
        }
    }
    std::size_t trailing_hashes_from = end;
    if (context.trailing_hashes)
        while (trailing_hashes_from > begin && text[trailing_hashes_from - 1] == '#') --trailing_hashes_from;
    for (; i < end; ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']':
                out += '\\';
                break;
            case '<':
                if (starts_tag(text, i)) out += '\\';
                break;
            case '&':
                if (starts_entity(text, i)) out += '\\';
                break;
            case '|':
                if (context.table) out += '\\';
                break;
            case '#':
                if (i >= trailing_hashes_from) out += '\\';
                break;
            case '!':
                if (i + 1 == end) out += '\\';  // a link may open right after: "![" would be an image
                break;
            default:
                break;
        }
        out += c;
    }
}

// The longest run of backticks in `code`: a fence around it must be longer.
std::size_t longest_backtick_run(std::string_view code) {
    std::size_t longest = 0, run = 0;
    for (char c : code) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// A code span: a backtick fence longer than any run of backticks inside, padded with a space
// when the code starts or ends with a backtick. In a table `|` is escaped even there (GFM).
std::string code_span(std::string_view code, bool table) {
    const std::string fence(longest_backtick_run(code) + 1, '`');
    const bool pad = code.front() == '`' || code.back() == '`' || (code.front() == ' ' && code.back() == ' ');
    std::string out = fence + (pad ? " " : "");
    for (char c : code) {
        if (table && c == '|') out += '\\';
        out += c;
    }
    return out + (pad ? " " : "") + fence;
}

// ---- emphasis: chosen after the line is laid out, when every neighbour is known ----

enum class CharClass { space, punctuation, symbol, other };

CharClass class_of(char32_t cp) {
    if (cp == 0) return CharClass::space;  // the edge of the line
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\t') return CharClass::space;
        if ((cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~'))
            return CharClass::punctuation;
        return CharClass::other;
    }
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_ZS:
            return CharClass::space;
        case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
        case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
            return CharClass::punctuation;
        case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
            return CharClass::symbol;  // punctuation for newer CommonMark versions, not for older ones
        default:
            return CharClass::other;
    }
}

// A piece of the laid-out line: text, or the opening or closing delimiter of emphasis span `span`.
struct Piece {
    std::string text;
    int span = -1;
    bool open = false;
};

struct Emphasis {
    bool strong = false;
    char delimiter = 0;  // '*' or '_'; 0 when left out
};

// The code point next to piece `at` on one side, skipping empty pieces and left-out delimiters;
// 0 at the edge of the line.
char32_t neighbour(const std::vector<Piece>& pieces, const std::vector<Emphasis>& emphases, std::size_t at, bool after) {
    auto text_of = [&](const Piece& p) -> std::string_view {
        if (p.span >= 0) {
            const Emphasis& e = emphases[static_cast<std::size_t>(p.span)];
            if (!e.delimiter) return {};
            return e.strong ? (e.delimiter == '*' ? "**" : "__") : (e.delimiter == '*' ? "*" : "_");
        }
        return p.text;
    };
    if (after) {
        for (std::size_t i = at + 1; i < pieces.size(); ++i) {
            std::string_view t = text_of(pieces[i]);
            if (t.empty()) continue;
            std::size_t k = 0;
            return utf8::next_code_point(t, k);
        }
    } else {
        for (std::size_t i = at; i-- > 0;) {
            std::string_view t = text_of(pieces[i]);
            if (t.empty()) continue;
            std::size_t k = t.size() - 1;
            while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
            return utf8::next_code_point(t, k);
        }
    }
    return 0;
}

// CommonMark's flanking rules, read strictly: a symbol counts as punctuation where that forbids
// and as a letter where that forbids, so both readings of the spec agree.
bool left_flanking(CharClass before, CharClass after) {
    const bool after_punct = after == CharClass::punctuation || after == CharClass::symbol;
    const bool before_open = before == CharClass::space || before == CharClass::punctuation;
    return after != CharClass::space && (!after_punct || before_open);
}

bool right_flanking(CharClass before, CharClass after) {
    const bool before_punct = before == CharClass::punctuation || before == CharClass::symbol;
    const bool after_open = after == CharClass::space || after == CharClass::punctuation;
    return before != CharClass::space && (!before_punct || after_open);
}

// True when emphasis `index` with delimiter `d` opens and closes where it stands.
bool delimiter_fits(const std::vector<Piece>& pieces, std::vector<Emphasis>& emphases, std::size_t open_at, std::size_t close_at,
                    std::size_t index, char d) {
    const char saved = emphases[index].delimiter;
    emphases[index].delimiter = 0;  // its own delimiters are not its neighbours
    const char32_t before_open = neighbour(pieces, emphases, open_at, false);
    const char32_t first = neighbour(pieces, emphases, open_at, true);
    const char32_t last = neighbour(pieces, emphases, close_at, false);
    const char32_t after_close = neighbour(pieces, emphases, close_at, true);
    emphases[index].delimiter = saved;
    // A delimiter run must not touch another of the same character: the runs would merge.
    if (before_open == static_cast<char32_t>(d) || first == static_cast<char32_t>(d) || last == static_cast<char32_t>(d) ||
        after_close == static_cast<char32_t>(d))
        return false;
    const CharClass b = class_of(before_open), f = class_of(first), l = class_of(last), a = class_of(after_close);
    if (!left_flanking(b, f) || !right_flanking(l, a)) return false;
    // `_` neither opens nor closes inside a word.
    if (d == '_') return (b == CharClass::space || b == CharClass::punctuation) && (a == CharClass::space || a == CharClass::punctuation);
    return true;
}

// Chooses each emphasis's delimiter (strong: `**`; emphasis: `_`, else `*`) or leaves it out,
// then joins the pieces.
// `underscore_only`: the line is wrapped in `**` (a definition term), so `*` would touch it.
std::string settle_emphasis(const std::vector<Piece>& pieces, std::vector<Emphasis>& emphases, bool underscore_only) {
    std::vector<std::size_t> open_at(emphases.size()), close_at(emphases.size());
    for (std::size_t i = 0; i < pieces.size(); ++i)
        if (pieces[i].span >= 0) (pieces[i].open ? open_at : close_at)[static_cast<std::size_t>(pieces[i].span)] = i;
    for (Emphasis& e : emphases) e.delimiter = e.strong ? '*' : '_';
    bool settled = false;
    // Every round looks at every span again, those left out included: a neighbour's change may
    // make room.
    for (int round = 0; round < k_max_emphasis_rounds && !settled; ++round) {
        settled = true;
        for (std::size_t i = 0; i < emphases.size(); ++i) {
            char chosen = 0;
            for (char d : emphases[i].strong ? std::string_view("*") : underscore_only ? std::string_view("_") : std::string_view("_*"))
                if (delimiter_fits(pieces, emphases, open_at[i], close_at[i], i, d)) {
                    chosen = d;
                    break;
                }
            if (chosen != emphases[i].delimiter) settled = false;
            emphases[i].delimiter = chosen;
        }
    }
    // Unsettled: drop until every remaining one fits (each pass only removes delimiters).
    for (bool dropped = !settled; dropped;) {
        dropped = false;
        for (std::size_t i = 0; i < emphases.size(); ++i)
            if (emphases[i].delimiter && !delimiter_fits(pieces, emphases, open_at[i], close_at[i], i, emphases[i].delimiter)) {
                emphases[i].delimiter = 0;
                dropped = true;
            }
    }
    std::string out;
    for (const Piece& p : pieces) {
        if (p.span < 0) {
            out += p.text;
            continue;
        }
        const Emphasis& e = emphases[static_cast<std::size_t>(p.span)];
        if (e.delimiter) out.append(e.strong ? 2 : 1, e.delimiter);
    }
    return out;
}

// ---- inline content ----

struct InlineContext {
    const MarkdownOptions& options;
    EscapeContext escape;
    bool suppress_strong = false;  // the whole text is already strong (a definition term)
};

// Renders `text[begin, end)` with the spans inside it (sorted by begin, outer first).
// `line_start`: the range starts a block's content. Iterative: spans nest deeply on some pages.
// Code spans that touch (`<kbd>Ctrl</kbd><kbd>F</kbd>`) as one: two fences side by side would
// read as one longer fence.
std::vector<Span> merge_touching_code(const std::vector<Span>& spans) {
    std::vector<Span> out;
    out.reserve(spans.size());
    for (const Span& span : spans) {
        if (span.kind == SpanKind::code && span.begin < span.end) {
            auto touching = std::find_if(out.rbegin(), out.rend(), [&](const Span& s) {
                return s.kind == SpanKind::code && s.end == span.begin && s.begin < s.end;
            });
            if (touching != out.rend()) {
                touching->end = span.end;
                continue;
            }
        }
        out.push_back(span);
    }
    return out;
}

std::string render_inline(const std::string& text, const std::vector<Span>& all_spans, std::size_t begin, std::size_t end,
                          bool line_start, const InlineContext& context) {
    const std::vector<Span> spans = merge_touching_code(all_spans);
    std::vector<Piece> pieces;
    std::vector<Emphasis> emphases;
    auto add_text = [&](std::size_t from, std::size_t to) {
        if (from >= to) return;
        Piece p;
        append_escaped(p.text, text, from, to, line_start && from == begin, context.escape);
        pieces.push_back(std::move(p));
    };
    auto add_raw = [&](std::string s) { pieces.push_back(Piece{std::move(s), -1, false}); };

    struct Open {
        const Span* span;
        std::size_t end;
        int emphasis = -1;  // index into emphases
        bool shown = false;
    };
    std::vector<Open> open;
    auto close_top = [&] {
        const Open o = open.back();
        open.pop_back();
        if (o.emphasis >= 0) pieces.push_back(Piece{{}, o.emphasis, false});
        else if (o.shown && o.span->kind == SpanKind::link)
            add_raw("](" + link_destination(url::resolve_reference(context.options.base_url, o.span->target)) + ")");
    };
    std::size_t pos = begin;
    std::size_t next = 0;
    while (next < spans.size() && spans[next].begin < begin) ++next;
    for (;;) {
        const std::size_t close_pos = open.empty() ? end : std::min(open.back().end, end);
        // An image right at the end of the range still belongs to it; other spans start inside.
        const bool has_next = next < spans.size() &&
                              (spans[next].begin < end || (spans[next].begin == end && spans[next].kind == SpanKind::image));
        const std::size_t open_pos = has_next ? spans[next].begin : end;
        if (has_next && (open_pos < close_pos || (open_pos == close_pos && open.empty()))) {
            const Span& span = spans[next++];
            add_text(pos, open_pos);
            pos = open_pos;
            const std::size_t span_end = std::min<std::size_t>(span.end, close_pos);
            switch (span.kind) {
                case SpanKind::image:
                    if (context.options.images && !span.alone) {
                        // An image after a word, at the end of the text or before a space: a
                        // space first (the text's own one was trimmed or comes after).
                        const bool word_before = open_pos > 0 && text[open_pos - 1] != ' ';
                        const bool word_after = open_pos < text.size() && text[open_pos] != ' ';
                        std::string md = word_before && !word_after ? " ![" : "![";
                        append_escaped(md, span.alt, 0, span.alt.size(), false, context.escape);
                        md += "](" + link_destination(url::resolve_reference(context.options.base_url, span.target)) + ")";
                        // The space of "text <img> more" is before the image: one after it keeps the words apart.
                        if (!word_before && open_pos > 0 && word_after) md += ' ';
                        add_raw(std::move(md));
                    }
                    break;
                case SpanKind::code: {
                    add_raw(code_span(std::string_view(text).substr(open_pos, span_end - open_pos), context.escape.table));
                    pos = span_end;
                    while (next < spans.size() && spans[next].begin < span_end) ++next;  // nothing shows inside code
                    break;
                }
                case SpanKind::link: {
                    const bool shown = context.options.links && !std::any_of(open.begin(), open.end(), [](const Open& o) {
                        return o.span->kind == SpanKind::link;
                    });
                    if (shown) add_raw("[");
                    open.push_back({&span, span_end, -1, shown});
                    break;
                }
                case SpanKind::strong:
                case SpanKind::emphasis: {
                    // Emphasis inside the same emphasis adds nothing.
                    const bool strong = span.kind == SpanKind::strong;
                    const bool same_inside = std::any_of(open.begin(), open.end(), [&](const Open& o) {
                        return o.emphasis >= 0 && emphases[static_cast<std::size_t>(o.emphasis)].strong == strong;
                    });
                    if (same_inside || (strong && context.suppress_strong)) {
                        open.push_back({&span, span_end, -1, false});
                        break;
                    }
                    emphases.push_back({strong, 0});
                    const int index = static_cast<int>(emphases.size() - 1);
                    pieces.push_back(Piece{{}, index, true});
                    open.push_back({&span, span_end, index, true});
                    break;
                }
                case SpanKind::cell:
                    break;
            }
            continue;
        }
        add_text(pos, close_pos);
        pos = close_pos;
        if (open.empty()) break;
        close_top();
    }
    return settle_emphasis(pieces, emphases, context.suppress_strong);
}

// ---- blocks ----

// The text and spans of a block, the text collapsed when the block carries no markup (a
// block made from plain text may not be).
struct BlockContent {
    std::string text;
    const std::vector<Span>* spans;
};

BlockContent content_of(const Block& block) {
    static const std::vector<Span> k_none;
    if (block.markup.spans.empty()) return {decode::collapse_whitespace(block.text), &k_none};
    return {block.text, &block.markup.spans};
}

std::string block_inline(const Block& block, const InlineContext& context) {
    const BlockContent content = content_of(block);
    return render_inline(content.text, *content.spans, 0, content.text.size(), true, context);
}

// Images that stood alone before (or after) a block's text, one paragraph each.
std::vector<std::string> alone_images(const Block& block, const MarkdownOptions& options, bool before) {
    std::vector<std::string> out;
    if (!options.images) return out;
    for (const Span& span : block.markup.spans) {
        if (span.kind != SpanKind::image || !span.alone) continue;
        if ((span.begin == 0) != before) continue;
        std::string md = "![";
        append_escaped(md, span.alt, 0, span.alt.size(), false, {});
        md += "](" + link_destination(url::resolve_reference(options.base_url, span.target)) + ")";
        out.push_back(std::move(md));
    }
    return out;
}

std::string heading_markdown(const Block& block, const InlineContext& context) {
    InlineContext heading = context;
    heading.escape.trailing_hashes = true;
    // The title is the only `#`: an <h1> in the body is written one level under it.
    const int level = std::clamp<int>(block.markup.level, 2, 6);
    return std::string(static_cast<std::size_t>(level), '#') + " " + block_inline(block, heading);
}

std::string code_block_markdown(const Block& block) {
    const std::string code = preformatted_text(block.text);
    const std::string fence(std::max<std::size_t>(3, longest_backtick_run(code) + 1), '`');
    std::string language;
    for (char c : block.markup.language)
        if (is_ascii_alnum(c) || c == '+' || c == '-' || c == '_' || c == '.' || c == '#') language += c;
    return fence + language + "\n" + code + (code.empty() ? "" : "\n") + fence;
}

// The cells of a table row: from its cell spans, or the whole text as one cell.
std::vector<std::string> row_cells(const Block& row, const InlineContext& context) {
    InlineContext cell_context = context;
    cell_context.escape.table = true;
    const BlockContent content = content_of(row);
    std::vector<std::string> cells;
    for (const Span& span : *content.spans)
        if (span.kind == SpanKind::cell)
            cells.push_back(render_inline(content.text, *content.spans, span.begin, span.end, false, cell_context));
    if (cells.empty()) cells.push_back(render_inline(content.text, *content.spans, 0, content.text.size(), false, cell_context));
    return cells;
}

std::string table_line(const std::vector<std::string>& cells, std::size_t columns) {
    std::string line = "|";
    for (std::size_t i = 0; i < columns; ++i) line += " " + (i < cells.size() ? cells[i] : std::string()) + " |";
    return line;
}

// A GFM pipe table: the header row (the page's, or an empty one), the delimiter row, the rows.
std::string table_markdown(std::span<const Block> rows, const InlineContext& context) {
    std::vector<std::vector<std::string>> cells;
    std::size_t columns = 1;
    for (const Block& row : rows) {
        cells.push_back(row_cells(row, context));
        columns = std::max(columns, cells.back().size());
    }
    std::string out;
    std::size_t first = 0;
    if (rows.front().markup.header) {
        out += table_line(cells[0], columns);
        first = 1;
    } else {
        out += table_line({}, columns);
    }
    out += "\n|";
    for (std::size_t i = 0; i < columns; ++i) out += " --- |";
    for (std::size_t i = first; i < cells.size(); ++i) {
        out += '\n';
        out += table_line(cells[i], columns);
    }
    return out;
}

// Lays out the items of lists: markers, numbers and the indentation of nested items.
class ListWriter {
public:
    // `separate`: the previous block was a list this one must not merge into.
    std::string item(const Block& block, const InlineContext& context, bool continues, bool separate) {
        if (!continues) {
            m_columns.clear();
            if (separate) m_alternate = !m_alternate;
        }
        std::size_t depth = std::min<std::size_t>(block.depth, m_columns.size());
        const bool new_sublist = depth > 0 && depth == m_columns.size();
        const std::size_t indent = depth == 0 ? 0 : m_columns[depth - 1];
        const ListMarker marker = block.markup.marker;
        // A definition after its term (or another definition) is a paragraph of the term's item.
        if (marker == ListMarker::definition && depth < m_columns.size() && m_last_marker_at(depth) != ListMarker::bullet &&
            m_last_marker_at(depth) != ListMarker::number) {
            m_columns.resize(depth + 1);
            m_markers.resize(depth + 1);
            m_markers[depth] = marker;
            std::string paragraph = "\n";
            paragraph.append(m_columns[depth], ' ');
            paragraph += block_inline(block, context);
            return paragraph;
        }
        std::string prefix;
        InlineContext item_context = context;
        std::string lead;  // text written before the content (a number CommonMark cannot hold)
        if (marker == ListMarker::number && block.markup.number >= 0 && block.markup.number <= k_max_list_number) {
            prefix = std::to_string(block.markup.number);
            prefix += m_alternate ? ')' : '.';
            prefix += ' ';
        } else {
            prefix.push_back(m_alternate ? '*' : '-');
            prefix.push_back(' ');
            if (marker == ListMarker::number) {
                lead = std::to_string(block.markup.number);
                lead += "\\. ";
            }
        }
        m_columns.resize(depth + 1);
        m_markers.resize(depth + 1);
        m_columns[depth] = indent + prefix.size();
        m_markers[depth] = marker;
        // A numbered list that does not start at 1 cannot interrupt its parent item's text: a
        // blank line first (the list becomes loose, the text stays the same).
        const bool ordered = marker == ListMarker::number && lead.empty();
        std::string line = new_sublist && ordered && block.markup.number != 1 ? "\n" : "";
        line.append(indent, ' ');
        line += prefix;
        if (marker == ListMarker::term) {
            item_context.suppress_strong = true;
            line += "**";
            line += block_inline(block, item_context);
            line += "**";
        } else {
            line += lead;
            line += block_inline(block, item_context);
        }
        return line;
    }

private:
    std::vector<std::size_t> m_columns;  // per depth: the column of the open item's content
    std::vector<ListMarker> m_markers;   // per depth: the kind of the last item
    bool m_alternate = false;            // `*` and `)` instead of `-` and `.`: a list after a list

    ListMarker m_last_marker_at(std::size_t depth) const { return m_markers[depth]; }
};

bool same_list(const Block& a, const Block& b) {
    return a.kind == BlockKind::list_item && b.kind == BlockKind::list_item && a.group == b.group;
}

}  // namespace

std::string escape_markdown_inline(std::string_view text) {
    std::string out;
    append_escaped(out, text, 0, text.size(), false, {});
    return out;
}

std::string render_markdown_body(const extract::Article& article, const MarkdownOptions& options) {
    const InlineContext context{options, {}, false};
    std::vector<std::string> blocks;  // Markdown blocks, joined by blank lines
    ListWriter lists;
    const Block* open_list = nullptr;  // the last list item, while its list is the last block written
    bool after_list = false;           // the last block written is a list
    const auto& all = article.blocks;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Block& block = all[i];
        if (block.text.find_first_not_of(" \n\t") == std::string::npos) continue;
        if (block.kind == BlockKind::preformatted && preformatted_text(block.text).empty()) continue;
        const bool continues = block.kind == BlockKind::list_item && open_list && same_list(*open_list, block);
        // Images that stood alone go in paragraphs of their own, but never inside a list.
        if (!continues)
            for (std::string& image : alone_images(block, options, true)) {
                blocks.push_back(std::move(image));
                after_list = false;
            }
        std::size_t last = i;
        switch (block.kind) {
            case BlockKind::list_item: {
                std::string line = lists.item(block, context, continues, after_list && !continues);
                if (continues) blocks.back() += "\n" + line;
                else blocks.push_back(std::move(line));
                break;
            }
            case BlockKind::table_row: {
                while (last + 1 < all.size() && all[last + 1].kind == BlockKind::table_row && all[last + 1].group == block.group) ++last;
                blocks.push_back(table_markdown(std::span<const Block>(all).subspan(i, last - i + 1), context));
                break;
            }
            case BlockKind::heading:
                blocks.push_back(heading_markdown(block, context));
                break;
            case BlockKind::preformatted:
                blocks.push_back(code_block_markdown(block));
                break;
            case BlockKind::quote:
                blocks.push_back("> " + block_inline(block, context));
                break;
            case BlockKind::paragraph:
                blocks.push_back(block_inline(block, context));
                break;
        }
        i = last;
        open_list = block.kind == BlockKind::list_item ? &block : nullptr;
        after_list = open_list != nullptr;
        const bool list_goes_on = open_list && i + 1 < all.size() && same_list(block, all[i + 1]);
        if (!list_goes_on)
            for (std::string& image : alone_images(all[i], options, false)) {
                blocks.push_back(std::move(image));
                open_list = nullptr;
                after_list = false;
            }
    }
    std::string out;
    for (const std::string& b : blocks) {
        if (!out.empty()) out += "\n\n";
        out += b;
    }
    return decode::to_nfc(out);
}

std::string render_markdown(const extract::Article& article, const MarkdownOptions& options) {
    const std::string title = decode::collapse_whitespace(article.title);
    std::string out;
    if (!title.empty()) {
        out += "# ";
        append_escaped(out, title, 0, title.size(), true, EscapeContext{false, true});
        out = decode::to_nfc(out) + "\n";
    }
    const std::string body = render_markdown_body(article, options);
    if (!out.empty() && !body.empty()) out += "\n";
    if (!body.empty()) out += body + "\n";
    return out;
}

}  // namespace winnow::write
