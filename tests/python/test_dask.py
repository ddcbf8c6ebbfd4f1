"""The Dask job (python/winnow/dask.py, scripts/dask-clean): its output equals the CLI's
`--format jsonl` over the same inputs; parts are complete or absent; a rerun skips complete parts;
a worker killed mid-run (kill -9) loses no record and doubles none."""

import os
import shutil
import subprocess
import sys

import pytest

import dask_kill
import warc_build
import winnow.dask as job


def make_inputs(root, fixture_pages, folder):
    """Three WARC files of fixture pages and a folder of pages with a sub-folder."""
    warcs = []
    for i in range(3):
        pages = [(f"https://host{i}.test/{os.path.basename(p)}", (root / p).read_bytes()) for p in fixture_pages[i::3]]
        path = folder / f"crawl-{i}.warc.gz"
        warc_build.write_warc(str(path), pages)
        warcs.append(str(path))
    pages = folder / "pages"
    (pages / "sub").mkdir(parents=True)
    for p in fixture_pages[:6]:
        shutil.copy(root / p, pages / os.path.basename(p))
    for p in fixture_pages[6:9]:
        shutil.copy(root / p, pages / "sub" / os.path.basename(p))
    (pages / "empty.html").write_bytes(b"")  # fails: its error object, in place
    return warcs, str(pages)


def dask_clean(*args):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "winnow.dask", *args], capture_output=True, env=env, timeout=600)


def test_dask_clean_equals_the_cli_and_reruns_skip_complete_parts(run_cli, fixture_pages, root, tmp_path):
    warcs, pages = make_inputs(root, fixture_pages, tmp_path)
    inputs = [warcs[0], pages, warcs[1], warcs[2]]
    cli = run_cli("clean", "--format", "jsonl", "-r", *inputs)
    assert cli.returncode == 1  # empty.html
    out, merged = tmp_path / "out", tmp_path / "merged.jsonl"
    first = dask_clean("--local", "2", "-o", str(out), "--merge", str(merged), "-r", *inputs)
    assert first.returncode == 1, first.stderr.decode()
    assert merged.read_bytes() == cli.stdout
    parts = sorted(n for n in os.listdir(out) if n.endswith(".jsonl"))
    assert len(parts) == 3 + 10  # one per WARC file, one per page
    assert not [n for n in os.listdir(out) if ".tmp" in n]
    summary = first.stderr.decode().splitlines()[-1]
    assert "13 of 13 parts" in summary and "(0 complete already)" in summary and "1 failed" in summary

    # Again: every part is complete, none is cleaned again; one part removed is made again.
    os.unlink(out / parts[4])
    merged.unlink()
    again = dask_clean("--local", "1", "-o", str(out), "--merge", str(merged), "-r", *inputs)
    assert again.returncode == 1
    assert "(12 complete already)" in again.stderr.decode()
    assert merged.read_bytes() == cli.stdout


def test_dask_clean_usage_errors(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    missing = dask_clean("--local", "1", "-o", str(tmp_path / "out"), str(tmp_path / "absent.warc"))
    assert missing.returncode == 2 and b"absent.warc: no such file" in missing.stderr
    no_r = dask_clean("--local", "1", "-o", str(tmp_path / "out"), str(folder))
    assert no_r.returncode == 2 and b"use -r" in no_r.stderr
    neither = dask_clean("-o", str(tmp_path / "out"), str(folder))
    assert neither.returncode == 2


def test_a_task_writes_its_part_atomically(tmp_path, fixture_pages, root):
    page = tmp_path / "a.html"
    page.write_bytes((root / fixture_pages[0]).read_bytes())
    part = tmp_path / "part.jsonl"
    records, failed, skipped = job.clean_part(str(page), "shown/a.html", str(part), {"profiles": [], "no_profiles": False})
    assert (records, failed, skipped) == (1, 0, False)
    assert part.read_text().startswith('{"source":"shown/a.html",')
    assert os.listdir(tmp_path) == sorted(["a.html", "part.jsonl"]) or set(os.listdir(tmp_path)) == {"a.html", "part.jsonl"}
    # Run twice (a worker thought dead that finishes after all): the part is kept as it is.
    assert job.clean_part(str(page), "shown/a.html", str(part), {"profiles": [], "no_profiles": False}) == (1, 0, True)
    # A file that cannot be read: the error object names it as shown.
    gone = tmp_path / "gone.html"
    records, failed, _ = job.clean_part(str(gone), "shown/gone.html", str(tmp_path / "p2.jsonl"),
                                        {"profiles": [], "no_profiles": False})
    assert (records, failed) == (1, 1)
    assert (tmp_path / "p2.jsonl").read_text().startswith('{"source":"shown/gone.html","url":null,"title":null,'
                                                          '"text":null,"error":"shown/gone.html: ')


def test_a_worker_killed_mid_run_loses_no_record_and_doubles_none(winnow_binary, root, tmp_path):
    failures = dask_kill.demonstrate(winnow_binary, str(tmp_path), [str(root / "fixtures")], workers=2, warcs=4,
                                     copies=4, report=print)
    assert failures == []
