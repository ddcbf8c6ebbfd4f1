// extract: the in-container block filter (ancestry tokens, link density, text patterns,
// boilerplate headings, title and block repeats, edge trimming).
#include "winnow/extract/block_filter.hpp"

#include <boost/regex.hpp>

#include <algorithm>

#include "winnow/decode/text.hpp"
#include "winnow/extract/cleaning.hpp"
#include "winnow/extract/node_flags.hpp"
#include "winnow/metadata/title.hpp"
#include "winnow/util/utf8.hpp"

namespace winnow::extract {
namespace {

using dom::NodeId;

// A block under an ancestor with a byline/meta/caption token is kept anyway when it is this
// long with prose-like stopword density: a real paragraph inside an oddly named wrapper.
constexpr float k_keep_long_chars = 300;
// Byline/meta/caption ancestry is not trusted when it would take more than this share of the text.
constexpr float k_max_ancestry_share = 0.5f;
// A figure caption of this many words ending a sentence is a description, kept.
constexpr float k_prose_caption_words = 12;
// A signature line: at most this many words, with a comma between name and role.
constexpr float k_signature_words = 6;
// Below this length the classes of the inline element holding a block's first text count too.
constexpr float k_inline_ancestry_chars = 100;
// Short blocks: links making up more than this share of them mark navigation.
constexpr float k_short_block_chars = 100, k_short_link_density = 0.8f;
// Any block made almost only of links (and having a few) is a link list.
constexpr float k_link_farm_density = 0.9f;
constexpr std::uint32_t k_link_farm_links = 2;
// A whole list (or table) whose items are mostly links, and short on average, is a link list.
constexpr float k_list_link_density = 0.6f, k_list_item_chars = 120;
// Text patterns are tested only on blocks this short: a paragraph that mentions a newsletter
// is still a paragraph.
constexpr std::size_t k_pattern_max_chars = 160;
// Share-button lines can be a little longer (a row of ten network names).
constexpr std::size_t k_share_line_max_chars = 200;
// A boilerplate heading takes along the following blocks that are list items, short (under
// this many characters) or link-heavy, up to the next heading.
constexpr float k_section_short_chars = 200, k_section_link_density = 0.5f;
// A boilerplate heading after this share of the text cuts the rest ("Related articles" and all below).
constexpr float k_tail_cut_share = 0.6f;
// Repeated blocks longer than this are dropped (teasers echoing the lead, duplicated captions).
// Longer repeats are the author's own (a repeated refrain, a test page) and stay.
constexpr std::size_t k_min_repeat_chars = 50, k_max_repeat_chars = 200;
// Title repeats are searched among blocks this short.
constexpr std::size_t k_max_title_repeat_chars = 300;
// Edge trimming: a block with at most this many words and no sentence end is weak at an edge...
constexpr float k_edge_short_words = 10;
// ...and one of at most this many words matching a boilerplate pattern, or this link-dense.
constexpr float k_edge_pattern_words = 20, k_edge_link_density = 0.5f;

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
    "keine kommentare", "share this article", "share this post", "share this story", "cc-by", "cc by",
    "creative commons", "unter der lizenz", "prawem autorskim", "wszelkie prawa zastrzeżone",
    "todos los derechos reservados", "tous droits réservés",
};

// Lines that start like boilerplate (anchored, so the regex fails fast on other lines).
const boost::regex& boilerplate_line_regex() {
    static const boost::regex r(
        R"(^(?:)"
        // credits
        R"((?:photo|foto|fotos|image|images|bild|bilder|picture|credit|credits|quelle|source|fuente|crédit|crédits|illustration|grafik|video|titelbild|symbolbild|beitragsbild)\s*(?::|©|by\b)|)"
        R"(\(c\) ?\d{4}|)"
        // datelines and updates
        R"((?:published|updated|posted|last updated|veröffentlicht|aktualisiert|erstellt|stand:|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opublikowano)\b|)"
        // comment counters
        R"(\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti)$|)"
        // ad labels, read-more links, tags, navigation words
        R"((?:advertisement|anzeige|werbung|publicidad|publicité|pubblicità|reklama|sponsored|gesponsert|loading|wird geladen)\b|)"
        R"((?:read more|read also|also read|read next|more:|see also|related:|weiterlesen|mehr lesen|mehr dazu|lesen sie auch|lesen sie mehr|siehe auch|)"
        R"(lire la suite|lire aussi|à lire aussi|voir aussi|leer más|lea (?:también|más)|lea:|leia (?:também|mais)|leggi anche|czytaj (?:też|także|więcej)|читайте также)|)"
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

// "By Firstname Lastname": a capital after the word, so matched on the text as written.
const boost::regex& byline_regex() {
    static const boost::regex r(
        R"(^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Aa]utor:?|[Aa]uthor:?|[Tt]ext:|[Ww]ritten by|[Gg]eschrieben von|[Rr]edaktion:?)\s+[A-Z\x80-\xff])",
        boost::regex::perl);
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
        R"(teilen sie dies mit|teilen mit|diesen (?:artikel|beitrag) teilen|meist gelesen|meistgelesen|top-?themen|weitere (?:artikel|beiträge|themen|nachrichten|news|meldungen)|)"
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

// A built-in pattern's search through the page's guard (util/regex_guard.hpp), under the name
// its removals carry.
bool search(const boost::regex& regex, const std::string& text, RegexGuard& regexes, std::string_view name) {
    return regexes.search(text, [&] { return boost::regex_search(text, regex); }, [&] { return std::string(name); });
}

struct BlockInfo {
    TextCounts counts;
    float link_density = 0;
    std::uint32_t inherited = 0;  // flags of the ancestors between the block and the container
    bool in_caption = false;
    bool keep = true;
};

// Flags inherited from ancestors below the roots, one top-down pass over the roots' subtrees.
std::vector<std::uint32_t> inherited_flags(const dom::Tree& tree, const std::vector<std::uint32_t>& flags,
                                           const std::vector<NodeId>& roots, std::vector<std::uint8_t>& in_caption) {
    std::vector<std::uint32_t> inherited(tree.size(), 0);
    in_caption.assign(tree.size(), 0);
    for (NodeId root : roots) {
        const NodeId end = tree.node(root).subtree_end;
        for (NodeId id = root + 1; id < end; ++id) {
            const NodeId parent = tree.node(id).parent;
            inherited[id] = inherited[parent] | flags[id];
            in_caption[id] = in_caption[parent] || tree.is_element(id, GUMBO_TAG_FIGCAPTION);
        }
    }
    return inherited;
}

void drop(BlockInfo& info, const SourcedBlock& block, const BlockFilterOptions& options, RegexGuard& regexes,
          std::vector<Removal>& removals, std::string rule) {
    if (!info.keep) return;
    info.keep = false;
    if (!options.explain) return;
    if (options.text_rules && !options.text_rules->drop_text.empty()) {
        std::vector<Block> single{block.block};
        apply_text_rules(single, *options.text_rules, removals, regexes, TextRuleSet::drop_only);
        if (single.empty()) return;  // recorded under the rule's name
    }
    removals.push_back({std::move(rule), removal_excerpt(block.block.text)});
}

std::string fixed2(float value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(value));
    return buffer;
}

bool is_weak_edge(const SourcedBlock& block, const BlockInfo& info, RegexGuard& regexes, bool at_end = false) {
    const std::string& text = block.block.text;
    if (block.block.kind == BlockKind::preformatted) return false;  // code is kept verbatim
    if (info.link_density > k_edge_link_density) return true;
    // At the end a short "Name, Role" line without links is a signature ("Jean Barker,
    // Secretary"), and a list without links a summary: both stay.
    const bool signature = block.block.kind == BlockKind::paragraph && info.counts.words <= k_signature_words &&
                           info.counts.commas > 0;
    if (at_end && block.links == 0 && (signature || block.block.kind == BlockKind::list_item)) {
        if (info.counts.words <= k_edge_pattern_words && (is_boilerplate_line(text, regexes) || is_share_line(text, regexes))) return true;
        return false;
    }
    if (info.counts.words <= k_edge_short_words && info.counts.sentence_ends == 0) return true;
    if (info.counts.words <= k_edge_pattern_words && (is_boilerplate_line(text, regexes) || is_share_line(text, regexes))) return true;
    return false;
}

}  // namespace

float block_link_density(const SourcedBlock& block) {
    const std::size_t chars = utf8::non_space_count(block.block.text);
    return chars ? std::min(1.0f, block.link_chars / static_cast<float>(chars)) : 0.0f;
}

bool is_share_line(const std::string& text, RegexGuard& regexes) {
    return text.size() <= k_share_line_max_chars &&
           search(share_line_regex(), decode::to_lower(text), regexes, "heuristic share-line");
}

bool is_boilerplate_line(const std::string& text, RegexGuard& regexes) {
    if (text.size() > k_pattern_max_chars) return false;
    if (search(byline_regex(), text, regexes, "heuristic byline")) return true;
    const std::string lowered = decode::to_lower(text);
    for (std::string_view phrase : k_boilerplate_phrases)
        if (lowered.find(phrase) != std::string::npos) return true;
    return search(boilerplate_line_regex(), lowered, regexes, "heuristic boilerplate-line");
}

bool is_boilerplate_heading(const std::string& text, RegexGuard& regexes) {
    return text.size() <= k_pattern_max_chars &&
           search(boilerplate_heading_regex(), decode::to_lower(text), regexes, "heuristic boilerplate-heading");
}

std::vector<Block> filter_blocks(const dom::Tree& tree, const std::vector<std::uint32_t>& flags,
                                 const std::vector<NodeId>& roots, std::vector<SourcedBlock> blocks,
                                 const StopwordList& stopwords, const BlockFilterOptions& options,
                                 std::vector<Removal>& removals, RegexGuard& regexes) {
    std::vector<std::uint8_t> in_caption;
    const std::vector<std::uint32_t> inherited = inherited_flags(tree, flags, roots, in_caption);
    std::vector<BlockInfo> infos(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        infos[i].counts = measure_text(blocks[i].block.text, stopwords);
        infos[i].link_density = block_link_density(blocks[i]);
        // An inline element's class speaks for the whole block only when the block is short:
        // a paragraph opening with <span class="dateline"> is still a paragraph.
        const bool short_block = infos[i].counts.chars < k_inline_ancestry_chars;
        const NodeId judged = short_block ? blocks[i].source : blocks[i].block_element;
        if (judged != dom::k_no_node) {
            infos[i].inherited = inherited[judged];
            infos[i].in_caption = in_caption[judged];
        }
    }
    const float prose_density = stopwords.is_union ? 0.2f : 0.3f;
    // Guard: when byline/meta/caption ancestry would take most of the container's text, the
    // wrapper's name is misleading (a video page whose text sits in "item-caption").
    float total_chars = 0, boilerplate_chars = 0;
    for (const BlockInfo& info : infos) {
        total_chars += info.counts.chars;
        if ((info.inherited & k_flag_boilerplate_inside) || info.in_caption) boilerplate_chars += info.counts.chars;
    }
    const bool trust_ancestry = boilerplate_chars <= k_max_ancestry_share * total_chars;

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& block = blocks[i].block;
        BlockInfo& info = infos[i];
        const bool is_heading = block.kind == BlockKind::heading;
        // Title repeats go to the title, in every mode.
        if (block.text.size() <= k_max_title_repeat_chars &&
            (metadata::is_title_repeat(block.text, options.title) || (is_heading && (info.inherited & k_flag_title_class)))) {
            drop(info, blocks[i], options, regexes, removals, "heuristic title-repeat");
            continue;
        }
        if (info.counts.chars < k_short_block_chars && info.link_density > k_short_link_density) {
            drop(info, blocks[i], options, regexes, removals, "heuristic link-density " + fixed2(info.link_density));
            continue;
        }
        if (info.link_density > k_link_farm_density && blocks[i].links >= k_link_farm_links) {
            drop(info, blocks[i], options, regexes, removals, "heuristic link-farm " + fixed2(info.link_density));
            continue;
        }
        const bool long_prose = info.counts.chars >= k_keep_long_chars && info.counts.words > 0 &&
                                info.counts.stopwords / info.counts.words >= prose_density;
        if (!options.relaxed && (info.inherited & (k_flag_never_content | k_flag_comment_section))) {
            drop(info, blocks[i], options, regexes, removals, "heuristic ancestry never-content");
            continue;
        }
        if (!options.relaxed && (info.inherited & k_flag_boilerplate_inside) && !long_prose && trust_ancestry) {
            drop(info, blocks[i], options, regexes, removals, "heuristic ancestry boilerplate");
            continue;
        }
        // A caption that is a sentence describing the picture stays; a bare credit or label goes.
        const bool prose_caption = info.counts.words >= k_prose_caption_words && info.counts.sentence_ends > 0;
        if (info.in_caption && !long_prose && !prose_caption && trust_ancestry) {
            drop(info, blocks[i], options, regexes, removals, "heuristic caption");
            continue;
        }
        if (is_share_line(block.text, regexes)) {
            drop(info, blocks[i], options, regexes, removals, "heuristic share-line");
            continue;
        }
        if (is_boilerplate_line(block.text, regexes)) {
            drop(info, blocks[i], options, regexes, removals, "heuristic boilerplate-line");
            continue;
        }
        if ((is_heading || info.counts.words <= 6) && is_boilerplate_heading(block.text, regexes)) {
            drop(info, blocks[i], options, regexes, removals, "heuristic boilerplate-heading");
            // Late in the text such a heading starts the page's tail: everything after it goes.
            float before = 0;
            for (std::size_t j = 0; j < i; ++j) before += infos[j].keep ? infos[j].counts.chars : 0;
            if (before >= k_tail_cut_share * total_chars) {
                for (std::size_t j = i + 1; j < blocks.size(); ++j)
                    drop(infos[j], blocks[j], options, regexes, removals, "heuristic boilerplate-tail");
                break;
            }
            // The section under it goes too: list items, short or link-heavy blocks, to the next heading.
            for (std::size_t j = i + 1; j < blocks.size(); ++j) {
                const Block& next = blocks[j].block;
                if (next.kind == BlockKind::heading) break;
                const bool weak = next.kind == BlockKind::list_item || infos[j].counts.chars < k_section_short_chars ||
                                  block_link_density(blocks[j]) > k_section_link_density;
                if (!weak) break;
                drop(infos[j], blocks[j], options, regexes, removals, "heuristic boilerplate-section");
            }
            continue;
        }
    }

    // Lists and tables made of short links: related-article lists, tag lists, link farms.
    {
        for (std::size_t i = 0; i < blocks.size();) {
            const Block& first = blocks[i].block;
            if (first.kind != BlockKind::list_item && first.kind != BlockKind::table_row) {
                ++i;
                continue;
            }
            std::size_t j = i;
            float chars = 0, link_chars = 0;
            while (j < blocks.size() && blocks[j].block.kind == first.kind && blocks[j].block.group == first.group) {
                chars += infos[j].counts.chars;
                link_chars += blocks[j].link_chars;
                ++j;
            }
            const float density = chars > 0 ? link_chars / chars : 0;
            if (density > k_list_link_density && chars / static_cast<float>(j - i) < k_list_item_chars)
                for (std::size_t k = i; k < j; ++k)
                    drop(infos[k], blocks[k], options, regexes, removals, "heuristic link-list " + fixed2(density));
            i = j;
        }
    }

    // Exact repeats of the previous kept block.
    const SourcedBlock* previous = nullptr;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!infos[i].keep) continue;
        if (previous && blocks[i].block.text.size() > k_min_repeat_chars &&
            blocks[i].block.text.size() < k_max_repeat_chars && previous->block.text == blocks[i].block.text)
            drop(infos[i], blocks[i], options, regexes, removals, "heuristic repeat");
        else
            previous = &blocks[i];
    }

    // Edge trimming: weak short blocks at both ends of the kept text, and trailing headings.
    // (Only when something strong remains: a page of short lines keeps them.)
    bool has_strong = false;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        has_strong = has_strong || (infos[i].keep && blocks[i].block.kind != BlockKind::heading &&
                                    !is_weak_edge(blocks[i], infos[i], regexes));
    if (has_strong) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (!infos[i].keep) continue;
            if (!is_weak_edge(blocks[i], infos[i], regexes) || blocks[i].block.kind == BlockKind::heading) break;
            drop(infos[i], blocks[i], options, regexes, removals, "heuristic edge-trim start");
        }
        for (std::size_t i = blocks.size(); i-- > 0;) {
            if (!infos[i].keep) continue;
            if (blocks[i].block.kind != BlockKind::heading && !is_weak_edge(blocks[i], infos[i], regexes, /*at_end=*/true)) break;
            drop(infos[i], blocks[i], options, regexes, removals, "heuristic edge-trim end");
        }
    }

    std::vector<Block> kept;
    kept.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (infos[i].keep) kept.push_back(std::move(blocks[i].block));
    return kept;
}

}  // namespace winnow::extract
