// What a regex's text tells before it runs (util/regex_shape.hpp): nested quantifiers, and the
// literals every match ends with, which gate the phrase rules (extract/site_rules.cpp).
#include <catch2/catch.hpp>

#include "winnow/util/regex_shape.hpp"

using winnow::end_literals;
using V = std::vector<std::string>;

TEST_CASE("regex shape: nested quantifiers are seen, single ones are not", "[regex_shape]") {
    CHECK(winnow::has_nested_quantifier("(a+)+"));
    CHECK(winnow::has_nested_quantifier(R"((\w+\s?)*)"));
    CHECK_FALSE(winnow::has_nested_quantifier(R"(^\W*(a|b)\W*$)"));
    CHECK_FALSE(winnow::has_nested_quantifier("^.{0,120}(x|y)$"));
}

TEST_CASE("regex shape: the literals every match ends with", "[regex_shape]") {
    // The shape of the copyright and blog-engine rules of default.toml.
    auto rights = end_literals(R"(^.{0,120}(all rights reserved|alle rechte vorbehalten|все права защищены)\.?$)");
    REQUIRE(rights);
    CHECK(rights->literals == V{"all rights reserved", "alle rechte vorbehalten", "все права защищены"});
    CHECK(rights->optional_tail == 1);
    auto powered = end_literals(R"(^.{0,60}(powered by|fourni par) (blogger|wordpress)\.?$)");
    REQUIRE(powered);
    CHECK(powered->literals == V{"blogger", "wordpress"});
    CHECK(powered->optional_tail == 1);
    auto plain = end_literals(R"(^(?:a\.b|c d)!?x?$)");
    REQUIRE(plain);
    CHECK(plain->literals == V{"a.b", "c d"});
    CHECK(plain->optional_tail == 2);
}

TEST_CASE("regex shape: no end literals for any other shape", "[regex_shape]") {
    CHECK_FALSE(end_literals(R"(^\W*(share|teilen)\W*$)"));   // a class repeated after the group
    CHECK_FALSE(end_literals("^x(a|b)"));                      // no $
    CHECK_FALSE(end_literals(R"(^x(a|b)\$)"));                // an escaped $ is a character
    CHECK_FALSE(end_literals("^x|(a|b)$"));                    // a top-level alternative ends elsewhere
    CHECK_FALSE(end_literals("^x(a|b)?$"));                    // the group may be absent
    CHECK_FALSE(end_literals("^x(a|b)+$"));
    CHECK_FALSE(end_literals("^x(a|b.)$"));                    // not literal inside
    CHECK_FALSE(end_literals("^x(a|[bc])$"));
    CHECK_FALSE(end_literals("^x(a|)$"));                      // an empty alternative
    CHECK_FALSE(end_literals("(?x)^x(a b|c)$"));               // inline flags: spaces could mean nothing
    CHECK_FALSE(end_literals("^x(?i:a|b)$"));
    CHECK_FALSE(end_literals(R"(^\Q(a)\E$)"));
    CHECK_FALSE(end_literals(R"(^x(a|\d)$)"));
}

TEST_CASE("regex shape: the literals every match starts with", "[regex_shape]") {
    auto related = winnow::start_literals(R"((related|more|à lire)( news| stories)?\W*$)");
    REQUIRE(related);
    CHECK(related->literals == V{"related", "more", "à lire"});
    CHECK_FALSE(related->digit);
    // A run of plain characters ends before a repeated or optional one, or any other item.
    auto runs = winnow::start_literals(R"(\d+ likes?|\(noch|(?:a|b)c|d{1,2}|comments?|leave a (reply|comment)|ab\b)");
    REQUIRE(runs);
    CHECK(runs->literals == V{"(noch", "a", "b", "d", "comment", "leave a ", "ab"});
    CHECK(runs->digit);
    // An optional item adds what follows it; a class of digits and punctuation its members.
    auto optional = winnow::start_literals(R"((\d+ )?x|\(?[\d.,]+ kb|a?b|c*d|e{0,2}f)");
    REQUIRE(optional);
    CHECK(optional->literals == V{"x", "(", ".", ",", "a", "b", "c", "d", "e", "f"});
    CHECK(optional->digit);
    // Any start it cannot read: a dot, a class with letters, a range or '^', \S or \W, an
    // optional item with nothing after it, an empty alternative, inline flags, \Q.
    for (const char* pattern : {".{0,60}x", "[ab]c", "[0-9]c", "[^,]c", R"(\S+ likes)", R"(\W*a)", "a?", "(x)?.",
                                "(a|)b", "a|", "(?i)a", "(?=a)a", R"(\Qa\E)", "^a", "$"})
        CHECK_FALSE(winnow::start_literals(pattern));
}

TEST_CASE("regex shape: Unicode properties that Boost.Regex reads otherwise are seen", "[regex_shape]") {
    using winnow::property_misreading;
    // inside brackets: literal letters
    CHECK_THAT(std::string(property_misreading(R"(( \p{Lu}[\p{Letter}.'-]*){0,4}$)")), Catch::StartsWith("\\p{...} inside [...]"));
    CHECK_FALSE(property_misreading(R"([^\P{Lu}])").empty());
    CHECK_FALSE(property_misreading(R"([[:digit:]\p{Nd}])").empty());  // after a POSIX class in the same brackets
    // one-letter names: Boost's classes
    CHECK_THAT(std::string(property_misreading(R"(\p{L}+)")), Catch::StartsWith("\\p{L} is Boost.Regex's lower-case class"));
    CHECK_FALSE(property_misreading(R"(x\pL)").empty());
    CHECK_FALSE(property_misreading(R"(\P{l})").empty());
    CHECK_THAT(std::string(property_misreading(R"(\p{S})")), Catch::StartsWith("\\p{S} is Boost.Regex's white-space class"));
    // read as meant
    CHECK(property_misreading(R"( \p{Lu}[[:alpha:].'-]*)").empty());
    CHECK(property_misreading(R"(\p{Letter}+[.'-]\p{Ll}\p{Symbol})").empty());
    CHECK(property_misreading(R"(\[\p{Lu}\])").empty());  // escaped brackets are no class
    CHECK(property_misreading(R"([]\\]p{L})").empty());
    CHECK(property_misreading(R"([a[b]\p{Lu})").empty());  // a plain '[' inside brackets: the class ends at its ']'
    CHECK_FALSE(property_misreading(R"([a[b\p{Lu}])").empty());    // ']' first is literal, "\\" an escaped backslash
}
