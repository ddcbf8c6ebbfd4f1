#!/usr/bin/env /usr/bin/python3
"""The Python module against the CLI, and its speed on 1 and 2 threads (scripts/bench-python).

1. Over the first 50 pages of a corpus, winnow.clean() gives what `winnow clean --format json`
   prints (dict for dict).
2. Pages per second cleaning the corpus's pages with 1 thread and with 2 threads sharing one
   Cleaner (the GIL is released while a page is cleaned), runs alternating so that the machine's
   other load falls on both alike; also pages per CPU-second (the cost per core).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time

import winnow


def corpus_files(folder, limit):
    names = sorted(n for n in os.listdir(folder) if n.endswith((".html", ".html.gz")))
    return [os.path.join(folder, n) for n in names[:limit]]


def check_cli(binary, files):
    cli = subprocess.run([binary, "clean", "--format", "json", *files], capture_output=True)
    expected = json.loads(cli.stdout)
    same = 0
    for path, want in zip(files, expected):
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".gz"):
            import gzip
            data = gzip.decompress(data)
        try:
            got = winnow.clean(data, source=path)
        except winnow.Error as error:
            got = {"source": path, "url": None, "title": None, "text": None, "error": str(error)}
        same += got == want
    return same, len(expected)


def clean_all(cleaner, pages, threads):
    """Cleans every page once on `threads` threads; returns (wall seconds, CPU seconds)."""
    next_index = iter(range(len(pages)))
    lock = threading.Lock()

    def work():
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            try:
                cleaner.clean(pages[i])
            except winnow.Error:
                pass

    cpu, wall = time.process_time(), time.perf_counter()
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - wall, time.process_time() - cpu


def _cleans(cleaner, page):
    try:
        cleaner.clean(page)
        return True
    except winnow.Error:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--corpus", required=True, help="a folder of .html / .html.gz pages")
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5, help="pairs of runs (1 thread, 2 threads)")
    args = parser.parse_args()

    same, total = check_cli(args.winnow, corpus_files(args.corpus, 50))
    print(f"module == CLI --format json: {same}/{total} pages of {args.corpus}")

    import gzip
    pages = []
    for path in corpus_files(args.corpus, args.pages):
        with open(path, "rb") as f:
            data = f.read()
        pages.append(gzip.decompress(data) if path.endswith(".gz") else data)
    cleaner = winnow.Cleaner()
    clean_all(cleaner, pages, 1)  # warm up
    ratios, one_rates, cpu_rates, two_cpu_rates = [], [], [], []
    for run in range(1, args.runs + 1):
        one_wall, one_cpu = clean_all(cleaner, pages, 1)
        two_wall, two_cpu = clean_all(cleaner, pages, 2)
        one, two = len(pages) / one_wall, len(pages) / two_wall
        ratios.append(two / one)
        one_rates.append(one)
        cpu_rates.append(len(pages) / one_cpu)
        two_cpu_rates.append(len(pages) / two_cpu)
        print(f"run {run}: 1 thread {one:7.1f} pages/s ({len(pages) / one_cpu:6.1f} per CPU-s, "
              f"{one_cpu / one_wall:.2f} cores busy); 2 threads {two:7.1f} pages/s ({len(pages) / two_cpu:6.1f} per "
              f"CPU-s, {two_cpu / two_wall:.2f} cores busy); ratio {two / one:.2f}", flush=True)
    # What runs with the GIL held, per page: the page's bytes copied in, the result's JSON parsed
    # into a dict (json.loads of the same line). Amdahl: 2 threads run at most 1/(s + (1-s)/2)
    # times as fast as one, s that share of a page's time.
    lines = [cleaner.clean(p, format="jsonl") for p in pages[:50] if _cleans(cleaner, p)]
    started = time.process_time()
    for _ in range(5):
        for line in lines:
            json.loads(line)
        for p in pages[:len(lines)]:
            bytes(bytearray(p))  # a copy, as the binding makes
    held = (time.process_time() - started) / (5 * len(lines))
    per_page = 1 / statistics.median(cpu_rates)
    share = held / per_page
    print(f"GIL held per page: {held * 1e6:.0f} us of {per_page * 1e3:.1f} ms ({share:.2%}); Amdahl bound for "
          f"2 threads {1 / (share + (1 - share) / 2):.2f}x")
    print(f"{len(pages)} pages, {args.runs} runs: 2 threads / 1 thread median {statistics.median(ratios):.2f} "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f}); 1 thread median {statistics.median(one_rates):.1f} pages/s, "
          f"{statistics.median(cpu_rates):.1f} pages per CPU-second; 2 threads "
          f"{statistics.median(two_cpu_rates):.1f} pages per CPU-second")
    # On a machine shared by several sessions the kernel (autogroup scheduling) gives each session
    # a fair share of the cores whatever its thread count: "cores busy" then stays below 2 and the
    # wall-clock ratio measures the share, not the module. Pages per CPU-second on 2 threads equal
    # to 1 thread's mean that nothing serialises the threads beyond the GIL-held share above.
    return 0 if same == total else 1


if __name__ == "__main__":
    sys.exit(main())
