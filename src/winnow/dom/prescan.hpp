// dom: the scan before parsing. Most of the bytes of a modern page are inline scripts, styles
// and SVG drawings. Gumbo would tokenise every one of those bytes and allocate for them, yet the
// text of a script or a style is one string that needs no tokenising, and the tree keeps only
// the text of an <svg>, not its drawing (see tree.hpp). This scan finds those bodies (and the
// text of comments longer than React's boundary marks, "<!--/$-->", which the tree reads) by the
// HTML tokenizer's own rules (raw text and RCDATA, script data with its escaped states,
// comments, quoted attribute values, <select>, SVG foreign content) and copies
// the page without them, so that Gumbo builds the same elements from far fewer bytes;
// Tree::parse then puts each script's, style's and SVG's text back, copied from the page.
// Most of what is left is attributes, and the tree builder reads the attributes of only a few
// elements: the scan leaves the others' out too ("<div class=x>" becomes "<div>") and
// Tree::parse reads them from the page by the tokenizer's rules (TakenAttributes).
//
// It only removes what it can prove the tree does not need Gumbo for, and never changes what
// the tokenizer or the tree builder does with the rest. Where the next state cannot be known
// without building the tree (MathML, <plaintext>, HTML markup inside an SVG <foreignObject>, an
// SVG closed by an HTML tag, a table tag inside <select>), it stops removing and copies the rest
// of the page as it is; a page with a <frameset> is copied whole; an SVG whose text holds a
// character reference is left to Gumbo. Either way Tree::parse gives the tree of the whole
// page: scripts/check-identical checks it on every corpus page.
//
// The scan also bounds the parser's work on any page (issue 18): start tags that would nest
// deeper than k_max_nesting are left out of the copy with their end tags (their content goes to
// the deepest element kept, as a browser attaches elements past its limit to the deepest allowed
// parent; Gumbo's scans of its stack of open elements made 100,000 nested <div> take 47 s), and
// attributes past the first k_max_attributes of a tag are left out (Gumbo checks each new
// attribute against all the tag's others). This part runs even when nothing is removed
// (ScanMode::limits_only: --no-prescan, or a page that is not valid UTF-8).
#pragma once

#include <cstddef>
#include <deque>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::dom {

// Browsers' limit on nesting (Blink and WebKit: 512); the tree has the same (tree.hpp).
inline constexpr std::size_t k_max_nesting = 512;
// Attributes kept per tag: Gumbo's duplicate check costs 512 x 512 / 2 string comparisons at
// most. The largest count in the development corpora is 337.
inline constexpr std::size_t k_max_attributes = 512;

enum class ScanMode {
    remove_unread,  // leave out script, style and SVG bodies and comment text; apply the limits
    limits_only,    // only apply the limits
};

struct PrescanStats {
    std::size_t scripts = 0;        // script bodies removed
    std::size_t styles = 0;         // style bodies removed
    std::size_t svgs = 0;           // SVG drawings removed
    std::size_t comments = 0;       // comments emptied
    std::size_t removed_bytes = 0;  // bytes of the page not copied
    std::size_t left_out_tags = 0;  // start and end tags left out past the nesting limit
    std::size_t trimmed_tags = 0;   // tags whose attributes past the limit were left out
    std::size_t taken_attributes = 0;  // start tags whose attributes were left out (TakenAttributes)
    std::size_t deepest = 0;        // the deepest nesting estimated (<html>, <body> not counted)
    // Why the scan stopped removing before the end of the page ("<math>"), or empty.
    std::string_view stopped_at;
};

// Text left out of the copy: a script's or style's text, or a run of an SVG's text (an SVG may
// have several, with one copy_position).
struct RemovedText {
    std::size_t copy_position = 0;  // where it was, in the copy: just after the element's start tag
    std::size_t begin = 0;          // where it is in the page
    std::size_t end = 0;
};

// A start tag whose attributes the scan left out of the copy: the tree builder reads no
// attribute of most elements, so Gumbo builds the same element from the bare tag ("<div>",
// "<img/>") and Tree::parse reads the attributes from the page (read_attributes). Taken only
// from tags whose attributes hold no character reference (but the formatting elements', which
// give way to a marker: k_formatting_elements in prescan.cpp), and never from the elements
// whose attributes the tree builder does read (k_attributes_read).
struct TakenAttributes {
    std::size_t copy_position = 0;  // the tag's '<' in the copy
    std::size_t begin = 0;          // the attributes in the page: what follows the tag's name,
    std::size_t end = 0;            // up to its '>' or "/>"
    // A formatting element's attributes that hold a character reference: as Gumbo decodes them
    // (decode_attributes), read once for the scan's marker and the tree.
    bool references = false;
    std::vector<std::pair<std::string, std::string>> decoded;
};

// Appends the page to `out` without the bodies Gumbo need not read and within the limits;
// returns what was removed. The texts left out are appended to `removed`, in page order; with
// `taken`, the attributes of start tags are left out too (TakenAttributes), and noted there.
PrescanStats strip_unread_content(std::string_view html, std::string& out, std::vector<RemovedText>* removed = nullptr,
                                  ScanMode mode = ScanMode::remove_unread, std::vector<TakenAttributes>* taken = nullptr);

// One attribute as the tokenizer reads it: the name as written (the tokenizer lower-cases its
// ASCII letters), the value as written (no character reference in it).
struct AttributeText {
    std::string_view name;
    std::string_view value;
};

// Reads the attributes in a tag's text after its name (a TakenAttributes range, after
// append_raw_text) by the attribute states of Gumbo's tokenizer. A name met again (ASCII case
// ignored) is dropped with its value; when it has no value, Gumbo keeps its text and the next
// attribute's name begins with it ("<meta content="a" die b die aufgrund>": "dieaufgrund").
// The attributes in a tag's text after its name, character references decoded, as Gumbo
// reads them (by parsing the tag alone): names in lower case. Replaces the contents of `out`.
void decode_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>>& out);

class AttributeReader {
public:
    // The views point into `text` or into the reader, until the next read.
    const std::vector<AttributeText>& read(std::string_view text);

private:
    std::vector<AttributeText> m_attributes;
    std::deque<std::string> m_joined_names;  // names that begin with a dropped one
};

// The same, with a reader and a scratch string of the caller's (the scan's, for each tag): no
// reader set up per call. Both are overwritten.
void decode_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>>& out, AttributeReader& reader,
                       std::string& scratch);

// Appends a script or style text as Gumbo gives it in the tree: CR LF and CR become LF; NUL,
// the other control characters (but tab, LF and FF) and the noncharacters become U+FFFD (the
// raw text states' rules and Gumbo's input stream).
void append_raw_text(std::string& out, std::string_view page_text);

}  // namespace winnow::dom
