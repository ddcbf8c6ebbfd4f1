// extract: the page's own furniture inside the body. The metadata stage already knows the
// page's publication date and its authors (metadata/statements.hpp); a short line of the body
// that carries that date ("Veröffentlichung: 2. Februar 2022", "Verfasst von: Eva | 31.
// Dezember 2008", "2021-10-16 | Botschaft") or is the author's name with a few words around it
// ("Von Eva Muster", "Text: Eva Muster") is the byline or dateline the template printed, in any
// language, with no phrase list. Edge trimming (block_filter.cpp) reads it as boilerplate at the
// body's start and end, and only there: in the middle of an article such a line is the author's.
#pragma once

#include <string>
#include <vector>

#include "winnow/extract/text_measure.hpp"
#include "winnow/metadata/dates.hpp"
#include "winnow/metadata/page_kind.hpp"
#include "winnow/metadata/statements.hpp"

namespace winnow::extract {

// A byline has at most this many words, a dateline at most this many words with a letter (numbers
// are not words: "Mittwoch, 2. Februar 2022, 09:38 Uhr" has 3): a longer line mentioning the
// date is a sentence ("Am 5. November 2021 wird sie 100 Jahre alt.").
inline constexpr float k_furniture_line_words = 12, k_dateline_words = 6;
// A byline is the author's name and at most this many other words ("Verfasst von:", "| Redaktion").
inline constexpr float k_byline_extra_words = 4;

// What the page says about itself that its template also prints in the body.
struct PageFurniture {
    std::vector<metadata::Date> dates;   // published and modified, as the statements give them
    std::vector<std::string> authors;    // person names
    metadata::DayOrder day_order = metadata::DayOrder::month_first;
};

// Nothing when `kind`, the page's kind by its statements (Page::statement_kind), is a forum
// thread or a listing.
PageFurniture page_furniture(const metadata::Statements& statements, metadata::PageKind kind);

// True for a short line that carries the page's publication (or modification) date, or that is
// one of its authors' names with at most k_byline_extra_words other words.
bool is_furniture_line(const std::string& text, const TextCounts& counts, const PageFurniture& furniture);

}  // namespace winnow::extract
