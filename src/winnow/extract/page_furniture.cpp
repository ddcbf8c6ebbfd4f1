// extract: the page's own byline and dateline found in the body (page_furniture.hpp).
#include "winnow/extract/page_furniture.hpp"

#include "winnow/metadata/authors.hpp"
#include "winnow/metadata/page_kind.hpp"

namespace winnow::extract {
namespace {

// Words of a name as measure_text counts them (tokens with a letter).
float name_words(const std::string& name) {
    static const StopwordList k_none;
    return measure_text(name, k_none).words;
}

// The name stands in the text as whole words: not "Ann" inside "Annual".
bool contains_name(const std::string& text, const std::string& name) {
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1))
        if (metadata::stands_whole(text, at, name.size())) return true;
    return false;
}

}  // namespace

PageFurniture page_furniture(const metadata::Statements& statements, metadata::PageKind kind) {
    PageFurniture furniture;
    // A thread or a listing is several posts or teasers, each with its own byline and date: they
    // belong to the page's text (the page's date is often the first post's or teaser's).
    if (kind == metadata::PageKind::forum || kind == metadata::PageKind::listing) return furniture;
    furniture.day_order = metadata::day_order_for(statements.language);
    for (const metadata::Sourced* date : {&statements.date, &statements.date_modified})
        if (!date->empty())
            if (auto parsed = metadata::find_date(date->value)) furniture.dates.push_back(*parsed);
    for (const std::string& name : statements.authors)
        if (name.size() >= 3) furniture.authors.push_back(name);
    return furniture;
}

bool is_furniture_line(const std::string& text, const TextCounts& counts, const PageFurniture& furniture) {
    if (counts.words > k_furniture_line_words || (furniture.dates.empty() && furniture.authors.empty())) return false;
    if (!furniture.dates.empty() && counts.words <= k_dateline_words)
        if (auto date = metadata::find_date(text, furniture.day_order))
            for (const metadata::Date& page_date : furniture.dates)
                if (date->same_day_either_order(page_date)) return true;
    for (const std::string& name : furniture.authors)
        if (counts.words <= name_words(name) + k_byline_extra_words && contains_name(text, name)) return true;
    return false;
}

}  // namespace winnow::extract
