// metadata: reading dates. The text is cut into tokens (numbers, words, punctuation); date
// shapes are matched on the tokens, so white space, weekday names and ordinals need no regex.
#include "winnow/metadata/dates.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "winnow/decode/text.hpp"
#include "winnow/util/ascii.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::metadata {
namespace {

// Publication dates before the web's early years are dates of something else (a birth, a law).
constexpr int k_min_plausible_year = 1995;
// Years a written date may have at all (plausibility is checked separately).
constexpr int k_min_year = 1900;
constexpr int k_max_year = 2100;

// Month names and their usual abbreviations, lower case, in English, German, French, Spanish,
// Italian, Portuguese, Dutch, the Scandinavian languages, Polish, Czech, Russian, Ukrainian,
// Turkish, Finnish, Hungarian, Romanian and Indonesian. One line per month.
constexpr std::array<std::string_view, 12> k_month_names = {
    "january jan januar jänner janvier janv enero ene gennaio gen janeiro januari tammikuu tammikuuta styczeń "
    "stycznia styczen leden ledna январь января янв січня січень ocak január ianuarie",
    "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari helmikuu helmikuuta "
    "luty lutego únor února февраль февраля фев лютого лютий şubat subat február februarie",
    "march mar märz maerz mär mrz mars marzo março marco maart mrt marts maaliskuu maaliskuuta marzec marca "
    "březen března март марта березня березень mart március martie maret",
    "april apr avril avr abril abr aprile huhtikuu huhtikuuta kwiecień kwietnia kwiecien duben dubna апрель "
    "апреля апр квітня квітень nisan április aprilie",
    "may mai mayo maggio mag maio mei maj toukokuu toukokuuta maja květen května май мая травня травень mayıs "
    "mayis május",
    "june jun juni juin junio giugno giu junho kesäkuu kesäkuuta czerwiec czerwca červen června июнь июня июн "
    "червня червень haziran június iunie",
    "july jul juli juillet juil julio luglio lug julho heinäkuu heinäkuuta lipiec lipca červenec července июль "
    "июля июл липня липень temmuz július iulie",
    "august aug août aout agosto ago augustus augusti elokuu elokuuta sierpień sierpnia sierpien srpen srpna "
    "август августа авг серпня серпень ağustos agustos augusztus agustus",
    "september sep sept septembre septiembre setiembre settembre set setembro syyskuu syyskuuta wrzesień "
    "września wrzesien wrzesnia září сентябрь сентября сен сент вересня вересень eylül eylul szeptember "
    "septembrie",
    "october oct oktober okt octobre octubre ottobre ott outubro out lokakuu lokakuuta październik "
    "października pazdziernik pazdziernika říjen října октябрь октября окт жовтня жовтень ekim október "
    "octombrie",
    "november nov novembre noviembre novembro marraskuu marraskuuta listopad listopada listopadu ноябрь ноября "
    "ноя листопада листопад kasım kasim noiembrie",
    "december dec dezember dez décembre decembre déc dic diciembre dicembre dezembro desember joulukuu "
    "joulukuuta grudzień grudnia grudzien prosinec prosince декабрь декабря дек грудня грудень aralık aralik "
    "december decembrie",
};

// Words between a day and a month or year ("5 de mayo de 2022", "12 of May") and ordinal
// endings written as a word of their own after the digits ("19th", "1er", "2º").
constexpr std::string_view k_filler_words[] = {"de", "del", "of", "do", "da"};
// Weekday names that may open a date, lower case (where a byline's name ends, date_offset).
constexpr std::string_view k_weekday_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
constexpr std::string_view k_ordinal_endings[] = {"st", "nd", "rd", "th", "er", "e", "re", "º", "ª", "o", "a"};
// Words that may stand between a date and its time ("May 5, 2022 at 10:00", "um 14:45 Uhr").
constexpr std::string_view k_time_joiners[] = {"at", "um", "à", "a", "as", "às", "las", "alle", "om", "kl", "klo", "t", "o"};
// Time-zone abbreviations pages write after a time, with their offset in minutes.
constexpr std::pair<std::string_view, int> k_zone_offsets[] = {
    {"cet", 60},   {"cest", 120}, {"mez", 60},   {"mesz", 120}, {"eet", 120},  {"eest", 180},
    {"wet", 0},    {"west", 60},  {"bst", 60},   {"est", -300}, {"edt", -240}, {"cst", -360},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540},
    {"akdt", -480}, {"hst", -600}, {"jst", 540}, {"kst", 540},  {"aest", 600}, {"aedt", 660},
    {"msk", 180},
};

enum class TokenKind : unsigned char { number, word, punct };

struct Token {
    TokenKind kind = TokenKind::punct;
    std::string text;  // words lower case; punctuation one character (or one code point)
    int value = 0;     // numbers only
    int digits = 0;    // numbers only
    std::size_t offset = 0;  // where it starts in the text, in bytes
};

bool is_letter(char32_t c) {
    if (c < 128) return ascii::is_alpha(static_cast<char>(c));
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category <= UTF8PROC_CATEGORY_LO || category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t c = utf8::next_code_point(text, i);
        if (c >= '0' && c <= '9') {
            Token token{TokenKind::number, std::string(1, static_cast<char>(c)), static_cast<int>(c - '0'), 1, start};
            while (i < text.size() && ascii::is_digit(text[i])) {
                if (token.digits < 9) token.value = token.value * 10 + (text[i] - '0');
                token.text += text[i];
                ++token.digits;
                ++i;
            }
            tokens.push_back(std::move(token));
        } else if (utf8::is_cjk(c) || (c >= 0xAC00 && c <= 0xD7A3)) {
            // Each CJK character or Hangul syllable is a word of its own (年, 月, 日, 년, 월, 일).
            tokens.push_back(Token{TokenKind::word, std::string(text.substr(start, i - start)), 0, 0, start});
        } else if (is_letter(c)) {
            std::size_t end = i;
            while (end < text.size()) {
                std::size_t next = end;
                const char32_t d = utf8::next_code_point(text, next);
                if (!is_letter(d) || utf8::is_cjk(d)) break;
                end = next;
            }
            tokens.push_back(Token{TokenKind::word, decode::to_lower(text.substr(start, end - start)), 0, 0, start});
            i = end;
        } else if (utf8::is_space(c) || utf8::is_invisible(c)) {
            continue;
        } else {
            tokens.push_back(Token{TokenKind::punct, std::string(text.substr(start, i - start)), 0, 0, start});
        }
    }
    return tokens;
}

const std::unordered_map<std::string, int>& month_table() {
    static const auto table = [] {
        std::unordered_map<std::string, int> names;
        for (int month = 0; month < 12; ++month) {
            std::string_view line = k_month_names[static_cast<std::size_t>(month)];
            while (!line.empty()) {
                const std::size_t space = line.find(' ');
                names.emplace(std::string(line.substr(0, space)), month + 1);
                line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
            }
        }
        return names;
    }();
    return table;
}

template <std::size_t N>
bool one_of(const std::string& word, const std::string_view (&list)[N]) {
    for (std::string_view item : list)
        if (word == item) return true;
    return false;
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : k_days[month - 1];
}

bool valid(int year, int month, int day) {
    return year >= k_min_year && year <= k_max_year && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

// Matching on a token list from a position; every step returns false without moving on failure.
class Matcher {
public:
    Matcher(const std::vector<Token>& tokens, std::size_t at) : m_tokens(&tokens), m_at(at) {}

    std::size_t at() const { return m_at; }
    bool done() const { return m_at >= m_tokens->size(); }
    const Token* peek(std::size_t ahead = 0) const {
        return m_at + ahead < m_tokens->size() ? &(*m_tokens)[m_at + ahead] : nullptr;
    }
    const Token& previous() const { return (*m_tokens)[m_at - 1]; }

    bool number(int min_digits, int max_digits, int& value) {
        const Token* t = peek();
        if (!t || t->kind != TokenKind::number || t->digits < min_digits || t->digits > max_digits) return false;
        value = t->value;
        ++m_at;
        return true;
    }
    bool punct(std::string_view chars, std::string* which = nullptr) {
        const Token* t = peek();
        if (!t || t->kind != TokenKind::punct || chars.find(t->text) == std::string_view::npos || t->text.size() != 1)
            return false;
        if (which) *which = t->text;
        ++m_at;
        return true;
    }
    bool word(std::string_view w) {
        const Token* t = peek();
        if (!t || t->kind != TokenKind::word || t->text != w) return false;
        ++m_at;
        return true;
    }
    template <std::size_t N>
    bool word_in(const std::string_view (&list)[N]) {
        const Token* t = peek();
        if (!t || t->kind != TokenKind::word || !one_of(t->text, list)) return false;
        ++m_at;
        return true;
    }
    bool month(int& value) {
        const Token* t = peek();
        if (!t || t->kind != TokenKind::word) return false;
        const auto& table = month_table();
        auto found = table.find(t->text);
        if (found == table.end()) return false;
        value = found->second;
        ++m_at;
        punct(".");  // "Sept.", "févr."
        return true;
    }
    // A day number with its ordinal ending or dot, if any: "19th", "1er", "5." in "5. Mai".
    bool day(int& value) {
        if (!number(1, 2, value)) return false;
        if (!word_in(k_ordinal_endings)) punct(".");
        return true;
    }

private:
    const std::vector<Token>* m_tokens;
    std::size_t m_at;
};

// The time after a date, if any: [joiner] hh:mm[:ss[.frac]] [am|pm] [zone].
void read_time(Matcher& m, Date& date) {
    Matcher t = m;
    if (!t.punct(",-|@\xC2\xB7/") && !t.word_in(k_time_joiners)) {
        // a zone word between date and time ("2018-11-28CET11:59:00+0100")
        const Token* next = t.peek();
        if (next && next->kind == TokenKind::word)
            for (const auto& [name, offset] : k_zone_offsets)
                if (next->text == name) {
                    t.word(name);
                    break;
                }
    }
    int hour = 0, minute = 0, second = -1, fraction = 0;
    if (!t.number(1, 2, hour) || !t.punct(":") || !t.number(2, 2, minute)) return;
    if (Matcher s = t; s.punct(":") && s.number(2, 2, second)) {
        t = s;
        if (Matcher f = t; f.punct(".,") && f.number(1, 9, fraction)) t = f;  // fractions are dropped
    }
    if (Matcher p = t; p.word("pm") || (p.word("p") && p.punct(".") && p.word("m") && p.punct("."))) {
        if (hour < 12) hour += 12;
        t = p;
    } else if (Matcher q = t; q.word("am") || (q.word("a") && q.punct(".") && q.word("m") && q.punct("."))) {
        if (hour == 12) hour = 0;
        t = q;
    }
    if (hour > 23 || minute > 59 || second > 60) return;
    date.hour = hour;
    date.minute = minute;
    date.second = second;
    m = t;
    // The zone: Z, UTC/GMT (with an offset after it), +hh:mm, +hhmm, +hh, or an abbreviation.
    if (Matcher z = m; z.word("z") || z.word("utc") || z.word("gmt") || z.word("ut")) {
        date.has_offset = date.utc = true;
        date.offset_minutes = 0;
        m = z;
    }
    std::string sign;
    int first = 0, minutes_part = 0;
    if (Matcher o = m; o.punct("+-", &sign) && o.number(2, 4, first)) {
        const int digits = static_cast<int>(o.previous().digits);
        int hours = first, minutes = 0;
        if (digits == 4) {
            hours = first / 100;
            minutes = first % 100;
        } else if (digits == 2) {
            if (Matcher c = o; c.punct(":") && c.number(2, 2, minutes_part)) {
                minutes = minutes_part;
                o = c;
            }
        } else {
            return;
        }
        if (hours <= 14 && minutes < 60) {
            date.has_offset = true;
            date.utc = false;
            date.offset_minutes = (sign == "-" ? -1 : 1) * (hours * 60 + minutes);
            m = o;
        }
        return;
    }
    if (!date.has_offset) {
        const Token* next = m.peek();
        if (next && next->kind == TokenKind::word)
            for (const auto& [name, offset] : k_zone_offsets)
                if (next->text == name) {
                    date.has_offset = true;
                    date.offset_minutes = offset;
                    m.word(name);
                    break;
                }
    }
}

std::optional<Date> finish(Matcher& m, int year, int month, int day, bool with_time = true) {
    if (!valid(year, month, day)) return std::nullopt;
    Date date;
    date.year = year;
    date.month = month;
    date.day = day;
    if (with_time) read_time(m, date);
    return date;
}

// Marks a date written as two small numbers of either order ("09.10.2024") as ambiguous.
std::optional<Date> with_order_ambiguity(std::optional<Date> date, int first, int second) {
    if (date && first <= 12 && second <= 12 && first != second) date->order_ambiguous = true;
    return date;
}

// The date shapes, tried at one token position.
std::optional<Date> match_at(const std::vector<Token>& tokens, std::size_t at, DayOrder order) {
    const Token& first = tokens[at];
    int a = 0, b = 0, c = 0, month = 0;
    std::string sep, sep2;
    if (first.kind == TokenKind::number && first.digits == 4) {
        // 2025-09-25, 2025/4/29, 2024.5.3, 2024. 5. 3.
        if (Matcher m(tokens, at); m.number(4, 4, a) && m.punct("-/.", &sep) && m.number(1, 2, b) &&
                                   m.punct("-/.", &sep2) && sep == sep2 && m.number(1, 2, c))
            return finish(m, a, b, c);
        // 2024年5月3日, 2024년 5월 3일
        if (Matcher m(tokens, at); m.number(4, 4, a) && (m.word("年") || m.word("년")) && m.number(1, 2, b) &&
                                   (m.word("月") || m.word("월")) && m.number(1, 2, c) && (m.word("日") || m.word("일")))
            return finish(m, a, b, c);
        // 2022 May 5
        if (Matcher m(tokens, at); m.number(4, 4, a) && m.month(month) && m.day(b)) return finish(m, a, month, b);
        return std::nullopt;
    }
    // 20240503, when it is the whole text (a machine value) or followed by a time.
    if (Matcher m(tokens, at); at == 0 && m.number(8, 8, a) && (m.done() || m.peek()->text == "T" || m.peek()->text == "t"))
        return finish(m, a / 10000, a / 100 % 100, a % 100);
    if (first.kind == TokenKind::number && first.digits <= 2) {
        // 25.01.2022 (day first)
        if (Matcher m(tokens, at); m.number(1, 2, a) && m.punct(".") && m.number(1, 2, b) && m.punct(".") &&
                                   m.number(4, 4, c))
            return with_order_ambiguity(finish(m, c, b, a), a, b);
        // 09/25/2025, 13/11/2025, 25-01-2022
        if (Matcher m(tokens, at); m.number(1, 2, a) && m.punct("/-", &sep) && m.number(1, 2, b) &&
                                   m.punct("/-", &sep2) && sep == sep2 && m.number(4, 4, c)) {
            const bool day_first = a > 12 || (b <= 12 && order == DayOrder::day_first);
            return with_order_ambiguity(day_first ? finish(m, c, b, a) : finish(m, c, a, b), a, b);
        }
        // 5 May 2022, 5. Mai 2022, 1er mars 2022, 5 de mayo de 2022, 12 of May, 2020
        if (Matcher m(tokens, at); m.day(a)) {
            m.word_in(k_filler_words);
            if (m.month(month)) {
                if (!m.word_in(k_filler_words)) m.punct(",");
                if (m.number(4, 4, c)) return finish(m, c, month, a);
            }
        }
        return std::nullopt;
    }
    if (first.kind == TokenKind::word) {
        // May 5, 2022; Dec 19th 2025; Jan 28 15:28:56 CET 2020 (asctime)
        Matcher m(tokens, at);
        if (!m.month(month) || !m.day(a)) return std::nullopt;
        m.punct(",");
        if (m.number(4, 4, c)) return finish(m, c, month, a);
        Date timed;
        read_time(m, timed);
        if (timed.hour >= 0 && m.number(4, 4, c)) {
            auto date = finish(m, c, month, a, false);
            if (date) {
                timed.year = date->year, timed.month = date->month, timed.day = date->day;
                return timed;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::string Date::iso() const {
    char buffer[48];
    int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    if (hour >= 0) {
        n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), "T%02d:%02d", hour, minute);
        if (second >= 0) n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), ":%02d", second);
        if (has_offset) {
            if (utc && offset_minutes == 0) {
                n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), "Z");
            } else {
                const int minutes = offset_minutes < 0 ? -offset_minutes : offset_minutes;
                n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), "%c%02d:%02d",
                                   offset_minutes < 0 ? '-' : '+', minutes / 60, minutes % 60);
            }
        }
    }
    return std::string(buffer, static_cast<std::size_t>(n));
}

std::chrono::sys_days Date::day_point() const {
    return std::chrono::sys_days(std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                                 std::chrono::day(static_cast<unsigned>(day)));
}

DayOrder day_order_for(std::string_view language_tag) {
    const std::string tag = ascii::lower(language_tag);
    if (tag.empty() || tag == "en" || tag == "en-us" || tag == "en_us") return DayOrder::month_first;
    return DayOrder::day_first;
}

std::optional<Date> find_date(std::string_view text, DayOrder order) {
    const std::vector<Token> tokens = tokenize(text);
    for (std::size_t at = 0; at < tokens.size(); ++at)
        if (auto date = match_at(tokens, at, order)) return date;
    return std::nullopt;
}

std::size_t date_offset(std::string_view text) {
    const std::vector<Token> tokens = tokenize(text);
    // The date starts at its weekday when one stands before it ("Monday, February 29, 2016").
    auto start_of = [&](std::size_t at) {
        std::size_t before = at;
        if (before > 0 && tokens[before - 1].text == ",") --before;
        if (before > 0 && std::find(std::begin(k_weekday_words), std::end(k_weekday_words), tokens[before - 1].text) !=
                              std::end(k_weekday_words))
            return tokens[before - 1].offset;
        return tokens[at].offset;
    };
    for (std::size_t at = 0; at < tokens.size(); ++at) {
        if (match_at(tokens, at, DayOrder::month_first)) return start_of(at);
        // a day and a month without the year: "August 28", "28 Aug"
        int value = 0, month = 0;
        if (Matcher m(tokens, at); m.month(month) && m.day(value)) return start_of(at);
        if (Matcher m(tokens, at); m.day(value) && m.month(month)) return start_of(at);
    }
    return text.size();
}

std::optional<Date> date_in_url(std::string_view url) {
    // Only the path: a date in the host or the query is something else.
    std::size_t start = url.find("://");
    start = url.find('/', start == std::string_view::npos ? 0 : start + 3);
    if (start == std::string_view::npos) return std::nullopt;
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    // Segments of digits separated by / - _ .: /2024/05/03/, /2024-05-03-slug, /20240503/
    std::vector<std::string_view> runs;
    std::size_t i = 0;
    while (i < path.size()) {
        if (!ascii::is_digit(path[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < path.size() && ascii::is_digit(path[j])) ++j;
        runs.push_back(path.substr(i, j - i));
        // Runs must be adjacent (one separator between them) to belong together.
        if (j < path.size() && (path[j] == '/' || path[j] == '-' || path[j] == '_' || path[j] == '.')) {
            i = j + 1;
            if (i < path.size() && ascii::is_digit(path[i])) continue;
        } else {
            i = j;
        }
        // the run sequence ends here: try it
        for (std::size_t k = 0; k < runs.size(); ++k) {
            auto to_int = [](std::string_view s) {
                int v = 0;
                for (char c : s) v = v * 10 + (c - '0');
                return v;
            };
            if (runs[k].size() == 8) {
                const int v = to_int(runs[k]);
                if (valid(v / 10000, v / 100 % 100, v % 100) && v / 10000 >= k_min_plausible_year)
                    return Date{v / 10000, v / 100 % 100, v % 100};
            }
            if (runs[k].size() == 4 && k + 2 < runs.size() && runs[k + 1].size() <= 2 && runs[k + 2].size() <= 2) {
                const int y = to_int(runs[k]), mo = to_int(runs[k + 1]), d = to_int(runs[k + 2]);
                if (valid(y, mo, d) && y >= k_min_plausible_year) return Date{y, mo, d};
            }
        }
        runs.clear();
    }
    return std::nullopt;
}

bool is_plausible(const Date& date, std::chrono::sys_days today) {
    return date.year >= k_min_plausible_year && date.day_point() <= today + std::chrono::days(1);
}

std::chrono::sys_days today_utc() {
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

}  // namespace winnow::metadata
