#!/usr/bin/env python3
"""The project's own labeled corpus through the real daemon and the shipped
rules: every line of tests/corpus/*.jsonl that carries a "decision" must get
that decision, and the answer's categories must equal its "labels".

Line format: {"id": ..., "text": "...", "labels": ["profanity", ...],
"decision": "accept"|"review"|"reject"} (optional "policy"). On failure every
mismatch is printed, not only the first.
"""
import glob
import json
import os
import sys
import threading
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import ROOT, RULES, TIMEOUT, Daemon  # noqa: E402

CORPUS_DIR = os.path.join(ROOT, "tests", "corpus")
SHIPPED_CONF = os.path.join(ROOT, "conf", "decorumd.conf")
DECISIONS = ("accept", "review", "reject")


def load_corpus(path):
    """[(lineno, obj)] of lines with a "decision"; [(lineno, problem)]."""
    cases, problems = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                problems.append((n, "not JSON: %s" % e))
                continue
            if not isinstance(obj, dict) or "decision" not in obj:
                continue
            if not isinstance(obj.get("text"), str):
                problems.append((n, "no text"))
            elif obj["decision"] not in DECISIONS:
                problems.append((n, "decision %r is not one of %s" % (obj["decision"], DECISIONS)))
            elif not isinstance(obj.get("labels", []), list):
                problems.append((n, "labels must be a list"))
            else:
                cases.append((n, obj))
    return cases, problems


def corpus_files():
    out = []
    for path in sorted(glob.glob(os.path.join(CORPUS_DIR, "*.jsonl"))):
        cases, problems = load_corpus(path)
        if cases or problems:
            out.append((path, cases, problems))
    return out


def ask_all(client, requests):
    """Pipeline every request on one connection; answers in order."""
    blob = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in requests)
    err = []

    def writer():
        try:
            client.send_raw(blob)
        except Exception as e:      # reported by the caller
            err.append(e)
    t = threading.Thread(target=writer)
    t.start()
    answers = [client.recv() for _ in requests]
    t.join(TIMEOUT)
    if err:
        raise err[0]
    return answers


def describe(path, n, case, ans):
    if "error" in ans:
        got = "error %s: %s" % (ans["error"].get("code"), ans["error"].get("message"))
        reasons = ""
    else:
        got = "%s %s" % (ans.get("decision"), sorted(ans.get("categories", [])))
        reasons = "; ".join("%s %r" % (r.get("rule"), r.get("match"))
                            for r in ans.get("reasons", []))
    return ("  %s:%d id=%s\n    text:     %r\n    expected: %s %s\n    got:      %s\n"
            "    reasons:  %s" % (os.path.basename(path), n, case.get("id"),
                                  case["text"][:300], case["decision"],
                                  sorted(case.get("labels", [])), got, reasons or "-"))


class CorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = corpus_files()
        if not cls.files:
            raise unittest.SkipTest("no tests/corpus/*.jsonl with \"decision\" fields yet")
        if os.path.exists(SHIPPED_CONF):
            cls.d = Daemon(rules_dir=RULES, config_file=SHIPPED_CONF)
            print("corpus: shipped config %s, rules %s" % (SHIPPED_CONF, RULES))
        else:
            cls.d = Daemon(rules_dir=RULES)
            print("corpus: built-in default policies, rules %s" % RULES)
        cls.d.start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.d.stop(check=True)
        finally:
            cls.d.cleanup()

    def test_corpus(self):
        total, bad = 0, []
        for path, cases, problems in self.files:
            for n, p in problems:
                bad.append("  %s:%d: %s" % (os.path.basename(path), n, p))
            reqs = []
            for i, (n, case) in enumerate(cases):
                r = {"id": i, "text": case["text"]}
                if case.get("policy"):
                    r["policy"] = case["policy"]
                reqs.append(r)
            with self.d.connect() as c:
                answers = ask_all(c, reqs)
            for i, ((n, case), ans) in enumerate(zip(cases, answers)):
                total += 1
                ok = (ans.get("id") == i and "error" not in ans
                      and ans.get("decision") == case["decision"]
                      and sorted(ans.get("categories", [])) == sorted(case.get("labels", [])))
                if not ok:
                    bad.append(describe(path, n, case, ans))
        print("corpus: %d lines in %d file(s), %d mismatches"
              % (total, len(self.files), len(bad)))
        if bad:
            self.fail("%d of %d corpus lines disagree:\n%s" % (len(bad), total, "\n".join(bad)))


if __name__ == "__main__":
    daemon.run_tests()
