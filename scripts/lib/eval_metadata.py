#!/usr/bin/env python3
"""The body of scripts/eval-metadata: cleans each corpus with one winnow process and scores the
page's metadata (title, author, date, language) with the shared score_metadata.py, and the page
kind against modern-dev's page_type labels.

Corpora (read as ../shared from the repository root):
  modern-dev       html/*.html.gz, gold metadata.json (title, author, date, page_type)
  readability      */source.html, gold readability-metadata.json (title, author, date, language)
  readability-nolang  the same pages with every declared language removed (lang and xml:lang
                   attributes, Content-Language, og:locale, DC.language, JSON-LD inLanguage),
                   rewritten into a temporary folder: the language comes from detection alone
  trafilatura-dev  html/*: no labels; checked for dates that are not ISO 8601 and authors that
                   are URLs or e-mail addresses, as every corpus is

Every figure is given for the whole corpus and for its two halves, split by a hash of the page
id (halves.py: SHA-256 of the id, first byte even: "tune", odd: "confirm"), so that a rule tuned on
one half can be confirmed on the other.

The quality gate (--gate, with --raise or --lower --reason TEXT) is scripts/eval's, over the same
floors file, with the corpora "modern-dev-metadata", "readability-metadata" and
"readability-nolang" and figures such as "author F1"; a date that is not ISO 8601 or an author that
is a URL or e-mail fails the run whatever the floors say.

usage: eval_metadata.py --winnow BIN --root REPO [--corpus NAME]... [--errors FIELD] [--keep DIR]
                        [--gate [--raise | --lower --reason TEXT]]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from halves import half_of  # noqa: E402

FIELDS = ("title", "author", "date", "language")
KINDS_ARTICLE = {"article"}
KINDS_LISTING = {"listing", "collection"}


def load_scorer(shared):
    sys.path.insert(0, os.path.join(shared, "bench"))
    import score_metadata  # noqa: E402  (the shared scorer, used as it is)
    return score_metadata


def clean_corpus(winnow, files):
    """One `winnow clean` over all files; returns ({path: JSON object}, seconds)."""
    command = [winnow, "clean", "--format", "jsonl", "--no-profiles", "--"] + files
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True)
    seconds = time.monotonic() - start
    objects = {}
    for line in done.stdout.decode("utf-8", errors="replace").splitlines():
        if line.strip():
            item = json.loads(line)
            objects[item["source"]] = item
    if len(objects) != len(files):
        print(f"eval-metadata: winnow answered {len(objects)} of {len(files)} pages (exit {done.returncode})",
              file=sys.stderr)
        print(done.stderr.decode("utf-8", errors="replace")[-2000:], file=sys.stderr)
    return objects, seconds


def prediction(item):
    return {field: item.get(field) for field in FIELDS} | {"page_kind": item.get("page_kind"),
                                                            "authors": item.get("authors")}


# Declared languages, removed for the detection check. The page bytes are handled as Latin-1 so
# that any encoding passes through unchanged.
_LANG_ATTRIBUTE = re.compile(r"(?<=[\s\"'])(?:xml:)?lang\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_LANG_META = re.compile(
    r"<meta\b[^>]*(?:http-equiv|name|property)\s*=\s*[\"']?(?:content-language|og:locale|dc\.language|language)"
    r"[\"'\s>][^>]*>", re.IGNORECASE)
_LD_IN_LANGUAGE = re.compile(r"\"inLanguage\"\s*:\s*(?:\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\})\s*,?")


def without_declared_language(data):
    text = data.decode("latin-1")
    text = _LANG_META.sub("", text)
    text = _LANG_ATTRIBUTE.sub("", text)
    text = _LD_IN_LANGUAGE.sub("", text)
    return text.encode("latin-1")


def score_halves(scorer, gold, pred, fields):
    """{half: {field: figures}} for all pages and each half."""
    out = {}
    for half in ("all", "tune", "confirm"):
        subset = {pid: rec for pid, rec in gold.items() if half == "all" or half_of(pid) == half}
        out[half] = {field: scorer.score(subset, pred, field)[0] for field in fields}
        out[half]["pages"] = len(subset)
    return out


def fmt(x):
    return "    -" if x is None else f"{x:.3f}"


def print_scores(name, figures, fields):
    counts = f"{figures['all']['pages']} pages: tune {figures['tune']['pages']}, confirm {figures['confirm']['pages']}"
    print(f"{name} ({counts})")
    print(f"  {'field':<16} {'gold':>4} {'given':>5}     P     R    F1 | F1 tune confirm")
    rows = []
    for field in fields:
        if field == "title":
            rows.append(("title exact", "F1", "title"))
            rows.append(("title close", "F1~", "title"))
        else:
            rows.append((field, "F1", field))
    for label, key, field in rows:
        m = figures["all"][field]
        p, r = (m["P"], m["R"]) if key == "F1" else (m["P~"], m["R~"])
        print(f"  {label:<16} {m['gold']:4d} {m['given']:5d} {fmt(p)} {fmt(r)} {fmt(m[key])} | "
              f"{fmt(figures['tune'][field][key])}   {fmt(figures['confirm'][field][key])}")


def check_values(scorer, name, pred):
    """Pages whose date is not ISO 8601 or whose author is a URL or an e-mail address."""
    bad_dates = sorted(pid for pid, rec in pred.items()
                       for field in ("date", "date_modified")
                       if scorer.as_value(rec.get(field)) and scorer.iso_date(scorer.as_value(rec[field])) is None)
    bad_authors = sorted(pid for pid, rec in pred.items()
                         if scorer.as_value(rec.get("author")) and scorer.is_url_or_email(scorer.as_value(rec["author"])))
    print(f"  {name:<20} pages {len(pred):4d}  not-ISO dates {len(bad_dates)}  URL/e-mail authors {len(bad_authors)}")
    for pid in bad_dates[:10]:
        print(f"      not ISO: {pid}: {pred[pid].get('date')!r} {pred[pid].get('date_modified')!r}")
    for pid in bad_authors[:10]:
        print(f"      URL/e-mail author: {pid}: {pred[pid].get('author')!r}")
    return len(bad_dates) + len(bad_authors)


def kind_figures(gold, pred):
    """The confusion matrix and the article/listing figures of one set of pages."""
    matrix = {}
    apart = apart_total = article_total = article_other = 0
    for pid, rec in gold.items():
        truth = rec.get("page_type") or "none"
        guess = (pred.get(pid) or {}).get("page_kind") or "none"
        matrix.setdefault(truth, {}).setdefault(guess, 0)
        matrix[truth][guess] += 1
        if truth in KINDS_ARTICLE | KINDS_LISTING:
            apart_total += 1
            apart += (truth in KINDS_ARTICLE and guess == "article") or (truth in KINDS_LISTING and guess == "listing")
        if truth in KINDS_ARTICLE:
            article_total += 1
            article_other += guess != "article"
    return matrix, apart, apart_total, article_other, article_total


def print_kinds(gold, pred):
    """Prints the confusion matrix and the figures of both halves; returns those of all pages."""
    matrix, *_ = kind_figures(gold, pred)
    guesses = sorted({g for row in matrix.values() for g in row})
    print("page kind on modern-dev: rows are the labels (page_type), columns winnow's page_kind")
    print("  " + " " * 14 + "".join(f"{g[:11]:>12}" for g in guesses) + f"{'agree':>8}")
    for truth in sorted(matrix, key=lambda t: -sum(matrix[t].values())):
        row = matrix[truth]
        total = sum(row.values())
        print(f"  {truth:<14}" + "".join(f"{row.get(g, 0):12d}" for g in guesses) +
              f"{row.get(truth, 0) / total:8.2f}")
    result = {}
    for half in ("all", "tune", "confirm"):
        subset = {pid: rec for pid, rec in gold.items() if half == "all" or half_of(pid) == half}
        _, apart, apart_total, article_other, article_total = kind_figures(subset, pred)
        print(f"  {half:<8} article vs listing+collection told apart {apart}/{apart_total} = {apart / apart_total:.3f};"
              f" article pages called something else {article_other}/{article_total} = {article_other / article_total:.3f}")
        if half == "all":
            result = {"kind article/listing apart": apart / apart_total,
                      "kind articles kept": 1 - article_other / article_total}
    return result


def gate_figures(figures, fields):
    """The figures the quality gate keeps floors for, from score_halves' "all"."""
    out = {}
    for field in fields:
        m = figures["all"][field]
        if field == "title":
            out["title exact F1"], out["title close F1"] = m["F1"], m["F1~"]
        elif m["F1"] is not None:
            out[f"{field} F1"] = m["F1"]
    return out


def main():
    parser = argparse.ArgumentParser(description="Score winnow's metadata on the evaluation corpora.")
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--corpus", action="append",
                        choices=["modern-dev", "readability", "readability-nolang", "trafilatura-dev"])
    parser.add_argument("--errors", choices=FIELDS + ("page_kind",),
                        help="list the pages where this field is not right, per corpus")
    parser.add_argument("--keep", help="keep the prediction files in this folder")
    parser.add_argument("--gate", action="store_true",
                        help="compare the figures with the floors of scripts/eval's quality gate (exit 1 below)")
    parser.add_argument("--raise", dest="raise_floors", action="store_true",
                        help="with --gate: raise the floors to today's figures (and add missing ones)")
    parser.add_argument("--lower", action="store_true", help="with --gate: lower the floors (needs --reason)")
    parser.add_argument("--reason", help="with --gate --lower: why, written into the floors file")
    args = parser.parse_args()
    if (args.raise_floors or args.lower) and not args.gate:
        parser.error("--raise and --lower go with --gate")
    if args.lower and not (args.reason and args.reason.strip()):
        parser.error("--gate --lower needs --reason \"...\"")
    measured = {}
    shared = os.path.normpath(os.path.join(args.root, "..", "shared"))
    datasets = os.path.join(shared, "datasets")
    scorer = load_scorer(shared)
    corpora = args.corpus or ["modern-dev", "readability", "readability-nolang", "trafilatura-dev"]
    checks = 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        predictions = {}

        def run(name, files, page_id):
            objects, seconds = clean_corpus(args.winnow, files)
            pred = {page_id(path): prediction(item) for path, item in objects.items()}
            with open(os.path.join(workdir, f"{name}.pred.json"), "w", encoding="utf-8") as out:
                json.dump(pred, out, ensure_ascii=False, indent=1)
            predictions[name] = pred
            return pred, seconds

        def show_errors(name, gold, pred, fields):
            if not args.errors or args.errors not in fields:
                return
            for pid in sorted(gold):
                g = scorer.as_value((gold[pid] or {}).get(args.errors))
                p = scorer.as_value((pred.get(pid) or {}).get(args.errors))
                v = scorer.verdict(args.errors, g, p)
                if v not in scorer.STRICT and v != "none":
                    print(f"    {name}\t{pid}\t{half_of(pid)}\t{v}\t{json.dumps(g, ensure_ascii=False)}\t"
                          f"{json.dumps(p, ensure_ascii=False)}")

        if "modern-dev" in corpora:
            base = os.path.join(datasets, "modern-dev")
            gold = json.load(open(os.path.join(base, "metadata.json"), encoding="utf-8"))
            html = os.path.join(base, "html")
            files = sorted(os.path.join(html, f) for f in os.listdir(html) if f.endswith((".html", ".gz")))
            pred, _ = run("modern-dev", files, lambda p: os.path.basename(p).split(".")[0])
            fields = ["title", "author", "date"]
            figures = score_halves(scorer, gold, pred, fields)
            print_scores("modern-dev", figures, fields)
            show_errors("modern-dev", gold, pred, fields)
            measured["modern-dev-metadata"] = gate_figures(figures, fields) | print_kinds(gold, pred)
            if args.errors == "page_kind":
                for pid in sorted(gold):
                    if gold[pid].get("page_type") != pred.get(pid, {}).get("page_kind"):
                        print(f"    modern-dev\t{pid}\t{half_of(pid)}\t{gold[pid].get('page_type')}\t"
                              f"{pred.get(pid, {}).get('page_kind')}\t{gold[pid].get('title')}")
            print()

        readability_gold = json.load(open(os.path.join(datasets, "readability-metadata.json"), encoding="utf-8"))
        readability = os.path.join(datasets, "readability")
        pages = sorted(d for d in os.listdir(readability) if os.path.exists(os.path.join(readability, d, "source.html")))
        if "readability" in corpora:
            files = [os.path.join(readability, d, "source.html") for d in pages]
            pred, _ = run("readability", files, lambda p: os.path.basename(os.path.dirname(p)))
            figures = score_halves(scorer, readability_gold, pred, FIELDS)
            print_scores("readability", figures, FIELDS)
            show_errors("readability", readability_gold, pred, FIELDS)
            measured["readability-metadata"] = gate_figures(figures, FIELDS)
            print()
        if "readability-nolang" in corpora:
            folder = os.path.join(tmp, "nolang")
            files = []
            for d in pages:
                os.makedirs(os.path.join(folder, d))
                with open(os.path.join(readability, d, "source.html"), "rb") as source:
                    data = without_declared_language(source.read())
                files.append(os.path.join(folder, d, "source.html"))
                with open(files[-1], "wb") as out:
                    out.write(data)
            pred, _ = run("readability-nolang", files, lambda p: os.path.basename(os.path.dirname(p)))
            # Scored on the pages whose label gives a language (the 73 that declare one): a page
            # without a label has no declared language to check the detection against.
            labelled = {pid: rec for pid, rec in readability_gold.items() if scorer.as_value(rec.get("language"))}
            print("readability, declared language removed (detection alone)")
            for name, gold in (("labelled pages", labelled), ("all pages", readability_gold)):
                figures = score_halves(scorer, gold, pred, ["language"])
                if name == "labelled pages":
                    measured["readability-nolang"] = gate_figures(figures, ["language"])
                m = figures["all"]["language"]
                print(f"  {name:<15} gold {m['gold']} given {m['given']} P {fmt(m['P'])} R {fmt(m['R'])} F1 {fmt(m['F1'])}"
                      f" | F1 tune {fmt(figures['tune']['language']['F1'])} confirm {fmt(figures['confirm']['language']['F1'])}")
            show_errors("readability-nolang", labelled, pred, ["language"])
            print()
        if "trafilatura-dev" in corpora:
            html = os.path.join(datasets, "trafilatura-dev", "html")
            files = sorted(os.path.join(html, f) for f in os.listdir(html) if f.endswith((".html", ".htm", ".gz")))
            run("trafilatura-dev", files, os.path.basename)
        print("checks on every page (dates and date_modified ISO 8601; authors neither URL nor e-mail)")
        for name, pred in predictions.items():
            checks += check_values(scorer, name, pred)
    status = 1 if checks else 0
    if args.gate:
        print()
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import eval as text_eval  # noqa: E402  (scripts/lib/eval.py: the gate and its floors file)
        if not hasattr(text_eval, "gate"):
            print("eval-metadata: --gate: this tree's scripts/lib/eval.py has no quality gate yet", file=sys.stderr)
            return 2
        status = max(status, text_eval.gate(args, measured))
    return status


if __name__ == "__main__":
    sys.exit(main())
