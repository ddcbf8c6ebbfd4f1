// The three hooks the extractor calls with a profile's rules: drop selectors, the content
// container, and drop_text / stop_text on blocks, each removal named after its rule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <unicode/uchar.h>

#include "winnow/dom/tree.hpp"
#include "winnow/extract/site_rules.hpp"
#include "winnow/profiles/profile.hpp"
#include "winnow/profiles/profile_set.hpp"

using winnow::extract::Block;
using winnow::extract::BlockKind;
using winnow::extract::Removal;
using winnow::extract::SiteRules;

namespace {

SiteRules rules_of(const std::string& name, const std::string& rules_toml) {
    std::vector<winnow::profiles::Problem> problems;
    std::string toml =
        name == "default" ? "[rules]\n" + rules_toml : "[match]\nhosts = [\"" + name + "\"]\n[rules]\n" + rules_toml;
    auto profile = winnow::profiles::read_profile(toml, name + ".toml", name, problems);
    INFO((problems.empty() ? "" : problems[0].to_string()));
    REQUIRE(problems.empty());
    return profile->rules;
}

std::vector<Block> paragraphs(std::initializer_list<const char*> texts) {
    std::vector<Block> blocks;
    for (const char* t : texts) blocks.push_back({BlockKind::paragraph, 0, 0, t});
    return blocks;
}

std::vector<std::string> texts(const std::vector<Block>& blocks) {
    std::vector<std::string> out;
    for (const auto& b : blocks) out.push_back(b.text);
    return out;
}

using V = std::vector<std::string>;

// The text rules applied with a guard of their own, which keeps no warnings.
void apply_rules(std::vector<Block>& blocks, const SiteRules& rules, std::vector<Removal>& removals) {
    winnow::RegexGuard regexes;
    winnow::extract::apply_text_rules(blocks, rules, removals, regexes);
}

// The texts of the blocks the rules keep, checking that building the screens (build_text_screen)
// changes neither them nor the rules named by the removals.
V kept_with_and_without_screens(SiteRules& rules, const std::vector<Block>& blocks) {
    std::vector<Block> plain = blocks;
    std::vector<Removal> plain_removals;
    apply_rules(plain, rules, plain_removals);
    winnow::extract::build_text_screen(rules);
    std::vector<Block> screened = blocks;
    std::vector<Removal> screened_removals;
    apply_rules(screened, rules, screened_removals);
    CHECK(texts(screened) == texts(plain));
    REQUIRE(screened_removals.size() == plain_removals.size());
    for (std::size_t i = 0; i < plain_removals.size(); ++i) CHECK(screened_removals[i].rule == plain_removals[i].rule);
    return texts(plain);
}

}  // namespace

TEST_CASE("site rules: drop selectors remove elements and name the rule", "[site_rules]") {
    auto tree = winnow::dom::Tree::parse(
        "<body><article><p>Story.</p><div class='author-box'>About <b>Jane</b></div>"
        "<div class='share-bar'><div class='share-bar'>Share</div></div><div class='empty share-bar'></div>"
        "</article></body>");
    SiteRules rules = rules_of("cryptopolitan.com", "drop = [\".author-box\", \".share-bar\"]\n");
    std::vector<Removal> removals;
    const winnow::extract::Mask mask = winnow::extract::apply_drop_rules(tree, winnow::extract::Mask(tree), rules, removals);
    // The nested share bar goes with its parent; the empty one is removed but not reported.
    REQUIRE(removals.size() == 2);
    CHECK(removals[0].rule == "profile cryptopolitan.com drop \".author-box\"");
    CHECK(removals[0].text == "About Jane");
    CHECK(removals[1].rule == "profile cryptopolitan.com drop \".share-bar\"");
    CHECK(removals[1].text == "Share");
    CHECK(mask.text_content(tree, tree.body()) == "Story.");
}

TEST_CASE("site rules: the first content selector that matches gives the container", "[site_rules]") {
    auto tree = winnow::dom::Tree::parse(
        "<body><div class='sidebar'>x</div><div class='entry-content' id='one'>a</div>"
        "<div class='entry-content' id='two'>b</div><article class='post-body' id='three'>c</article></body>");
    SiteRules rules = rules_of("x.com", "content = [\".missing\", \"article .nothing\", \".entry-content\", \".post-body\"]\n");
    winnow::extract::Mask mask(tree);
    auto container = winnow::extract::find_content_container(tree, mask, rules);
    REQUIRE(container != winnow::dom::k_no_node);
    CHECK(tree.attribute(container, "id") == "one");
    mask.remove(container);
    CHECK(tree.attribute(winnow::extract::find_content_container(tree, mask, rules), "id") == "two");
    CHECK(winnow::extract::find_content_container(tree, mask, rules_of("x.com", "content = [\"main\"]\n")) ==
          winnow::dom::k_no_node);
}

TEST_CASE("site rules: drop_text removes whole blocks, case-insensitive unless asked", "[site_rules]") {
    SiteRules rules = rules_of("default", R"(drop_text = ["^join our telegram", { pattern = "^Share link:$", case_sensitive = true }])");
    auto blocks = paragraphs({"Join our Telegram channel for news", "Body text.", "Share link:", "share link:",
                              "Please join our Telegram later"});
    std::vector<Removal> removals;
    apply_rules(blocks, rules, removals);
    CHECK(texts(blocks) == V{"Body text.", "share link:", "Please join our Telegram later"});
    REQUIRE(removals.size() == 2);
    CHECK(removals[0].rule == "default drop_text \"^join our telegram\"");
    CHECK(removals[0].text == "Join our Telegram channel for news");
    CHECK(removals[1].rule == "default drop_text \"^Share link:$\"");
}

TEST_CASE("site rules: regexes are Unicode-aware: case folding in every script, . is one character", "[site_rules]") {
    SiteRules rules = rules_of("default", R"(drop_text = ["^подписывайтесь на наш", "^ÜBER DEN AUTOR$", "^é+$", "^.{3}$", "^x\\D$"])");
    auto blocks = paragraphs({"Подписывайтесь на наш канал", "Über den Autor", "ÉéÉé", "ñña", "XA", "x1", "Текст статьи"});
    std::vector<Removal> removals;
    apply_rules(blocks, rules, removals);
    CHECK(texts(blocks) == V{"x1", "Текст статьи"});
}

TEST_CASE("site rules: stop_text cuts the body at the first matching block", "[site_rules]") {
    SiteRules rules = rules_of("cryptopolitan.com", "stop_text = [\"^related news$\", \"^nouvelles connexes$\"]\n"
                                                    "drop_text = [\"^ad$\"]\n");
    auto blocks = paragraphs({"First.", "Ad", "Second.", "Related News", "Other story", "Another"});
    std::vector<Removal> removals;
    apply_rules(blocks, rules, removals);
    CHECK(texts(blocks) == V{"First.", "Second."});
    REQUIRE(removals.size() == 4);
    CHECK(removals[1].rule == "profile cryptopolitan.com stop_text \"^related news$\"");
    CHECK(removals[1].text == "Related News");
    CHECK(removals[3].text == "Another");
}

TEST_CASE("site rules: a stop_text block before any kept block is dropped alone", "[site_rules]") {
    SiteRules rules = rules_of("default", "stop_text = [\"^comments$\"]\ndrop_text = [\"^menu$\"]\n");
    auto blocks = paragraphs({"Menu", "Comments", "Story.", "More story.", "Comments", "First comment"});
    std::vector<Removal> removals;
    apply_rules(blocks, rules, removals);
    CHECK(texts(blocks) == V{"Story.", "More story."});
    REQUIRE(removals.size() == 4);
    CHECK(removals[1].rule == "default stop_text \"^comments$\"");
    CHECK(removals[1].text == "Comments");
}

TEST_CASE("site rules: ^ and $ anchor at the block's ends, not at line breaks inside it", "[site_rules]") {
    SiteRules rules = rules_of("default", "drop_text = [\"^share$\"]\n");
    std::vector<Block> blocks{{BlockKind::preformatted, 0, 0, "code\nshare\nmore"}, {BlockKind::paragraph, 0, 0, "Share"}};
    std::vector<Removal> removals;
    apply_rules(blocks, rules, removals);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].kind == BlockKind::preformatted);
}

TEST_CASE("site rules: a catastrophic regex is skipped and reported, the run goes on", "[site_rules]") {
    SiteRules rules = rules_of("x.com", "drop_text = [\"(a+)+$\", \"^drop me$\"]\n");
    std::string long_line(20000, 'a');
    long_line += "!";
    std::vector<Block> blocks{{BlockKind::paragraph, 0, 0, long_line},
                              {BlockKind::paragraph, 0, 0, "drop me"},
                              {BlockKind::paragraph, 0, 0, "aaaa!"}};
    std::vector<Removal> removals;
    std::vector<std::string> warnings;
    winnow::RegexGuard regexes(&warnings);
    winnow::extract::apply_text_rules(blocks, rules, removals, regexes);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("rule profile x.com drop_text \"(a+)+$\" in x.com.toml skipped: the regex is too complex"));
    // The skipped rule is not tried again on the page; the other rule still applies.
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].text == long_line);
    CHECK(blocks[1].text == "aaaa!");
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].rule == "profile x.com drop_text \"^drop me$\"");
}

TEST_CASE("site rules: removal texts are cut at a character boundary", "[site_rules]") {
    SiteRules rules = rules_of("default", "drop_text = [\"^é+$\"]\n");
    std::string text;
    for (int i = 0; i < 100; ++i) text += "é";
    auto blocks = paragraphs({text.c_str()});
    std::vector<Removal> removals;
    apply_rules(blocks, rules, removals);
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].text.size() <= 80);
    CHECK(removals[0].text.ends_with("é..."));
}

TEST_CASE("site rules: the combined screen keeps every rule's meaning", "[site_rules]") {
    // Anchored and unanchored rules, a top-level alternation that is not anchored as a whole,
    // and a case-sensitive rule beside case-insensitive ones.
    SiteRules rules = rules_of("default",
                               "drop_text = [\"^share$\", \"^a+b|tail end$\", \"middle\","
                               " { pattern = \"^CASE$\", case_sensitive = true }]\n"
                               "stop_text = [\"^related news$\"]\n");
    const auto blocks = paragraphs({"Keep one.", "SHARE", "xx tail end", "in the middle here", "case", "CASE",
                                    "aab and more", "Keep two.", "Related News", "Cut."});
    CHECK(kept_with_and_without_screens(rules, blocks) == V{"Keep one.", "case", "Keep two."});
    CHECK(rules.text_screens.has_value());
}

TEST_CASE("site rules: the whole-page rescue's drop_text alone passes the screens of both lists", "[site_rules]") {
    // The whole-page rescue applies drop_text alone, through the screens of drop_text and
    // stop_text: a block only a stop_text rule fits ("Related News") passes them, and the
    // drop_text rules then keep it.
    SiteRules rules = rules_of("default", "drop_text = [\"^share$\", \"middle\"]\nstop_text = [\"^related news$\"]\n");
    winnow::extract::build_text_screen(rules);
    REQUIRE(rules.text_screens.has_value());
    const auto blocks = paragraphs({"Keep one.", "SHARE", "Related News", "in the middle here", "Keep two."});
    std::vector<Block> drop_only = blocks;
    std::vector<Removal> removals;
    winnow::RegexGuard regexes;
    winnow::extract::apply_text_rules(drop_only, rules, removals, regexes, winnow::extract::TextRuleSet::drop_only);
    CHECK(texts(drop_only) == V{"Keep one.", "Related News", "Keep two."});
    REQUIRE(removals.size() == 2);
    CHECK(removals[0].rule == "default drop_text \"^share$\"");
    CHECK(winnow::extract::drop_text_rule_name(rules, paragraphs({"Related News"})[0], regexes).empty());
    std::vector<Block> both = blocks;
    apply_rules(both, rules, removals);
    CHECK(texts(both) == V{"Keep one."});
}

TEST_CASE("site rules: a site's rules over default.toml's reuse the default's screens", "[site_rules]") {
    // The site's own rules get screens of their own; default.toml's (built once) are appended,
    // the same compiled regexes: what each list drops, and under which rule, is as without screens.
    SiteRules defaults = rules_of("default", "drop_text = [\"^\\\\W*share\\\\W*$\", \"middle\"]\nstop_text = [\"^related news$\"]\n");
    winnow::extract::build_text_screen(defaults);
    REQUIRE(defaults.text_screens.has_value());
    SiteRules merged = rules_of("example.com", "drop_text = [{ pattern = \"^Site Only$\", case_sensitive = true }]\n"
                                               "stop_text = ['^Read next$']\n");
    for (const auto& rule : defaults.drop_text) merged.drop_text.push_back(rule);
    for (const auto& rule : defaults.stop_text) merged.stop_text.push_back(rule);
    const auto blocks = paragraphs({"Keep one.", "Site Only", "site only", "» Share", "in the middle here",
                                    "Keep two.", "Read next", "Cut."});
    std::vector<Block> plain = blocks;
    std::vector<Removal> plain_removals;
    apply_rules(plain, merged, plain_removals);
    winnow::extract::build_text_screen(merged, &defaults);
    REQUIRE(merged.text_screens.has_value());
    REQUIRE(merged.text_screens->size() == 1 + defaults.text_screens->size());  // the site's one anchored screen
    CHECK(&merged.text_screens->back().regex.get_data() == &defaults.text_screens->back().regex.get_data());
    std::vector<Block> screened = blocks;
    std::vector<Removal> screened_removals;
    apply_rules(screened, merged, screened_removals);
    CHECK(texts(screened) == V{"Keep one.", "site only", "Keep two."});
    CHECK(texts(screened) == texts(plain));
    REQUIRE(screened_removals.size() == plain_removals.size());
    for (std::size_t i = 0; i < plain_removals.size(); ++i) CHECK(screened_removals[i].rule == plain_removals[i].rule);
}

TEST_CASE("site rules: a site over default rules that cannot be screened gets no screens", "[site_rules]") {
    // A back-reference in default.toml leaves it without screens: the site's rules above it
    // must not be screened alone (a block only a default rule fits would be skipped).
    SiteRules defaults = rules_of("default", "drop_text = [\"^(\\\\w+) \\\\1$\"]\n");
    winnow::extract::build_text_screen(defaults);
    CHECK_FALSE(defaults.text_screens.has_value());
    SiteRules merged = rules_of("example.com", "drop_text = ['^Site Only$']\n");
    for (const auto& rule : defaults.drop_text) merged.drop_text.push_back(rule);
    winnow::extract::build_text_screen(merged, &defaults);
    CHECK_FALSE(merged.text_screens.has_value());
    auto blocks = paragraphs({"Keep.", "bye bye", "site only"});
    std::vector<Removal> removals;
    apply_rules(blocks, merged, removals);
    CHECK(texts(blocks) == V{"Keep."});
}

TEST_CASE("site rules: a rule whose matches end with a literal is gated by it, not screened", "[site_rules]") {
    // "^.{0,N}(literal|...)\.?$" is tried only on a block that ends with one of its literals
    // (lowered as a case-insensitive search compares them), at most one character before the end.
    SiteRules rules = rules_of("default",
                               "drop_text = [\"^.{0,30}(all rights reserved|все права защищены)\\\\.?$\",\n"
                               "  { pattern = \"^.{0,10}(Powered by Blogger)$\", case_sensitive = true }]\n");
    const auto blocks = paragraphs({"© 2024 Example. ALL RIGHTS RESERVED.", "Keep: all rights reserved, he said.",
                                    "© 2024 Пример. Все права защищены", "powered by blogger", "Powered by Blogger",
                                    "Keep: nothing here is reserved."});
    CHECK(kept_with_and_without_screens(rules, blocks) ==
          V{"Keep: all rights reserved, he said.", "powered by blogger", "Keep: nothing here is reserved."});
    CHECK(rules.drop_text[0].gate_literals.size() == 2);
    CHECK(rules.drop_text[0].gate_tail == 1);
    CHECK(rules.drop_text[1].gate_literals.size() == 1);
    CHECK_FALSE(rules.text_screens.has_value());  // both rules are gated: no screen is left to build
}

TEST_CASE("site rules: anchored rules that open with any non-word characters share that start in the screen", "[site_rules]") {
    // "^\W*a" and "^\W*b" are screened as "^\W*(?:a|b)"; lazy "\W*?" and a case-sensitive rule
    // keep their own meaning.
    SiteRules rules = rules_of("default",
                               "drop_text = [\"^\\\\W*(read more|share)\\\\W*$\", \"^\\\\W*?lazy$\", \"^x\\\\W*y$\",\n"
                               "  { pattern = \"^\\\\W*ADS$\", case_sensitive = true }]\n");
    const auto blocks = paragraphs({"Keep one.", "→ Read more ›", "ads", "» ADS", "!!lazy", "x -- y", "SHARE",
                                    "Keep: read more of it.", "Keep two."});
    CHECK(kept_with_and_without_screens(rules, blocks) == V{"Keep one.", "ads", "Keep: read more of it.", "Keep two."});
    CHECK(rules.text_screens.has_value());
}

TEST_CASE("site rules: default.toml drops a forum post's edit note, quote head, like counter and poster card, cuts at similar threads", "[site_rules]") {
    winnow::profiles::ProfileSet builtin;  // the built-in default.toml
    SiteRules rules = builtin.default_profile().rules;
    auto blocks = paragraphs({"The fan stops when the board is idle, which is what I wanted.",
                              "Last edited: 13 Sep 2024",
                              "Last edited by lowjhg; Feb 17, 2026 at 9:17 am",
                              "Last edited by DevOpsUser on 12. Sep 2024, 11:14, edited 4 times in total.",
                              "Originally Posted by HOSTLAR",
                              "jahboater wrote: \u2191",
                              "He said: the last edited version of the file was lost.",
                              "7 Likes",
                              "Like x 2",
                              "1 person likes this.",
                              "WiSK, spellofiron, JapesUK and 1 others like this.",
                              "Quote:",
                              "Join Date: Aug 2008",
                              "Posts: 1,077",
                              "Original Poster",
                              "Location: Boston, Massachusetts",
                              "Most readers would like this.",
                              "Similar threads",
                              "Fan noise on the new board"});
    CHECK(kept_with_and_without_screens(rules, blocks) ==
          V{"The fan stops when the board is idle, which is what I wanted.",
            "He said: the last edited version of the file was lost.", "Location: Boston, Massachusetts",
            "Most readers would like this."});
}

TEST_CASE("site rules: default.toml drops phpBB's code box head and attachment counters, not code or prose about them", "[site_rules]") {
    winnow::profiles::ProfileSet builtin;  // the built-in default.toml
    SiteRules rules = builtin.default_profile().rules;
    auto blocks = paragraphs({"Add this line to config.txt and reboot:",
                              "Code: Select all",
                              "Code: Alles auswählen",
                              "Code : Tout sélectionner",
                              "dtparam=pwr_led_trigger=default-on",
                              "(95.79 KiB) Downloaded 478 times",
                              "(1.35 KiB) 12-mal heruntergeladen",
                              "Select all the files, then press Delete.",
                              "The installer was downloaded 4000 times in its first week.",
                              "Code: select all rows where the id is null"});
    CHECK(kept_with_and_without_screens(rules, blocks) ==
          V{"Add this line to config.txt and reboot:", "dtparam=pwr_led_trigger=default-on",
            "Select all the files, then press Delete.", "The installer was downloaded 4000 times in its first week.",
            "Code: select all rows where the id is null"});
}

TEST_CASE("site rules: a screen is searched only on a block that can start one of its rules' matches", "[site_rules]") {
    // The first characters of each rule (after the shared "\W*": any character up to the first
    // letter or digit) gate its screen: lowered for a case-insensitive rule, as written for a
    // case-sensitive one, any decimal digit for \d; a rule that may start anyhow has a screen of
    // its own, searched on every block.
    SiteRules rules = rules_of("default",
                               "drop_text = [\"^\\\\W*(read more|share)\\\\W*$\", \"^\\\\W*\\\\d+ likes?\\\\W*$\",\n"
                               "  \"^\\\\W*\\\\(noch keine bewertungen\\\\)\\\\W*$\", \"^(tags|ételek) ?:.{0,20}$\",\n"
                               "  \"^\\\\S+ likes this\\\\.$\", { pattern = \"^\\\\W*ÄDS$\", case_sensitive = true }]\n");
    const auto blocks = paragraphs({"Keep one.", "→ Read more ›", "ÉTELEK: leves", "Tags: a, b", "» ÄDS", "äds",
                                    "٣ likes", "(noch keine Bewertungen)", "-- (noch keine Bewertungen)", "Anna likes this.",
                                    "Keep: read more of it.", "Keep: 3 likes", "Keep two."});
    CHECK(kept_with_and_without_screens(rules, blocks) == V{"Keep one.", "äds", "Keep: read more of it.", "Keep: 3 likes", "Keep two."});
    REQUIRE(rules.text_screens.has_value());
    using Start = winnow::extract::TextScreen::Start;
    std::vector<Start> starts;
    for (const auto& screen : *rules.text_screens) starts.push_back(screen.start);
    CHECK(starts == std::vector<Start>{Start::first_character, Start::anywhere, Start::after_non_word});
}

TEST_CASE("site rules: the screens' gate reads letters and digits as Boost's classes do", "[site_rules]") {
    // The gate of a screen after the shared "\W*" stops at the first letter or digit: every
    // character it stops at must be one Boost's \W* stops at too, and every \d one u_isdigit.
    const auto word = boost::make_u32regex(R"(\w)", boost::regex::perl);
    const auto digit = boost::make_u32regex(R"(\d)", boost::regex::perl);
    std::size_t checked = 0;
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::vector<UChar32> one{c};
        const bool boost_word = boost::u32regex_match(one.begin(), one.end(), word);
        const bool boost_digit = boost::u32regex_match(one.begin(), one.end(), digit);
        if (winnow::extract::surely_word(c) && !boost_word) FAIL("U+" << std::hex << c << " is a letter Boost's \\w does not match");
        if (boost_digit && !u_isdigit(c)) FAIL("U+" << std::hex << c << " is a \\d that u_isdigit is not");
        ++checked;
    }
    CHECK(checked > 1000000);
}

TEST_CASE("site rules: a rule tried alone is tried only on a block that can start its match", "[site_rules]") {
    // Rules with nested quantifiers stay out of the screens; an anchored one whose start its text
    // shows (right after ^, or after the shared "\W*") gets that start as its gate. The blocks it
    // drops are those its regex matches, block by block.
    SiteRules rules = rules_of("default",
                               "drop_text = [\"^\\\\W*(subscribe to|abonnez-vous à) \\\\S+( \\\\S+){0,2}\\\\W*$\",\n"
                               "  { pattern = \"^(By|Von|Autor):?( \\\\p{Lu}[[:alpha:].'-]*){0,4}$\", case_sensitive = true },\n"
                               "  \"^\\\\S+( \\\\S+)* liked this$\"]\n");
    const std::vector<std::string> texts_in = {"Keep one.", "» Subscribe to our newsletter", "SUBSCRIBE TO IT NOW",
                                               "Abonnez-vous à la lettre", "Keep: subscribe to our newsletter today, it is free",
                                               "By Anna Smith", "by Anna Smith", "Autor: Jörg Müller", "Von", "Keep: By the way",
                                               "Anna and Bob liked this", "— By Anna", "Keep two."};
    std::vector<Block> blocks;
    for (const auto& t : texts_in) blocks.push_back({BlockKind::paragraph, 0, 0, t});
    const V kept = kept_with_and_without_screens(rules, blocks);
    V expected;
    for (const auto& t : texts_in) {
        bool any = false;
        for (const auto& rule : rules.drop_text)
            any = any || boost::u32regex_search(t, rule.regex, boost::match_single_line);
        if (!any) expected.push_back(t);
    }
    CHECK(kept == expected);
    // Each gated rule drops blocks its gate opens for, and none its gate stays shut on.
    auto is_kept = [&](const std::string& t) { return std::find(kept.begin(), kept.end(), t) != kept.end(); };
    for (const char* dropped : {"» Subscribe to our newsletter", "SUBSCRIBE TO IT NOW", "Von", "By Anna Smith",
                                "Autor: Jörg Müller", "Anna and Bob liked this"})
        CHECK_FALSE(is_kept(dropped));
    for (const char* stays : {"— By Anna", "Keep: subscribe to our newsletter today, it is free"}) CHECK(is_kept(stays));
    using Start = winnow::extract::StartGate::Start;
    REQUIRE(rules.drop_text.size() == 3);
    CHECK(rules.drop_text[0].start_gate.start == Start::after_non_word);
    CHECK(rules.drop_text[1].start_gate.start == Start::first_character);
    CHECK(rules.drop_text[2].start_gate.start == Start::anywhere);  // \S+ may start anyhow: tried on every block
}
