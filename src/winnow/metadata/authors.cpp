// metadata: cleaning author statements into person names.
#include "winnow/metadata/authors.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "winnow/decode/text.hpp"
#include "winnow/metadata/values.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata {
namespace {

// A login mixes letters and digits, at least this many of each ("jsmith42" is a login, "Louis XIV" no digit).
constexpr std::size_t k_min_login_digits = 2;

// Words that open a byline besides the prepositions, longest first (lower case; a ':' may follow).
constexpr std::string_view k_byline_labels[] = {
    "written and reviewed by", "written by", "posted by", "words by", "story by", "text by", "reported by",
    "authored by", "article by", "created by", "geschrieben von", "écrit par", "escrito por", "scritto da",
    "geschreven door", "skrevet av", "skrevet af", "napisane przez",
    // a post's "published by" in the usual languages (blog engines and CMSs print it before the name)
    "published by", "submitted by", "veröffentlicht von", "verfasst von", "eingestellt von", "gespeichert von",
    "publié par", "posté par", "rédigé par", "publicado por", "pubblicato da", "gepubliceerd door",
    "geplaatst door", "opublikowane przez", "dodane przez",
    "autorinnen", "autorin", "autoren",
    "authors", "author", "auteurs", "auteur", "autores", "autore", "autori", "autor", "авторы", "автор",
    // a magazine's credits, only with their colon ("Text: Jane Roe", "Interview: John Doe")
    "text:", "interview:",
};
// Every byline word: the labels, then the prepositions (authors.hpp).
constexpr auto k_byline_words = [] {
    std::array<std::string_view, std::size(k_byline_labels) + std::size(k_byline_prepositions)> words{};
    std::ranges::copy(k_byline_prepositions, std::ranges::copy(k_byline_labels, words.begin()).out);
    return words;
}();
// Words that join co-authors (besides , ; | and /).
constexpr std::string_view k_name_joiners[] = {"and", "&", "und", "et", "y", "e", "en", "og", "och", "i", "és", "ve", "и", "та", "a"};
// Words that open a parenthesis of co-authors after the first name ("Martin Untersinger (avec
// Damien Leloup et Morgane Tual)", "Jane Roe (with John Doe)").
constexpr std::string_view k_with_words[] = {"with", "avec", "mit", "con", "com", "met", "med", "z", "ze", "с"};
// Words of a role or title that follows or precedes a name ("Senior Editor", "Staff Writer").
constexpr std::string_view k_role_words[] = {
    "editor", "editors", "reporter", "reporters", "writer", "writers", "correspondent", "correspondents",
    "contributor", "contributors", "columnist", "journalist", "photographer", "photographers", "producer",
    "analyst", "staff", "senior", "associate", "managing", "chief", "freelance", "guest", "contributing",
    "content", "marketing", "manager", "director", "founder", "co-founder", "ceo", "cto", "head", "lead",
    "specialist", "consultant", "expert", "dietitian", "nutritionist", "registered", "certified", "news",
    "sports", "digital", "team", "desk", "editorial", "intern", "fellow", "reviewer", "medically", "reviewed",
    "fact", "checked", "checker", "research", "researcher", "scientist", "professor", "assistant", "deputy",
    "executive", "general", "social", "media", "strategist", "author", "blogger", "host", "the", "of", "and",
    "architect", "engineer", "developer", "designer", "officer", "president", "vp", "partner", "owner",
    "at", "for", "in", "on", "redakteur", "redakteurin", "redaktion", "korrespondent", "journaliste",
    "rédacteur", "rédactrice", "redactor", "redactora", "periodista",
};
// Labels that stand where a name should be but name nobody.
constexpr std::string_view k_not_names[] = {
    "admin", "administrator", "share", "menu", "home", "search", "login", "log in", "sign in", "subscribe",
    "follow", "more", "read more", "comments", "comment", "guest", "anonymous", "unknown", "undefined", "null",
    "none", "n/a", "staff", "editor", "editors", "webmaster", "team", "author", "authors", "by", "redaktion",
    "redacción", "rédaction", "redazione", "editorial", "newsroom", "contributor", "contributors", "user",
    "root", "wordpress", "wp", "default", "guest author", "guest post", "sponsored", "advertisement",
    // an interface's buttons and form states, caught by a byline rule
    "register", "review", "reviews", "write a review", "pull request", "follow author", "loading", "sending",
    "submitting", "enrolling", "sign up", "write",
    // a post's labels and links caught alone ("Posted", "Updated", "Registrieren", "vom" of "vom 3. Mai",
    // "Stand" of "Stand: 3. Mai", a credit's "Text")
    "posted", "post", "updated", "published", "publisher", "contact", "kontakt", "kontaktieren", "registrieren",
    "beitrag", "vom", "stand", "text", "interview",
    // a CMS's placeholders for an author not set: Joomla's default account, a theme's empty byline
    "super user", "superuser", "no author", "no name", "kein autor", "sin autor", "sans auteur",
    // "anonymous" in other languages
    "anonym", "anonyme", "anonimo", "anónimo", "anônimo", "anonimowy", "anoniem",
};
// A company's legal form as the last word of a name: a publisher or the agency that built the
// site ("wegewerk GmbH"), not a person.
constexpr std::string_view k_legal_forms[] = {"gmbh", "inc", "inc.", "llc", "ltd", "ltd.", "ag", "plc", "corp", "corp.", "s.a.", "s.l.", "sarl", "bv", "b.v.",
                                              // a registered association or charity, and the usual European forms
                                              "e.v.", "ggmbh", "kg", "ohg", "gbr", "s.p.a.", "s.r.l.", "srl", "n.v.", "llp", "ltda", "sàrl"};
// Words of organisations' names, not people's.
constexpr std::string_view k_organisation_words[] = {
    "inc", "llc", "ltd", "gmbh", "ag", "sa", "plc", "corp", "co", "company", "group", "news", "media", "magazine",
    "journal", "times", "post", "daily", "weekly", "press", "team", "staff", "editorial", "foundation", "institute",
    "university", "college", "school", "academy", "network", "solutions", "services", "service", "blog", "online",
    "tv", "radio", "channel", "clinic", "hospital", "health", "center", "centre", "society", "association",
    "agency", "studio", "studios", "lab", "labs", "store", "shop", "systems", "software", "technologies",
    "technology", "digital", "marketing", "consulting", "partners", "capital", "bank", "insurance", "security",
    "travel", "world", "global", "international", "official", "today", "review", "guide", "hub", "the", "of",
    "and", "for", "by", "desk", "report", "insider", "wire", "herald", "tribune", "gazette", "courier",
    // the same in the other languages of the corpora (an office, a publisher, a party, a newspaper)
    "amt", "verlag", "verband", "verein", "zeitung", "partei", "stiftung", "institut", "ministerium",
    "universität", "hochschule", "redaktion", "gruppe", "presse", "diario", "periódico", "revista", "grupo",
    "fundación", "instituto", "ministerio", "universidad", "agencia", "société", "groupe", "fondation",
    "université", "ministère", "agence", "giornale", "agenzia", "fondazione", "università", "krant", "stichting",
};

// Words that make a name an editorial desk rather than a person, wherever they stand in it, its
// words split at spaces, '-' and '_' ("Teufel Editorial Team", "Nature Editorial", "TVT-Redaktion",
// "KB_Redaktion", "Redacción EC", "revamp-it Webteam"): no person is named so. Lower case. A team
// or a desk named in English ("Camphouse Team", "TOI Lifestyle Desk", "The Texas Newsroom") is
// left alone: the labels take it for the byline it is.
constexpr std::string_view k_desk_words[] = {"editorial", "redaktion", "redacción", "redaccion", "rédaction",
                                             "redazione", "redactie", "redakcja", "redação", "webteam"};
// The ending of one word that makes it a desk in a language that compounds ("Onlineredaktion",
// "Sportredaktion").
constexpr std::string_view k_desk_endings[] = {"redaktion"};
// The ending of a CMS account's login, one word ("wordpressadmin", "siteadmin", "webadmin"); the
// word "admin" alone is in k_not_names.
constexpr std::string_view k_account_ending = "admin";
// Platforms whose name a page's author link or a syndicated post gives as the author ("YouTube"
// from a link to the channel's page): a platform is nobody's name. Lower case, the whole name.
constexpr std::string_view k_platform_names[] = {
    "youtube", "facebook", "twitter", "instagram", "tiktok", "linkedin", "pinterest", "whatsapp", "telegram",
    "reddit", "vimeo", "flickr", "soundcloud", "spotify", "xing", "bluesky", "mastodon", "threads", "tumblr",
    "medium", "substack", "wordpress.com", "blogger"};
// Professional titles written before a person's name ("Rechtsanwalt Dennis Tölle", "Attorney
// Jane Roe"): the title goes, the name stays. Lower case.
constexpr std::string_view k_leading_titles[] = {
    "rechtsanwalt", "rechtsanwältin", "fachanwalt", "fachanwältin", "anwalt", "anwältin", "notar", "notarin",
    "steuerberater", "steuerberaterin", "attorney", "lawyer", "avocat", "avocate", "abogado", "abogada",
    "avvocato", "avvocata", "advocaat"};

// Definite articles that open a name of a publication or an institution, never a person's
// ("Die Tagespresse", "El Colombiano", "Der Standard", "La Stampa"; "The Guardian" is caught by
// k_organisation_words, where "the" stands anywhere in a name).
// A masthead in capitals after such an article is one word of at least this many ("Die FURCHE",
// "DIE ZEIT"); more words in capitals are a byline written so ("LE THI HOA", "LA TOYA JACKSON").
constexpr std::size_t k_min_masthead_capitals = 3;
constexpr std::string_view k_leading_articles[] = {"die", "der", "das", "el", "la", "le", "les", "il", "lo",
                                                   "los", "las", "het", "os", "as"};

// Lower-case words a name may contain ("Ludwig van Beethoven", "Ana de Armas").
constexpr std::string_view k_name_particles[] = {"von", "van", "de", "der", "den", "da", "das", "do", "dos",
                                                 "du", "la", "le", "del", "della", "di", "bin", "ibn", "al",
                                                 "el", "y", "e", "zu", "ten", "ter", "st"};
// A name of more than this many words is a sentence.
constexpr std::size_t k_max_name_words = 5;
constexpr std::size_t k_max_name_chars = 60;

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        while (start < text.size() && text[start] == ' ') ++start;
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return words;
}

std::string trim_punctuation(std::string_view text) {
    // Leading and trailing punctuation and spaces, but a name may end in "Jr." or an initial.
    std::size_t begin = 0, end = text.size();
    auto is_trim = [](char c) { return c == ' ' || c == ',' || c == ';' || c == ':' || c == '|' || c == '-' ||
                                       c == '/' || c == '(' || c == ')' || c == '"' || c == '\'' || c == '*' ||
                                       c == '@' || c == '.' || c == '#' || c == '[' || c == ']' || c == '~'; };
    while (begin < end && is_trim(text[begin])) ++begin;
    // A ')' that closes a '(' in the name stays: "Jean-Luc Aufranc (CNXSoft)".
    auto closes = [&](std::size_t at) { return text[at] == ')' && text.substr(begin, at - begin).find('(') != std::string_view::npos; };
    while (end > begin && is_trim(text[end - 1]) && text[end - 1] != '.' && !closes(end - 1)) --end;
    // A trailing '.' stays after an initial or abbreviation ("Jr.", "A."), not after a word.
    while (end > begin && text[end - 1] == '.' && !(end - begin >= 2 && ascii::is_alpha(text[end - 2]) &&
                                                    (end - begin == 2 || text[end - 3] == ' ' || text[end - 3] == '.')))
        --end;
    while (end > begin && is_trim(text[end - 1]) && text[end - 1] != '.' && !closes(end - 1)) --end;
    // typographic dashes and bullets at either end
    std::string out(text.substr(begin, end - begin));
    for (std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2", "\xC2\xA9"}) {
        while (out.starts_with(mark)) out = decode::collapse_whitespace(out.substr(mark.size()));
        while (out.ends_with(mark)) out = decode::collapse_whitespace(out.substr(0, out.size() - mark.size()));
    }
    return out;
}

// "datev.de", "www.w-commerce.de": a word of a statement that is a web address names a site, and
// the words around it are the site's company or desk ("Redaktion datev.de"), not a person. The
// address ends in a lower-case domain, so "J.Smith" stays a name.
bool has_address_word(std::string_view text) {
    for (const std::string& word : words_of(text)) {
        const std::string bare = trim_punctuation(word);
        if (is_url_or_email(bare)) return true;
        const std::size_t dot = bare.rfind('.');
        if (is_host_name(bare) && std::none_of(bare.begin() + static_cast<std::ptrdiff_t>(dot), bare.end(), ascii::is_upper))
            return true;
    }
    return false;
}

bool is_role(std::string_view part) {
    const auto words = words_of(decode::to_lower(part));
    if (words.empty()) return false;
    for (const std::string& word : words)
        if (!one_of(word, k_role_words)) return false;
    return true;
}

// "MD", "Ph.D.", "M.D. FACLM", "RDN", "PhD": short words of capitals (at least as many as small
// letters) and dots.
bool is_credential(std::string_view part) {
    const auto words = words_of(part);
    if (words.empty()) return false;
    for (const std::string& word : words) {
        std::size_t upper = 0, lower = 0;
        for (char c : word) {
            if (c >= 'A' && c <= 'Z') ++upper;
            else if (c >= 'a' && c <= 'z') ++lower;
            else if (c != '.') return false;
        }
        if (upper == 0 || lower > upper || word.size() > 6) return false;
    }
    return true;
}

// "F.", "J. R.": a given name's initials, one capital and a dot each (not a credential such as
// "MD" or "M.D.", which is written without spaces).
bool is_initials(std::string_view part) {
    const auto words = words_of(part);
    if (words.empty()) return false;
    for (const std::string& word : words)
        if (word.size() != 2 || !(word[0] >= 'A' && word[0] <= 'Z') || word[1] != '.') return false;
    return true;
}

// A name's words split at spaces, '-' and '_', lower case: "TVT-Redaktion" -> "tvt", "redaktion".
std::vector<std::string> name_pieces(std::string_view name) {
    std::string lowered = decode::to_lower(name);
    std::replace_if(lowered.begin(), lowered.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
    return words_of(lowered);
}

// "Deutscher Caritasverband e. V.", "Acme GmbH": a company's legal form as the last word, or
// written with a space between its letters ("e. V.", "S. A.", "B. V.").
bool ends_in_legal_form(const std::vector<std::string>& words) {
    if (words.empty()) return false;
    if (one_of(decode::to_lower(words.back()), k_legal_forms)) return true;
    std::string joined;
    for (std::size_t k = words.size(); k > 0 && words.size() - k < 3; --k) {
        const std::string& word = words[k - 1];
        if (word.size() != 2 || !ascii::is_alpha(word[0]) || word[1] != '.') break;
        joined = decode::to_lower(word) + joined;
        if (joined.size() >= 4 && one_of(joined, k_legal_forms)) return true;
    }
    return false;
}

// "Rechtsanwalt Dennis Tölle" -> "Dennis Tölle": professional titles before a name go, while two
// words stay.
std::string without_leading_titles(const std::string& name) {
    std::vector<std::string> words = words_of(name);
    std::size_t skip = 0;
    while (words.size() - skip > 2 && one_of(decode::to_lower(words[skip]), k_leading_titles)) ++skip;
    if (skip == 0) return name;
    std::string out;
    for (std::size_t k = skip; k < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
}

// The site told by a name that SiteNames::matches does not see as its own: a definite article
// before the site's name or a masthead in capitals ("DER SPIEGEL" on spiegel.de, "Die FURCHE"),
// and words whose initials spell the site's name ("Deutsches Rotes Kreuz" on drk.de).
bool names_site_otherwise(std::string_view name, const SiteNames& site_names) {
    const auto words = words_of(name);
    if (words.size() >= 2 && one_of(decode::to_lower(words.front()), k_leading_articles)) {
        std::string rest;
        std::size_t upper = 0, lower = 0;
        for (std::size_t k = 1; k < words.size(); ++k) {
            rest += (rest.empty() ? "" : " ") + words[k];
            for (char c : words[k]) upper += c >= 'A' && c <= 'Z', lower += c >= 'a' && c <= 'z';
        }
        if (site_names.matches(rest) || (words.size() == 2 && lower == 0 && upper >= k_min_masthead_capitals)) return true;
    }
    return site_names.matches_initials(name);
}

// Job titles and labels that follow a name in a byline's next element ("Jane Roe Co-founder",
// "Reyan Perumal Published on ...").
constexpr std::string_view k_trailing_words[] = {
    "co-founder", "founder", "editor", "reporter", "writer", "correspondent", "contributor", "columnist",
    "journalist", "photographer", "producer", "analyst", "architect", "engineer", "developer", "designer",
    "officer", "president", "manager", "director", "ceo", "cto", "published", "updated", "posted", "last",
    "on", "sponsored", "verified", "moderator", "admin", "staff", "member", "author",
    // German "Stand:" ("as of") before a date that the byline's text was cut at: "Sara Zinnecker Stand"
    "stand",
};

// "Jane Roe Co-founder", "Brian Truitt USA TODAY": a name from a byline's text with a job title,
// a label or the site's name after it (in the next element) loses them; one word stays.
std::string without_trailing_roles(const std::string& name, const SiteNames& site_names) {
    std::vector<std::string> words = words_of(name);
    bool changed = false;
    while (words.size() > 1) {
        if (one_of(decode::to_lower(words.back()), k_trailing_words)) {
            words.pop_back();
            changed = true;
            continue;
        }
        bool site = false;
        for (std::size_t take = std::min<std::size_t>(3, words.size() - 1); take >= 1 && !site; --take) {
            std::string tail;
            for (std::size_t k = words.size() - take; k < words.size(); ++k) tail += words[k] + " ";
            if (site_names.matches(tail)) {
                words.resize(words.size() - take);
                site = changed = true;
            }
        }
        if (!site) break;
    }
    if (!changed) return name;
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

// Splits at , ; | / and joiner words.
std::vector<std::string> split_names(std::string_view text) {
    std::vector<std::string> parts;
    std::string current;
    for (const std::string& word : words_of(text)) {
        if (one_of(decode::to_lower(word), k_name_joiners)) {
            parts.push_back(std::move(current));
            current.clear();
            continue;
        }
        std::string piece;
        for (std::size_t i = 0; i < word.size(); ++i) {
            const char c = word[i];
            if (c == ',' || c == ';' || c == '|' || c == '/') {
                if (!piece.empty()) current += (current.empty() ? "" : " ") + piece;
                piece.clear();
                parts.push_back(std::move(current));
                current.clear();
            } else {
                piece += c;
            }
        }
        if (!piece.empty()) current += (current.empty() ? "" : " ") + piece;
    }
    parts.push_back(std::move(current));
    return parts;
}

// Parentheses after a name: a URL or e-mail address in them is the author's home page, not a
// name ("Bradley M. Kuhn (http://ebb.org/bkuhn/)"), and one that opens with "with" names co-authors
// ("Martin Untersinger (avec Damien Leloup et Morgane Tual)"); any other stays ("Richard (R.J.) Eskow").
std::string without_parenthesised_extras(std::string text) {
    std::size_t open = 0;
    while ((open = text.find('(', open)) != std::string::npos) {
        std::size_t close = text.find(')', open + 1);
        const std::size_t after = close == std::string::npos ? text.size() : close + 1;
        const std::string inside = decode::collapse_whitespace(text.substr(open + 1, (close == std::string::npos ? text.size() : close) - open - 1));
        const auto words = words_of(inside);
        if (!inside.empty() && (is_url_or_email(inside) || inside.find("://") != std::string::npos)) {
            text.replace(open, after - open, 1, ' ');
        } else if (words.size() >= 3 && one_of(decode::to_lower(words.front()), k_with_words)) {
            const std::string co_authors = ", " + inside.substr(words.front().size()) + " ";
            text.replace(open, after - open, co_authors);
            open += co_authors.size();
        } else {
            open = after;
        }
    }
    return decode::collapse_whitespace(text);
}

}  // namespace

bool is_url_or_email(std::string_view text) {
    const std::string_view t = ascii::trim(text);
    if (t.find("://") != std::string_view::npos || ascii::istarts_with(t, "www.") || ascii::istarts_with(t, "mailto:"))
        return true;
    // an address written against harvesters: "jane[at]example.org", "jane (at) example.org"
    for (std::string_view at : {"[at]", "(at)", "{at}"})
        if (const std::size_t found = ascii::lower(t).find(at); found != std::string::npos && found > 0 &&
                                                                 t.find('.', found) != std::string_view::npos)
            return true;
    if (t.starts_with('@') && t.find(' ') == std::string_view::npos) return true;
    const std::size_t at = t.find('@');
    return at != std::string_view::npos && at > 0 && t.find('.', at) != std::string_view::npos &&
           t.find(' ') == std::string_view::npos;
}

std::string after_byline_word(std::string_view text) {
    const std::string_view t = ascii::trim(text);
    // Most texts open with no byline word, which their first code points tell (a byline probe
    // for each first text of a page: 1% of modern-dev's pipeline lower-cased whole texts for it).
    // to_lower maps each code point on its own, so the opening lower-cased is the opening of the
    // text lower-cased; k_longest_byline_word + 1 code points make at least as many bytes, so a
    // word and the character after it are read alike in both.
    static constexpr std::size_t k_longest_byline_word =
        std::ranges::max(k_byline_words, {}, [](std::string_view word) { return word.size(); }).size();
    std::size_t opening_end = 0;
    for (std::size_t points = 0; opening_end < t.size() && points <= k_longest_byline_word; ++points)
        utf8::next_code_point(t, opening_end);
    const std::string opening = decode::to_lower(t.substr(0, opening_end));
    std::string lowered;  // the whole text lower-cased, once a byline word opens it
    for (std::string_view word : k_byline_words) {
        if (word.size() >= opening.size() || !opening.starts_with(word) ||
            (opening[word.size()] != ' ' && opening[word.size()] != ':'))
            continue;
        if (lowered.empty()) lowered = decode::to_lower(t);
        std::size_t at = word.size();
        while (at < lowered.size() && (lowered[at] == ' ' || lowered[at] == ':')) ++at;
        if (at >= lowered.size()) continue;
        // Same byte offsets: lower-casing keeps the length for these scripts' byline words.
        return decode::collapse_whitespace(t.substr(std::min(at, t.size())));
    }
    return {};
}

bool names_nobody(std::string_view name) {
    const std::string lowered = decode::collapse_whitespace(decode::to_lower(name));
    if (one_of(lowered, k_not_names) || one_of(lowered, k_platform_names)) return true;
    const auto pieces = name_pieces(lowered);
    if (pieces.empty()) return false;
    for (const std::string& piece : pieces) {
        if (one_of(piece, k_desk_words)) return true;
        for (std::string_view ending : k_desk_endings)
            if (piece.ends_with(ending)) return true;
    }
    return pieces.size() == 1 && lowered.size() > k_account_ending.size() && lowered.ends_with(k_account_ending);
}

bool names_the_site(std::string_view name, const SiteNames& site_names) {
    return site_names.matches(name) || names_site_otherwise(name, site_names);
}

bool looks_like_person(std::string_view text) {
    const auto words = words_of(text);
    if (words.size() < 2 || words.size() > 4) return false;
    if (one_of(decode::to_lower(words.front()), k_leading_articles)) return false;
    for (const std::string& word : words) {
        const unsigned char first = static_cast<unsigned char>(word[0]);
        if (!(first >= 'A' && first <= 'Z') && first < 0x80) return false;  // Latin names are capitalised
        std::size_t upper = 0;
        for (char c : word) upper += c >= 'A' && c <= 'Z';
        if (word.size() >= 2 && upper == word.size()) return false;  // "USA TODAY", "BBC": acronyms
        for (char c : word)
            if (ascii::is_digit(c)) return false;
        if (one_of(decode::to_lower(word), k_organisation_words)) return false;
    }
    return true;
}

// A label's words: lower case, without the colon after them ("Written by:" -> "written by").
std::string label_words(std::string_view text) {
    std::string t = decode::to_lower(ascii::trim(text));
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
    return t;
}

bool stands_whole(std::string_view text, std::size_t at, std::size_t size) {
    // most non-ASCII characters are letters; a name is never glued to a symbol in a byline anyway
    auto word_byte = [](char c) { return ascii::is_alnum(c) || static_cast<unsigned char>(c) >= 0x80; };
    const std::size_t end = at + size;
    return (at == 0 || !word_byte(text[at - 1])) && (end >= text.size() || !word_byte(text[end]));
}

bool is_author_label(std::string_view text) {
    return is_byline_label(text) && !one_of(label_words(text), k_byline_prepositions);
}

bool is_byline_label(std::string_view text) {
    std::string t = label_words(text);
    // "Auteur(s)", "Autor(en)": a label's plural ending in parentheses
    if (const std::size_t open = t.find('('); open != std::string::npos && open > 0 && t.ends_with(')') && t.size() - open <= 7)
        t = decode::collapse_whitespace(t.substr(0, open));
    return std::find(std::begin(k_byline_words), std::end(k_byline_words), t) != std::end(k_byline_words);
}

std::string uninverted_name(std::string_view text) {
    const std::string name = clean_value(text);
    const std::size_t comma = name.find(',');
    if (comma == std::string::npos || name.find_first_of(",;|/", comma + 1) != std::string::npos) return name;
    const std::string last = trim_punctuation(name.substr(0, comma)), first = trim_punctuation(name.substr(comma + 1));
    const auto last_words = words_of(last), first_words = words_of(first);
    if (last_words.empty() || first_words.empty() || last_words.size() > 3 || first_words.size() > 3) return name;
    for (const auto* words : {&last_words, &first_words})
        for (const std::string& word : *words)
            if (one_of(decode::to_lower(word), k_name_joiners)) return name;
    if ((is_credential(first) && !is_initials(first)) || is_role(first)) return name;
    std::string out = first + " " + last;
    return looks_like_name(out) ? out : name;
}

bool looks_like_login(std::string_view text) {
    text = ascii::trim(text);
    if (text.empty() || text.find(' ') != std::string_view::npos) return false;
    std::size_t digits = 0, letters = 0, inner_marks = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (ascii::is_digit(c)) ++digits;
        else if (ascii::is_alpha(c)) ++letters;
        else if ((c == '.' || c == '_') && i > 0 && i + 1 < text.size() && ascii::is_alpha(text[i - 1]) && ascii::is_alpha(text[i + 1]))
            ++inner_marks;
        else if (static_cast<unsigned char>(c) >= 0x80) return false;  // a name in another script
    }
    return inner_marks > 0 || (digits >= k_min_login_digits && letters >= k_min_login_digits);
}

bool looks_like_name(std::string_view text) {
    if (text.empty() || utf8::code_point_count(text) > k_max_name_chars) return false;
    if (one_of(decode::to_lower(text), k_not_names)) return false;
    const auto words = words_of(text);
    if (words.empty() || words.size() > k_max_name_words) return false;
    std::size_t digits = 0, letters = 0;
    for (char c : text) {
        if (c == '?' || c == '!' || c == '<' || c == '>' || c == '{' || c == '}' || c == '=') return false;
        if (ascii::is_digit(c)) ++digits;
        else if (ascii::is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) ++letters;
    }
    if (letters == 0 || digits > letters) return false;
    // "8h", "3 min": a time or a count, not a name (names do not start with a digit)
    for (const std::string& word : words)
        if (ascii::is_digit(word[0])) return false;
    if (words.size() >= 2) {
        // Several words: each starts with a capital (or is a particle), as names are written.
        for (const std::string& word : words) {
            const unsigned char first = static_cast<unsigned char>(word[0]);
            if (first >= 'a' && first <= 'z' && !one_of(word, k_name_particles)) return false;
        }
    }
    return true;
}

std::vector<std::string> author_names(std::string_view statement, const SiteNames& site_names, bool from_text) {
    std::vector<std::string> names;
    std::string text = without_parenthesised_extras(clean_value(statement));
    if (text.empty() || is_url_or_email(text)) return names;
    for (std::string rest = after_byline_word(text); !rest.empty(); rest = after_byline_word(text)) text = rest;
    // The site's name whole is no author, even when it reads as two ("Mac & i").
    if (site_names.matches(text) && !looks_like_person(text)) return names;
    // "Name - Publisher", "Name | Site": the part after a spaced dash is checked like a co-author.
    for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " \xE2\x80\xA2 "}) {
        std::size_t at;
        while ((at = text.find(dash)) != std::string::npos) text.replace(at, dash.size(), " | ");
    }
    const std::vector<std::string> parts = split_names(text);
    bool after_site = false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string name = trim_punctuation(parts[i]);
        if (std::string rest = after_byline_word(name); !rest.empty()) name = trim_punctuation(rest);
        if (from_text) name = without_trailing_roles(name, site_names);
        name = without_leading_titles(name);
        // The site's name is no author, unless the site is a person's own (a personal blog whose
        // site name is its author's name); nor is a desk, a CMS's placeholder or a platform.
        if (!name.empty() && ((site_names.matches(name) && !looks_like_person(name)) || names_site_otherwise(name, site_names))) {
            // What follows the site's name in a statement is its address ("SPIEGEL ONLINE, Hamburg,
            // Germany"): only a person's name counts after it.
            after_site = true;
            continue;
        }
        if (after_site && !looks_like_person(name)) continue;
        if (name.empty() || is_url_or_email(name) || is_role(name) || names_nobody(name)) continue;
        // A host name is a site, never a person ("facebook.com", "mdr.de"), nor is a name beside one.
        if (has_address_word(name)) continue;
        // What follows a company in the same statement is its address ("Olympia-Verlag GmbH, Nürnberg, Germany").
        if (const auto words = words_of(name); words.size() >= 2 && ends_in_legal_form(words)) break;
        // "Follow @handle", "@handle on X": a social link, not a name
        if (name.find('@') != std::string::npos) continue;
        if (i > 0 && is_credential(name)) continue;
        if (is_byline_label(name)) continue;  // (k_not_names: names_nobody above)
        if (utf8::code_point_count(name) > k_max_name_chars || words_of(name).size() > k_max_name_words + 1) {
            // A statement that opens with a sentence is no list of names, whatever its last words are
            // ("Krótko o przepisach prawa w Nowej Zelandii i Polsce": "i" is "and", "Polsce" no co-author).
            if (i == 0) return names;
            continue;
        }
        const std::string key = decode::to_lower(name);
        if (std::none_of(names.begin(), names.end(), [&](const std::string& n) { return decode::to_lower(n) == key; }))
            names.push_back(std::move(name));
    }
    return names;
}

}  // namespace winnow::metadata
