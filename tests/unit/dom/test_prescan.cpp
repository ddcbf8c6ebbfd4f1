// The scan before parsing must never change the tree: every case is parsed with and without it
// and the two trees are compared node by node.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "winnow/dom/prescan.hpp"
#include "winnow/dom/tree.hpp"

using winnow::dom::dump_tree;
using winnow::dom::PrescanStats;
using winnow::dom::Tree;

namespace {

std::string scanned_tree(const std::string& html) { return dump_tree(Tree::parse(html, {.prescan = true})); }
std::string whole_tree(const std::string& html) { return dump_tree(Tree::parse(html, {.prescan = false})); }

void scan_with_markers(const std::string& html, std::string& out) {
    out.clear();
    std::vector<winnow::dom::RemovedText> removed;
    std::vector<winnow::dom::TakenAttributes> taken;
    winnow::dom::strip_unread_content(html, out, &removed, winnow::dom::ScanMode::remove_unread, &taken);
}

PrescanStats scan(const std::string& html, std::string* out = nullptr) {
    std::string copy;
    PrescanStats stats = winnow::dom::strip_unread_content(html, copy);
    if (out) *out = copy;
    return stats;
}

// Pieces of markup that put the tokenizer and the tree builder in every state the scan follows.
const std::vector<std::string> k_pieces = {
    "<p>text ",
    "<script>var a = 1 < 2 && b > 3;</script>",
    "<script>document.write(\"<p>not an element</p>\")</script>",
    "<script>var s = \"</scr\" + \"ipt>\"; var t = '</script'; </script>",
    "<script><!-- <script>inner</script> still script --></script>",
    "<script><!-- </script><p>after an escaped end</p>",
    "<script><!--> back to data</script>",
    "<script>a <!-- b --> c <!-- <script> d </script> e --> f</script>",
    "<SCRIPT type=\"text/javascript\">X</SCRIPT >",
    "<script/>self closing still opens</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\"}</script>",
    "<script>\r\ncr lf\rcr \x01 ctrl \x7F del \xC2\x85 nel \xEF\xB7\x90 nonchar \xEF\xBF\xBE \xF0\x9F\xBF\xBF end</script>",
    std::string("<script>nul \0 inside</script>", 29),
    "<style>p > a { color: red } /* </p> */</style>",
    "<STYLE media=all>.a{}</STYLE\t>",
    "<style>\r\n.b{}\r</style>",
    "<div title=\"a > b <script>\" data-x='</script>'>quoted",
    "<div title=a>b</div>",
    "<script a=\"></script>\" b='>'>x</script>",
    "<div =x a=\"1\"b='2'c/ d>e</div>",
    "<div a=b/>unquoted slash</div>",
    "<p/ title=x>",
    "<svg><g a=\"</svg>\"><rect/></g></svg>",
    "<svg><style><![CDATA[ a<b ]]></style><!-- </svg> --></svg>",
    "<svg><title><b>markup in an integration point</b></title></svg>",
    "<svg><desc/><title></title><font color=red>f</font></svg>",
    "<select><svg><p>in select</p></svg></select>",
    "<table><svg><title>t</title></svg><tr><td>c</td></tr></table>",
    "<!-- <script> in a comment -->",
    "<!-- a -- b --!> closed by --!>",
    "<!--> abrupt",
    "<!---> abrupt too",
    "<!--- - -- --->",
    "<?xml version=\"1.0\"?>",
    "<!DOCTYPE html>",
    "<![CDATA[ bogus <script> comment ]]>",
    "</ bogus end>",
    "</>",
    "</><svg><path/></svg>",
    "<svg><g></></g></svg>",
    "<title>t <script> not a script </title>",
    "<textarea>&lt; <script>x</script> </textarea>",
    "<iframe><script>not parsed</script></iframe>",
    "<noembed><style>x</style></noembed>",
    "<noframes><script>y</script></noframes>",
    "<xmp><svg><p></xmp>",
    "<noscript><script>in noscript</script><p>para</p></noscript>",
    "<select><option>o<style>ignored <b>bold</b></style><svg><path/></svg><script>s<i>x</i></script></select>",
    "<select><textarea>t</textarea>",
    "<select><template><style>a</style></template></select>",
    "<select><tr><script>x</script></select>",
    "<table><tr><td>cell<script>t</script></td></tr><style>x</style>foster</table>",
    "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0L1 1\"/><g><circle r=\"1\"></circle></g></svg>",
    "<svg><title>Share</title><desc>d</desc><path/></svg>",
    "<svg><script>a<b</script><style>s{}</style></svg>",
    "<svg><![CDATA[<b>not bold</b>]]><text>drawn text</text></svg>",
    "<svg><text>a &amp; b &lt;</text><title>x&y</title></svg>",
    "<svg>\r\n<text>\x01 c\r</text> < lone</svg>",
    "<svg><![CDATA[ unterminated",
    "<svg><text>to the end",
    "<svg><foreignObject><div>html <script>x</script></div></foreignObject></svg>",
    "<svg><g><p>breakout</p></g></svg>",
    "<svg><g></div></g></svg>",
    "<svg><g></g ></svg >",
    "<svg><svg><rect/></svg><rect/></svg>",
    "<svg/>",
    "<SVG><PATH/></SVG>",
    "<math><mi>x</mi><script>m</script></math>",
    "<math/>",
    "<template><p>inert <script>t</script></p></template>",
    "<template><col><script>ignored start</script></template>",
    "<h1>Head<style>.c{}</style>line</h1>",
    "<pre>\n  code <script>x</script></pre>",
    "<b><p>misnested</b> text</p>",
    "<a href=\"#\">link</a>",
    "</div>",
    "<br/>",
    "& &amp; &#60;script&#62;",
    // Attributes the scan takes from the tags (TakenAttributes) and Tree::parse reads itself.
    "<div CLASS=\"a\" class=\"b\" Id=c data-x='1' ID=d>duplicates</div>",
    "<p title=\"x\r\ny\r\" lang=\"\x01v\x7F\xEF\xBF\xBE\" \xC3\x89t\xC3\xA9=\xC2\x85>controls</p>",
    std::string("<span a=\"n\0ul\" b\0c=d>nul</span>", 32),
    "<img src=a.png/><img src=\"b\" alt='c' /><br class=x/><hr/ class=y>",
    "<div\ta\n=\n\"1\"\fb\r\nc = 'q' >white space</div>",
    "<div a=\"&amp;\" b=c>reference</div><div title=x&y>unquoted reference</div>",
    "</><div class=after-empty-end-tag>x</div>",
    "<my-widget data-a=1 Data-A=2>custom</my-widget><My-Widget class=z/>",
    "<ul class=l><li class=a>one<li class=b>two</ul>",
    "<table class=t><tr class=r><td class=c colspan=2>cell</table>",
    "<p title='a\"b' alt=\"c'd\" e=f\"g'h i=<j>>quotes</p>",
    "<div =x a/b c=/ d>z</div><section a b= c=d/>e</section>",
    "<div a=\"1\"/b=2 c='3'd>no space after quotes</div>",
    "<div hidden aria-hidden=\"true\" style=\"display:none\"><p class=x>hidden</p></div>",
    "<b class=x><b class=x><b class=x><b class=x><p>noah</p>",
    "<a href=x>1<a href=x>2</a><b id=1><i CLASS=c id=2><b id=1><b ID=1><b id='1'><p>reconstructed</p>",
    "<font face=a><font face=a><font FACE='a'><font face=a size=1><font face=a><p>f</p>",
    "<em title=\"&#120;\"><em title=x><em title=x><em title=x><p>e</p>",
    "<body class=b2 id=b><html lang=x class=h><head data-h=1>",
    "<input type=hidden class=i><table><input type=hidden name=n><input type=text class=t></table>",
    "<isindex prompt=p action=a class=c>",
    "<form class=f><button class=b>x</button><label for=a>l</label></form>",
    "<meta charset=utf-8 class=m><link rel=stylesheet href=s.css><base href=\"/\">",
    "<p class=\"multi\nline\nvalue\" data-json='{\"a\": [1, 2]}'>json</p>",
    "<meta content=\"x\" die Menschen, die aufgrund der Folgen der Not, \"sagt\" er.\">",
    "<div a a a a=2 b a/c A>repeated names</div>",
    "<a href=\"?a=1&amp;b=2\">1<a href='?a=1&b=2'>2<a href=?a=1&#38;b=2>3<a href=\"?a=1&amp;b=2\"><p>refs</p>",
    "<i title=\"&quot;q&quot;\"><i title='\"q\"'><i title=&#34;q&#34;><i title='\"q\"'><div>decoded alike</div>",
    "<s a=\"&notit;\" b=&copy=1 c=&amp d=\"&#0;&#x80;\">legacy references</s>",
    // The open-kind counts: closes and stray end tags of kinds open or not.
    "<li>one<div><li>two</div></li><dd>three<dt>four",
    "</p></li></dd></td></tr></button></a><p>after strays",
    "<div><div><p>deep<div>closes the p</div></div></div><p>again",
};

std::string random_page(std::mt19937& random, std::size_t pieces) {
    std::uniform_int_distribution<std::size_t> pick(0, k_pieces.size() - 1);
    std::string html = random() % 2 ? "<!DOCTYPE html><html><head>" : "";
    for (std::size_t i = 0; i < pieces; ++i) {
        html += k_pieces[pick(random)];
        if (random() % 8 == 0) html += "</head><body>";
    }
    // Sometimes cut the page anywhere: inside a tag, a comment, a script.
    if (random() % 4 == 0) html.resize(random() % (html.size() + 1));
    return html;
}

}  // namespace

TEST_CASE("prescan: the tree is the same with and without the scan, piece by piece", "[dom][prescan]") {
    for (const std::string& piece : k_pieces) {
        INFO(piece);
        CHECK(scanned_tree(piece) == whole_tree(piece));
        CHECK(scanned_tree("<body><p>before</p>" + piece + "<p>after</p>") ==
              whole_tree("<body><p>before</p>" + piece + "<p>after</p>"));
    }
}

TEST_CASE("prescan: the tree is the same with and without the scan on random pages", "[dom][prescan]") {
    std::mt19937 random(20250415);
    for (int i = 0; i < 3000; ++i) {
        const std::string html = random_page(random, 1 + random() % 24);
        INFO(html);
        REQUIRE(scanned_tree(html) == whole_tree(html));
    }
}

TEST_CASE("prescan: script, style and SVG bodies and comments are left out, the rest copied", "[dom][prescan]") {
    std::string copy;
    PrescanStats stats = scan(
        "<html><head><style>p{}</style><script src=a.js></script><script>var x = '<p>';</script></head>"
        "<body><!-- note --><p title=\"<script>\">Text</p><svg><path d=\"M0\"/></svg></body></html>",
        &copy);
    CHECK(copy ==
          "<html><head><style></style><script src=a.js></script><script></script></head>"
          "<body><!----><p title=\"<script>\">Text</p><svg></svg></body></html>");
    CHECK(stats.scripts == 1);
    CHECK(stats.styles == 1);
    CHECK(stats.svgs == 1);
    CHECK(stats.comments == 1);
    CHECK(stats.stopped_at.empty());
}

TEST_CASE("prescan: attributes are taken from the tags whose attributes the tree builder never reads", "[dom][prescan]") {
    const std::string page = "<div class=\"a\" id=b><img src=x /><p title=\"&amp;\">t</p><a href=y>l</a><br/></div>";
    std::string copy;
    std::vector<winnow::dom::RemovedText> removed;
    std::vector<winnow::dom::TakenAttributes> taken;
    const PrescanStats stats =
        winnow::dom::strip_unread_content(page, copy, &removed, winnow::dom::ScanMode::remove_unread, &taken);
    // The <p> keeps its reference for Gumbo to decode; the <a>, a formatting element, gets the
    // marker of its set of attributes.
    CHECK(copy == "<div><img/><p title=\"&amp;\">t</p><a _=0>l</a><br/></div>");
    CHECK(stats.taken_attributes == 3);
    REQUIRE(taken.size() == 3);
    CHECK(page.substr(taken[0].begin, taken[0].end - taken[0].begin) == " class=\"a\" id=b");
    CHECK(taken[0].copy_position == 0);
    CHECK(page.substr(taken[1].begin, taken[1].end - taken[1].begin) == " src=x ");
    CHECK(taken[1].copy_position == 5);
    CHECK(taken[2].copy_position == 33);
    CHECK(!taken[2].references);
    // Formatting elements get the same marker exactly when Gumbo finds their attributes alike.
    scan_with_markers("<b class=x id=1><b ID='1' CLASS=\"x\"><b class=x><b title=\"&#120;\"><b title=x>", copy);
    CHECK(copy == "<b _=0><b _=0><b _=1><b _=2><b _=2>");
    std::vector<std::pair<std::string, std::string>> decoded;
    winnow::dom::decode_attributes(" title=\"a&amp;b&#120;\" Data-X=&lt; x=1 X=2", decoded);
    CHECK(decoded == std::vector<std::pair<std::string, std::string>>{{"title", "a&bx"}, {"data-x", "<"}, {"x", "1"}});
}

TEST_CASE("prescan: a formatting element's attributes written again get the marker and the decoded values of the first", "[dom][prescan]") {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    const std::string page = "<a href=\"?x&amp;y\">1</a><a HREF='?x&amp;y'>2</a><a href=\"?x&amp;y\">3</a><b class=c>4</b>"
                             "<b class=c>5</b><a href=\"?x&amp;y&amp;z\">6</a>";
    std::string copy;
    std::vector<winnow::dom::RemovedText> removed;
    std::vector<winnow::dom::TakenAttributes> taken;
    winnow::dom::strip_unread_content(page, copy, &removed, winnow::dom::ScanMode::remove_unread, &taken);
    CHECK(copy == "<a _=0>1</a><a _=0>2</a><a _=0>3</a><b _=1>4</b><b _=1>5</b><a _=2>6</a>");
    REQUIRE(taken.size() == 6);
    for (std::size_t i : {0, 1, 2}) {
        CHECK(taken[i].references);
        CHECK(taken[i].decoded == Pairs{{"href", "?x&y"}});
    }
    CHECK(!taken[4].references);
    CHECK(taken[4].decoded.empty());
    CHECK(taken[5].decoded == Pairs{{"href", "?x&y&z"}});
}

TEST_CASE("prescan: attributes whose only references are the simple named ones (amp, quot, gt, lt) are decoded as Gumbo decodes them", "[dom][prescan]") {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    // Read without Gumbo; with one more attribute holding another reference, the same text goes
    // to Gumbo, whose reading must be the same but for that attribute.
    auto check_like_gumbo = [](std::string_view text) {
        Pairs fast, by_gumbo;
        winnow::dom::decode_attributes(text, fast);
        winnow::dom::decode_attributes(std::string(text) + " zz=&#120;", by_gumbo);
        fast.emplace_back("zz", "x");
        CHECK(fast == by_gumbo);
        return fast;
    };
    CHECK(check_like_gumbo(" href=\"/x?a=1&amp;b=2&amp;amp;c\"") == Pairs{{"href", "/x?a=1&b=2&amp;c"}, {"zz", "x"}});
    CHECK(check_like_gumbo(" HREF=?a&amp;b Title='&amp;&amp;' href=x") == Pairs{{"href", "?a&b"}, {"title", "&&"}, {"zz", "x"}});
    // In a name "&amp;" is text; a dropped name without a value begins the next one.
    CHECK(check_like_gumbo(" a&amp;b=1 c C d=\"&amp;\"/") == Pairs{{"a&amp;b", "1"}, {"c", ""}, {"cd", "&"}, {"zz", "x"}});
    check_like_gumbo(" x=\"a\rb&amp;\" y='\x01&amp;'");
    // A '"' or '>' that a reference stands for ends neither a quoted nor an unquoted value.
    CHECK(check_like_gumbo(" title=\"&quot;a&quot; &gt; &lt;b&gt;&amp;quot;\" x=&gt;&quot;y") ==
          Pairs{{"title", "\"a\" > <b>&quot;"}, {"x", ">\"y"}, {"zz", "x"}});
}

TEST_CASE("prescan: attributes are read by the tokenizer's rules", "[dom][prescan]") {
    winnow::dom::AttributeReader reader;
    auto read = [&](std::string_view text) {
        std::string out;
        for (const auto& a : reader.read(text)) out += std::string(a.name) + "=[" + std::string(a.value) + "] ";
        return out;
    };
    CHECK(read(" class=\"a b\" ID='c' data-x=1") == "class=[a b] ID=[c] data-x=[1] ");
    // "A" repeats "a" and goes with its value; white space may stand around '='; a name may
    // begin with '='.
    CHECK(read(" a A=2 b= c =d") == "a=[] b=[c] =d=[] ");
    CHECK(read("/ e/f g=\"1\"h='2'i=j/") == "e=[] f=[] g=[1] h=[2] i=[j/] ");
    // Gumbo keeps a dropped name without a value and begins the next name with it.
    CHECK(read(" die x Die aufgrund der DER=1 y") == "die=[] x=[] Dieaufgrund=[] der=[] y=[] ");
    CHECK(read(" a a a a=2 b") == "a=[] aa=[] b=[] ");
}

TEST_CASE("prescan: stops where the tree decides what comes next, and copies the rest", "[dom][prescan]") {
    std::string copy;
    const std::string tail = "<script>kept</script>";
    CHECK(scan("<p><math><mi>x</mi></math>" + tail, &copy).stopped_at == "<math>");
    CHECK(copy.ends_with(tail));
    CHECK(scan("<svg><foreignObject><div>x</div></foreignObject></svg>" + tail, &copy).stopped_at ==
          "an <svg> with HTML inside");
    CHECK(copy.ends_with(tail));
    CHECK(scan("<plaintext>" + tail).stopped_at == "<plaintext>");
    CHECK(scan("<select><td>" + tail).stopped_at == "a table tag inside <select>");
    // A frameset page is copied whole: removed SVG text could change whether it is honoured.
    const std::string frames = "<svg><text>x</text></svg><frameset><frame src=a></frameset>" + tail;
    CHECK(scan(frames, &copy).stopped_at == "<frameset>");
    CHECK(copy == frames);
}

TEST_CASE("prescan: script and style text comes back as Gumbo gives it", "[dom][prescan]") {
    const std::string replacement = "\xEF\xBF\xBD";
    std::string text = "a\r\nb\rc";
    text += '\x01';
    text += "d";
    text += '\0';
    text += "e\xC2\x85";          // U+0085, a C1 control
    text += "f\xC2\xA0g";         // U+00A0 stays
    text += "\xEF\xB7\x90h";      // U+FDD0, a noncharacter
    text += "\xEF\xBF\xBEi";      // U+FFFE
    text += "\xF4\x8F\xBF\xBFj";  // U+10FFFF
    text += "\xF0\x9F\x98\x80";   // U+1F600 stays
    std::string out;
    winnow::dom::append_raw_text(out, text);
    CHECK(out == "a\nb\nc" + replacement + "d" + replacement + "e" + replacement + "f\xC2\xA0g" + replacement + "h" +
                     replacement + "i" + replacement + "j\xF0\x9F\x98\x80");
    // Runs of plain ASCII are skipped eight bytes at a time: a byte to change (or to keep) at
    // every offset of such a run, and at its ends, is still seen.
    const std::pair<std::string, std::string> pieces[] = {
        {"\r\n", "\n"}, {"\r", "\n"}, {std::string(1, '\0'), replacement}, {"\x1F", replacement},
        {"\x7F", replacement}, {"\xEF\xBF\xBE", replacement}, {"\t", "\t"}, {"\n", "\n"}, {"~", "~"},
        {"\xC2\xA0", "\xC2\xA0"}};
    const std::string run = "abcdefghijklmnopqrstuvwx";
    for (const auto& [piece, expected] : pieces) {
        for (std::size_t at = 0; at <= run.size(); ++at) {
            out.clear();
            winnow::dom::append_raw_text(out, run.substr(0, at) + piece + run.substr(at));
            CHECK(out == run.substr(0, at) + expected + run.substr(at));
        }
    }
    // And what Gumbo does: the same tree with and without the scan.
    CHECK(scanned_tree("<script>" + text + "</script><style>" + text + "</style>") ==
          whole_tree("<script>" + text + "</script><style>" + text + "</style>"));
    // Ill-formed UTF-8 Gumbo replaces in its own way: unless the caller vouches for the text
    // (ParseOptions::valid_utf8, as clean_page does after decoding), the scan checks it and
    // leaves the page whole.
    const std::string ill_formed = "<script>a\xFF\xC0\x80" "b</script><p>x\xFE</p>";
    CHECK(scanned_tree(ill_formed) == whole_tree(ill_formed));
    CHECK(dump_tree(Tree::parse(text, {.valid_utf8 = true})) == whole_tree(text));
}

TEST_CASE("tree: an SVG keeps its text, not its drawing, and with HTML inside all of it", "[dom][tree]") {
    const std::string drawing = dump_tree(Tree::parse("<p>a<svg class=icon><title>t</title> <path d=\"M0\"/></svg>b</p>"));
    CHECK(drawing.find("<svg class=\"icon\">") != std::string::npos);
    CHECK(drawing.find("path") == std::string::npos);
    CHECK(drawing.find("title") == std::string::npos);
    CHECK(drawing.find("\"t \"") != std::string::npos);
    const std::string with_html = dump_tree(Tree::parse("<svg><title>t</title><desc><p>x</p></desc></svg>"));
    CHECK(with_html.find("<p>") != std::string::npos);
    CHECK(with_html.find("\"t\"") == with_html.rfind("\"t\""));  // the title's text once
}
