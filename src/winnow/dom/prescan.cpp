// dom: the scan before parsing. The states and their names are those of the HTML standard's
// tokenizer (§13.2.5) and tree construction (§13.2.6), as Gumbo 0.10 implements them.
#include "winnow/dom/prescan.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <unordered_map>
#include <vector>

namespace winnow::dom {
namespace {

// Start tags inside SVG that close it and go back to HTML ("breakout" tags of the rules for
// foreign content; <font> only with some attributes, but any <font> stops the scan).
constexpr std::string_view k_svg_breakout_tags[] = {
    "b",  "big", "blockquote", "body", "br",      "center", "code",   "dd",    "div",    "dl",  "dt", "em",
    "embed", "h1", "h2", "h3",  "h4",      "h5",     "h6",     "head",  "hr",     "i",   "img", "li",
    "listing", "meta", "menu", "nobr", "ol", "p",  "pre",    "ruby",   "s",     "small", "span", "strong",
    "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
};
// SVG elements whose content is parsed as HTML (HTML integration points).
constexpr std::string_view k_svg_integration_points[] = {"title", "desc", "foreignobject"};
// Elements whose text the tokenizer reads as raw text (RAWTEXT or RCDATA) up to their end tag.
constexpr std::string_view k_raw_text_elements[] = {"title", "textarea", "xmp", "iframe", "noembed", "noframes"};
// Table tags that close a <select> only when it is inside a table (not known to this scan).
constexpr std::string_view k_table_tags[] = {"caption", "table", "tbody", "tfoot", "thead", "tr", "td", "th"};

// Start tags whose attributes the tree builder reads, which the scan never takes out of the
// copy (TakenAttributes): <html> and <body> given again add their attributes to the open ones;
// an <input> of type hidden stays in a table and keeps frameset-ok; <isindex> becomes a form
// built from its attributes; <svg> and <math> adjust theirs; in a <select> or a <template> the
// scan is only told what the tree builder does.
constexpr std::string_view k_attributes_read[] = {
    "html", "body", "head", "input", "isindex", "svg", "math", "select", "option", "optgroup", "keygen", "textarea",
    "template", "frameset", "frame",
};
// The formatting elements, which the tree builder tells apart by their attributes (Noah's Ark
// clause: no more than three with the same tag and attributes in the list of active
// formatting elements; <font> also leaves foreign content by them, but the scan stops at any
// <font> inside an <svg>). Their attributes give way to one, "_", whose value is the same for
// two tags exactly when their attributes are, character references decoded (by Gumbo).
constexpr std::string_view k_formatting_elements[] = {
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
};

constexpr std::string_view k_empty_comment = "<!---->";
// Comments this short are copied whole: React's boundary marks ("<!--$?-->", "<!--/$-->") tell
// the tree where a streamed boundary's fallback ends (tree.cpp), and cost Gumbo nothing.
constexpr std::size_t k_longest_kept_comment = 9;

// The tokenizer's white space; CR counts too, since the input stream turns it into LF first.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII case-insensitive comparison with a lower-case name, as the tokenizer compares tag names.
bool is_named(std::string_view raw, std::string_view lower_name) {
    if (raw.size() != lower_name.size()) return false;
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (to_lower(raw[i]) != lower_name[i]) return false;
    return true;
}

// ASCII case-insensitive comparison of two names as written.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    return true;
}

// The entry of `names` that `raw` is, in lower case, or empty.
template <std::size_t N>
std::string_view lower_case_entry(std::string_view raw, const std::string_view (&names)[N]) {
    for (std::string_view name : names)
        if (is_named(raw, name)) return name;
    return {};
}

template <std::size_t N>
bool is_one_of(std::string_view raw, const std::string_view (&names)[N]) {
    return !lower_case_entry(raw, names).empty();
}

bool starts_with_at(std::string_view html, std::size_t at, std::string_view prefix) {
    return html.size() - at >= prefix.size() && html.compare(at, prefix.size(), prefix) == 0;
}

// The position of `c` at or after `from`, or the end of the page.
std::size_t find_char(std::string_view html, std::size_t from, char c) {
    if (from >= html.size()) return html.size();
    const void* at = std::memchr(html.data() + from, c, html.size() - from);
    return at ? static_cast<std::size_t>(static_cast<const char*>(at) - html.data()) : html.size();
}

// True when an end tag "</name" (any case) followed by white space, '/' or '>' starts at `at`:
// the only thing that ends raw text, RCDATA and script data.
bool is_end_tag_of(std::string_view html, std::size_t at, std::string_view name) {
    if (html.size() - at < name.size() + 3 || html[at + 1] != '/') return false;
    if (!is_named(html.substr(at + 2, name.size()), name)) return false;
    const char after = html[at + 2 + name.size()];
    return is_space(after) || after == '/' || after == '>';
}

// Bogus comments, doctypes and <!...> declarations end at the first '>'.
std::size_t after_bogus_comment(std::string_view html, std::size_t from) {
    const std::size_t gt = find_char(html, from, '>');
    return gt == html.size() ? gt : gt + 1;
}

// A comment; `from` is just after "<!--". The comment states, with their abrupt endings
// ("<!-->", "<!--->") and "--!>".
std::size_t after_comment(std::string_view html, std::size_t from) {
    enum class State { start, start_dash, text, end_dash, end, end_bang };
    State state = State::start;
    for (std::size_t i = from; i < html.size();) {
        const char c = html[i++];
        switch (state) {
            case State::start:
            case State::start_dash:
                if (c == '>') return i;
                state = c != '-' ? State::text : state == State::start ? State::start_dash : State::end;
                break;
            case State::text:
                if (c == '-') state = State::end_dash;
                else i = find_char(html, i, '-');
                break;
            case State::end_dash:
                state = c == '-' ? State::end : State::text;
                break;
            case State::end:
                if (c == '>') return i;
                state = c == '!' ? State::end_bang : c == '-' ? State::end : State::text;
                break;
            case State::end_bang:
                if (c == '>') return i;
                state = c == '-' ? State::end_dash : State::text;
                break;
        }
    }
    return html.size();
}

// A CDATA section (only in foreign content); `from` is just after "<![CDATA[".
std::size_t after_cdata(std::string_view html, std::size_t from) {
    const std::size_t end = html.find("]]>", from);
    return end == std::string_view::npos ? html.size() : end + 3;
}

// A start or end tag as the tag states read it.
struct TagToken {
    std::size_t end = std::string_view::npos;  // one past its '>'; npos: the page ends inside it (no tag)
    std::string_view name;                     // as written
    bool self_closing = false;
    bool bare = false;             // nothing between the name and '>' ("<g>", "</g>")
    std::size_t attributes = 0;    // attributes written (duplicates included)
    // Where the first attribute past k_max_attributes begins, or npos.
    std::size_t excess_attributes = std::string_view::npos;
};

// Reads the tag whose '<' is at `at` (followed by a letter, or by '/' and a letter).
TagToken read_tag(std::string_view html, std::size_t at) {
    TagToken tag;
    const std::size_t n = html.size();
    std::size_t i = at + 1;
    if (html[i] == '/') ++i;
    const std::size_t name_start = i;
    while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
    tag.name = html.substr(name_start, i - name_start);
    tag.bare = i < n && html[i] == '>';

    enum class State { before_name, name, after_name, before_value, after_quoted };
    State state = State::before_name;
    auto begin_attribute = [&tag](std::size_t at) {
        if (++tag.attributes == k_max_attributes + 1) tag.excess_attributes = at;
    };
    while (i < n) {
        const char c = html[i];
        switch (state) {
            case State::before_name:
                if (is_space(c)) {
                    ++i;
                } else if (c == '/') {  // the self-closing start tag state
                    if (i + 1 < n && html[i + 1] == '>') {
                        tag.self_closing = true;
                        tag.end = i + 2;
                        return tag;
                    }
                    ++i;
                } else if (c == '>') {
                    tag.end = i + 1;
                    return tag;
                } else {  // anything else begins a name, even '='
                    begin_attribute(i);
                    ++i;
                    state = State::name;
                }
                break;
            case State::name:
                if (is_space(c) || c == '/' || c == '=' || c == '>') {
                    state = c == '=' ? State::before_value : is_space(c) ? State::after_name : State::before_name;
                    if (c == '=' || is_space(c)) ++i;
                } else {
                    ++i;
                }
                break;
            case State::after_name:
                if (is_space(c)) {
                    ++i;
                } else if (c == '=') {
                    state = State::before_value;
                    ++i;
                } else if (c == '/' || c == '>') {
                    state = State::before_name;
                } else {
                    begin_attribute(i);
                    ++i;
                    state = State::name;
                }
                break;
            case State::before_value:
                if (is_space(c)) {
                    ++i;
                } else if (c == '"' || c == '\'') {
                    const std::size_t close = find_char(html, i + 1, c);
                    if (close == n) return tag;
                    i = close + 1;
                    state = State::after_quoted;
                } else if (c == '>') {
                    state = State::before_name;
                } else {  // unquoted: up to white space or '>'
                    while (i < n && !is_space(html[i]) && html[i] != '>') ++i;
                    state = State::before_name;
                }
                break;
            case State::after_quoted:  // '/' and '>' behave as before a name; anything else is reconsumed there
                if (is_space(c)) ++i;
                state = State::before_name;
                break;
        }
    }
    return tag;
}

// Script data, with its escaped ("<!--") and double-escaped ("<!--<script>") states; `from`
// is just after the <script> start tag. Returns the position of the end tag's '<', or the
// end of the page.
std::size_t script_data_end(std::string_view html, std::size_t from) {
    enum class State { data, escaped, escaped_dash, escaped_dash_dash, double_escaped, double_escaped_dash,
                       double_escaped_dash_dash };
    const std::size_t n = html.size();
    State state = State::data;
    std::size_t i = from;
    while (i < n) {
        if (state == State::data) {
            const std::size_t lt = find_char(html, i, '<');
            if (lt == n) return n;
            if (is_end_tag_of(html, lt, "script")) return lt;
            if (starts_with_at(html, lt, "<!--")) {
                state = State::escaped_dash_dash;
                i = lt + 4;
            } else {
                i = lt + 1;
            }
            continue;
        }
        const char c = html[i];
        const bool escaped = state == State::escaped || state == State::escaped_dash || state == State::escaped_dash_dash;
        if (c == '<') {
            if (escaped) {
                if (is_end_tag_of(html, i, "script")) return i;
                // "<script" + white space, '/' or '>' enters the double-escaped state.
                if (i + 1 < n && is_alpha(html[i + 1]) && html.size() - i > 7 && is_named(html.substr(i + 1, 6), "script") &&
                    (is_space(html[i + 7]) || html[i + 7] == '/' || html[i + 7] == '>')) {
                    state = State::double_escaped;
                    i += 8;
                    continue;
                }
                state = State::escaped;
            } else {
                // "</script" + white space, '/' or '>' goes back to the escaped state.
                if (is_end_tag_of(html, i, "script")) {
                    state = State::escaped;
                    i += 9;
                    continue;
                }
                state = State::double_escaped;
            }
            ++i;
            continue;
        }
        if (c == '-') {
            state = state == State::escaped           ? State::escaped_dash
                    : state == State::escaped_dash     ? State::escaped_dash_dash
                    : state == State::double_escaped   ? State::double_escaped_dash
                    : state == State::double_escaped_dash ? State::double_escaped_dash_dash
                                                          : state;
        } else if (c == '>' && (state == State::escaped_dash_dash || state == State::double_escaped_dash_dash)) {
            state = State::data;
        } else {
            state = escaped ? State::escaped : State::double_escaped;
        }
        ++i;
    }
    return n;
}

// RAWTEXT and RCDATA: up to "</name" followed by white space, '/' or '>'.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = from;;) {
        const std::size_t lt = find_char(html, i, '<');
        if (lt == html.size() || is_end_tag_of(html, lt, name)) return lt;
        i = lt + 1;
    }
}

// The markup the data state meets at a '<'.
enum class TokenKind {
    end_of_page,    // the page ends (also inside a tag, which then makes no token)
    less_than,      // a '<' that begins no markup: text
    comment,        // "<!--" ... "-->"
    cdata,          // "<![CDATA[" ... "]]>" (foreign content only)
    bogus_comment,  // "<!DOCTYPE ...>", "<?...>", "</ ...>" and the like
    empty_end_tag,  // "</>": no token at all
    start_tag,
    end_tag,
};

struct Token {
    TokenKind kind = TokenKind::end_of_page;
    std::size_t begin = 0;  // its '<'
    std::size_t end = 0;    // one past it
    TagToken tag;           // start and end tags
};

// The next token that begins at a '<' at or after `from`, in the data state. `foreign`: the
// current node is an SVG element, where "<![CDATA[" opens a CDATA section.
Token next_token(std::string_view html, std::size_t from, bool foreign) {
    const std::size_t n = html.size();
    Token token;
    token.begin = find_char(html, from, '<');
    const std::size_t lt = token.begin;
    if (lt + 1 >= n) {
        token.end = n;
        return token;
    }
    const char next = html[lt + 1];
    if (next == '!') {
        if (starts_with_at(html, lt, "<!--")) {
            token.kind = TokenKind::comment;
            token.end = after_comment(html, lt + 4);
        } else if (foreign && starts_with_at(html, lt, "<![CDATA[")) {
            token.kind = TokenKind::cdata;
            token.end = after_cdata(html, lt + 9);
        } else {
            token.kind = TokenKind::bogus_comment;
            token.end = after_bogus_comment(html, lt + 2);
        }
    } else if (next == '?') {
        token.kind = TokenKind::bogus_comment;
        token.end = after_bogus_comment(html, lt + 2);
    } else if (next == '/' && lt + 2 < n && html[lt + 2] == '>') {
        token.kind = TokenKind::empty_end_tag;
        token.end = lt + 3;
    } else if (next == '/' && (lt + 2 >= n || !is_alpha(html[lt + 2]))) {
        token.kind = TokenKind::bogus_comment;
        token.end = after_bogus_comment(html, lt + 2);
    } else if (next == '/' || is_alpha(next)) {
        token.tag = read_tag(html, lt);
        token.kind = token.tag.end == std::string_view::npos ? TokenKind::end_of_page
                     : next == '/'                           ? TokenKind::end_tag
                                                             : TokenKind::start_tag;
        token.end = token.kind == TokenKind::end_of_page ? n : token.tag.end;
    } else {
        token.kind = TokenKind::less_than;
        token.end = lt + 1;
    }
    return token;
}

// Tag names Gumbo matches by their source text: only plain ones are followed through SVG.
bool is_plain_name(std::string_view name) {
    for (char c : name)
        if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != ':' && c != '.') return false;
    return !name.empty();
}

struct SvgExtent {
    std::size_t end = 0;     // the '<' of the end tag that closes the <svg>, or the end of the page
    bool known = false;      // false: where the SVG ends, or what its tags do, depends on the tree
    bool removable = false;  // its text needs no decoding (no character reference, no NUL, ends
                             // before the page does), so the scan can give it back to the tree
    bool too_many_attributes = false;  // a tag inside has more than k_max_attributes
};

// An <svg> element's content, read by the rules for foreign content; `from` is just after its
// start tag. Known only when every tag inside is an SVG element (no breakout tag, no markup in
// an integration point) and every end tag closes an open SVG element. `text` gets the ranges
// of its text: runs between tags and the content of CDATA sections.
SvgExtent svg_extent(std::string_view html, std::size_t from, std::vector<std::pair<std::size_t, std::size_t>>& text) {
    text.clear();
    std::vector<std::string_view> open{"svg"};
    std::size_t text_start = from;  // the current run of text
    bool too_many_attributes = false;
    auto end_text_run = [&](const Token& token) {
        if (token.begin > text_start) text.emplace_back(text_start, token.begin);
        text_start = token.end;
    };
    // Removable when no run holds a reference and the SVG no NUL.
    auto extent = [&](std::size_t end) {
        bool removable = std::memchr(html.data() + from, '\0', end - from) == nullptr;
        for (auto [begin, run_end] : text)
            removable = removable && html.substr(begin, run_end - begin).find('&') == std::string_view::npos;
        return SvgExtent{end, true, removable, too_many_attributes};
    };
    for (std::size_t i = from;;) {
        const Token token = next_token(html, i, true);
        i = token.end;
        too_many_attributes = too_many_attributes || token.tag.excess_attributes != std::string_view::npos;
        switch (token.kind) {
            case TokenKind::end_of_page:  // the page ends in the SVG: left to Gumbo
                return {html.size(), true, false, too_many_attributes};
            case TokenKind::less_than:  // part of the text
                break;
            case TokenKind::empty_end_tag:  // Gumbo takes "</>" into the next tag's source text
                return {token.begin, false, false};
            case TokenKind::end_tag: {
                // Gumbo compares an end tag's whole source text with the element's name.
                if (!token.tag.bare || !is_plain_name(token.tag.name)) return {token.begin, false, false};
                std::size_t k = open.size();
                while (k > 0 && !same_name(token.tag.name, open[k - 1])) --k;
                if (k == 0) return {token.begin, false, false};  // no such SVG element open: HTML rules apply
                end_text_run(token);
                open.resize(k - 1);
                if (open.empty()) return extent(token.begin);
                break;
            }
            case TokenKind::start_tag:
                if (is_one_of(open.back(), k_svg_integration_points) || !is_plain_name(token.tag.name) ||
                    is_one_of(token.tag.name, k_svg_breakout_tags))
                    return {token.begin, false, false};
                end_text_run(token);
                if (!token.tag.self_closing) open.push_back(token.tag.name);
                break;
            case TokenKind::cdata:
                end_text_run(token);
                if (!html.substr(token.begin, token.end - token.begin).ends_with("]]>")) return {html.size(), true, false};
                text.emplace_back(token.begin + 9, token.end - 3);
                break;
            default:  // comments
                end_text_run(token);
                break;
        }
    }
}

// What the tree builder does with the stack of open elements, roughly, to bound its depth:
// Gumbo scans the stack at many tags (a <div> looks for a <p> to close), so a page of 100,000
// nested elements costs it 100,000 x 100,000 steps. This follows the start and end tags with the
// rules that make the stack shorter on real pages (void elements, end tags that close through
// others, the end tags a <p>, <li>, <dd>, <dt>, <option>, table cell or row, heading, <a> or
// <button> implies, foreign content) and leaves out of the copy the start tags that would nest
// deeper than k_max_nesting, with their end tags: their content goes to the deepest element
// kept, as a browser attaches elements past its own limit to the deepest allowed parent. On a
// real page the estimate is close to the real depth and far below the limit (the deepest of the
// development corpora: see scripts/check-identical), so nothing is left out.
class OpenElements {
public:
    // A start tag; false when it is left out (it would nest deeper than the limit).
    bool start(std::string_view name, bool self_closing);
    // An end tag; false when it closes an element that was left out.
    bool end(std::string_view name);
    bool in_foreign() const { return m_foreign != k_none; }
    std::size_t deepest() const { return m_deepest; }

private:
    enum class Kind : std::uint8_t { other, p, li, dd, dt, heading, option, optgroup, table, tbody, thead, tfoot, tr,
                                     td, th, a, button, nobr, select, svg, math };
    static constexpr std::size_t k_kinds = static_cast<std::size_t>(Kind::math) + 1;
    enum Flag : std::uint16_t {
        k_void = 1,              // never open (<br>, <img>...)
        k_no_push = 2,           // <html>, <head>, <body>: always there, never nested
        k_closes_p = 4,          // its start tag closes an open <p> (in button scope)
        k_special = 8,           // the standard's "special" category: an end tag of another element stops at it
        k_scope = 16,            // bounds the default scope
        k_list_transparent = 32,  // <address>, <div>, <p>: an <li> start tag looks past them
        k_button = 64,            // bounds the button scope, where a start tag looks for a <p> to close
        k_table_scope = 128       // <table>, <template>: bound the table scope
    };
    struct TagInfo {
        Kind kind = Kind::other;
        std::uint16_t flags = 0;
    };
    struct Entry {
        std::string_view name;  // as written
        TagInfo info;
    };
    enum class Look { match, stop, next };
    static constexpr std::size_t k_none = std::string_view::npos;
    // Entries above the kept ones looked at before the search goes to the kept ones: a search
    // through a pile of left-out elements is bounded too.
    static constexpr std::size_t k_search_window = 64;

    static TagInfo classify(std::string_view name);
    // The index of the entry nearest the top for which `look` says match, or k_none.
    template <class Look_>
    std::size_t find(Look_ look) const;
    // Closes the nearest element of `kinds` unless an element with one of `stop_flags` (and none
    // of `except_flags`) comes first.
    void close(std::initializer_list<Kind> kinds, std::uint16_t stop_flags, std::uint16_t except_flags = 0);
    void pop_to(std::size_t index);

    std::vector<Entry> m_stack;  // index k_max_nesting and above: left out of the copy
    // How many entries of each kind the stack holds: a start tag that closes a kind none of which
    // is open (a <p> on every <div>) skips the search (a page of a million open <div>s without
    // a <p> searched 576 entries per <div>).
    std::array<std::uint32_t, k_kinds> m_open{};
    std::size_t m_foreign = k_none;  // the <svg> or <math> whose content is being read
    std::size_t m_deepest = 0;
};

OpenElements::TagInfo OpenElements::classify(std::string_view name) {
    using enum Kind;
    constexpr std::uint16_t V = k_void | k_special, S = k_special, P = k_closes_p | k_special, C = k_scope | k_special;
    struct Known {
        std::string_view name;
        TagInfo info;
    };
    static const std::vector<Known> known_tags = [] {
        std::vector<Known> known = {
            {"a", {a, 0}}, {"address", {other, P | k_list_transparent}}, {"applet", {other, C}}, {"area", {other, V}},
            {"article", {other, P}}, {"aside", {other, P}}, {"base", {other, V}}, {"basefont", {other, V}},
            {"bgsound", {other, V}}, {"blockquote", {other, P}}, {"body", {other, k_no_push}}, {"br", {other, V}},
            {"button", {button, S | k_button}}, {"caption", {other, C}}, {"center", {other, P}}, {"col", {other, V}},
            {"colgroup", {other, S}}, {"dd", {dd, P}}, {"details", {other, P}}, {"dialog", {other, P}},
            {"dir", {other, P}}, {"div", {other, P | k_list_transparent}}, {"dl", {other, P}}, {"dt", {dt, P}},
            {"embed", {other, V}}, {"fieldset", {other, P}}, {"figcaption", {other, P}}, {"figure", {other, P}},
            {"footer", {other, P}}, {"form", {other, P}}, {"frame", {other, V}}, {"frameset", {other, S}},
            {"h1", {heading, P}}, {"h2", {heading, P}}, {"h3", {heading, P}}, {"h4", {heading, P}},
            {"h5", {heading, P}}, {"h6", {heading, P}}, {"head", {other, k_no_push}}, {"header", {other, P}},
            {"hgroup", {other, P}}, {"hr", {other, V | k_closes_p}}, {"html", {other, k_no_push}},
            {"iframe", {other, S}}, {"image", {other, V}}, {"img", {other, V}}, {"input", {other, V}},
            {"keygen", {other, V}}, {"li", {li, P}}, {"link", {other, V}}, {"listing", {other, P}},
            {"main", {other, P}}, {"marquee", {other, C}}, {"math", {math, 0}}, {"menu", {other, P}},
            {"meta", {other, V}}, {"nav", {other, P}}, {"nobr", {nobr, 0}}, {"noembed", {other, S}},
            {"noframes", {other, S}}, {"noscript", {other, S}}, {"object", {other, C}}, {"ol", {other, P}},
            {"optgroup", {optgroup, 0}}, {"option", {option, 0}}, {"p", {p, P | k_list_transparent}},
            {"param", {other, V}}, {"plaintext", {other, P}}, {"pre", {other, P}}, {"script", {other, S}},
            {"search", {other, P}}, {"section", {other, P}}, {"select", {select, S}}, {"source", {other, V}},
            {"style", {other, S}}, {"summary", {other, P}}, {"svg", {svg, 0}}, {"table", {table, C | k_table_scope}},
            {"tbody", {tbody, S}}, {"td", {td, C}}, {"template", {other, C | k_table_scope}}, {"textarea", {other, S}},
            {"tfoot", {tfoot, S}}, {"th", {th, C}}, {"thead", {thead, S}}, {"title", {other, S}},
            {"tr", {tr, S}}, {"track", {other, V}}, {"ul", {other, P}}, {"wbr", {other, V}}, {"xmp", {other, P}},
        };
        return known;
    }();
    // The tags by their length and first and last letters, a few to a slot: a start or end tag
    // is looked up with one or two comparisons, not a binary search's seven (0.9% of the pipeline).
    static constexpr std::size_t k_slots = 256;
    auto slot_of = [](std::string_view lower) {
        return (static_cast<unsigned char>(lower.front()) * 7u + static_cast<unsigned char>(lower.back()) * 3u + lower.size()) % k_slots;
    };
    static const std::array<std::vector<Known>, k_slots> slots = [&] {
        std::array<std::vector<Known>, k_slots> table;
        for (const Known& k : known_tags) table[slot_of(k.name)].push_back(k);
        return table;
    }();
    char lower[12];
    if (name.empty() || name.size() > sizeof lower) return {};
    for (std::size_t i = 0; i < name.size(); ++i) lower[i] = to_lower(name[i]);
    const std::string_view key(lower, name.size());
    for (const Known& k : slots[slot_of(key)])
        if (k.name == key) return k.info;
    return {};
}

template <class Look_>
std::size_t OpenElements::find(Look_ look) const {
    std::size_t examined = 0;
    for (std::size_t j = m_stack.size(); j > 0;) {
        --j;
        if (j >= k_max_nesting && ++examined > k_search_window) j = k_max_nesting - 1;
        switch (look(m_stack[j])) {
            case Look::match: return j;
            case Look::stop: return k_none;
            case Look::next: break;
        }
    }
    return k_none;
}

void OpenElements::close(std::initializer_list<Kind> kinds, std::uint16_t stop_flags, std::uint16_t except_flags) {
    if (std::none_of(kinds.begin(), kinds.end(), [&](Kind kind) { return m_open[static_cast<std::size_t>(kind)] > 0; }))
        return;  // nothing to find
    const std::size_t at = find([&](const Entry& e) {
        if (std::find(kinds.begin(), kinds.end(), e.info.kind) != kinds.end()) return Look::match;
        return e.info.flags & stop_flags && !(e.info.flags & except_flags) ? Look::stop : Look::next;
    });
    if (at != k_none) pop_to(at);
}

void OpenElements::pop_to(std::size_t index) {
    for (std::size_t i = index; i < m_stack.size(); ++i) --m_open[static_cast<std::size_t>(m_stack[i].info.kind)];
    m_stack.resize(index);
    if (m_foreign != k_none && m_foreign >= index) m_foreign = k_none;
}

bool OpenElements::start(std::string_view name, bool self_closing) {
    using enum Kind;
    const TagInfo info = classify(name);
    if (info.flags & (k_void | k_no_push)) return true;
    if (in_foreign()) {
        if (!is_one_of(name, k_svg_breakout_tags)) {
            if (self_closing) return true;  // foreign content honours "/>"
        } else {
            pop_to(m_foreign);  // back to HTML
        }
    }
    if (!in_foreign()) {
        if (info.flags & k_closes_p) close({p}, k_scope | k_button);
        const Kind top = m_stack.empty() ? other : m_stack.back().info.kind;
        switch (info.kind) {
            case heading:
                if (top == heading) pop_to(m_stack.size() - 1);
                break;
            case li:
                close({li}, k_special, k_list_transparent);
                break;
            case dd:
            case dt:
                close({dd, dt}, k_special, k_list_transparent);
                break;
            case option:
            case optgroup:
                if (top == option) pop_to(m_stack.size() - 1);
                break;
            case td:
            case th:
                close({td, th}, k_table_scope);
                break;
            case tr:
                close({tr}, k_table_scope);
                break;
            case tbody:
            case thead:
            case tfoot:
                close({tbody, thead, tfoot}, k_table_scope);
                break;
            case a:
            case button:
            case nobr:
            case select:
                close({info.kind}, k_scope);
                break;
            case svg:
            case math:
                if (self_closing) return true;
                m_foreign = m_stack.size();
                break;
            default:
                break;
        }
    }
    const bool kept = m_stack.size() < k_max_nesting;
    m_stack.push_back({name, info});
    ++m_open[static_cast<std::size_t>(info.kind)];
    m_deepest = std::max(m_deepest, m_stack.size());
    return kept;
}

bool OpenElements::end(std::string_view name) {
    const TagInfo info = classify(name);
    if (info.flags & (k_void | k_no_push)) return true;  // </br>, </body>, </html>
    if (info.kind != Kind::other && m_open[static_cast<std::size_t>(info.kind)] == 0) return true;  // none open: stray
    auto same = [&](const Entry& e) {
        return info.kind != Kind::other ? e.info.kind == info.kind : e.info.kind == Kind::other && same_name(e.name, name);
    };
    // In foreign content an end tag closes the open element of its name; in HTML a special or
    // known element's end tag looks through the default scope, any other's stops at a special one.
    const std::uint16_t stop = in_foreign() ? 0 : info.flags & k_special || info.kind != Kind::other ? k_scope : k_special;
    const std::size_t at = find([&](const Entry& e) { return same(e) ? Look::match : e.info.flags & stop ? Look::stop : Look::next; });
    if (at == k_none) return true;  // a stray end tag: the parser ignores it
    const bool kept = at < k_max_nesting;
    pop_to(at);
    return kept;
}

// Whether each of the eight bytes of `word` is ASCII from ' ' to '~', none of which
// append_raw_text changes. (The tests for a byte under 0x20 and for DEL are exact once no byte
// has its high bit set.)
constexpr bool is_plain_ascii(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::uint64_t control = (word - 0x20 * ones) & ~word & highs;  // some byte under 0x20
    const std::uint64_t del = word ^ (0x7F * ones);                       // DEL bytes become 0
    return ((word & highs) | control | ((del - ones) & ~del & highs)) == 0;
}

}  // namespace

void append_raw_text(std::string& out, std::string_view text) {
    // Bytes that may start something Gumbo changes: CR, C0 controls but tab, LF and FF, DEL, and
    // the lead bytes of C1 controls (C2), of U+FDD0..FDEF, U+FFFE, U+FFFF (EF) and of the
    // noncharacters of the other planes (F0..F4).
    static constexpr auto k_special = [] {
        std::array<bool, 256> special{};
        for (int c = 0; c < 0x20; ++c) special[c] = c != '\t' && c != '\n' && c != '\f';
        special[0x7F] = special[0xC2] = special[0xEF] = true;
        for (int c = 0xF0; c <= 0xF4; ++c) special[c] = true;
        return special;
    }();
    constexpr std::string_view k_replacement = "\xEF\xBF\xBD";
    const std::size_t n = text.size();
    auto byte = [&](std::size_t i) { return i < n ? static_cast<unsigned char>(text[i]) : 0u; };
    std::size_t copied = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // Script and style bodies, most of a page's bytes, are mostly plain ASCII: eight bytes
        // at a time over it (the byte loop alone was 3% of modern-dev's pipeline time).
        std::uint64_t word;
        while (n - i >= 8 && (std::memcpy(&word, text.data() + i, 8), is_plain_ascii(word))) i += 8;
        if (i == n) break;
        const unsigned char c = byte(i);
        if (!k_special[c]) continue;
        std::size_t length = 0;           // bytes of the sequence to replace
        std::string_view instead = k_replacement;
        if (c == '\r') {
            length = byte(i + 1) == '\n' ? 2 : 1;
            instead = "\n";
        } else if (c < 0x80) {
            length = 1;  // NUL (the raw text states) and the other controls (the input stream)
        } else if (c == 0xC2) {
            length = byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F ? 2 : 0;
        } else if (c == 0xEF) {
            const unsigned c1 = byte(i + 1), c2 = byte(i + 2);
            length = (c1 == 0xB7 && c2 >= 0x90 && c2 <= 0xAF) || (c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)) ? 3 : 0;
        } else {
            length = (byte(i + 1) & 0x0F) == 0x0F && byte(i + 2) == 0xBF && (byte(i + 3) == 0xBE || byte(i + 3) == 0xBF) ? 4 : 0;
        }
        if (length == 0) continue;
        out.append(text.substr(copied, i - copied));
        out.append(instead);
        i += length - 1;
        copied = i + 1;
    }
    out.append(text.substr(copied));
}

const std::vector<AttributeText>& AttributeReader::read(std::string_view text) {
    std::vector<AttributeText>& out = m_attributes;
    out.clear();
    m_joined_names.clear();
    enum class State { before_name, name, after_name, before_value };
    State state = State::before_name;
    const std::size_t n = text.size();
    std::size_t name_start = 0;
    bool dropped = false;        // the current attribute repeats an earlier name: its value goes too
    std::string_view leftover;   // a dropped name without a value, which Gumbo leaves in its buffer
    auto begin_name = [&](std::size_t at) {
        name_start = at;
        state = State::name;
    };
    // The tokenizer checks a name against the tag's others when the name ends.
    auto end_name = [&](std::size_t at) {
        std::string_view name = text.substr(name_start, at - name_start);
        if (!leftover.empty()) {
            m_joined_names.push_back(std::string(leftover) + std::string(name));
            name = m_joined_names.back();
            leftover = {};
        }
        dropped = std::any_of(out.begin(), out.end(), [&](const AttributeText& a) { return same_name(a.name, name); });
        if (dropped) leftover = name;  // until a value clears it
        else out.push_back({name, {}});
    };
    auto set_value = [&](std::string_view value) {
        if (!dropped) out.back().value = value;
        leftover = {};
    };
    for (std::size_t i = 0; i < n;) {
        const char c = text[i];
        switch (state) {
            case State::before_name:  // also the self-closing start tag state: a '/' not before '>' is skipped
                if (!is_space(c) && c != '/') begin_name(i);  // anything else begins a name, even '='
                ++i;
                break;
            case State::name:
                if (is_space(c) || c == '/' || c == '=') {
                    end_name(i);
                    state = c == '=' ? State::before_value : is_space(c) ? State::after_name : State::before_name;
                }
                ++i;
                break;
            case State::after_name:
                if (c == '=') state = State::before_value;
                else if (c == '/') state = State::before_name;
                else if (!is_space(c)) begin_name(i);
                ++i;
                break;
            case State::before_value:
                if (c == '"' || c == '\'') {
                    const std::size_t close = std::min(text.find(c, i + 1), n);
                    set_value(text.substr(i + 1, close - i - 1));
                    i = close + 1;  // after a quoted value: as before a name
                    state = State::before_name;
                } else if (!is_space(c)) {  // unquoted: up to white space
                    const std::size_t start = i;
                    while (i < n && !is_space(text[i])) ++i;
                    set_value(text.substr(start, i - start));
                    state = State::before_name;
                } else {
                    ++i;
                }
                break;
        }
    }
    if (state == State::name) end_name(n);
    return out;
}

namespace {

// The character references of most attributes that hold one (a link's URL with its parameters,
// a title with quotes), with the character each stands for: named, with their semicolon, so no
// longer name can match in their place.
constexpr std::pair<std::string_view, char> k_simple_references[] = {
    {"&amp;", '&'}, {"&quot;", '"'}, {"&gt;", '>'}, {"&lt;", '<'},
};

// The simple reference at the start of `text`, or nullptr.
const std::pair<std::string_view, char>* simple_reference_at(std::string_view text) {
    for (const auto& reference : k_simple_references)
        if (text.starts_with(reference.first)) return &reference;
    return nullptr;
}

// True when every '&' of the text begins a simple reference.
bool only_simple_references(std::string_view text) {
    for (std::size_t at = text.find('&'); at != std::string_view::npos; at = text.find('&', at + 1))
        if (!simple_reference_at(text.substr(at))) return false;
    return true;
}

// The value with each simple reference as the character it stands for.
std::string without_simple_references(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    // The text between two '&' goes in whole (a link's long URL byte by byte was most of the
    // reading of a formatting element's attributes).
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t amp = std::min(value.find('&', i), value.size());
        out.append(value.substr(i, amp - i));
        if (amp == value.size()) break;
        const auto* reference = simple_reference_at(value.substr(amp));
        out += reference ? reference->second : '&';
        i = amp + (reference ? reference->first.size() : 1);
    }
    return out;
}

}  // namespace

void decode_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>>& out) {
    AttributeReader reader;
    std::string scratch;
    decode_attributes(text, out, reader, scratch);
}

void decode_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>>& out, AttributeReader& reader,
                       std::string& scratch) {
    out.clear();
    if (only_simple_references(text)) {
        // Read by the attribute states as a text without references (a Gumbo parse costs some
        // 65,000 instructions a tag): in a value, a reference is read whole and leaves the state
        // as it was (a '"' or '>' it stands for ends nothing), so the states read the text alike;
        // in a name, it is text. Names in lower case, as Gumbo gives them.
        scratch.clear();
        append_raw_text(scratch, text);
        for (const AttributeText& attribute : reader.read(scratch)) {
            std::string name(attribute.name);
            for (char& c : name) c = to_lower(c);
            out.emplace_back(std::move(name), without_simple_references(attribute.value));
        }
        return;
    }
    // The tokenizer reads a tag's attributes alike whatever its name and wherever it stands
    // (but in foreign content, which the scan never takes attributes from).
    std::string tag = "<span";
    tag += text;
    tag += '>';
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, tag.data(), tag.size());
    // The <span> is the first element in the <body>.
    std::vector<const GumboNode*> stack{output->root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT) continue;
        if (node->v.element.tag == GUMBO_TAG_SPAN) {
            const GumboVector& attributes = node->v.element.attributes;
            for (unsigned i = 0; i < attributes.length; ++i) {
                const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
                out.emplace_back(attribute->name, attribute->value);
            }
            break;
        }
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    gumbo_destroy_output(&options, output);
}

namespace {

// Numbers for the sets of attributes of a page's formatting elements: two tags get the same
// number exactly when the tree builder finds their attributes alike (the same names, in any
// order and case, with the same values once character references are decoded).
class AttributeSets {
public:
    struct Set {
        std::size_t id = 0;
        // The tag whose attributes, as written, were the same text (the caller's number for it,
        // `tag` when it met them first): its decoded values are this one's too.
        std::size_t first_tag = 0;
    };
    // `attributes` points into the page, which outlives the sets; `tag` numbers the tag for the
    // caller. `decoded` gets the attributes as Gumbo decodes them when they hold references and
    // the text is new.
    Set id(std::string_view attributes, bool references, std::size_t tag, std::vector<std::pair<std::string, std::string>>& decoded) {
        // A text met before is the same set: many formatting tags of a page repeat another's
        // attributes as written (a menu's links, "<b class=x>"), and are found by their text
        // without reading them again. As many entries as formatting tags, freed with the page.
        auto [seen, added] = m_by_text.try_emplace(attributes, Set{0, tag});
        if (!added) return seen->second;
        m_sorted.clear();
        if (references) {
            decode_attributes(attributes, decoded, m_reader, m_text);  // names in lower case
            for (const auto& [name, value] : decoded) m_sorted.push_back({name, value});
        } else {
            m_text.clear();
            append_raw_text(m_text, attributes);
            for (const AttributeText& a : m_reader.read(m_text)) m_sorted.push_back({a.name, a.value});
        }
        // By name, ASCII case ignored: no two names of a tag are alike (the tokenizer drops a
        // repeated one), so the order is that of the set.
        std::sort(m_sorted.begin(), m_sorted.end(), [](const AttributeText& x, const AttributeText& y) {
            return std::lexicographical_compare(x.name.begin(), x.name.end(), y.name.begin(), y.name.end(),
                                                [](char a, char b) { return to_lower(a) < to_lower(b); });
        });
        m_key.clear();
        for (const auto& [name, value] : m_sorted) {
            for (char c : name) m_key += to_lower(c);
            m_key += '\0';
            m_key += value;
            m_key += '\0';
        }
        seen->second.id = m_ids.try_emplace(m_key, m_ids.size()).first->second;
        return seen->second;
    }

private:
    std::string m_text;
    AttributeReader m_reader;
    std::vector<AttributeText> m_sorted;
    std::string m_key;
    std::unordered_map<std::string, std::size_t> m_ids;  // a set's names and values: its number
    std::unordered_map<std::string_view, Set> m_by_text;  // a tag's attributes as written
};

}  // namespace

PrescanStats strip_unread_content(std::string_view html, std::string& out, std::vector<RemovedText>* removed, ScanMode mode,
                                  std::vector<TakenAttributes>* taken) {
    PrescanStats stats;
    const std::size_t out_start = out.size();
    std::size_t copied = 0;  // html[copied, ...) is not in `out` yet
    // Leaves html[from, to) out of the copy, or puts `instead` in its place.
    auto cut = [&](std::size_t from, std::size_t to, std::string_view instead = {}) {
        out.append(html.substr(copied, from - copied));
        out.append(instead);
        stats.removed_bytes += to - from - instead.size();
        copied = to;
    };
    // Leaves out a script or style text, noting where it goes back.
    auto cut_text = [&](std::size_t from, std::size_t to) {
        cut(from, to);
        if (removed) removed->push_back({out.size(), from, to});
    };
    // Leaves out a tag past the nesting limit, or the attributes of one past the attribute limit.
    auto limit_tag = [&](const Token& token, bool kept) {
        if (!kept) {
            cut(token.begin, token.end);
            ++stats.left_out_tags;
        } else if (token.tag.excess_attributes != std::string_view::npos) {
            cut(token.tag.excess_attributes, token.end - (token.tag.self_closing ? 2 : 1));
            ++stats.trimmed_tags;
        }
    };

    bool removing = mode == ScanMode::remove_unread;
    OpenElements open;
    AttributeSets formatting_sets;
    bool in_select = false;  // the "in select" insertion modes: most start tags are ignored
    std::size_t templates = 0;  // <template> elements open
    // Just after "</>", which makes no token: Gumbo then takes "</>" into the next tag's source
    // text, by which it matches end tags in SVG.
    std::size_t after_empty_end_tag = std::string_view::npos;
    std::vector<std::pair<std::size_t, std::size_t>> svg_text;  // the text runs of the <svg> being read
    std::size_t i = 0;
    // Where the next state cannot be known without building the tree: from here on the page is
    // copied as it is but for the limits, and the token at `at` is read again.
    auto stop_removing = [&](std::string_view why, std::size_t at) {
        stats.stopped_at = why;
        removing = false;
        i = at;
    };
    for (;;) {
        const Token token = next_token(html, i, !removing && open.in_foreign());
        i = token.end;
        if (token.kind == TokenKind::end_of_page) break;
        if (token.kind == TokenKind::comment) {
            // A comment is a token the tree builder only stores (and the tree drops): an empty
            // one does the same.
            if (removing && token.end - token.begin > k_longest_kept_comment) {
                cut(token.begin, token.end, k_empty_comment);
                ++stats.comments;
            }
            continue;
        }
        if (token.kind == TokenKind::empty_end_tag) after_empty_end_tag = token.end;
        if (token.kind == TokenKind::end_tag) {
            const std::string_view name = token.tag.name;
            if (removing) {
                if (templates > 0 && is_named(name, "template")) --templates;
                if (in_select && is_named(name, "select")) {
                    in_select = false;
                } else if (in_select && is_one_of(name, k_table_tags)) {
                    stop_removing("a table tag inside <select>", token.begin);
                    continue;
                }
            }
            limit_tag(token, open.end(name));
            continue;
        }
        if (token.kind != TokenKind::start_tag) continue;
        const TagToken& tag = token.tag;
        const std::size_t lt = token.begin;
        const std::string_view name = tag.name;
        const bool foreign = open.in_foreign();  // (only once the scan has stopped removing)
        if (removing) {
            if (is_named(name, "frameset")) {
                // Whether a <frameset> is honoured depends on text seen before it (the frameset-ok
                // flag), which removed SVG text could change: such a page is parsed whole (but
                // for the limits).
                out.resize(out_start);
                copied = 0;
                if (removed) removed->clear();
                stats = PrescanStats{};
                open = OpenElements{};
                stop_removing("<frameset>", 0);
                continue;
            }
            if (templates > 0 && (is_named(name, "col") || is_named(name, "colgroup"))) {
                // In a template, "in column group" ignores <script> and <style> start tags.
                stop_removing("<col> inside <template>", lt);
                continue;
            }
            if (is_named(name, "template")) ++templates;
        }
        if (!foreign && is_named(name, "script")) {
            // A script body ends only at its end tag, whatever the mode; a self-closing
            // <script/> opens one too.
            const std::size_t end = script_data_end(html, tag.end);
            limit_tag(token, true);
            if (removing && end > tag.end) {
                cut_text(tag.end, end);
                ++stats.scripts;
            }
            i = end;
            continue;
        }
        if (removing && in_select) {
            // In <select> only these start tags do anything; the others (style, svg...) are ignored.
            if (is_named(name, "template") || is_one_of(name, k_table_tags)) {
                stop_removing(is_named(name, "template") ? "<template> inside <select>" : "a table tag inside <select>", lt);
                continue;
            }
            limit_tag(token, true);
            if (is_named(name, "select") || is_named(name, "input") || is_named(name, "keygen") || is_named(name, "textarea")) {
                in_select = false;  // the select ends (and the input or text area goes after it)
                open.end("select");
                if (is_named(name, "textarea")) i = raw_text_end(html, tag.end, "textarea");
            }
            continue;
        }
        if (!foreign && is_named(name, "style")) {
            const std::size_t end = raw_text_end(html, tag.end, "style");
            limit_tag(token, true);
            if (removing && end > tag.end) {
                cut_text(tag.end, end);
                ++stats.styles;
            }
            i = end;
            continue;
        }
        if (const std::string_view raw = lower_case_entry(name, k_raw_text_elements); !foreign && !raw.empty()) {
            limit_tag(token, true);
            i = raw_text_end(html, tag.end, raw);
            continue;
        }
        if (removing && is_named(name, "svg") && !tag.self_closing) {
            if (lt == after_empty_end_tag) {
                stop_removing("an <svg> just after \"</>\"", lt);
                continue;
            }
            const SvgExtent extent = svg_extent(html, tag.end, svg_text);
            if (!extent.known) {
                stop_removing("an <svg> with HTML inside", lt);
                continue;
            }
            limit_tag(token, true);
            if (extent.removable && extent.end > tag.end) {
                cut(tag.end, extent.end);
                if (removed)
                    for (auto [begin, end] : svg_text) removed->push_back({out.size(), begin, end});
                ++stats.svgs;
            } else if (extent.too_many_attributes) {  // the drawing stays: its tags get the limit
                for (std::size_t at = tag.end; at < extent.end;) {
                    const Token inner = next_token(html, at, true);
                    if (inner.begin >= extent.end) break;
                    at = inner.end;
                    if (inner.kind == TokenKind::start_tag || inner.kind == TokenKind::end_tag) limit_tag(inner, true);
                }
            }
            i = extent.end;
            continue;
        }
        if (removing && is_named(name, "math") && !tag.self_closing) {
            stop_removing("<math>", lt);
            continue;
        }
        const bool kept = open.start(name, tag.self_closing);
        limit_tag(token, kept);
        // "<div class=x id=y>" becomes "<div>" (TakenAttributes), "<a href=x>" "<a _=3>", unless
        // a character reference in the attributes of an element other than a formatting one
        // would need decoding, or the tag follows "</>" (Gumbo then gives it a source text that
        // begins there, where Tree::parse would not look for it).
        if (kept && removing && taken && tag.attributes > 0 && tag.excess_attributes == std::string_view::npos &&
            lt != after_empty_end_tag && !is_one_of(name, k_attributes_read)) {
            const std::size_t from = lt + 1 + name.size(), to = token.end - (tag.self_closing ? 2 : 1);
            const std::string_view attributes = html.substr(from, to - from);
            const bool references = attributes.find('&') != std::string_view::npos;
            const bool formatting = is_one_of(name, k_formatting_elements);
            if (!references || formatting) {
                std::vector<std::pair<std::string, std::string>> decoded;
                std::string marker;
                if (formatting) {
                    const auto set = formatting_sets.id(attributes, references, taken->size(), decoded);
                    if (references && set.first_tag != taken->size()) decoded = (*taken)[set.first_tag].decoded;
                    marker = " _=" + std::to_string(set.id);
                }
                cut(from, to, marker);
                taken->push_back({out.size() - marker.size() - (from - lt), from, to, references, std::move(decoded)});
                ++stats.taken_attributes;
            }
        }
        if (kept && !foreign && is_named(name, "plaintext")) {
            if (removing) stats.stopped_at = "<plaintext>";
            break;  // the rest of the page is text
        }
        if (kept && removing && is_named(name, "select")) in_select = true;
    }
    out.append(html.substr(copied));
    stats.deepest = open.deepest();
    return stats;
}

}  // namespace winnow::dom
