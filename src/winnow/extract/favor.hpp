// extract: what a user asks the extractor to favour (`--favor precision|balanced|recall`, as
// trafilatura's favor_precision / favor_recall): less boilerplate for a language model, nothing
// missed for an archive. Each mode is one row of named values (favor.cpp) that the arbiter and the
// rules read where balanced mode has a fixed threshold; no rule asks which mode it is in.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace winnow::extract {

enum class Favor : std::uint8_t { precision, balanced, recall };

// "precision", "balanced", "recall".
std::string_view favor_name(Favor favor);
// The mode named so, or none.
std::optional<Favor> favor_named(std::string_view name);
// The names, for messages and option checks: "precision, balanced, recall".
std::string_view favor_names();

// The values a mode sets: each trades precision for recall at one place of the extractor. The
// rows, each value with its reason, are in favor.cpp; README.md ("Favouring precision or
// recall") lists them and scripts/check-extract-readme checks the two agree.
struct FavorSettings {
    Favor favor = Favor::balanced;
    // block_filter.cpp
    float short_link_density = 0;        // heuristic link-density: a short block with more links goes
    bool prose_captions = false;         // heuristic caption: a caption that is a sentence stays
    float tail_cut_share = 0;            // heuristic boilerplate-tail: a boilerplate heading after this share cuts the rest
    float edge_short_words = 0;          // heuristic edge-trim: blocks this short without a sentence end are weak
    bool edge_keeps_signatures = false;  // ... except, at the end, a signature line or a link-free list
    // second_opinion.cpp
    bool prose_neighbours = false;       // the second opinion adds prose next to the container
    int max_skipped_blocks = 0;          // ... crossing at most this many other blocks on each side
    // arbitrate.cpp
    bool leads = false;                  // lead paragraphs before the container are added
    double small_result_share = 0;       // a result under this share of the page's text calls the relaxed pass
    double relaxed_gain = 0;             // ... which replaces it when this much longer
};

const FavorSettings& favor_settings(Favor favor);

}  // namespace winnow::extract
