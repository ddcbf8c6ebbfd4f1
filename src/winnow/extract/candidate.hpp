// extract: what the extractor's strategies propose, as data. A strategy looks at the page and
// returns a candidate: a container (before its blocks are read) or a result (blocks already
// filtered). `arbitrate()` (arbitrate.hpp) chooses among them; every candidate carries how it
// was made (`Method`), so the choice and the final `Article::method` need no glued strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/article.hpp"

namespace winnow::extract {

// The strategy a body comes from.
enum class Source : std::uint8_t {
    profile,              // the site profile's content selector
    json_ld_anchor,       // the element holding the DOM paragraphs the JSON-LD articleBody quotes
    body_marker,          // an explicit body marker (itemprop=articleBody, entry-content...)
    density,              // Readability-style density scoring
    json_ld_article_body, // the JSON-LD articleBody itself, as paragraphs
    whole_page,           // every block of the page, unfiltered
    description,          // the meta description
    justext,              // jusText-style classification of the whole cleaned page's blocks (experimental)
    listing,              // a listing page's main region, its teasers kept (page_kinds.hpp)
};

// How a body was made: its source and what was done to it on the way.
struct Method {
    Source source = Source::density;
    bool relaxed = false;     // found by the relaxed pass (class-based removals undone)
    bool sections = false;    // density: the winner's page-builder sections joined
    bool in_main = false;     // density: a small winner widened to the page's <main>
    bool main_over_footer = false;  // density: the winner in the page's footer gave way to <main>'s best
    bool in_article = false;  // a body marker widened to the <article> around it
    bool with_lead = false;   // lead paragraphs before the container added
    bool with_prose = false;  // the second opinion added prose next to the container

    // As Article::method and the JSON output write it: "relaxed density",
    // "body marker in article with lead + prose", "json-ld articleBody"...
    std::string name() const;
};

// A container a strategy proposes, before its blocks are read.
struct ContainerCandidate {
    Method method;
    std::vector<dom::NodeId> roots;      // in document order; never empty
    dom::NodeId focus = dom::k_no_node;  // the element the strategy found (the marker, the density winner)
    float chars = 0;                     // non-link characters of the focus (density: of all roots)
};

// A body: blocks already filtered, and their size.
struct Candidate {
    Method method;
    std::vector<Block> blocks;
    std::size_t chars = 0;  // code points of the blocks' text

    Candidate() = default;
    Candidate(Method method_, std::vector<Block> blocks_);
    bool empty() const { return blocks.empty(); }
};

// The number of characters (code points) of the blocks' text.
std::size_t blocks_chars(const std::vector<Block>& blocks);

}  // namespace winnow::extract
