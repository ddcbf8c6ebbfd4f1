"""The Python module gives what the CLI gives: the same JSON, the same text, the same messages."""

import json
import os
import threading

import pytest

import winnow
import warc_build


def test_fifty_pages_equal_the_cli_json(run_cli, fixture_pages, root):
    pages = fixture_pages[:50]
    cli = run_cli("clean", "--format", "json", *pages)
    assert cli.returncode == 0, cli.stderr.decode()
    expected = json.loads(cli.stdout)
    assert len(expected) == 50
    for page, want in zip(pages, expected):
        got = winnow.clean((root / page).read_bytes(), source=page)
        assert got == want, page


def test_one_page_equals_the_cli_json_with_url_and_text(run_cli, fixture_pages, root):
    page = fixture_pages[0]
    url = "https://news.example.org/2026/11/a-story"
    cli = run_cli("clean", "--format", "json", "--url", url, page)
    assert cli.returncode == 0
    assert winnow.clean((root / page).read_bytes(), url, source=page) == json.loads(cli.stdout)
    text = run_cli("clean", "--url", url, page).stdout.decode()
    assert winnow.clean((root / page).read_bytes(), url, format="text") == text
    markdown = run_cli("clean", "--format", "markdown", "--url", url, page).stdout.decode()
    assert winnow.clean((root / page).read_bytes(), url, format="markdown") == markdown


def test_str_input_is_read_as_utf8_whatever_the_page_declares():
    html = ('<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
            '<p>Le café est servi à la terrasse depuis le matin, et les habitués arrivent tôt.</p>'
            '<p>Une deuxième phrase suffisamment longue pour que la page ait un vrai contenu.</p>'
            '</article></body></html>')
    result = winnow.clean(html)
    assert result["title"] == "Café"
    assert "Le café est servi à la terrasse" in result["text"]
    assert result["source"] == "<html>"
    assert result["error"] is None


@pytest.mark.parametrize("name,content", [
    ("empty.html", b""),
    ("binary.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    ("no-text.html", b"<html><head></head><body><div></div></body></html>"),
])
def test_bad_input_raises_the_cli_message(run_cli, tmp_path, name, content):
    page = tmp_path / name
    page.write_bytes(content)
    cli = run_cli("clean", str(page))
    assert cli.returncode == 1
    message = cli.stderr.decode()
    assert message.startswith("winnow: ") and message.count("\n") == 1
    with pytest.raises(winnow.Error) as raised:
        winnow.clean(content, source=str(page))
    assert "winnow: " + str(raised.value) + "\n" == message
    assert raised.value.kind == "bad_input"
    assert raised.value.exit_status == cli.returncode


def test_a_page_over_the_size_limit_raises_the_cli_message(run_cli, tmp_path):
    page = tmp_path / "big.html"
    page.write_bytes(b"<html><body><p>" + b"word " * 400 + b"</p></body></html>")
    cli = run_cli("clean", "--max-bytes", "1000", str(page))
    assert cli.returncode == 1
    with pytest.raises(winnow.Error) as raised:
        winnow.Cleaner(max_bytes=1000).clean(page.read_bytes(), source=str(page))
    assert cli.stderr.decode() == "winnow: " + str(raised.value) + "\n"
    assert raised.value.kind == "too_large"


def test_missing_or_broken_warc_raises(tmp_path):
    with pytest.raises(winnow.Error) as raised:
        winnow.iter_warc(str(tmp_path / "absent.warc.gz"))
    assert raised.value.kind == "not_found" and "absent.warc.gz" in str(raised.value)
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><p>not a crawl</p></body></html>")
    with pytest.raises(winnow.Error, match="page.html: not a WARC file"):
        winnow.iter_warc(str(page))


def test_usage_errors_raise():
    with pytest.raises(winnow.Error, match="unknown encoding"):
        winnow.Cleaner(encoding="no-such-charset")
    with pytest.raises(winnow.Error) as raised:
        winnow.clean(b"<p>x</p>", format="yaml")
    assert raised.value.kind == "usage" and raised.value.exit_status == 2
    with pytest.raises(winnow.Error) as raised:
        winnow.Cleaner(profiles=["/nonexistent/profiles"])
    assert raised.value.exit_status == 2
    with pytest.raises(TypeError):
        winnow.clean(12)


def test_iter_warc_equals_the_cli_jsonl(run_cli, fixture_pages, root, tmp_path):
    pages = [(f"https://site{i % 3}.test/{os.path.basename(p)}", (root / p).read_bytes()) for i, p in enumerate(fixture_pages[:20])]
    pages.append(("https://site0.test/empty.html", b""))  # a record that fails: its error object, in place
    warc = tmp_path / "crawl.warc.gz"
    warc_build.write_warc(str(warc), pages)
    cli = run_cli("clean", "--format", "jsonl", str(warc))
    assert cli.returncode == 1  # the empty record failed
    lines = cli.stdout.decode().splitlines()
    assert len(lines) == 21
    assert list(winnow.iter_warc(str(warc), format="jsonl")) == lines
    records = list(winnow.iter_warc(str(warc)))
    assert records == [json.loads(line) for line in lines]
    assert records[0]["url"] == pages[0][0] and records[0]["warc_record_id"].startswith("<urn:uuid:")
    assert records[-1]["error"] and records[-1]["text"] is None


def test_iter_inputs_walks_folders_like_the_cli(run_cli):
    cli = run_cli("clean", "--format", "jsonl", "-r", "fixtures/behaviours")
    assert cli.returncode == 0
    assert list(winnow.iter_inputs(["fixtures/behaviours"], recursive=True, format="jsonl")) == cli.stdout.decode().splitlines()


def test_a_cleaner_loads_profiles_once_and_honours_no_profiles(run_cli, fixture_pages, root):
    page = fixture_pages[-1]
    for options, cleaner in (([], winnow.Cleaner()), (["--no-profiles"], winnow.Cleaner(no_profiles=True)),
                             (["--no-default-rules"], winnow.Cleaner(no_default_rules=True))):
        cli = run_cli("clean", "--format", "json", *options, page)
        assert cleaner.clean((root / page).read_bytes(), source=page) == json.loads(cli.stdout), options


def test_threads_sharing_a_cleaner_give_the_serial_results(fixture_pages, root):
    cleaner = winnow.Cleaner()
    pages = [(p, (root / p).read_bytes()) for p in fixture_pages]
    serial = [cleaner.clean(html, source=p) for p, html in pages]
    results = [None] * len(pages)

    def work(start):
        for i in range(start, len(pages), 4):
            results[i] = cleaner.clean(pages[i][1], source=pages[i][0])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_the_gil_is_released_while_cleaning(fixture_pages, root):
    # While one thread cleans a large page, another thread runs Python: with the GIL held it
    # could not count at all until the page is done.
    html = b"<html><body><article>" + b"".join(
        b"<p>Paragraph %d has enough words in it to count as text of an article.</p>" % i for i in range(30000)
    ) + b"</article></body></html>"
    done = threading.Event()
    ticks = 0

    def clean():
        winnow.clean(html)
        done.set()

    worker = threading.Thread(target=clean)
    worker.start()
    while not done.is_set():
        ticks += 1
        done.wait(0.001)
    worker.join()
    assert ticks > 5


def test_favor_equals_the_cli_favor(run_cli, fixture_pages, root):
    for page in fixture_pages[:5]:
        for mode in ("precision", "recall"):
            cli = run_cli("clean", "--format", "json", "--favor", mode, page)
            assert cli.returncode == 0, cli.stderr.decode()
            got = winnow.clean((root / page).read_bytes(), source=page, favor=mode)
            assert got == json.loads(cli.stdout), (page, mode)
            assert got["method"].endswith(f"(favor {mode})")
        assert winnow.clean((root / page).read_bytes(), source=page, favor="balanced") == \
            winnow.clean((root / page).read_bytes(), source=page)
    with pytest.raises(winnow.Error) as error:
        winnow.Cleaner(favor="accuracy")
    assert error.value.kind == "usage"
    assert str(error.value) == 'favor "accuracy": not a mode (precision, balanced, recall)'
