#!/usr/bin/env /usr/bin/python3
"""The Dask job survives a worker killed mid-run (scripts/stress-dask-kill; a smaller run is a
CTest test, tests/python/test_dask.py).

Builds WARC files from saved pages, cleans them once with `winnow clean --format jsonl` in one
process (the reference), then with the Dask job on a LocalCluster (python/winnow/dask.py):
once undisturbed, once with `kill -9` of a worker process while it cleans a file. Both Dask
outputs must equal the reference byte for byte, every record exactly once.

    dask_kill.py --winnow BUILD/winnow --work DIR [--workers 4] [--warcs 8] [--copies 2] PAGE_DIR...
"""

import argparse
import collections
import glob
import json
import os
import signal
import subprocess
import sys
import threading
import time

import warc_build
import winnow
import winnow.dask as job


def corpus_pages(folders):
    """(name, path) of the .html and .html.gz files under the folders, in a fixed order."""
    pages = []
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "**", "*.htm*"), recursive=True)):
            # Readability's test folders hold the expected output beside the source page.
            if path.endswith((".html", ".html.gz", ".htm")) and not os.path.basename(path).startswith("expected"):
                pages.append((os.path.relpath(path, folder), path))
    return pages


def build_warcs(pages, out_dir, warcs, copies):
    """Deals `copies` copies of every page (each its own URL) round robin into `warcs` files."""
    os.makedirs(out_dir, exist_ok=True)
    files = [[] for _ in range(warcs)]
    n = 0
    for copy in range(copies):
        for name, path in pages:
            url = f"https://copy{copy}.corpus.test/{name.replace(os.sep, '/')}"
            files[n % warcs].append((url, warc_build.read_page(path)))
            n += 1
    paths = []
    for i, records in enumerate(files):
        path = os.path.join(out_dir, f"crawl-{i:02d}.warc.gz")
        warc_build.write_warc(path, records)
        paths.append(path)
    return paths, n


def reference(winnow_binary, warcs, destination):
    started = time.monotonic()
    with open(destination, "wb") as out:
        status = subprocess.run([winnow_binary, "clean", "--format", "jsonl", *warcs], stdout=out).returncode
    return status, time.monotonic() - started


class Killer(threading.Thread):
    """Once a part is written, kills (-9) the process of a worker that is cleaning a file whose
    part is not written yet: a worker dies mid-task, mid-run."""

    def __init__(self, client, tasks):
        super().__init__(daemon=True)
        self.client, self.tasks = client, tasks
        self.parts = {f"winnow-clean-{os.path.basename(part)[:-len('.jsonl')]}": part for _, _, _, part in tasks}
        self.pids = client.run(os.getpid)  # worker address -> process id
        self.killed = None  # (pid, the part its task was writing)
        self.error = None

    def part_of(self, key):
        for prefix, part in self.parts.items():
            if str(key).startswith(prefix):
                return part
        return None

    def run(self):
        try:
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                done = [p for p in self.parts.values() if os.path.exists(p)]
                if done:
                    for address, keys in self.client.processing().items():
                        for key in keys:
                            part = self.part_of(key)
                            if part and not os.path.exists(part) and address in self.pids:
                                os.kill(self.pids[address], signal.SIGKILL)
                                self.killed = (self.pids[address], part)
                                return
                    if len(done) == len(self.parts):
                        self.error = "every part was written before a worker could be killed"
                        return
                time.sleep(0.02)
            self.error = "no part written in 600 s"
        except Exception as error:  # reported by the caller
            self.error = repr(error)


def dask_run(tasks, workers, kill):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        killer = Killer(client, tasks) if kill else None
        started = time.monotonic()
        results, errors = job.run(client, tasks, {"profiles": [], "no_profiles": False}, retries=3,
                                  on_submitted=(lambda futures: killer.start()) if killer else None)
        seconds = time.monotonic() - started
        if killer:
            killer.join()
        return results, errors, seconds, killer


def check_against(reference_path, tasks, merged):
    """Differences between the merged parts and the reference, and records seen twice or never."""
    job.merge_parts([part for _, _, _, part in tasks], merged)
    with open(reference_path, "rb") as f:
        want = f.read()
    with open(merged, "rb") as f:
        got = f.read()
    ids = collections.Counter(json.loads(line)["warc_record_id"] for line in got.splitlines())
    want_ids = collections.Counter(json.loads(line)["warc_record_id"] for line in want.splitlines())
    twice = sum(1 for n in ids.values() if n > 1)
    missing = sum(1 for i in want_ids if i not in ids)
    return got == want, len(got.splitlines()), twice, missing


def demonstrate(winnow_binary, work, page_folders, workers=4, warcs=8, copies=2, report=print):
    """Returns a list of failures (empty: everything held)."""
    failures = []
    pages = corpus_pages(page_folders)
    paths, records = build_warcs(pages, os.path.join(work, "warc"), warcs, copies)
    report(f"built {len(paths)} WARC files: {records} HTML responses ({len(pages)} pages x {copies} copies)")
    ref = os.path.join(work, "reference.jsonl")
    status, seconds = reference(winnow_binary, paths, ref)
    with open(ref, "rb") as f:
        ref_lines = sum(1 for _ in f)
    report(f"winnow clean --format jsonl (one process): {ref_lines} records in {seconds:.1f} s, exit {status}")
    for kill in (False, True):
        label = "with a worker killed (-9) mid-run" if kill else "undisturbed"
        out = os.path.join(work, "parts-kill" if kill else "parts")
        os.makedirs(out, exist_ok=True)
        tasks = job.plan_tasks(paths, False, out)
        results, errors, seconds, killer = dask_run(tasks, workers, kill)
        if kill:
            if killer.error or not killer.killed:
                failures.append(f"{label}: no worker killed: {killer.error}")
            else:
                report(f"  killed worker process {killer.killed[0]} while it wrote {os.path.basename(killer.killed[1])}")
        if errors:
            failures.append(f"{label}: parts not made: {errors}")
        same, lines, twice, missing = check_against(ref, tasks, os.path.join(work, f"merged-{int(kill)}.jsonl"))
        leftovers = [n for n in os.listdir(out) if ".tmp-" in n]
        report(f"dask LocalCluster({workers} processes) {label}: {len(results)} parts, {lines} records in "
               f"{seconds:.1f} s; identical to the reference: {same}; records twice: {twice}, missing: {missing}; "
               f"temporary files left by the killed try: {len(leftovers)}")
        if not same or twice or missing:
            failures.append(f"{label}: output differs from the reference (twice {twice}, missing {missing})")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--warcs", type=int, default=8)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()
    failures = demonstrate(args.winnow, args.work, args.folders, args.workers, args.warcs, args.copies,
                           report=lambda line: print(line, flush=True))
    for failure in failures:
        print("FAILED: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
