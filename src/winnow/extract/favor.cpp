// extract: the three modes' values, one row each. Balanced is the extractor as measured by
// scripts/eval (its floors); precision and recall move each value the way trafilatura's
// favor_precision and favor_recall do: tighter link and edge limits and no text added from
// outside the container for precision, looser limits and earlier rescues for recall.
#include "winnow/extract/favor.hpp"

namespace winnow::extract {
namespace {

// Less boilerplate, for a reader or a language model: what is not clearly the article goes.
constexpr FavorSettings k_precision = {
    .favor = Favor::precision,
    .short_link_density = 0.5f,     // trafilatura's favor_precision: a short line half links is navigation
    .prose_captions = false,        // a caption goes unless 300+ characters of prose: the picture is not in the text
    .tail_cut_share = 0.3f,         // a boilerplate heading after the first third ends the article
    .edge_short_words = 15,         // longer labels at the edges (teaser titles, credits) go
    .edge_keeps_signatures = false,  // trailing name lines and link-free lists are trimmed like any short line
    .prose_neighbours = false,      // nothing is added from outside the chosen container...
    .max_skipped_blocks = 1,        // (unused: no prose neighbours)
    .leads = false,                 // ... nor before it
    .small_result_share = 0.2,
    .relaxed_gain = 2.0,            // the relaxed pass (boilerplate classes kept) must find twice as much
};

// Today's extractor, as scripts/eval's floors measure it.
constexpr FavorSettings k_balanced = {
    .favor = Favor::balanced,
    .short_link_density = 0.8f,     // a short line that is mostly links is navigation
    .prose_captions = true,         // a caption of 12+ words ending a sentence describes the article's picture
    .tail_cut_share = 0.6f,         // "Related articles" after 60% of the text starts the page's tail
    .edge_short_words = 10,         // a short line without a sentence end at an edge is a label
    .edge_keeps_signatures = true,  // "Jean Barker, Secretary" and a closing summary list end letters
    .prose_neighbours = true,       // leads and second text blocks the container missed come back
    .max_skipped_blocks = 1,        // across one heading or dateline
    .leads = true,                  // standfirsts sit before the container in its <article>
    .small_result_share = 0.2,      // a result of a fifth of the page's text may be a teaser
    .relaxed_gain = 1.5,            // the relaxed pass lets more boilerplate in: it must find much more
};

// Nothing missed, for an archive: what may be the article stays.
constexpr FavorSettings k_recall = {
    .favor = Favor::recall,
    .short_link_density = 0.95f,    // only a line of nothing but links is navigation (product, source lines stay)
    .prose_captions = true,
    .tail_cut_share = 1.0f,         // a boilerplate heading takes its own section, never the rest of the text
    .edge_short_words = 4,          // only very short lines are labels (opening quotes, sign-offs stay)
    .edge_keeps_signatures = true,
    .prose_neighbours = true,
    .max_skipped_blocks = 3,        // across a few headings, captions or datelines
    .leads = true,
    .small_result_share = 0.4,      // a result under two fifths of the page's text calls the relaxed pass...
    .relaxed_gain = 1.2,            // ... which wins when a fifth longer
};

}  // namespace

std::string_view favor_name(Favor favor) {
    switch (favor) {
        case Favor::precision: return "precision";
        case Favor::balanced: return "balanced";
        case Favor::recall: return "recall";
    }
    return "balanced";
}

std::optional<Favor> favor_named(std::string_view name) {
    for (Favor favor : {Favor::precision, Favor::balanced, Favor::recall})
        if (name == favor_name(favor)) return favor;
    return std::nullopt;
}

std::string_view favor_names() { return "precision, balanced, recall"; }

const FavorSettings& favor_settings(Favor favor) {
    switch (favor) {
        case Favor::precision: return k_precision;
        case Favor::recall: return k_recall;
        case Favor::balanced: break;
    }
    return k_balanced;
}

}  // namespace winnow::extract
