#!/usr/bin/env python3
"""The body of scripts/eval: cleans each evaluation corpus with one winnow process, scores it, and
with --gate compares the figures with the floors in scripts/eval-floors.json.

trafilatura-dev: every html/*.html page, scored with score_snippets.py against annotations.json
  (prediction file {file name: {"text": ...}}).
readability: every */source.html, scored with score_shingles.py against the text of the page's
  expected.html (block elements on their own lines, see html_text.py); {folder: {"articleBody": ...}}.
modern-dev: every html/ID.html.gz, scored with score_shingles.py against ground-truth.json
  ({ID: {"articleBody", "url"}}); the URL is not given to winnow.
Every corpus is cleaned with `winnow clean --no-profiles --format jsonl`; the figures are computed
on winnow's `text` field: the title is not part of it.

The gate (--gate): every floor in the floors file names a corpus and a figure ("trafilatura-dev"
"F1"); a figure more than the file's tolerance (0.002) below its floor fails the gate, which
names the corpus and the figure and exits 1. --gate --raise raises floors to today's figures
(and adds floors for figures that have none); --gate --lower --reason TEXT lowers the floors that
today's figures are under, writing the reason into the file. Each floor records the date and the
commit that set it; every change is also appended to the file's history.

--halves adds, under each corpus, its figures on the tune and the confirm half (halves.py: the
split scripts/eval-metadata uses), scored by the same scorer on each half's pages alone: decide a
rule on the tune half, confirm it on the other. --by-type adds modern-dev's figures per page type
(page_type in metadata.json: article, forum, product, ...), with each type's halves.

usage: eval.py --winnow BIN --root REPO [--corpus NAME] [--per-doc [N]] [--keep DIR] [--halves] [--by-type]
               [--clean-option OPT] [--favor precision|balanced|recall] [--gate [--raise | --lower --reason TEXT]]
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from halves import HALVES, half_of  # noqa: E402
from html_text import html_text  # noqa: E402

SUMMARY = re.compile(r"precision=([0-9.]+) recall=([0-9.]+).*f1=([0-9.]+)")
CORPORA = ["trafilatura-dev", "readability", "modern-dev"]
FLOORS_FILE = os.path.join("scripts", "eval-floors.json")
DEFAULT_TOLERANCE = 0.002


def clean_corpus(winnow, files, extra_options=()):
    """Runs one `winnow clean` over all files; returns ({path: text}, seconds)."""
    command = [winnow, "clean", "--format", "jsonl", "--no-profiles", *extra_options]
    start = time.monotonic()
    done = subprocess.run(command + ["--"] + files, capture_output=True)
    seconds = time.monotonic() - start
    texts = {}
    for line in done.stdout.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        texts[item["source"]] = item.get("text") or ""
    if len(texts) != len(files):
        print(f"eval: winnow answered {len(texts)} of {len(files)} pages (exit {done.returncode})", file=sys.stderr)
        print(done.stderr.decode("utf-8", errors="replace")[-2000:], file=sys.stderr)
    return texts, seconds


def run_scorer(script, args):
    done = subprocess.run([sys.executable, script] + args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"eval: {script} failed:\n{done.stderr}")
    return done.stdout


def figures_of(output):
    """{"precision", "recall", "F1"} from a scorer's summary line."""
    p, r, f1 = SUMMARY.search(output.strip().splitlines()[-1]).groups()
    return {"precision": float(p), "recall": float(r), "F1": float(f1)}


def summary_line(name, figures, seconds):
    return (f"{name:<16} precision {figures['precision']:.3f}  recall {figures['recall']:.3f}  "
            f"F1 {figures['F1']:.3f}  seconds {seconds:.1f}")


def subset_line(label, pages, figures):
    return (f"  {label:<22} {pages:>4} pages  precision {figures['precision']:.3f}  recall {figures['recall']:.3f}  "
            f"F1 {figures['F1']:.3f}")


def print_shingle_subsets(args, workdir, name, gold, pred, groups):
    """Scores each group of page ids ({label: [ids]}) alone with score_shingles.py and prints a line
    for each: the scorer averages over the pages it is given, so a group's figures are its own."""
    script = os.path.join(args.shared, "bench", "score_shingles.py")
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for label, ids in groups.items():
            if not ids:
                continue
            gold_path, pred_path = os.path.join(tmp, "gold.json"), os.path.join(tmp, "pred.json")
            json.dump({k: gold[k] for k in ids}, open(gold_path, "w", encoding="utf-8"), ensure_ascii=False)
            json.dump({k: pred[k] for k in ids if k in pred}, open(pred_path, "w", encoding="utf-8"), ensure_ascii=False)
            print(subset_line(label, len(ids), figures_of(run_scorer(script, [gold_path, pred_path]))), flush=True)


def halves_of(ids):
    return {half: [k for k in ids if half_of(k) == half] for half in HALVES}


def score_shingles(args, workdir, name, gold, pred, seconds):
    """Scores {id: {"articleBody"}} predictions against gold with score_shingles.py; prints the
    summary line and, with --per-doc, the worst pages with what was missed and what leaked."""
    gold_path = os.path.join(workdir, f"{name}.gold.json")
    pred_path = os.path.join(workdir, f"{name}.pred.json")
    json.dump(gold, open(gold_path, "w", encoding="utf-8"), ensure_ascii=False)
    json.dump(pred, open(pred_path, "w", encoding="utf-8"), ensure_ascii=False)
    script = os.path.join(args.shared, "bench", "score_shingles.py")
    output = run_scorer(script, [gold_path, pred_path] + (["--per-doc"] if args.per_doc else []))
    figures = figures_of(output)
    print(summary_line(name, figures, seconds), flush=True)
    if args.halves:
        print_shingle_subsets(args, workdir, name, gold, pred, halves_of(sorted(gold)))
    if args.by_type and name == "modern-dev":
        meta = json.load(open(os.path.join(args.shared, "datasets", "modern-dev", "metadata.json"), encoding="utf-8"))
        types = {}
        for k in sorted(gold):
            types.setdefault(meta.get(k, {}).get("page_type") or "unlabelled", []).append(k)
        groups = {}
        for kind in sorted(types, key=lambda t: (-len(types[t]), t)):
            groups[kind] = types[kind]
            for half, ids in halves_of(types[kind]).items():
                groups[f"{kind} {half}"] = ids
        print_shingle_subsets(args, workdir, name, gold, pred, groups)
    if args.per_doc:
        rows = []
        for line in output.splitlines()[:-1]:
            doc, p, r = line.split("\t")
            p, r = float(p[2:]), float(r[2:])
            rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, doc))
        for f1, p, r, doc in sorted(rows)[: args.per_doc]:
            print(f"  {doc}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")
            gold_text = gold[doc].get("articleBody") or ""
            pred_text = pred.get(doc, {}).get("articleBody", "")
            gold_norm = re.sub(r"\s+", " ", gold_text)
            pred_norm = re.sub(r"\s+", " ", pred_text)
            missed = [l for l in gold_text.split("\n") if len(l.strip()) > 20 and re.sub(r"\s+", " ", l) not in pred_norm]
            leaked = [l for l in pred_text.split("\n") if len(l.strip()) > 3 and re.sub(r"\s+", " ", l) not in gold_norm]
            for l in missed[:4]:
                print(f"      missed {l.strip()[:100]}")
            for l in leaked[:4]:
                print(f"      leaked {l.strip()[:100]}")
    return figures


def eval_trafilatura(args, workdir):
    base = os.path.join(args.shared, "datasets", "trafilatura-dev")
    annotations = os.path.join(base, "annotations.json")
    html = os.path.join(base, "html")
    files = sorted(os.path.join(html, f) for f in os.listdir(html) if f.endswith((".html", ".htm", ".gz")))
    texts, seconds = clean_corpus(args.winnow, files, args.clean_option)
    pred = {os.path.basename(path): {"text": text} for path, text in texts.items()}
    pred_path = os.path.join(workdir, "trafilatura-dev.pred.json")
    json.dump(pred, open(pred_path, "w", encoding="utf-8"), ensure_ascii=False)
    script = os.path.join(args.shared, "bench", "score_snippets.py")
    output = run_scorer(script, [annotations, pred_path] + (["--per-doc"] if args.per_doc else []))
    figures = figures_of(output)
    print(summary_line("trafilatura-dev", figures, seconds), flush=True)
    if args.halves:
        everything = json.load(open(annotations, encoding="utf-8"))
        with tempfile.TemporaryDirectory(dir=workdir) as tmp:
            for half in HALVES:
                subset = {url: item for url, item in everything.items() if half_of(item["file"]) == half}
                subset_path = os.path.join(tmp, "annotations.json")
                json.dump(subset, open(subset_path, "w", encoding="utf-8"), ensure_ascii=False)
                print(subset_line(half, len(subset), figures_of(run_scorer(script, [subset_path, pred_path]))), flush=True)
    if args.per_doc:
        per_file = {}
        for line in output.splitlines()[:-1]:
            name, kind, snippet = line.split("\t", 2)
            per_file.setdefault(name, []).append((kind, snippet))
        worst = sorted(per_file.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: args.per_doc]
        for name, rows in worst:
            print(f"  {name}  ({sum(k == 'missed' for k, _ in rows)} missed, {sum(k == 'leaked' for k, _ in rows)} leaked)")
            for kind, snippet in rows:
                print(f"      {kind:<6} {snippet}")
    return figures


def eval_readability(args, workdir):
    base = os.path.join(args.shared, "datasets", "readability")
    pages = sorted(d for d in os.listdir(base) if os.path.exists(os.path.join(base, d, "source.html")))
    files = [os.path.join(base, d, "source.html") for d in pages]
    gold = {}
    for d in pages:
        expected = os.path.join(base, d, "expected.html")
        text = html_text(open(expected, encoding="utf-8", errors="replace").read()) if os.path.exists(expected) else ""
        gold[d] = {"articleBody": text}
    texts, seconds = clean_corpus(args.winnow, files, args.clean_option)
    pred = {os.path.basename(os.path.dirname(path)): {"articleBody": text} for path, text in texts.items()}
    return score_shingles(args, workdir, "readability", gold, pred, seconds)


def eval_modern(args, workdir):
    base = os.path.join(args.shared, "datasets", "modern-dev")
    gold = json.load(open(os.path.join(base, "ground-truth.json"), encoding="utf-8"))
    html = os.path.join(base, "html")
    files = sorted(os.path.join(html, f) for f in os.listdir(html) if f.endswith(".html.gz"))
    texts, seconds = clean_corpus(args.winnow, files, args.clean_option)
    pred = {os.path.basename(path)[: -len(".html.gz")]: {"articleBody": text} for path, text in texts.items()}
    return score_shingles(args, workdir, "modern-dev", gold, pred, seconds)


# ---- the gate -----------------------------------------------------------------------------------

def git(root, *args):
    done = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def measured_at(root):
    """The commit the figures were measured at, '+changes' when the tracked files differ from it."""
    commit = git(root, "rev-parse", "--short=12", "HEAD") or "unknown"
    changed = [l for l in git(root, "status", "--porcelain", "--untracked-files=no").splitlines()
               if not l.endswith(FLOORS_FILE)]
    return commit + ("+changes" if changed else "")


ABOUT = ("Quality floors of scripts/eval --gate: floors[CORPUS][FIGURE] is the lowest accepted value of a figure; "
         "the gate fails when a figure falls more than `tolerance` below it. Raise with scripts/eval --gate --raise; "
         "lower only with scripts/eval --gate --lower --reason TEXT. Each floor names the date and the commit it was "
         "measured at; `history` lists every change. A new corpus or figure (say \"modern-dev-metadata\" "
         "\"author F1\") gets its floor from the first --gate --raise that measures it.")


def load_floors(path):
    floors = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    floors["about"] = ABOUT
    floors.setdefault("tolerance", DEFAULT_TOLERANCE)
    floors.setdefault("floors", {})
    floors.setdefault("history", [])
    return floors


def save_floors(path, floors):
    """Writes the file with one line per floor and per history entry, so that a diff shows what changed."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    corpora = []
    for corpus, figures in floors["floors"].items():
        rows = ",\n".join(f"      {dump(figure)}: {dump(entry)}" for figure, entry in figures.items())
        corpora.append(f"    {dump(corpus)}: {{\n{rows}\n    }}")
    history = ",\n".join(f"    {dump(change)}" for change in floors["history"])
    text = (f"{{\n  \"about\": {dump(floors['about'])},\n  \"tolerance\": {dump(floors['tolerance'])},\n"
            f"  \"floors\": {{\n" + ",\n".join(corpora) + "\n  },\n"
            f"  \"history\": [\n{history}\n  ]\n}}\n")
    json.loads(text)  # the file must stay valid JSON
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def gate(args, measured):
    """Compares {corpus: {figure: value}} with the floors; raises or lowers them when asked.
    Returns the exit status."""
    path = os.path.join(args.root, FLOORS_FILE)
    floors = load_floors(path)
    tolerance = floors["tolerance"]
    today = datetime.date.today().isoformat()
    commit = measured_at(args.root)
    failures, lines, changes = [], [], []
    # Raise or lower first (when asked), then judge every figure against the floors as they stand.
    for corpus, figures in measured.items():
        for figure, value in figures.items():
            entry = floors["floors"].get(corpus, {}).get(figure)
            new = {"floor": round(value, 6), "date": today, "commit": commit}
            if entry is None:
                if args.raise_floors or args.lower:
                    floors["floors"].setdefault(corpus, {})[figure] = new
                    changes.append({"date": today, "commit": commit, "action": "add", "corpus": corpus,
                                    "figure": figure, "to": new["floor"]})
            # compared as stored (6 places): a figure equal to its floor leaves the entry, and its
            # reason, as they are
            elif args.raise_floors and new["floor"] > entry["floor"]:
                changes.append({"date": today, "commit": commit, "action": "raise", "corpus": corpus,
                                "figure": figure, "from": entry["floor"], "to": new["floor"]})
                floors["floors"][corpus][figure] = new
            elif args.lower and new["floor"] < entry["floor"]:
                new["reason"] = args.reason
                changes.append({"date": today, "commit": commit, "action": "lower", "corpus": corpus,
                                "figure": figure, "from": entry["floor"], "to": new["floor"], "reason": args.reason})
                floors["floors"][corpus][figure] = new
    # Every floor of a corpus that was measured must be met; a floor whose figure this run did not
    # produce is a failure too (a renamed figure must not slip past the gate).
    for corpus, figures in floors["floors"].items():
        if corpus not in measured:
            continue
        for figure, entry in figures.items():
            floor = entry["floor"]
            value = measured[corpus].get(figure)
            if value is None:
                failures.append(f"gate: FAIL {corpus} {figure}: not measured (its floor is {floor:.3f})")
            elif value < floor - tolerance - 1e-9:
                failures.append(f"gate: FAIL {corpus} {figure} {value:.3f} is {floor - value:.3f} below its floor "
                                f"{floor:.3f} (set {entry.get('date', '?')} at {entry.get('commit', '?')})")
            else:
                lines.append(f"gate: ok   {corpus} {figure} {value:.3f} (floor {floor:.3f})")
    for corpus, figures in measured.items():
        for figure, value in figures.items():
            if figure not in floors["floors"].get(corpus, {}):
                lines.append(f"gate: --   {corpus} {figure} {value:.3f} has no floor (--gate --raise adds one)")
    for line in lines + failures:
        print(line)
    if changes:
        floors["history"].extend(changes)
        save_floors(path, floors)
        for c in changes:
            was = f" from {c['from']:.3f}" if "from" in c else ""
            print(f"gate: {c['action']} {c['corpus']} {c['figure']}{was} to {c['to']:.3f} in {FLOORS_FILE}")
    elif args.raise_floors or args.lower:
        print(f"gate: no floor to {'raise' if args.raise_floors else 'lower'}")
    if failures:
        print(f"gate: failed: {len(failures)} figure{'s' if len(failures) != 1 else ''} more than {tolerance} "
              f"below {'its floor' if len(failures) == 1 else 'their floors'} ({FLOORS_FILE})")
        return 1
    print(f"gate: passed: every figure is within {tolerance} of its floor or above ({FLOORS_FILE})")
    return 0


def main():
    parser = argparse.ArgumentParser(description="Score winnow on the evaluation corpora.")
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--corpus", choices=CORPORA, action="append")
    parser.add_argument("--per-doc", nargs="?", type=int, const=25, default=0,
                        help="list the N worst pages (default 25) with what was missed and leaked")
    parser.add_argument("--keep", help="keep the prediction files in this folder")
    parser.add_argument("--halves", action="store_true",
                        help="also score each corpus's tune and confirm halves (the split of halves.py)")
    parser.add_argument("--by-type", action="store_true",
                        help="also score modern-dev per page type (metadata.json's page_type), with halves")
    parser.add_argument("--clean-option", action="append", default=[],
                        help="pass this option to `winnow clean` too (e.g. --clean-option=--no-default-rules)")
    parser.add_argument("--favor", choices=["precision", "balanced", "recall"],
                        help="clean with `--favor MODE` (the gate's floors are balanced mode's: not with --gate)")
    parser.add_argument("--gate", action="store_true",
                        help=f"compare the figures with the floors in {FLOORS_FILE}: exit 1 when one is more "
                             "than the tolerance below its floor")
    parser.add_argument("--raise", dest="raise_floors", action="store_true",
                        help="with --gate: raise the floors to today's figures (and add missing ones)")
    parser.add_argument("--lower", action="store_true",
                        help="with --gate: lower the floors today's figures are under (needs --reason)")
    parser.add_argument("--reason", help="with --gate --lower: why, written into the floors file")
    args = parser.parse_args()
    if (args.raise_floors or args.lower) and not args.gate:
        parser.error("--raise and --lower go with --gate")
    if args.raise_floors and args.lower:
        parser.error("--raise or --lower, not both")
    if args.lower and not (args.reason and args.reason.strip()):
        parser.error("--gate --lower needs --reason \"...\": the reason is written into the floors file")
    if args.gate and (args.clean_option or args.favor):
        parser.error("--gate measures winnow as it runs by default: no --clean-option, no --favor")
    if args.favor:
        args.clean_option = args.clean_option + ["--favor", args.favor]
    args.shared = os.path.normpath(os.path.join(args.root, "..", "shared"))
    corpora = args.corpus or CORPORA
    evaluate = {"trafilatura-dev": eval_trafilatura, "readability": eval_readability, "modern-dev": eval_modern}
    measured = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for name in CORPORA:
            if name in corpora:
                measured[name] = evaluate[name](args, workdir)
    if args.gate:
        sys.exit(gate(args, measured))


if __name__ == "__main__":
    main()
