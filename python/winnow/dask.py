"""winnow on a Dask cluster: one task per input file, one JSON Lines part per task.

    python3 -m winnow.dask (--scheduler ADDRESS | --local N) -o OUT_DIR [-r] [--merge FILE] INPUT...

(`scripts/dask-clean` runs it after building the module.) The inputs are WARC files, pages, or
folders of them (with -r). Every file is one task, run on the cluster's workers through the
Python module, which writes the file's records to OUT_DIR/part-NNNNN-HASH.jsonl exactly as
`winnow clean --format jsonl` writes them; the parts in order (the list is OUT_DIR/parts.txt, and
--merge FILE concatenates them) are byte for byte what one `winnow clean --format jsonl [-r]
INPUT...` prints.

What keeps the output right when machines fail:
- a part is written to a temporary name and renamed into place: it is complete or absent;
- a task whose worker dies (killed, out of memory) is run again elsewhere by the scheduler, and
  a task that raises is retried (--retries); its part is then written whole, once;
- a run that stops for any reason is run again with the same command: parts already complete
  are skipped (checked on the client, and again on the worker).

Progress goes to stderr (one line per part, or a rewritten line on a terminal), then a summary.
Exit statuses are the CLI's: 0 all records cleaned, 1 some records (or parts) failed, 2 usage,
130 interrupted.

Workers must see the input and output paths (a shared file system) and import this package
(PYTHONPATH, as scripts/dask-clean sets for a local cluster).
"""

import argparse
import hashlib
import logging
import os
import sys
import time
import uuid

import winnow

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PARTS_LIST = "parts.txt"


class UsageError(Exception):
    pass


def plan_tasks(inputs, recursive, out_dir):
    """The tasks of a run: (index, opened path, shown name, part path) per input file, in the
    order `winnow clean` cleans them. Folders are walked as -r walks them."""
    files = []
    for name in inputs:
        if os.path.isdir(name):
            if not recursive:
                raise UsageError(f"{name}: is a folder; use -r to clean the pages and WARC files in it")
            files.extend(winnow.files_in_folder(name))
        elif os.path.isfile(name):
            files.append(name)
        else:
            raise UsageError(f"{name}: no such file")
    tasks = []
    for index, shown in enumerate(files):
        opened = os.path.abspath(shown)
        # The part's name carries the input's, so that a rerun over other inputs never takes
        # another file's part for this one's.
        digest = hashlib.sha1(opened.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        tasks.append((index, opened, shown, os.path.join(out_dir, f"part-{index:05d}-{digest}.jsonl")))
    return tasks


def count_part(part):
    """Records and failed records in a complete part."""
    records = failed = 0
    with open(part, "rb") as f:
        for line in f:
            records += 1
            if not line.rstrip().endswith(b'"error":null}'):
                failed += 1
    return records, failed


_cleaners = {}


def _cleaner(options):
    # One Cleaner per worker process and choice of options: profiles are compiled once.
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    if key not in _cleaners:
        _cleaners[key] = winnow.Cleaner(**options)
    return _cleaners[key]


def clean_part(opened, shown, part, options):
    """The task: cleans one input file into its part, atomically. Returns (records, failed,
    skipped), skipped when the part was complete already (a rerun, or a task run twice)."""
    if os.path.exists(part):
        return (*count_part(part), True)
    temporary = f"{part}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    records = failed = 0
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as out:
            for line in _cleaner(options).iter_inputs([opened], format="jsonl", source=shown):
                out.write(line)
                out.write("\n")
                records += 1
                if not line.endswith('"error":null}'):
                    failed += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, part)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return records, failed, False


class Progress:
    """One line per finished part on stderr, or one rewritten line on a terminal."""

    def __init__(self, total, stream=sys.stderr):
        self.total, self.stream = total, stream
        self.tty = stream.isatty()
        self.done = self.records = self.failed = self.skipped = 0
        self.started = time.monotonic()

    def part_done(self, shown, records, failed, skipped):
        self.done += 1
        self.records += records
        self.failed += failed
        self.skipped += skipped
        line = (f"dask-clean: {self.done}/{self.total} parts, {self.records} records, {self.failed} failed"
                + (f" ({shown}: complete already)" if skipped and not self.tty else ""))
        if self.tty:
            self.stream.write("\r\033[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\r\033[K")
        return time.monotonic() - self.started


def merge_parts(parts, destination):
    """Concatenates the parts into `destination`, atomically."""
    temporary = f"{destination}.tmp-{os.getpid()}"
    with open(temporary, "wb") as out:
        for part in parts:
            with open(part, "rb") as f:
                while chunk := f.read(1 << 20):
                    out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, destination)


def write_parts_list(out_dir, tasks):
    temporary = os.path.join(out_dir, PARTS_LIST + ".tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        for _, _, shown, part in tasks:
            f.write(f"{os.path.basename(part)}\t{shown}\n")
    os.replace(temporary, os.path.join(out_dir, PARTS_LIST))


def run(client, tasks, options, retries=3, progress=None, on_submitted=None):
    """Runs the tasks on the client's cluster; returns {index: (records, failed, skipped)} and
    {index: message} for parts that could not be made. Parts complete already are not sent."""
    from distributed import as_completed

    results, errors, futures = {}, {}, {}
    for index, opened, shown, part in tasks:
        if os.path.exists(part):
            results[index] = (*count_part(part), True)
            if progress:
                progress.part_done(shown, *results[index])
            continue
        key = f"winnow-clean-{os.path.basename(part)[:-len('.jsonl')]}-{uuid.uuid4().hex[:6]}"
        future = client.submit(clean_part, opened, shown, part, options, key=key, retries=retries, pure=False)
        futures[future] = (index, shown)
    if on_submitted:
        on_submitted(futures)
    for future in as_completed(list(futures)):
        index, shown = futures[future]
        try:
            results[index] = future.result()
        except Exception as error:  # the task failed on every try (or its workers kept dying)
            errors[index] = f"{shown}: {type(error).__name__}: {error}"
            print(f"dask-clean: {errors[index]}", file=sys.stderr)
            continue
        if progress:
            progress.part_done(shown, *results[index])
    # Leftovers of tries that died with their worker (a part is renamed from its own name).
    parts_by_folder = {}
    for _, _, _, part in tasks:
        folder, name = os.path.split(part)
        parts_by_folder.setdefault(folder or ".", set()).add(name)
    for folder, names in parts_by_folder.items():
        for entry in os.listdir(folder):
            if entry.partition(".tmp-")[0] in names and ".tmp-" in entry:
                try:
                    os.unlink(os.path.join(folder, entry))
                except FileNotFoundError:
                    pass
    return results, errors


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="dask-clean", description="Clean WARC files and pages on a Dask cluster, one JSONL part per input file.",
        epilog="Examples:\n"
               "  dask-clean --local 4 -o out/ crawl/*.warc.gz --merge all.jsonl\n"
               "  dask-clean --scheduler tcp://10.0.0.5:8786 -o /shared/out/ -r /shared/crawl/",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="the address of a running dask-scheduler")
    where.add_argument("--local", metavar="N", type=int, help="start a LocalCluster of N worker processes here")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="WARC files, pages, folders (with -r)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder of the parts (created)")
    parser.add_argument("-r", "--recursive", action="store_true", help="clean the pages and WARC files in folders")
    parser.add_argument("--merge", metavar="FILE", help="also concatenate the parts, in input order, into FILE")
    parser.add_argument("--retries", type=int, default=3, help="tries again a task that fails (default 3)")
    parser.add_argument("--profiles", action="append", default=[], metavar="DIR", help="also read these profiles")
    parser.add_argument("--no-profiles", action="store_true", help="use no profile files")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(argv)
    if args.local is not None and args.local < 1:
        print("dask-clean: --local N needs at least one worker", file=sys.stderr)
        return EXIT_USAGE
    options = {"profiles": args.profiles, "no_profiles": args.no_profiles}
    try:
        winnow.Cleaner(**options)  # profile errors are found here, once, not on every worker
        os.makedirs(args.output, exist_ok=True)
        tasks = plan_tasks(args.inputs, args.recursive, args.output)
    except (UsageError, winnow.Error, OSError) as error:
        print(f"dask-clean: {error}", file=sys.stderr)
        return EXIT_USAGE
    write_parts_list(args.output, tasks)

    from distributed import Client, LocalCluster

    cluster = None
    try:
        if args.local is not None:
            cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(args.scheduler)
        progress = Progress(len(tasks))
        results, errors = run(client, tasks, options, retries=args.retries, progress=progress)
        seconds = progress.finish()
        client.close()
    except KeyboardInterrupt:
        print("dask-clean: interrupted; complete parts are kept, run again to finish", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if cluster is not None:
            cluster.close()
    records = sum(r[0] for r in results.values())
    failed = sum(r[1] for r in results.values())
    skipped = sum(1 for r in results.values() if r[2])
    rate = (records - sum(r[0] for r in results.values() if r[2])) / seconds if seconds > 0 else 0.0
    print(f"dask-clean: {len(results)} of {len(tasks)} parts in {args.output} ({skipped} complete already), "
          f"{records} records, {failed} failed, {seconds:.1f} s, {rate:.1f} records/s", file=sys.stderr)
    if errors:
        print(f"dask-clean: {len(errors)} parts not made; run again to retry them", file=sys.stderr)
        return EXIT_SOME_FAILED
    if args.merge:
        merge_parts([part for _, _, _, part in tasks], args.merge)
    return EXIT_SOME_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    # Run as `python3 -m winnow.dask`: the tasks must be pickled as winnow.dask's functions
    # (which workers import), not as this __main__'s.
    from winnow.dask import main as _main

    sys.exit(_main())
