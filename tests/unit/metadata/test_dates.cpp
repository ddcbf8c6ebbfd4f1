#include <catch2/catch.hpp>

#include "winnow/metadata/dates.hpp"

using namespace winnow::metadata;

namespace {

std::string iso(std::string_view text, DayOrder order = DayOrder::month_first) {
    auto date = find_date(text, order);
    return date ? date->iso() : "none";
}

}  // namespace

TEST_CASE("machine dates: ISO 8601 with and without time, offset, fraction, quotes", "[metadata][dates]") {
    CHECK(iso("2025-09-25") == "2025-09-25");
    CHECK(iso("2022-1-26T14:32:06+02:00") == "2022-01-26T14:32:06+02:00");
    CHECK(iso("2025-01-04T00:00:00.000Z") == "2025-01-04T00:00:00Z");
    CHECK(iso("\"2025-12-17T13:22:47Z\"") == "2025-12-17T13:22:47Z");  // JSON quotes kept by a page
    CHECK(iso("2013-08-22 21:43:53 UTC") == "2013-08-22T21:43:53Z");
    CHECK(iso("2015-07-10 09:53:00 -0400") == "2015-07-10T09:53:00-04:00");
    CHECK(iso("2026-02-21 12:16:43 +0100 +0100") == "2026-02-21T12:16:43+01:00");  // a doubled offset
    CHECK(iso("2018-11-28CET11:59:00+0100") == "2018-11-28T11:59:00+01:00");
    CHECK(iso("20240503") == "2024-05-03");
    CHECK(iso("2025/4/29") == "2025-04-29");
}

TEST_CASE("mail and log formats: RFC 2822 and asctime, with zone names", "[metadata][dates]") {
    CHECK(iso("Tue, 4 May 2021 19:18:00 +0200") == "2021-05-04T19:18:00+02:00");
    CHECK(iso("Wed, 04 May 2022 02:41:00 GMT") == "2022-05-04T02:41:00Z");
    CHECK(iso("Tue Jan 28 15:28:56 CET 2020") == "2020-01-28T15:28:56+01:00");
}

TEST_CASE("human dates in English: month names, ordinals, US numbers, 12-hour times", "[metadata][dates]") {
    CHECK(iso("Feb 08, 2022") == "2022-02-08");
    CHECK(iso("Dec 19th 2025") == "2025-12-19");
    CHECK(iso("Published on July 18, 2025 · 5 min read") == "2025-07-18");
    CHECK(iso("Sept. 3, 2021 at 10:30 a.m.") == "2021-09-03T10:30");
    CHECK(iso("8/21/2025 4:28:19 PM") == "2025-08-21T16:28:19");
    CHECK(iso("Thu, 09/25/2025 - 11:38") == "2025-09-25T11:38");
    CHECK(iso("12 of May, 2020") == "2020-05-12");
}

TEST_CASE("numeric day and month: a number above 12 decides, else the page language's order", "[metadata][dates]") {
    CHECK(iso("13/11/2025 09:21:40") == "2025-11-13T09:21:40");
    CHECK(iso("05/06/2025", DayOrder::month_first) == "2025-05-06");
    CHECK(iso("05/06/2025", DayOrder::day_first) == "2025-06-05");
    CHECK(day_order_for("en-US") == DayOrder::month_first);
    CHECK(day_order_for("") == DayOrder::month_first);
    CHECK(day_order_for("de-DE") == DayOrder::day_first);
    CHECK(day_order_for("en-GB") == DayOrder::day_first);
}

TEST_CASE("numeric dates of two small numbers are marked ambiguous, and match either reading", "[metadata][dates]") {
    const auto dotted = find_date("09.10.2024", DayOrder::month_first);
    REQUIRE(dotted);
    CHECK(dotted->iso() == "2024-10-09");  // dotted dates are read day first
    CHECK(dotted->order_ambiguous);
    const auto september = find_date("2024-09-10T16:07:00Z");
    REQUIRE(september);
    CHECK_FALSE(september->order_ambiguous);
    CHECK(dotted->same_day_either_order(*september));
    CHECK_FALSE(september->same_day_either_order(*dotted));  // only an ambiguous date is read both ways
    // a number above 12 or the same number twice leaves no doubt
    CHECK_FALSE(find_date("13/11/2025")->order_ambiguous);
    CHECK_FALSE(find_date("05/05/2025")->order_ambiguous);
    CHECK(find_date("05/06/2025")->order_ambiguous);
    CHECK_FALSE(find_date("May 6, 2025")->order_ambiguous);
}

TEST_CASE("dates in other languages and scripts", "[metadata][dates]") {
    CHECK(iso("Di., 25.01.2022 - 14:45", DayOrder::day_first) == "2022-01-25T14:45");  // German
    CHECK(iso("5. Mai 2022") == "2022-05-05");
    CHECK(iso("1er mars 2022 à 10h") == "2022-03-01");                // French
    CHECK(iso("5 de mayo de 2022") == "2022-05-05");                  // Spanish
    CHECK(iso("12 settembre 2023") == "2023-09-12");                  // Italian
    CHECK(iso("3 de março de 2024") == "2024-03-03");                 // Portuguese
    CHECK(iso("4 maart 2024") == "2024-03-04");                       // Dutch
    CHECK(iso("23 января 2021") == "2021-01-23");                     // Russian (genitive)
    CHECK(iso("7 października 2020") == "2020-10-07");                // Polish
    CHECK(iso("2024年5月3日") == "2024-05-03");                        // Chinese, Japanese
    CHECK(iso("2024년 5월 3일") == "2024-05-03");                      // Korean
}

TEST_CASE("no date: partial dates, impossible days, numbers that are not dates", "[metadata][dates]") {
    CHECK(iso("May 2024") == "none");
    CHECK(iso("2023-02-30") == "none");
    CHECK(iso("price 12345678") == "none");
    CHECK(iso("call 555-1234") == "none");
    CHECK(iso("") == "none");
}

TEST_CASE("where a date starts, for cutting a byline before it", "[metadata][dates]") {
    const std::string text = "Jane Roe August 28, 2025";
    CHECK(text.substr(0, date_offset(text)) == "Jane Roe ");
    CHECK(date_offset("Jane Roe Aug 28") == 9);  // a day and month without the year count too
    CHECK(date_offset("Jane Roe") == 8);
    // a weekday before the date belongs to it
    CHECK(date_offset("Joe Wee Monday, February 29, 2016 @ 3:15") == 8);
    CHECK(date_offset("Eva Muster Dienstag 3. Mai 2024") == 11);
}

TEST_CASE("dates in URL paths", "[metadata][dates]") {
    CHECK(date_in_url("https://example.org/2024/05/03/story")->iso() == "2024-05-03");
    CHECK(date_in_url("https://example.org/news/2024-05-03-story.html")->iso() == "2024-05-03");
    CHECK(date_in_url("https://example.org/a/20240503/b")->iso() == "2024-05-03");
    CHECK_FALSE(date_in_url("https://example.org/2024/05/story"));  // year and month alone
    CHECK_FALSE(date_in_url("https://example.org/story?d=2024-05-03"));  // not in the path
}

TEST_CASE("plausible publication dates: from 1995 to today", "[metadata][dates]") {
    const auto today = std::chrono::sys_days(std::chrono::year(2025) / 6 / 1);
    CHECK(is_plausible(*find_date("2025-06-01"), today));
    CHECK(is_plausible(*find_date("2025-06-02"), today));  // a day of slack for time zones
    CHECK_FALSE(is_plausible(*find_date("2025-06-10"), today));
    CHECK_FALSE(is_plausible(*find_date("1994-12-31"), today));
}
