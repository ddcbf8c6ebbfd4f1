// extract: the publication speaking to the reader around the article: appeals and disclosures.
//
// Appeals to the reader at the article's end. A publication's template closes the
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

// A disclosure is at most this long: "This post may contain affiliate links. Read more in our
// disclosure policy." A longer block is a paragraph about the subject.
inline constexpr std::size_t k_disclosure_max_chars = 400;

// True for a block of at most k_disclosure_max_chars in which the publication discloses how it
// earns from its links or that the text is not its own opinion: "We may earn a commission",
// "This post contains affiliate links", "Links, von denen wir eine Provision erhalten", "gibt die
// Meinung des Autors wieder", "does not necessarily reflect the views of". The block filter reads
// it at the body's edges only: an article about affiliate marketing uses the same words inside.
bool is_editorial_disclosure(const std::string& text, RegexGuard& regexes);

}  // namespace winnow::extract
