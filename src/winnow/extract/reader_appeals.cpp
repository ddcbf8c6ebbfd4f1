// extract: appeals to the reader (reader_appeals.hpp).
#include "winnow/extract/reader_appeals.hpp"

#include <boost/regex.hpp>

#include <string_view>

#include "winnow/decode/text.hpp"

namespace winnow::extract {
namespace {

// Matched against lower-cased text. Each alternative is a call with its object, so that a
// sentence reporting that someone "supports" or "donates" does not match.
const boost::regex& appeal_regex() {
    static const boost::regex r(
        // English
        R"(\bsupport (?:us|our (?:work|journalism|mission|newsroom))\b|\bhelp us (?:continue|keep|grow)\b|)"
        R"(\bbecome an? (?:member|subscriber|patron|supporter)\b|\bdonate (?:now|today)\b|)"
        // German
        R"(\bunterstütze (?:uns|unser|unsere|[[:alpha:]]+ (?:bereits|schon|mit|jetzt))\b|\bunterstützen sie (?:uns|unser|unsere)\b|)"
        R"(\bjetzt spenden\b|\bwerde (?:jetzt )?(?:mitglied|abonnent|unterstützer)|)"
        // Spanish, Portuguese, French, Italian, Polish
        R"(\bapóyanos\b|\bapoya (?:el|nuestro) periodismo\b|\bhazte (?:socio|miembro|suscriptor)\b|\bsuscríbete\b|(?:^|[\s¡])únete a nuestra\b|)"
        R"(\bapoie (?:o|nosso)\b|\bsoutenez(?:-nous)?\b|\bfaites un don\b|\babonnez-vous\b|\bsostienici\b|\babbonati\b|)"
        R"(\bwesprzyj\b|\bzapraszamy (?:też |także )?do (?:subskrypcji|prenumeraty)\b|)"
        // follow the publication (or the author) on a network
        R"((?:\bfollow\b|\bfolgen sie\b|\bfolge\b|\bsíguenos\b|\bsuivez\b|\bseguici\b|\bobserwuj\b).{0,60})"
        R"(\b(?:twitter|facebook|instagram|youtube|tiktok|telegram|whatsapp|linkedin|threads|bluesky|mastodon)\b)",
        boost::regex::perl);
    return r;
}

// Every alternative of appeal_regex() holds one of these: a block holding none is no appeal,
// found without running the regex (most blocks).
constexpr std::string_view k_appeal_stems[] = {
    "support", "help us", "become a", "donate", "unterstütze", "spenden", "werde ", "apóyanos", "apoya ", "hazte ",
    "suscríbete", "únete", "apoie", "soutenez", "faites un don", "abonnez", "sostienici", "abbonati", "wesprzyj",
    "zapraszamy", "follow", "folg", "síguenos", "suivez", "seguici", "obserwuj",
};

}  // namespace

bool is_reader_appeal(const std::string& text, RegexGuard& regexes) {
    if (text.size() > k_appeal_max_chars) return false;
    const std::string lowered = decode::to_lower(text);
    bool stem = false;
    for (std::string_view word : k_appeal_stems) stem = stem || lowered.find(word) != std::string::npos;
    if (!stem) return false;
    return regexes.search(
        lowered, [&] { return boost::regex_search(lowered, appeal_regex()); }, [] { return std::string("heuristic appeal-end"); });
}

}  // namespace winnow::extract
