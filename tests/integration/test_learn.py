#!/usr/bin/env python3
"""decorumctl learn and the rule kind model, end to end: learn from a
small invented corpus (a made-up vocabulary of insults among ordinary
words), drop the model and a rule file into a running daemon's rules
directory, reload, and see a learned hit with its score and the spans of
the words that weighed most; shadow mode, decorumd -t and a broken model
refused at reload as for every other rule. Python 3 standard library
only."""
import json
import os
import re
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import (DECORUMCTL, DECORUMD, TEST_POLICIES, TIMEOUT, Daemon,  # noqa: E402
                    run_tests, write_config)
import unittest  # noqa: E402

PLAIN = ("thanks for the article it was an interesting read and I agree "
         "with the point about the garden river morning bread coffee walk "
         "sunny library music friendly neighbour bicycle council weather "
         "match season story writer page photo school road").split()
RUDE = ["zorbly", "snarfwit", "glumptoad", "wazzock"]

RULE_FILE = '''
name = "learned";
category = "discourtesy";
rules = ( { id = "learned.site"; model = "learned.model";%s } );
'''


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def write_corpus(path):
    r = random.Random(14)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(200):
            words = [r.choice(PLAIN) for _ in range(r.randint(6, 14))]
            bad = i % 4 == 0
            if bad:
                words.insert(r.randrange(len(words)), "you " + r.choice(RUDE))
            elif i % 2:
                # "you" alone must not be what it learns
                words.insert(r.randrange(len(words)), "you " + r.choice(PLAIN))
            f.write(json.dumps({"id": i, "text": " ".join(words),
                                "labels": ["discourtesy"] if bad else []}) + "\n")


def with_learned(d, mode=""):
    with open(os.path.join(d.rules_dir, "learned.conf"), "w") as f:
        f.write(RULE_FILE % mode)
    pol = dict(TEST_POLICIES)
    pol["default"] = dict(pol["default"],
                          rulesets=pol["default"]["rulesets"] + ["learned"])
    write_config(d.config_path, dict(d.settings, policies=pol))


class Learn(unittest.TestCase):
    def learn(self, d):
        corpus = os.path.join(d.tmp, "site.jsonl")
        write_corpus(corpus)
        p = run([DECORUMCTL, "learn", "--out",
                 os.path.join(d.rules_dir, "learned.model"), corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stdout, r"(?m)^rows +200$")
        self.assertRegex(p.stdout, r"(?m)^to reject +50$")
        self.assertRegex(p.stdout, r"(?m)^chosen C +\d")
        self.assertIn("cross-validated precision", p.stdout)
        self.assertIn("learn: 200 rows read", p.stderr)

    def test_learn_reload_hit(self):
        with Daemon() as d:
            text = "what a sunny morning, you glumptoad, enjoy the coffee"
            self.assertEqual(d.ask({"id": 1, "text": text})["decision"], "accept")
            self.learn(d)
            with_learned(d)
            lint = run([DECORUMD, "-t", "-c", d.config_path])
            self.assertEqual(lint.returncode, 0, lint.stdout + lint.stderr)
            p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            a = d.ask({"id": 2, "text": text})
            self.assertEqual(a["decision"], "reject", a)
            self.assertEqual(a["categories"], ["discourtesy"], a)
            hits = [r for r in a["reasons"] if r["rule"] == "learned.site"]
            self.assertTrue(hits, a)
            for h in hits:
                self.assertEqual(h["category"], "discourtesy")
                self.assertTrue(0.0 < h["score"] <= 1.0, h)
                self.assertEqual(text[h["start"]:h["end"]], h["match"])
            # the words that weighed most: the made-up insult among them
            self.assertTrue(any("glumptoad" in h["match"] for h in hits), hits)
            self.assertEqual(d.ask({"id": 3, "text": "a sunny walk to the "
                                    "library, coffee and music"})["decision"],
                             "accept")
            # dry_run answers the same without counting
            b = d.ask({"id": 4, "text": text, "dry_run": True})
            self.assertEqual(b["decision"], "reject", b)
            # check's text names the model's score beside its spans
            c = run([DECORUMCTL, "-s", d.socket_path, "check", text])
            self.assertRegex(c.stdout, r"learned\.site score 0\.\d{4} \[\d+,\d+\) \"",
                             c.stdout)

    def test_learn_beside_the_rules(self):
        with Daemon() as d:
            corpus = os.path.join(d.tmp, "site.jsonl")
            write_corpus(corpus)
            # rows the shipped rules reject are no new false positives
            with open(corpus, "a") as f:
                for i in range(20):
                    f.write(json.dumps({"text": "you are an idiot, garden %d" % i,
                                        "labels": []}) + "\n")
            out = os.path.join(d.tmp, "beside.model")
            p = run([DECORUMCTL, "learn", "-q", "--out", out, "--config",
                     d.config_path, corpus])
            self.assertEqual(p.returncode, 0, p.stderr)
            m = re.search(r"(?m)^rules alone +recall ([\d.]+), FPR ([\d.]+)$", p.stdout)
            self.assertTrue(m, p.stdout)
            # the 20 insults the rules reject are 20 of 170 acceptable rows
            self.assertAlmostEqual(float(m.group(2)), 20 / 170, places=3)
            self.assertIn(", with the rules)", p.stdout)
            self.assertTrue(os.path.getsize(out) > 0)
            bad = run([DECORUMCTL, "learn", "-q", "--out", out, "--policy",
                       "kids", corpus])
            self.assertEqual(bad.returncode, 2, bad.stdout)
            self.assertIn("--policy needs --config or --rules", bad.stderr)

    def test_shadow_and_broken_model(self):
        with Daemon() as d:
            self.learn(d)
            with_learned(d, ' mode = "shadow";')
            p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            a = d.ask({"id": 1, "text": "you snarfwit, the garden is sunny"})
            self.assertEqual(a["decision"], "accept", a)
            self.assertEqual(a["shadow"][0]["rule"], "learned.site", a)
            self.assertIn("score", a["shadow"][0])
            # a truncated model: -t and reload refuse it, old rules serve
            path = os.path.join(d.rules_dir, "learned.model")
            with open(path, "r+b") as f:
                f.truncate(1000)
            lint = run([DECORUMD, "-t", "-c", d.config_path])
            self.assertEqual(lint.returncode, 1, lint.stdout)
            self.assertRegex(lint.stdout, r"learned\.conf:4: rule "
                             r"'learned\.site': cannot load model .*: truncated")
            p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            a = d.ask({"id": 2, "text": "you snarfwit, the garden is sunny"})
            self.assertEqual(a["shadow"][0]["rule"], "learned.site", a)
            # a model outside the rules directories is not read
            with open(os.path.join(d.rules_dir, "learned.conf"), "w") as f:
                f.write(RULE_FILE.replace("learned.model", "../outside.model") % "")
            lint = run([DECORUMD, "-t", "-c", d.config_path])
            self.assertEqual(lint.returncode, 1, lint.stdout)
            self.assertIn("lies outside the rules directories", lint.stdout)

    def test_learn_refuses(self):
        with Daemon() as d:
            corpus = os.path.join(d.tmp, "bad.jsonl")
            with open(corpus, "w") as f:
                f.write('{"text": "fine", "labels": []}\n{oops\n')
            p = run([DECORUMCTL, "learn", "--out",
                     os.path.join(d.tmp, "x.model"), corpus])
            self.assertEqual(p.returncode, 2)
            self.assertIn("bad.jsonl:2: not JSON", p.stderr)
            self.assertFalse(os.path.exists(os.path.join(d.tmp, "x.model")))


if __name__ == "__main__":
    run_tests()
