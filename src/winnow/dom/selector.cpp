// dom: the CSS selector engine. A hand-written recursive-descent parser turns a selector list
// into compounds joined by combinators; matching runs right to left, as browsers do, with the
// "fails completely" shortcut so that descendant combinators on deep trees stay linear.
// Matching follows the DOM's structure: a node removed by an earlier rule still counts as a
// sibling (removal is a mark here, not a change of structure).
// Profiles are outside data too: the parser's and the matcher's recursion is bounded by the
// limits below (a selector past them is an error naming it), and one select() remembers each
// element's position among its siblings and the outcome of each `~` scan, so that :nth-child()
// and `~` stay linear over 50,000 siblings.
#include "winnow/dom/selector.hpp"

#include <cstdint>
#include <map>
#include <utility>

#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::dom {

enum class AttributeOp : std::uint8_t { exists, equals, includes, dash, prefix, suffix, substring };

struct AttributeTest {
    std::string name;  // lower case
    AttributeOp op = AttributeOp::exists;
    std::string value;
    bool ignore_case = false;
};

// an+b, counted from 1.
struct NthTest {
    long a = 0;
    long b = 0;
    bool matches(long index) const {
        if (a == 0) return index == b;
        long diff = index - b;
        return diff % a == 0 && diff / a >= 0;
    }
};

enum class PseudoKind : std::uint8_t { first_child, last_child, only_child, nth_child, nth_last_child, negation };

struct Pseudo {
    PseudoKind kind = PseudoKind::first_child;
    NthTest nth;
    std::shared_ptr<const CompiledSelectorList> inner;  // :not()'s argument
};

struct Compound {
    std::string type;  // lower case; empty for `*` or no type
    std::vector<std::string> ids;
    std::vector<std::string> classes;
    std::vector<AttributeTest> attributes;
    std::vector<Pseudo> pseudos;
};

enum class Combinator : std::uint8_t { descendant, child, adjacent, sibling };

struct ComplexSelector {
    std::vector<Compound> compounds;      // left to right
    std::vector<Combinator> combinators;  // combinators[i] joins compounds[i] and compounds[i + 1]
};

struct CompiledSelectorList {
    std::vector<ComplexSelector> selectors;
};

namespace {

// :not() inside :not(): real selectors nest one or two; each level is a recursion of the parser
// and of the matcher.
constexpr int k_max_selector_nesting = 16;
// Compounds in one complex selector ("a > b c ~ d" has four); each is a recursion of the matcher.
constexpr std::size_t k_max_selector_compounds = 64;

// ---- parsing ---------------------------------------------------------------------------------

bool is_css_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_name_start(unsigned char c) { return ascii::is_alpha(static_cast<char>(c)) || c == '_' || c >= 0x80; }

bool is_name_char(unsigned char c) { return is_name_start(c) || ascii::is_digit(static_cast<char>(c)) || c == '-'; }

class Parser {
public:
    explicit Parser(std::string_view source) : m_s(source) {}

    Result<CompiledSelectorList> parse_all() {
        auto list = parse_list(/*nested=*/false);
        if (!list) return std::unexpected(list.error());
        if (m_pos < m_s.size()) return error("unexpected '" + std::string(1, m_s[m_pos]) + "'");
        return list;
    }

private:
    std::string_view m_s;
    std::size_t m_pos = 0;
    int m_nesting = 0;  // :not() levels open

    std::unexpected<Error> error(const std::string& message, std::size_t at) const {
        return std::unexpected(Error{ErrorKind::bad_input, "column " + std::to_string(at + 1) + ": " + message});
    }
    std::unexpected<Error> error(const std::string& message) const { return error(message, m_pos); }

    bool at_end() const { return m_pos >= m_s.size(); }
    char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_s.size() ? m_s[m_pos + ahead] : '\0'; }
    bool skip_spaces() {
        std::size_t start = m_pos;
        while (!at_end() && is_css_space(m_s[m_pos])) ++m_pos;
        return m_pos > start;
    }

    bool starts_identifier() const {
        std::size_t p = m_pos;
        if (p < m_s.size() && m_s[p] == '-') ++p;
        if (p >= m_s.size()) return false;
        if (m_s[p] == '-') return true;  // custom-property style "--x"
        if (m_s[p] == '\\') return p + 1 < m_s.size() && m_s[p + 1] != '\n';
        return is_name_start(static_cast<unsigned char>(m_s[p]));
    }

    // One escape after the backslash: up to six hex digits and an optional space, or one character.
    void read_escape(std::string& out) {
        ++m_pos;  // the backslash
        std::uint32_t cp = 0;
        int digits = 0;
        while (digits < 6 && !at_end() && ascii::hex_value(m_s[m_pos]) >= 0) {
            cp = cp * 16 + static_cast<std::uint32_t>(ascii::hex_value(m_s[m_pos]));
            ++digits;
            ++m_pos;
        }
        if (digits > 0) {
            utf8::append(out, cp == 0 ? 0xFFFD : cp);  // CSS Syntax: U+0000 becomes U+FFFD
            if (!at_end() && is_css_space(m_s[m_pos])) ++m_pos;
            return;
        }
        if (at_end()) {
            out += "\xEF\xBF\xBD";
            return;
        }
        out += m_s[m_pos++];
    }

    Result<std::string> parse_identifier(const char* what) {
        if (!starts_identifier()) return error("expected " + std::string(what));
        std::string out;
        while (!at_end()) {
            unsigned char c = static_cast<unsigned char>(m_s[m_pos]);
            if (c == '\\') {
                if (m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '\n') break;
                read_escape(out);
            } else if (is_name_char(c)) {
                out += static_cast<char>(c);
                ++m_pos;
            } else {
                break;
            }
        }
        return out;
    }

    Result<std::string> parse_string() {
        std::size_t start = m_pos;
        char quote = m_s[m_pos++];
        std::string out;
        while (!at_end() && m_s[m_pos] != quote) {
            if (m_s[m_pos] == '\n') return error("newline inside a string");
            if (m_s[m_pos] == '\\') {
                if (m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '\n') {
                    m_pos += 2;  // an escaped newline continues the string
                    continue;
                }
                read_escape(out);
                continue;
            }
            out += m_s[m_pos++];
        }
        if (at_end()) return error("unterminated string", start);
        ++m_pos;
        return out;
    }

    Result<CompiledSelectorList> parse_list(bool nested) {
        CompiledSelectorList list;
        while (true) {
            skip_spaces();
            auto complex = parse_complex();
            if (!complex) return std::unexpected(complex.error());
            list.selectors.push_back(std::move(*complex));
            skip_spaces();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (at_end() || (nested && peek() == ')')) return list;
            return error("unexpected '" + std::string(1, peek()) + "'");
        }
    }

    Result<ComplexSelector> parse_complex() {
        ComplexSelector complex;
        auto first = parse_compound();
        if (!first) return std::unexpected(first.error());
        complex.compounds.push_back(std::move(*first));
        while (true) {
            std::size_t before = m_pos;
            bool spaced = skip_spaces();
            char c = peek();
            Combinator combinator = Combinator::descendant;
            if (c == '>' || c == '+' || c == '~') {
                combinator = c == '>' ? Combinator::child : c == '+' ? Combinator::adjacent : Combinator::sibling;
                ++m_pos;
                skip_spaces();
                if (at_end() || peek() == ',' || peek() == ')')
                    return error("expected a selector after '" + std::string(1, c) + "'");
            } else if (!spaced || at_end() || c == ',' || c == ')') {
                m_pos = spaced ? m_pos : before;
                return complex;
            }
            if (complex.compounds.size() >= k_max_selector_compounds)
                return error("more than " + std::to_string(k_max_selector_compounds) + " compound selectors in a row");
            auto next = parse_compound();
            if (!next) return std::unexpected(next.error());
            complex.combinators.push_back(combinator);
            complex.compounds.push_back(std::move(*next));
        }
    }

    Result<Compound> parse_compound() {
        Compound compound;
        std::size_t start = m_pos;
        if (peek() == '*') {
            ++m_pos;
        } else if (starts_identifier()) {
            auto name = parse_identifier("a tag name");
            if (!name) return std::unexpected(name.error());
            compound.type = ascii::lower(*name);
        }
        if (peek() == '|') return error("namespaces are not supported");
        while (!at_end()) {
            char c = peek();
            if (c == '#') {
                ++m_pos;
                auto id = parse_identifier("an id after '#'");
                if (!id) return std::unexpected(id.error());
                compound.ids.push_back(std::move(*id));
            } else if (c == '.') {
                ++m_pos;
                auto cls = parse_identifier("a class name after '.'");
                if (!cls) return std::unexpected(cls.error());
                compound.classes.push_back(std::move(*cls));
            } else if (c == '[') {
                auto attribute = parse_attribute();
                if (!attribute) return std::unexpected(attribute.error());
                compound.attributes.push_back(std::move(*attribute));
            } else if (c == ':') {
                auto pseudo = parse_pseudo();
                if (!pseudo) return std::unexpected(pseudo.error());
                compound.pseudos.push_back(std::move(*pseudo));
            } else {
                break;
            }
        }
        if (m_pos == start) {
            if (at_end()) return error("expected a selector");
            return error("expected a selector, found '" + std::string(1, peek()) + "'");
        }
        return compound;
    }

    Result<AttributeTest> parse_attribute() {
        std::size_t open = m_pos;
        ++m_pos;  // '['
        skip_spaces();
        AttributeTest test;
        auto name = parse_identifier("an attribute name");
        if (!name) return std::unexpected(name.error());
        test.name = ascii::lower(*name);
        skip_spaces();
        if (peek() == '|' && peek(1) != '=') return error("namespaces are not supported");
        if (peek() == ']') {
            ++m_pos;
            return test;
        }
        char c = peek();
        if (c == '=') {
            test.op = AttributeOp::equals;
            ++m_pos;
        } else if ((c == '~' || c == '|' || c == '^' || c == '$' || c == '*') && peek(1) == '=') {
            test.op = c == '~' ? AttributeOp::includes
                    : c == '|' ? AttributeOp::dash
                    : c == '^' ? AttributeOp::prefix
                    : c == '$' ? AttributeOp::suffix
                               : AttributeOp::substring;
            m_pos += 2;
        } else if (at_end()) {
            return error("unclosed '[' ", open);
        } else {
            return error("expected an attribute operator or ']'");
        }
        skip_spaces();
        if (peek() == '"' || peek() == '\'') {
            auto value = parse_string();
            if (!value) return std::unexpected(value.error());
            test.value = std::move(*value);
        } else if (starts_identifier()) {
            auto value = parse_identifier("a value");
            if (!value) return std::unexpected(value.error());
            test.value = std::move(*value);
        } else {
            return error("expected an attribute value (an identifier or a quoted string)");
        }
        skip_spaces();
        if (peek() == 'i' || peek() == 'I' || peek() == 's' || peek() == 'S') {
            test.ignore_case = peek() == 'i' || peek() == 'I';
            ++m_pos;
            skip_spaces();
        }
        if (peek() != ']') {
            if (at_end()) return error("unclosed '['", open);
            return error("expected ']'");
        }
        ++m_pos;
        return test;
    }

    // The argument of :nth-child(): odd, even, or an+b with optional signs and spaces.
    Result<NthTest> parse_nth() {
        skip_spaces();
        std::size_t start = m_pos;
        std::size_t end = m_s.find(')', m_pos);
        if (end == std::string_view::npos) return error("unclosed '('");
        std::string text;
        for (std::size_t i = m_pos; i < end; ++i)
            if (!is_css_space(m_s[i])) text += ascii::lower(m_s[i]);
        auto bad = [&] { return error("expected an+b, 'odd' or 'even' in :nth-child()", start); };
        NthTest nth;
        if (text == "odd") {
            nth = {2, 1};
        } else if (text == "even") {
            nth = {2, 0};
        } else {
            // Spaces are allowed only around the sign of b ("2n + 1"), not inside a number.
            for (std::size_t i = m_pos + 1; i + 1 < end; ++i)
                if (is_css_space(m_s[i]) && ascii::is_digit(m_s[i - 1]) &&
                    ascii::is_digit(m_s[i + 1]))
                    return bad();
            std::size_t n = text.find('n');
            auto parse_int = [](std::string_view digits, long& out) {
                if (digits.empty() || digits.size() > 9) return false;
                for (char d : digits)
                    if (!ascii::is_digit(d)) return false;
                out = std::stol(std::string(digits));
                return true;
            };
            if (n == std::string::npos) {
                std::string_view t = text;
                long sign = 1;
                if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
                    sign = t[0] == '-' ? -1 : 1;
                    t.remove_prefix(1);
                }
                if (!parse_int(t, nth.b)) return bad();
                nth.b *= sign;
            } else {
                std::string_view a = std::string_view(text).substr(0, n);
                std::string_view b = std::string_view(text).substr(n + 1);
                if (a.empty() || a == "+") nth.a = 1;
                else if (a == "-") nth.a = -1;
                else {
                    long sign = 1;
                    if (a[0] == '+' || a[0] == '-') {
                        sign = a[0] == '-' ? -1 : 1;
                        a.remove_prefix(1);
                    }
                    if (!parse_int(a, nth.a)) return bad();
                    nth.a *= sign;
                }
                if (!b.empty()) {
                    if (b[0] != '+' && b[0] != '-') return bad();
                    long sign = b[0] == '-' ? -1 : 1;
                    if (!parse_int(b.substr(1), nth.b)) return bad();
                    nth.b *= sign;
                }
            }
        }
        m_pos = end;
        return nth;
    }

    Result<Pseudo> parse_pseudo() {
        std::size_t start = m_pos;
        ++m_pos;  // ':'
        if (peek() == ':') return error("pseudo-elements (::) never match an element", start);
        auto name_result = parse_identifier("a pseudo-class name after ':'");
        if (!name_result) return std::unexpected(name_result.error());
        std::string name = ascii::lower(*name_result);
        Pseudo pseudo;
        if (name == "first-child") pseudo.kind = PseudoKind::first_child;
        else if (name == "last-child") pseudo.kind = PseudoKind::last_child;
        else if (name == "only-child") pseudo.kind = PseudoKind::only_child;
        else if (name == "nth-child" || name == "nth-last-child" || name == "not") {
            if (peek() != '(') return error("expected '(' after :" + name);
            ++m_pos;
            if (name == "not") {
                pseudo.kind = PseudoKind::negation;
                if (m_nesting >= k_max_selector_nesting)
                    return error(":not() nested more than " + std::to_string(k_max_selector_nesting) + " deep", start);
                ++m_nesting;
                auto inner = parse_list(/*nested=*/true);
                --m_nesting;
                if (!inner) return std::unexpected(inner.error());
                pseudo.inner = std::make_shared<const CompiledSelectorList>(std::move(*inner));
            } else {
                pseudo.kind = name == "nth-child" ? PseudoKind::nth_child : PseudoKind::nth_last_child;
                auto nth = parse_nth();
                if (!nth) return std::unexpected(nth.error());
                pseudo.nth = *nth;
            }
            skip_spaces();
            if (peek() != ')') return error("expected ')'");
            ++m_pos;
        } else {
            return error("unsupported pseudo-class :" + name, start);
        }
        if (name != "not" && name != "nth-child" && name != "nth-last-child" && peek() == '(')
            return error(":" + name + " takes no argument");
        return pseudo;
    }
};

// ---- matching --------------------------------------------------------------------------------

bool equal(std::string_view a, std::string_view b, bool ignore_case) { return ignore_case ? ascii::iequals(a, b) : a == b; }

bool has_word(std::string_view list, std::string_view word, bool ignore_case) {
    if (word.empty()) return false;
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && is_css_space(list[i])) ++i;
        std::size_t start = i;
        while (i < list.size() && !is_css_space(list[i])) ++i;
        if (i > start && equal(list.substr(start, i - start), word, ignore_case)) return true;
    }
    return false;
}

bool attribute_matches(const Tree& tree, NodeId id, const AttributeTest& test) {
    if (!tree.has_attribute(id, test.name)) return false;
    std::string_view value = tree.attribute(id, test.name);
    const std::string& want = test.value;
    const bool ic = test.ignore_case;
    switch (test.op) {
        case AttributeOp::exists: return true;
        case AttributeOp::equals: return equal(value, want, ic);
        case AttributeOp::includes: return has_word(value, want, ic);
        case AttributeOp::dash:
            return equal(value, want, ic) ||
                   (value.size() > want.size() && value[want.size()] == '-' && equal(value.substr(0, want.size()), want, ic));
        case AttributeOp::prefix: return !want.empty() && value.size() >= want.size() && equal(value.substr(0, want.size()), want, ic);
        case AttributeOp::suffix:
            return !want.empty() && value.size() >= want.size() && equal(value.substr(value.size() - want.size()), want, ic);
        case AttributeOp::substring: {
            if (want.empty()) return false;
            if (!ic) return value.find(want) != std::string_view::npos;
            return ascii::lower(value).find(ascii::lower(want)) != std::string::npos;
        }
    }
    return false;
}

bool is_element(const Tree& tree, NodeId id) { return id != k_no_node && tree.node(id).type == NodeType::element; }

// The parent when it is an element; the document node is not an element for combinators.
NodeId parent_element(const Tree& tree, NodeId id) {
    NodeId p = tree.node(id).parent;
    return is_element(tree, p) ? p : k_no_node;
}

enum class MatchResult : std::uint8_t { matched, fails_locally, fails_completely };

// One matching pass over a tree (one select()), with what it learns kept for the next element.
class Matcher {
public:
    explicit Matcher(const Tree& tree) : m_tree(tree) {}

    bool list_matches(NodeId id, const CompiledSelectorList& list) {
        for (const auto& s : list.selectors)
            if (match_from(id, s, s.compounds.size() - 1) == MatchResult::matched) return true;
        return false;
    }

private:
    const Tree& m_tree;
    // 1-based position of each element among its parent's element children, counted from the
    // start; 0 until its parent's children are numbered.
    std::vector<std::uint32_t> m_position;
    std::vector<std::uint32_t> m_element_children;  // by parent, once numbered
    // The `~` scans: for (selector, compound index), the outcome of scanning the previous
    // siblings of each node for compounds[0..index-1]; k_unknown until computed.
    static constexpr std::uint8_t k_unknown = 0xFF;
    std::map<std::pair<const ComplexSelector*, std::size_t>, std::vector<std::uint8_t>> m_sibling_scans;

    long index_among_siblings(NodeId id, bool from_end) {
        const NodeId parent = m_tree.node(id).parent;
        if (parent == k_no_node) return 1;
        if (m_position.empty()) {
            m_position.assign(m_tree.size(), 0);
            m_element_children.assign(m_tree.size(), 0);
        }
        if (m_position[id] == 0) {
            std::uint32_t count = 0;
            for (NodeId c = m_tree.node(parent).first_child; c != k_no_node; c = m_tree.node(c).next_sibling)
                if (is_element(m_tree, c)) m_position[c] = ++count;
            m_element_children[parent] = count;
        }
        const long position = m_position[id];
        return from_end ? static_cast<long>(m_element_children[parent]) - position + 1 : position;
    }

    bool compound_matches(NodeId id, const Compound& c) {
        const Node& node = m_tree.node(id);
        if (node.type != NodeType::element) return false;
        if (!c.type.empty() && node.tag_name != c.type) return false;
        for (const auto& want : c.ids)
            if (m_tree.attribute(id, "id") != want) return false;
        if (!c.classes.empty()) {
            std::string_view classes = m_tree.attribute(id, "class");
            for (const auto& want : c.classes)
                if (!has_word(classes, want, false)) return false;
        }
        for (const auto& test : c.attributes)
            if (!attribute_matches(m_tree, id, test)) return false;
        for (const auto& pseudo : c.pseudos) {
            switch (pseudo.kind) {
                case PseudoKind::first_child:
                    if (m_tree.previous_element(id) != k_no_node) return false;
                    break;
                case PseudoKind::last_child:
                    if (m_tree.next_element(id) != k_no_node) return false;
                    break;
                case PseudoKind::only_child:
                    if (m_tree.previous_element(id) != k_no_node || m_tree.next_element(id) != k_no_node) return false;
                    break;
                case PseudoKind::nth_child:
                    if (!pseudo.nth.matches(index_among_siblings(id, false))) return false;
                    break;
                case PseudoKind::nth_last_child:
                    if (!pseudo.nth.matches(index_among_siblings(id, true))) return false;
                    break;
                case PseudoKind::negation:
                    if (list_matches(id, *pseudo.inner)) return false;
                    break;
            }
        }
        return true;
    }

    // The outcome of `~`: the first previous sibling of `id` on which compounds[0..index-1]
    // match or fail completely; fails_locally when none does. Remembered for every sibling it
    // walks past, so each sibling is tried once per (selector, index) however many follow it.
    MatchResult sibling_scan(NodeId id, const ComplexSelector& s, std::size_t index) {
        std::vector<std::uint8_t>& memo = m_sibling_scans[{&s, index}];
        if (memo.empty()) memo.assign(m_tree.size(), k_unknown);
        std::vector<NodeId> walked;  // nodes whose scan ends with the result found below
        MatchResult result = MatchResult::fails_locally;
        for (NodeId at = id;;) {
            if (memo[at] != k_unknown) {
                result = static_cast<MatchResult>(memo[at]);
                break;
            }
            walked.push_back(at);
            const NodeId prev = m_tree.previous_element(at);
            if (prev == k_no_node) break;
            const MatchResult r = match_from(prev, s, index - 1);
            if (r != MatchResult::fails_locally) {
                result = r;
                break;
            }
            at = prev;
        }
        for (NodeId node : walked) memo[node] = static_cast<std::uint8_t>(result);
        return result;
    }

    // Does compounds[0..index] match with compounds[index] on `id`? Right to left.
    MatchResult match_from(NodeId id, const ComplexSelector& s, std::size_t index) {
        if (!compound_matches(id, s.compounds[index])) return MatchResult::fails_locally;
        if (index == 0) return MatchResult::matched;
        switch (s.combinators[index - 1]) {
            case Combinator::descendant:
                for (NodeId a = parent_element(m_tree, id); a != k_no_node; a = parent_element(m_tree, a)) {
                    MatchResult r = match_from(a, s, index - 1);
                    if (r != MatchResult::fails_locally) return r;
                }
                // No ancestor fits: no ancestor's ancestor nor sibling will either.
                return MatchResult::fails_completely;
            case Combinator::child: {
                NodeId p = parent_element(m_tree, id);
                if (p == k_no_node) return MatchResult::fails_completely;
                return match_from(p, s, index - 1);
            }
            case Combinator::adjacent: {
                NodeId prev = m_tree.previous_element(id);
                if (prev == k_no_node) return MatchResult::fails_locally;
                return match_from(prev, s, index - 1);
            }
            case Combinator::sibling:
                return sibling_scan(id, s, index);
        }
        return MatchResult::fails_locally;
    }
};

}  // namespace

Result<SelectorList> SelectorList::parse(std::string_view source) {
    Parser parser(source);
    auto compiled = parser.parse_all();
    if (!compiled) return std::unexpected(compiled.error());
    SelectorList list;
    list.m_source = std::string(source);
    list.m_compiled = std::make_shared<const CompiledSelectorList>(std::move(*compiled));
    return list;
}

bool SelectorList::matches(const Tree& tree, NodeId element) const {
    if (!m_compiled || element >= tree.size()) return false;
    return Matcher(tree).list_matches(element, *m_compiled);
}

std::vector<NodeId> SelectorList::select(const Tree& tree, NodeId root) const {
    std::vector<NodeId> found;
    if (!m_compiled || root >= tree.size()) return found;
    Matcher matcher(tree);
    const NodeId end = tree.node(root).subtree_end;
    for (NodeId id = root; id < end; ++id) {
        if (tree.is_removed_here(id)) {
            id = tree.node(id).subtree_end - 1;
            continue;
        }
        if (tree.node(id).type == NodeType::element && matcher.list_matches(id, *m_compiled)) found.push_back(id);
    }
    return found;
}

}  // namespace winnow::dom
