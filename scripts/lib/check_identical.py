#!/usr/bin/env python3
"""The body of scripts/check-identical: the same output with and without the scan before parsing.

usage: check_identical.py --winnow BIN --bench BIN --root REPO [--against BIN] [--corpus NAME]...
"""
import argparse
import glob
import os
import subprocess
import sys

CORPORA = {
    "trafilatura-dev": "trafilatura-dev/html/*.html",
    "readability": "readability/*/source.html",
    "modern-dev": "modern-dev/html/*.html.gz",
}


def clean(winnow, files, options):
    """One `winnow clean --format jsonl` over all files: (JSON lines, stderr lines)."""
    done = subprocess.run([winnow, "clean", "--format", "jsonl", *options, "--", *files], capture_output=True)
    lines = done.stdout.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) != len(files):
        sys.exit(f"check-identical: winnow answered {len(lines)} of {len(files)} pages (exit {done.returncode})")
    return lines, sorted(done.stderr.split(b"\n"))


def compare(name, what, files, first, second):
    same = sum(a == b for a, b in zip(first, second))
    print(f"{name:<16} {what:<48} identical {same} of {len(files)} pages")
    for path, a, b in zip(files, first, second):
        if a != b:
            print(f"  differs: {path}")
    return same == len(files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--against", help="another winnow binary to compare with")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    args = parser.parse_args()
    datasets = os.path.join(args.root, "..", "shared", "datasets")
    ok = True
    total = 0
    for name in args.corpus or list(CORPORA):
        files = sorted(glob.glob(os.path.join(datasets, CORPORA[name])))
        if not files:
            sys.exit(f"check-identical: no pages for {name} in {datasets}")
        total += len(files)
        for label, options in (("profiles", []), ("--no-profiles", ["--no-profiles"])):
            scanned, _ = clean(args.winnow, files, options + ["--jobs", "2"])
            whole, _ = clean(args.winnow, files, options + ["--no-prescan"])
            ok &= compare(name, f"clean jsonl ({label}), scan vs --no-prescan", files, scanned, whole)
            one_thread, _ = clean(args.winnow, files, options + ["--jobs", "1"])
            ok &= compare(name, f"clean jsonl ({label}), --jobs 2 vs --jobs 1", files, scanned, one_thread)
            if args.against:
                other, _ = clean(args.against, files, options)
                ok &= compare(name, f"clean jsonl ({label}), this build vs --against", files, scanned, other)
        _, explained = clean(args.winnow, files, ["--explain"])
        _, explained_whole = clean(args.winnow, files, ["--explain", "--no-prescan"])
        same = explained == explained_whole
        print(f"{name:<16} {'--explain lines, scan vs --no-prescan':<48} {'identical' if same else 'DIFFERENT'} "
              f"({len(explained)} lines)")
        ok &= same
        if args.against:
            _, explained_other = clean(args.against, files, ["--explain"])
            same = explained == explained_other
            print(f"{name:<16} {'--explain lines, this build vs --against':<48} {'identical' if same else 'DIFFERENT'} "
                  f"({len(explained)} lines)")
            ok &= same
        trees = subprocess.run([args.bench, "--check-trees", *files], capture_output=True, text=True)
        print(f"{name:<16} {'trees: ' + trees.stdout.splitlines()[0]}")
        for line in trees.stdout.splitlines()[1:]:
            print(line)
        ok &= trees.returncode == 0
    print(f"{'all corpora':<16} {total} pages: {'everything identical' if ok else 'DIFFERENCES (see above)'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
