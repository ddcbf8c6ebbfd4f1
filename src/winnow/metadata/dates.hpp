// metadata: dates as pages write them ("Feb 08, 2022", "Di., 25.01.2022 - 14:45", "2024年5月3日",
// "Tue, 4 May 2021 19:18:00 +0200", "2022-1-26T14:32:06+02:00") read into one calendar date
// with the time and UTC offset when given, and written back as ISO 8601. Month names are
// known in the languages of the development corpora and their neighbours.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace winnow::metadata {

struct Date {
    int year = 0;
    int month = 0;  // 1-12
    int day = 0;    // 1-31
    int hour = -1;  // -1: no time given
    int minute = 0;
    int second = -1;  // -1: no seconds given
    bool has_offset = false;
    bool utc = false;         // written as Z, UTC or GMT
    int offset_minutes = 0;   // east of UTC
    // Written as numbers whose order a reader cannot tell ("09.10.2024", "05/06/2025": both
    // numbers 12 or under, and different); read in the language's usual order.
    bool order_ambiguous = false;

    // "2025-09-25", "2025-09-25T11:38", "2021-05-04T19:18:00+02:00", "2013-08-22T21:43:53Z".
    std::string iso() const;
    std::chrono::sys_days day_point() const;
    bool same_day(const Date& other) const { return year == other.year && month == other.month && day == other.day; }
    // The same day, or, for an ambiguous date, the day read in the other order: a structured date
    // settles the order a page's "09.10.2024" was written in.
    bool same_day_either_order(const Date& other) const {
        return same_day(other) || (order_ambiguous && year == other.year && month == other.day && day == other.month);
    }
};

// Which of two small numbers comes first in 05/06/2025: the month in the United States, the
// day nearly everywhere else. A number above 12 decides by itself.
enum class DayOrder : unsigned char { month_first, day_first };

// The usual order for a BCP 47 language tag ("en-US", "de"): month first for US English and for
// an unknown language, day first otherwise.
DayOrder day_order_for(std::string_view language_tag);

// The first complete date (day, month and year) written in `text`, with the time and offset
// that follow it. Weekday names, ordinals ("19th", "1er") and words around it are skipped.
std::optional<Date> find_date(std::string_view text, DayOrder order = DayOrder::month_first);

// Where the first date in `text` starts, in bytes, counting a day and month without a year
// ("August 28"); the text's size when there is none. Cuts "Jane Roe August 28, 2025" to a name.
std::size_t date_offset(std::string_view text);

// A date in a URL's path: /2024/05/03/, /2024-05-03-, /20240503/ (not the year and month alone).
std::optional<Date> date_in_url(std::string_view url);

// Publication dates of web pages fall between 1995 and today (one day of slack for time zones).
bool is_plausible(const Date& date, std::chrono::sys_days today);

// Today, by the system clock (UTC).
std::chrono::sys_days today_utc();

}  // namespace winnow::metadata
