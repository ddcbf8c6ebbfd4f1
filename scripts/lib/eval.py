#!/usr/bin/env python3
"""The body of scripts/eval: cleans each evaluation corpus with one winnow process and scores it.

trafilatura-dev: every html/*.html page, scored with score_snippets.py against annotations.json
  (prediction file {file name: {"text": ...}}).
readability: every */source.html, scored with score_shingles.py against the text of the page's
  expected.html (block elements on their own lines, see html_text.py); {folder: {"articleBody": ...}}.
The figures are computed on winnow's `text` field: the title is not part of it.

usage: eval.py --winnow BIN --root REPO [--corpus NAME] [--per-doc [N]] [--keep DIR]
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
from html_text import html_text  # noqa: E402

SUMMARY = re.compile(r"precision=([0-9.]+) recall=([0-9.]+).*f1=([0-9.]+)")


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


def summary_line(name, output, seconds):
    match = SUMMARY.search(output.strip().splitlines()[-1])
    p, r, f1 = match.groups()
    return f"{name:<16} precision {p}  recall {r}  F1 {f1}  seconds {seconds:.1f}"


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
    print(summary_line("trafilatura-dev", output, seconds), flush=True)
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
    gold_path = os.path.join(workdir, "readability.gold.json")
    pred_path = os.path.join(workdir, "readability.pred.json")
    json.dump(gold, open(gold_path, "w", encoding="utf-8"), ensure_ascii=False)
    json.dump(pred, open(pred_path, "w", encoding="utf-8"), ensure_ascii=False)
    script = os.path.join(args.shared, "bench", "score_shingles.py")
    output = run_scorer(script, [gold_path, pred_path] + (["--per-doc"] if args.per_doc else []))
    print(summary_line("readability", output, seconds), flush=True)
    if args.per_doc:
        rows = []
        for line in output.splitlines()[:-1]:
            name, p, r = line.split("\t")
            p, r = float(p[2:]), float(r[2:])
            rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, name))
        for f1, p, r, name in sorted(rows)[: args.per_doc]:
            print(f"  {name}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")
            gold_lines = [l for l in gold[name]["articleBody"].split("\n") if l.strip()]
            pred_text = pred.get(name, {}).get("articleBody", "")
            pred_lines = [l for l in pred_text.split("\n") if l.strip()]
            gold_norm = re.sub(r"\s+", " ", gold[name]["articleBody"])
            pred_norm = re.sub(r"\s+", " ", pred_text)
            missed = [l for l in gold_lines if len(l) > 20 and re.sub(r"\s+", " ", l) not in pred_norm]
            leaked = [l for l in pred_lines if len(l) > 3 and re.sub(r"\s+", " ", l) not in gold_norm]
            for l in missed[:4]:
                print(f"      missed {l[:100]}")
            for l in leaked[:4]:
                print(f"      leaked {l[:100]}")


def main():
    parser = argparse.ArgumentParser(description="Score winnow on the evaluation corpora.")
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--corpus", choices=["trafilatura-dev", "readability"], action="append")
    parser.add_argument("--per-doc", nargs="?", type=int, const=25, default=0,
                        help="list the N worst pages (default 25) with what was missed and leaked")
    parser.add_argument("--keep", help="keep the prediction files in this folder")
    parser.add_argument("--clean-option", action="append", default=[],
                        help="pass this option to `winnow clean` too (e.g. --clean-option=--no-default-rules)")
    args = parser.parse_args()
    args.shared = os.path.normpath(os.path.join(args.root, "..", "shared"))
    corpora = args.corpus or ["trafilatura-dev", "readability"]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        if "trafilatura-dev" in corpora:
            eval_trafilatura(args, workdir)
        if "readability" in corpora:
            eval_readability(args, workdir)


if __name__ == "__main__":
    main()
