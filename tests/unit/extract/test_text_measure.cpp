#include <catch2/catch.hpp>

#include "winnow/decode/text.hpp"
#include "winnow/extract/text_measure.hpp"

using namespace winnow::extract;

TEST_CASE("words are white-space tokens with a letter, CJK characters count 0.55 each", "[extract][words]") {
    const StopwordList& none = stopwords_for("xx");
    CHECK(measure_text("Hello,   world! 42", none).words == 2);
    CHECK(measure_text("", none).words == 0);
    // Ten Chinese characters: 5.5 word-equivalents.
    CHECK(measure_text("子どもへの虐待をなくす", none).words == Approx(11 * 0.55));
    CHECK(measure_text("中文 English", none).words == Approx(2 * 0.55 + 1));
}

TEST_CASE("characters count white-space runs once, commas and sentence ends in several scripts", "[extract][words]") {
    const StopwordList& none = stopwords_for("xx");
    TextCounts c = measure_text("  a,  b.\n c， d。", none);
    CHECK(c.commas == 2);
    CHECK(c.sentence_ends == 2);
    CHECK(c.chars == Approx(12).margin(1));
    // A dot inside a number is not a sentence end.
    CHECK(measure_text("Version 3.5 ships", none).sentence_ends == 0);
}

TEST_CASE("stopwords by language, with the union when the language is unknown", "[extract][stopwords]") {
    const StopwordList& de = stopwords_for("de-AT");
    CHECK_FALSE(de.is_union);
    CHECK(measure_text("Der Hund und die Katze", de).stopwords == 3);
    const StopwordList& en = stopwords_for("en_US");
    CHECK(measure_text("The dog and the cat", en).stopwords == 3);
    const StopwordList& any = stopwords_for("");
    CHECK(any.is_union);
    CHECK(measure_text("the und les", any).stopwords == 3);
    // Upper case is folded, including non-ASCII letters.
    CHECK(measure_text("ÜBER", de).stopwords == 1);
    // Chinese function characters count as stopwords per character.
    CHECK(measure_text("我的书", stopwords_for("zh")).stopwords == Approx(0.55));
}

TEST_CASE("every compiled-in list is non-empty and lower case", "[extract][stopwords]") {
    CHECK(stopword_sources().size() >= 20);
    for (const auto& source : stopword_sources()) {
        INFO(source.language);
        CHECK_FALSE(source.words.empty());
        CHECK(winnow::decode::to_lower(source.words) == source.words);
    }
}
