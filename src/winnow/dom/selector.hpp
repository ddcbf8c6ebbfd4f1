// dom: CSS selectors matched on the parsed tree (no Debian package offers this for Gumbo):
// type, *, #id, .class, attribute selectors ([a], =, ~=, |=, ^=, $=, *=, with the i flag),
// the descendant, >, + and ~ combinators, :not(), :first-child, :last-child,
// :nth-child(an+b), and selector lists. A selector that does not parse is an error naming
// the position.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/util/result.hpp"

namespace winnow::dom {

struct CompiledSelectorList;  // the parsed form, private to selector.cpp

class SelectorList {
public:
    // Parses a selector list; the error message names the 1-based column of the problem.
    static Result<SelectorList> parse(std::string_view source);

    // True when the element matches any selector of the list.
    bool matches(const Tree& tree, NodeId element) const;

    // Every matching element in the subtree of `root` (root included), in document order,
    // skipping removed subtrees.
    std::vector<NodeId> select(const Tree& tree, NodeId root) const;

    const std::string& source() const { return m_source; }

private:
    std::string m_source;
    std::shared_ptr<const CompiledSelectorList> m_compiled;
};

}  // namespace winnow::dom
