// extract: appeals to the reader at the article's end. A publication's template closes the
// article with a call to support it, subscribe to it or follow it on a social network ("Follow
// The Gleaner on Twitter and Instagram", "Unterstütze RosaMag bereits mit 2,50!", "Si te parece
// valioso el trabajo de El Faro, apóyanos", "Zapraszamy też do subskrypcji tygodnika"). The
// words are general and in several languages: a verb addressed to the reader together with
// its object ("support us", "unterstützen Sie unsere", "follow ... on Instagram"), never a
// page's own phrase. The block filter reads it only in the body's last part (block_filter.cpp).
#pragma once

#include <string>

#include "winnow/util/regex_guard.hpp"

namespace winnow::extract {

// An appeal is a short block: a longer one is a paragraph that ends with a call.
inline constexpr std::size_t k_appeal_max_chars = 300;

// True for a block of at most k_appeal_max_chars that asks the reader to support, subscribe to,
// donate to, join or follow the publication.
bool is_reader_appeal(const std::string& text, RegexGuard& regexes);

}  // namespace winnow::extract
