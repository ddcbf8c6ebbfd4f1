// dom: the words of an element's class and id values, for stages that match vocabulary against
// them (extract's node flags, metadata's bylines and page kind). Values are split into lower-case
// tokens (on spaces, '-', '_', '.', ':' and camelCase) and matched as whole tokens, never raw
// substrings: "bar" must not match "sidebar", "nav" not "canvas", "ad" not "header".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "winnow/dom/tree.hpp"

namespace winnow::dom {

// The tokens of a class or id value: "articleBody post-content_x" -> article body post content x.
std::vector<std::string> class_id_tokens(std::string_view value);

// The tokens of an element's class and id values together (none when it has neither).
std::vector<std::string> element_class_id_tokens(const Tree& tree, NodeId id);

// A class name with '-' and '_' removed, lower case: "Article__Body" -> "articlebody".
std::string squeezed_class_name(std::string_view name);

}  // namespace winnow::dom
