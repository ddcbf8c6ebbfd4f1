"""The tune and confirm halves of every evaluation corpus, shared by scripts/eval and
scripts/eval-metadata: a page belongs to "tune" when the first byte of the SHA-256 of its id (a
modern-dev ID, a readability folder, a trafilatura-dev file name) is even, else to "confirm".
A rule is decided on the tune half and confirmed on the other. (Not SHA-1: modern-dev's ids all
have an odd first SHA-1 byte, as if the corpus were itself one half of a larger one split that way.)
"""
import hashlib

HALVES = ("tune", "confirm")


def half_of(page_id):
    return "tune" if hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2 == 0 else "confirm"
