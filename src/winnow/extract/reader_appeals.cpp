// extract: appeals to the reader (reader_appeals.hpp).
#include "winnow/extract/reader_appeals.hpp"

#include <boost/regex.hpp>

#include <algorithm>
#include <span>
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

// Disclosures of affiliate links and commissions, and of opinions that are not the
// publication's: each alternative names the publication or the page ("we", "I", "this post",
// "X may earn"), so that a sentence about affiliate marketing does not match.
const boost::regex& disclosure_regex() {
    static const boost::regex r(
        R"(\b(?:we|i|[\w.]+ may) (?:may )?(?:earn|receive|get) (?:an? )?(?:small )?(?:commission|compensation|fee)\b|)"
        R"(\bearns? (?:an? )?commissions? (?:from|on|for) (?:some|products|purchases|qualifying|listed)\b|)"
        R"(\b(?:this|the) (?:post|article|page|site|story|review|guide)\b.{0,40}\b(?:may )?contains? (?:paid |some )?affiliate links?\b|)"
        R"(\b(?:some|all) (?:of the )?(?:links|posts)(?: (?:above|below|on this (?:page|site)|in this (?:post|article)))? )"
        R"((?:are|may be|contain|may contain) affiliate links?\b|)"
        R"(\bwe (?:may )?use (?:some )?affiliate links\b|\badvertiser disclosure\b|\bindependent review process\b|)"
        R"(\b(?:independently )?selected by our editors\b|)"
        R"(\b(?:does not|do not|don't) necessarily (?:reflect|represent) the (?:views?|opinions?|position)\b|)"
        // German, French, Spanish
        R"(\baffiliate-links?\b|\beine provision (?:erhält|erhalten|bekommen)\b|\bgibt die meinung de[rs] [[:alpha:]]+ wieder\b|)"
        R"(\bnicht (?:notwendigerweise|unbedingt) die (?:meinung )?der redaktion\b|)"
        R"(\bliens? (?:d'affiliation|affili)|\benlaces? de afiliados?\b)",
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

// Every alternative of disclosure_regex() holds one of these.
constexpr std::string_view k_disclosure_stems[] = {
    "commission", "compensation", " fee", "affiliate", "advertiser disclosure", "independent review", "selected by our editors",
    "necessarily", "provision", "meinung", "liens", "lien ", "enlace",
};

// A short block searched, lower-cased, with `regex` once one of the `stems` (which every
// alternative of the regex holds) is found in it: most blocks hold none and skip the regex.
bool screened_search(const std::string& text, std::size_t max_chars, std::span<const std::string_view> stems,
                     const boost::regex& regex, std::string_view name, RegexGuard& regexes) {
    if (text.size() > max_chars) return false;
    const std::string lowered = decode::to_lower(text);
    if (std::none_of(stems.begin(), stems.end(), [&](std::string_view stem) { return lowered.find(stem) != std::string::npos; }))
        return false;
    return regexes.search(
        lowered, [&] { return boost::regex_search(lowered, regex); }, [&] { return std::string(name); });
}

}  // namespace

bool is_reader_appeal(const std::string& text, RegexGuard& regexes) {
    return screened_search(text, k_appeal_max_chars, k_appeal_stems, appeal_regex(), "heuristic appeal-end", regexes);
}

bool is_editorial_disclosure(const std::string& text, RegexGuard& regexes) {
    return screened_search(text, k_disclosure_max_chars, k_disclosure_stems, disclosure_regex(), "heuristic disclosure", regexes);
}

}  // namespace winnow::extract
