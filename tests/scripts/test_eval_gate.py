#!/usr/bin/env python3
"""The quality gate of scripts/eval (scripts/lib/eval.py gate()), on made-up figures: no corpus is
cleaned, so it runs anywhere. Standard library only; CTest runs it as `eval.gate`."""
import contextlib
import io
import json
import os
import sys
import tempfile
import types
import unittest

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "lib"))
import eval as evaluation  # noqa: E402

FIGURES = {"corpus-a": {"precision": 0.900, "recall": 0.800, "F1": 0.847}}


class GateTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        os.makedirs(os.path.join(self.root, "scripts"))
        self.gate(FIGURES, raise_floors=True)  # the first raise adds every floor

    def tearDown(self):
        self.tmp.cleanup()

    def gate(self, measured, **options):
        args = types.SimpleNamespace(root=self.root, raise_floors=False, lower=False, reason=None)
        args.__dict__.update(options)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = evaluation.gate(args, measured)
        return status, out.getvalue()

    def floors(self):
        return json.load(open(os.path.join(self.root, evaluation.FLOORS_FILE), encoding="utf-8"))

    def with_figure(self, figure, value):
        measured = json.loads(json.dumps(FIGURES))
        measured["corpus-a"][figure] = value
        return measured

    def test_floors_record_value_date_and_commit(self):
        entry = self.floors()["floors"]["corpus-a"]["F1"]
        self.assertEqual(entry["floor"], 0.847)
        self.assertIn("date", entry)
        self.assertIn("commit", entry)
        self.assertEqual(self.gate(FIGURES)[0], 0)

    def test_within_tolerance_passes_beyond_it_fails_naming_corpus_and_figure(self):
        self.assertEqual(self.gate(self.with_figure("F1", 0.845))[0], 0)  # 0.002 below: still passes
        status, out = self.gate(self.with_figure("F1", 0.844))
        self.assertEqual(status, 1)
        self.assertIn("gate: FAIL corpus-a F1 0.844 is 0.003 below its floor 0.847", out)

    def test_raise_only_raises_and_never_hides_a_failure(self):
        status, out = self.gate({"corpus-a": {"precision": 0.910, "recall": 0.700, "F1": 0.847}}, raise_floors=True)
        self.assertEqual(status, 1)  # recall fell: raising precision does not make the gate pass
        self.assertIn("gate: FAIL corpus-a recall", out)
        floors = self.floors()["floors"]["corpus-a"]
        self.assertEqual(floors["precision"]["floor"], 0.910)
        self.assertEqual(floors["recall"]["floor"], 0.800)

    def test_lower_needs_to_be_asked_and_keeps_the_reason(self):
        worse = self.with_figure("recall", 0.700)
        self.assertEqual(self.gate(worse)[0], 1)
        status, out = self.gate(worse, lower=True, reason="a trade-off for precision, see issue 12")
        self.assertEqual(status, 0)
        data = self.floors()
        self.assertEqual(data["floors"]["corpus-a"]["recall"]["floor"], 0.700)
        self.assertEqual(data["floors"]["corpus-a"]["recall"]["reason"], "a trade-off for precision, see issue 12")
        self.assertEqual(data["history"][-1]["action"], "lower")
        self.assertEqual(data["history"][-1]["reason"], "a trade-off for precision, see issue 12")
        self.assertEqual(self.gate(worse)[0], 0)

    def test_a_raise_to_the_same_stored_value_keeps_a_lowered_floor_and_its_reason(self):
        worse = self.with_figure("recall", 0.7000004)  # stored as 0.7 (6 places)
        self.gate(worse, lower=True, reason="labels count a right answer as false")
        history = len(self.floors()["history"])
        status, out = self.gate(worse, raise_floors=True)
        self.assertEqual(status, 0)
        self.assertIn("gate: no floor to raise", out)
        data = self.floors()
        self.assertEqual(data["floors"]["corpus-a"]["recall"]["reason"], "labels count a right answer as false")
        self.assertEqual(len(data["history"]), history)

    def test_a_floor_whose_figure_is_not_measured_fails(self):
        status, out = self.gate({"corpus-a": {"precision": 0.900, "recall": 0.800}})
        self.assertEqual(status, 1)
        self.assertIn("gate: FAIL corpus-a F1: not measured", out)

    def test_new_corpora_and_figures_get_floors_from_a_raise(self):
        measured = json.loads(json.dumps(FIGURES))
        measured["corpus-a-metadata"] = {"author F1": 0.612}
        status, out = self.gate(measured)
        self.assertEqual(status, 0)
        self.assertIn("corpus-a-metadata author F1 0.612 has no floor", out)
        self.gate(measured, raise_floors=True)
        self.assertEqual(self.floors()["floors"]["corpus-a-metadata"]["author F1"]["floor"], 0.612)
        measured["corpus-a-metadata"]["author F1"] = 0.5
        self.assertEqual(self.gate(measured)[0], 1)


if __name__ == "__main__":
    unittest.main()
