"""winnow: web pages to clean text, from Python.

The same library as the ``winnow`` executable (built by the same CMake build), so that a page
cleaned here gives exactly what ``winnow clean --format json`` prints::

    import winnow
    result = winnow.clean(html_bytes, url="https://example.com/a")   # a dict
    result["title"], result["text"], result["date"]

    cleaner = winnow.Cleaner(profiles=["my-profiles/"])   # profiles loaded and compiled once
    winnow.clean(html_bytes, favor="precision")   # less boilerplate ("recall": nothing missed)
    for record in cleaner.iter_warc("crawl.warc.gz"):      # one dict per HTML response
        ...

The GIL is released while a page is cleaned: threads sharing one Cleaner use every core.
A page that cannot be cleaned raises :class:`winnow.Error`, whose message is the one the CLI
prints after ``winnow:``; in the iterators a failed input is yielded as its error object
(``record["error"]`` set), as in ``--format jsonl``, so that a batch goes on.
"""

import functools

from ._winnow import DEFAULT_MAX_BYTES, Cleaner, Error, InputIterator, __version__, files_in_folder

__all__ = ["Cleaner", "Error", "InputIterator", "clean", "iter_warc", "iter_inputs", "files_in_folder",
           "DEFAULT_MAX_BYTES", "__version__"]


@functools.lru_cache(maxsize=8)
def _cleaner(profiles, no_profiles, favor):
    return Cleaner(profiles=list(profiles), no_profiles=no_profiles, favor=favor)


def _shared_cleaner(profiles, no_profiles, favor=None):
    # Loading profiles costs more than cleaning a page: module-level calls share one Cleaner
    # per choice of profiles and mode.
    return _cleaner(tuple(profiles or ()), bool(no_profiles), favor)


def clean(html, url=None, content_type=None, *, profiles=None, no_profiles=False, format="json", source=None,
          favor=None):
    """Cleans one page (bytes, read in the charset the page declares, or str).

    Returns what ``winnow clean --format FORMAT`` prints: a dict for "json", a str for "text",
    "markdown" or "jsonl". ``source`` names the page in the result and in messages (default:
    the URL, or "<html>"). ``favor`` is ``--favor``: "precision" (less boilerplate), "recall"
    (nothing missed) or "balanced"; None: the site profile's, else balanced (the dict's
    ``method`` names a mode other than balanced). Raises winnow.Error when the page cannot be
    cleaned (or the mode is unknown).
    """
    return _shared_cleaner(profiles, no_profiles, favor).clean(html, url, content_type, source=source, format=format)


def iter_warc(path, *, profiles=None, no_profiles=False, format="json", favor=None):
    """Yields the cleaned HTML responses of a WARC file (.warc or .warc.gz), in file order."""
    return _shared_cleaner(profiles, no_profiles, favor).iter_warc(path, format=format)


def iter_inputs(inputs, *, recursive=False, profiles=None, no_profiles=False, format="json", favor=None):
    """Yields every input cleaned, as ``winnow clean --format jsonl [-r] INPUTS...`` gives them."""
    return _shared_cleaner(profiles, no_profiles, favor).iter_inputs(list(inputs), recursive=recursive, format=format)
