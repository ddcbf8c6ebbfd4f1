// extract: the boilerplate line and heading patterns (block_patterns.hpp).
#include "winnow/extract/block_patterns.hpp"

#include <boost/regex.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <string_view>
#include <vector>

#include "winnow/decode/text.hpp"
#include "winnow/metadata/authors.hpp"
#include "winnow/util/ascii.hpp"

namespace winnow::extract {
namespace {

// Perl regexes, compiled once (immutable after first use), matched against lower-cased text
// (Boost's icase folds ASCII only: "Ähnliche" must meet "ähnliche").
const boost::regex& share_line_regex() {
    static const boost::regex r(
        R"(^(?:(?:teilen sie dies mit|teilen mit|share this:|diesen (?:artikel|beitrag) teilen|artikel teilen|beitrag teilen|jetzt teilen|seite teilen|share on|partager sur|compartir en)\s*:?\s*)?)"
        R"((?:(?:share|share this|share on|teilen|drucken|print|e-?mail|mail|facebook|twitter|x|whatsapp|pinterest|linkedin|telegram|xing|reddit|flipboard|tumblr|messenger|pocket|copy link|link kopieren|link copied|tweet|imprimer|partager|compartir|imprimir|condividi|stampa|udostępnij|drukuj|vk|ok|threads|bluesky|mastodon|sms)[\s|,/•·:\-]*)+$)",
        boost::regex::perl);
    return r;
}

// Phrases that mark a short line as boilerplate wherever they stand in it (calls to action,
// credits, comment prompts, licence lines). Plain substrings: found without a regex.
constexpr std::string_view k_boilerplate_phrases[] = {
    "join us", "join our", "follow us", "follow our", "subscribe", "sign up", "stay up to date", "stay informed",
    "stay tuned", "newsletter", "abonnieren", "folgen sie uns", "folge uns", "melden sie sich", "jetzt anmelden",
    "suivez-nous", "abonnez-vous", "síguenos", "suscríbete", "iscriviti", "seguici",
    "getty images", "gettyimages", "shutterstock", "imago", "istock", "picture alliance", "picture-alliance", "©",
    "copyright", "alle rechte", "all rights reserved", "leave a reply", "leave a comment", "comments are closed",
    "schreibe einen kommentar", "kommentar schreiben", "kommentare anzeigen", "kommentar anzeigen", "no comments",
    "keine kommentare", "to post a comment", "um einen kommentar", "um kommentare", "share this article", "share this post", "share this story", "cc-by", "cc by",
    "creative commons", "unter der lizenz", "prawem autorskim", "wszelkie prawa zastrzeżone",
    "todos los derechos reservados", "tous droits réservés",
};

// k_boilerplate_phrases as a line is searched for them: in one pass over the line rather than one
// per phrase. `pairs` holds each phrase's first two bytes (every phrase has two: "©" is two in
// UTF-8), so most positions are passed over after one bit is read; at the others the phrases
// that start with the position's byte are compared.
struct PhraseTable {
    std::bitset<65536> pairs;
    std::array<std::vector<std::string_view>, 256> by_first_byte;

    static std::size_t pair(char first, char second) {
        return static_cast<std::size_t>(static_cast<unsigned char>(first)) << 8 | static_cast<unsigned char>(second);
    }
};

const PhraseTable& boilerplate_phrase_table() {
    static const PhraseTable table = [] {
        PhraseTable t;
        for (std::string_view phrase : k_boilerplate_phrases) {
            t.pairs.set(PhraseTable::pair(phrase[0], phrase[1]));
            t.by_first_byte[static_cast<unsigned char>(phrase[0])].push_back(phrase);
        }
        return t;
    }();
    return table;
}

static_assert(std::ranges::all_of(k_boilerplate_phrases, [](std::string_view phrase) { return phrase.size() >= 2; }),
              "boilerplate_phrase_table reads each phrase's first two bytes");

// True when one of k_boilerplate_phrases occurs in the (lowered) line, byte for byte.
bool holds_boilerplate_phrase(std::string_view lowered) {
    const PhraseTable& table = boilerplate_phrase_table();
    for (std::size_t i = 0; i + 1 < lowered.size(); ++i) {
        if (!table.pairs.test(PhraseTable::pair(lowered[i], lowered[i + 1]))) continue;
        for (std::string_view phrase : table.by_first_byte[static_cast<unsigned char>(lowered[i])])
            if (lowered.substr(i).starts_with(phrase)) return true;
    }
    return false;
}

// Lines that start like boilerplate (anchored, so the regex fails fast on other lines).
const boost::regex& boilerplate_line_regex() {
    // credits: a picture credit's label (the metadata's list, metadata/authors.hpp) and its mark
    static const std::string credits = [] {
        std::string alternatives;
        for (std::string_view word : metadata::k_picture_credit_words)
            alternatives.append(alternatives.empty() ? "" : "|").append(word);
        return "(?:" + alternatives + R"()\s*(?::|©|by\b)|)";
    }();
    static const boost::regex r(
        R"(^(?:)" + credits +
        R"(\(c\) ?\d{4}|)"
        // datelines and updates
        R"((?:published|updated|posted|last updated|veröffentlicht|aktualisiert|erstellt|stand:|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opublikowano)\b|)"
        // comment counters
        R"(\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti)$|)"
        // ad labels, read-more links, tags, navigation words
        R"((?:advertisement|anzeige|werbung|publicidad|publicité|pubblicità|reklama|sponsored|gesponsert|loading|wird geladen)\b|)"
        R"((?:read more|read also|also read|read next|more:|see also|related:|weiterlesen|mehr lesen|mehr dazu|lesen sie auch|lesen sie mehr|siehe auch|)"
        R"(lire la suite|lire aussi|à lire aussi|voir aussi|leer más|lea (?:también|más)|vea también|lea:|leia (?:também|mais)|leggi anche|czytaj (?:też|także|więcej)|читайте также)|)"
        R"((?:tags?|schlagwörter|stichwörter|themen|kategorien?|categories|category|filed under|posted in|mots-clés|etiquetas)\s*:|)"
        R"((?:back to top|nach oben|zurück zur übersicht|zurück|previous article|next article|vorheriger artikel|nächster artikel|)"
        R"(previous post|next post|older posts|newer posts|click here|hier klicken|klicken sie hier)\b|)"
        // a date alone on its line
        R"(\W*(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}-\d{2}-\d{2})(?:\W+\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\W*$|)"
        R"(\W*\d{1,2}\.?\s+\w+\.?\s+\d{4}(?:\W+\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\W*$|\W*\w+\.?\s+\d{1,2},?\s+\d{4}\W*$|)"
        // feedback prompts, image-viewer labels
        R"((?:fanden sie|war|finden sie) (?:diesen|dieser|der|den) (?:artikel|beitrag|text)\b|was this (?:article|page|post) (?:helpful|useful)|)"
        R"((?:vergrößern|enlarge|zoom|screenshot)\b|)"
        // reading time
        R"(\d+\s*(?:min\.?|minutes?|minuten)\s*(?:read|lesezeit|lesedauer|de lecture)?$|(?:lesezeit|lesedauer|reading time)\b))",
        boost::regex::perl);
    return r;
}

// "By Firstname Lastname": a capital after the word, so matched on the text as written (the
// word's first letter in either case). The prepositions are the metadata's byline prepositions
// (metadata/authors.hpp), one list for both. The labels are this pattern's own, fewer than the
// metadata's: lines that open with "Autorin:", "Authors:" or "Written by:" are bylines to the
// metadata but no boilerplate here (taking the metadata's labels changes 4 dev pages' text and 2
// more pages' --explain).
const boost::regex& byline_regex() {
    static const boost::regex r = [] {
        std::string pattern = "^(?:";
        for (std::string_view word : metadata::k_byline_prepositions) {  // "by" -> "[Bb]y|"
            pattern += '[';
            pattern += ascii::upper(word.front());
            pattern += word.front();
            pattern += ']';
            pattern += word.substr(1);
            pattern += '|';
        }
        pattern += R"([Aa]utor:?|[Aa]uthor:?|[Tt]ext:|[Ww]ritten by|[Gg]eschrieben von|[Rr]edaktion:?)\s+[A-Z\x80-\xff])";
        return boost::regex(pattern, boost::regex::perl);
    }();
    return r;
}

const boost::regex& boilerplate_heading_regex() {
    static const boost::regex r(
        R"(^\W*(?:ähnliche (?:beiträge|artikel|themen)|sie könnten auch .{0,40}interessiert sein|schon gelesen|)"
        R"(war (?:der|dieser) (?:artikel|beitrag|text) (?:hilfreich|nützlich|interessant)|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|)"
        R"(zobacz (?:też|także|również)|zum weiterlesen|weiterlesen|mehr zu\b.{0,40}|weitere beiträge.{0,40}|kommentar hinzufügen|)"
        R"(veja também|le puede interesar|vea también|lust auf mehr|more from\b.{0,40}|hinterlasse (?:jetzt )?einen kommentar|)"
        R"(kommentare? (?:schreiben|verfassen)|derzeit (?:noch )?keine kommentare|noch keine kommentare|entdecke weitere.{0,40}|)"
        R"(quellenangaben|weitere (?:tourentipps|tipps|rezepte|informationen zum thema)|)"
        R"(you may also be interested in|don't miss|nicht verpassen|empfehlungen|unsere empfehlung|anzeige|werbung|)"
        R"(gefällt mir wird geladen|like this|like loading|related reading|keep reading|continue reading|)"
        R"(mehr zum thema|mehr (?:aus|zu|von)\b|das könnte (?:sie|dich) auch interessieren|)"
        R"(inhaltsverzeichnis|table of contents|nützliche links|weiterführende links|useful links|weitere informationen|)"
        R"(fanden sie diesen artikel nützlich|war dieser artikel hilfreich|inne artykuły(?: autora)?|)"
        R"(schreibe einen kommentar|kommentar verfassen|kommentare?|kontakt|impressum|auch interessant|verwandte (?:artikel|beiträge|themen)|)"
        R"(zurück zur übersicht|neueste (?:beiträge|artikel)|neuste beiträge|folgen sie uns|folge uns|newsletter|nach oben|datenschutz|)"
        R"(teilen sie dies mit|teilen mit|diesen (?:artikel|beitrag) teilen|meist gelesen|meistgelesen|top-?themen|weitere (?:aktuelle )?(?:artikel|beiträge|themen|nachrichten|news|meldungen)\b.{0,40}|)"
        R"(lesen sie auch|über den autor|über die autorin|zum autor|)"
        R"(leave a (?:reply|comment)|comments?|related(?: posts| articles| stories| news| content| topics)?|you (?:may|might) also (?:like|enjoy)|)"
        R"(more (?:from|on|stories|articles|news)\b|recommended(?: for you)?|most (?:read|popular|viewed)|popular(?: posts| articles)?|trending|)"
        R"(recent (?:posts|articles|comments)|latest (?:news|posts|articles)|share(?: this)?(?: article| post| story)?|about the author|)"
        R"(follow us|subscribe|sign up|tags|categories|archives|read (?:more|next|also)|see also|further reading|)"
        R"(temas relacionados|artículos relacionados|noticias relacionadas|te puede interesar|más noticias|)"
        R"(articles similaires|à lire aussi|sur le même sujet|dans la même rubrique|lire aussi|)"
        R"(leggi anche|articoli correlati|potrebbe interessarti|podobne artykuły|czytaj (?:też|także)|)"
        R"(похожие (?:статьи|новости)|читайте также)\W*$)",
        boost::regex::perl);
    return r;
}

// A teaser's link to the rest of its story, alone on its line ("READ THE REST", "Weiterlesen »").
const boost::regex& read_more_link_regex() {
    static const boost::regex r(
        R"(^\W*(?:read (?:more|the rest|the full (?:story|article))|continue reading|keep reading|weiterlesen|mehr lesen|)"
        R"(lire la suite|leer más|seguir leyendo|leia mais|continua a leggere|leggi (?:tutto|di più)|czytaj (?:dalej|więcej)|)"
        R"(читать далее)\W*$)",
        boost::regex::perl);
    return r;
}

// A built-in pattern's search through the page's guard (util/regex_guard.hpp), under the name
// its removals carry.
bool search(const boost::regex& regex, const std::string& text, RegexGuard& regexes, std::string_view name) {
    return regexes.search(text, [&] { return boost::regex_search(text, regex); }, [&] { return std::string(name); });
}

}  // namespace

bool is_share_line(const std::string& text, RegexGuard& regexes) {
    return text.size() <= k_share_line_max_chars &&
           search(share_line_regex(), decode::to_lower(text), regexes, "heuristic share-line");
}

bool is_boilerplate_line(const std::string& text, RegexGuard& regexes) {
    if (text.size() > k_pattern_max_chars) return false;
    if (search(byline_regex(), text, regexes, "heuristic byline")) return true;
    const std::string lowered = decode::to_lower(text);
    if (holds_boilerplate_phrase(lowered)) return true;
    return search(boilerplate_line_regex(), lowered, regexes, "heuristic boilerplate-line");
}

bool is_read_more_line(const std::string& text, RegexGuard& regexes) {
    return text.size() <= k_read_more_max_chars &&
           search(read_more_link_regex(), decode::to_lower(text), regexes, "heuristic teaser");
}

bool is_boilerplate_heading(const std::string& text, RegexGuard& regexes) {
    return text.size() <= k_pattern_max_chars &&
           search(boilerplate_heading_regex(), decode::to_lower(text), regexes, "heuristic boilerplate-heading");
}

}  // namespace winnow::extract
