#!/usr/bin/env python3
"""`cmake --install` into a temporary prefix, then the installed winnow run from a folder outside
the source tree: --version, `profiles list` finding PREFIX/share/winnow/profiles, the man page
and the bash completion in place. Standard library only; CTest runs it as `install.prefix`:

  test_install.py --cmake CMAKE --build BUILD_DIR --source SOURCE_DIR
"""
import argparse
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ARGS = None


def run(command, **options):
    return subprocess.run(command, capture_output=True, text=True, check=False, **options)


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="winnow-install-")
        cls.prefix = os.path.join(cls.tmp.name, "prefix")
        cls.elsewhere = os.path.join(cls.tmp.name, "elsewhere")  # the working folder: not the source tree
        os.makedirs(cls.elsewhere)
        installed = run([ARGS.cmake, "--install", ARGS.build, "--prefix", cls.prefix])
        if installed.returncode != 0:
            raise AssertionError("cmake --install failed:\n" + installed.stdout + installed.stderr)
        # The installed binary must find its files itself: nothing points at the source tree.
        cls.env = {k: v for k, v in os.environ.items() if k not in ("WINNOW_SOURCE_DIR", "WINNOW_PROFILES")}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def winnow(self, *args, binary=None):
        return run([binary or os.path.join(self.prefix, "bin", "winnow"), *args], cwd=self.elsewhere, env=self.env)

    def test_version(self):
        result = self.winnow("--version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^winnow \d+\.\d+\.\d+\n$")

    def test_profiles_list_finds_the_installed_profiles(self):
        profiles = os.path.join(self.prefix, "share", "winnow", "profiles")
        names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(ARGS.source, "profiles", "*.toml")))
        self.assertIn("default.toml", names)
        self.assertEqual(sorted(os.listdir(profiles)), names)
        # Directly, and through a symlink elsewhere (as /usr/local/bin/winnow -> /opt/...).
        link = os.path.join(self.tmp.name, "winnow-link")
        os.symlink(os.path.join(self.prefix, "bin", "winnow"), link)
        for binary in (None, link):
            result = self.winnow("profiles", "list", binary=binary)
            self.assertEqual(result.returncode, 0, result.stderr)
            rows = [line.split() for line in result.stdout.splitlines()[1:]]
            self.assertEqual(sorted(os.path.basename(row[1]) for row in rows), names)
            for row in rows:
                self.assertEqual(os.path.dirname(row[1]), profiles, row)
        check = self.winnow("profiles", "check")
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)

    def test_man_page(self):
        page = os.path.join(self.prefix, "share", "man", "man1", "winnow.1.gz")
        self.assertTrue(os.path.isfile(page), "no man page (is help2man installed?)")
        with gzip.open(page, "rt", encoding="utf-8") as f:
            roff = f.read()
        self.assertIn('.TH WINNOW "1"', roff)
        sections = re.findall(r'^\.SH "?([A-Z ]+)"?$', roff, re.M)
        for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "FILES"):
            self.assertIn(section, sections)
        # Every command and subcommand has its subsection, with its options.
        subsections = re.findall(r'^\.SS "winnow ([a-z ]+?) \[OPTIONS\]', roff, re.M)
        for command in ("clean", "run", "fetch", "fixtures check", "profiles list", "profiles check", "state stats"):
            self.assertIn(command, subsections)
        self.assertEqual(roff.count("\\fB\\-\\-user\\-agent\\fR"), 2)  # clean and fetch
        if shutil.which("man"):
            shown = run(["man", "-l", page], env={**self.env, "MANWIDTH": "100", "MANPAGER": "cat"})
            self.assertEqual(shown.returncode, 0, shown.stderr)
            self.assertIn("winnow - turn web pages into clean article text", shown.stdout)

    def test_bash_completion(self):
        script = os.path.join(self.prefix, "share", "bash-completion", "completions", "winnow")
        self.assertTrue(os.path.isfile(script))
        probe = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); '
                 '_winnow; printf "%s\\n" "${COMPREPLY[@]}"')

        def complete(*words):
            result = run(["bash", "-c", probe, "bash", script, *words])
            self.assertEqual(result.returncode, 0, result.stderr)
            return result.stdout.split()

        self.assertEqual(complete("winnow", ""), ["clean", "run", "fetch", "fixtures", "profiles", "state"])
        self.assertEqual(complete("winnow", "profiles", "l"), ["list"])
        self.assertIn("--user-agent", complete("winnow", "fetch", "--"))
        self.assertIn("--profiles", complete("winnow", "fetch", "--"))
        self.assertEqual(complete("winnow", "clean", "-o", "out", "--format", "js"), ["json", "jsonl"])
        self.assertEqual(complete("winnow", "state", "stats", "--format", ""), ["text", "json"])

    def test_readme(self):
        self.assertTrue(os.path.isfile(os.path.join(self.prefix, "share", "doc", "winnow", "README.md")))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest])
