// extract: choosing the article's container. Three sources of candidates, in order of trust:
// the JSON-LD articleBody found in the DOM (the publisher's own statement of the text), explicit
// body markers (itemprop=articleBody, entry-content, article__body...), and Readability-style
// scoring of paragraph-like blocks propagated to their ancestors, with climbing and sibling
// merging. Split bodies (several sibling chunks sharing a body class) come back as several roots.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/page.hpp"

namespace winnow::extract {

struct ContainerChoice {
    std::vector<dom::NodeId> roots;  // in document order; never empty
    std::string method;              // "json-ld anchor", "body marker", "density"
};

ContainerChoice choose_container(const PageView& view);

// Readability-style scoring alone (used by the second opinion too): the best-scored container
// and the siblings merged with it.
ContainerChoice choose_by_density(const PageView& view);

}  // namespace winnow::extract
