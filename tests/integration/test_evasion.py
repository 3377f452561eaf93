#!/usr/bin/env python3
"""The folded view against the shipped rules: disguised words are caught
and pointed at exactly as written, innocent look-alikes are accepted.

tests/corpus/evasion.jsonl:  {"id", "text", "rule", "match"} — the answer
  must be reject or review and carry a reason of `rule` whose byte span
  [start, end) cut from the UTF-8 text is exactly `match` (and whose
  `match` field is that slice too).
tests/corpus/innocent.jsonl: {"id", "text"} — the answer must be accept.

A line with "known_fp": true or "known_bug": true is skipped (counted and
listed, not run): it documents a false positive or a fold bug still to fix.

Env: DECORUMD, DECORUMCTL, DECORUM_ROOT. Python 3 standard library only.
Prints every failure, then "N passed, N failed".
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import Daemon  # noqa: E402

CORPUS = os.path.join(daemon.ROOT, "tests", "corpus")
EVASION = os.path.join(CORPUS, "evasion.jsonl")
INNOCENT = os.path.join(CORPUS, "innocent.jsonl")

MIN_EVASION = 200
MIN_INNOCENT = 200


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise SystemExit("%s:%d: not JSON: %s" % (path, n, e))
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise SystemExit("%s:%d: not an object with a text" % (path, n))
            obj["_line"] = n
            rows.append(obj)
    return rows


def skipped(row):
    return bool(row.get("known_fp") or row.get("known_bug"))


def show(answer):
    return json.dumps(answer, ensure_ascii=False)


def check_evasion(row, ans):
    """None when the answer is right, else a message."""
    if "error" in ans:
        return "error answer: %s" % show(ans)
    if ans.get("decision") not in ("reject", "review"):
        return "expected reject/review, got %s: %s" % (ans.get("decision"), show(ans))
    raw = row["text"].encode("utf-8")
    want = row["match"]
    spans = []
    for r in ans.get("reasons", []):
        if r.get("rule") != row["rule"]:
            continue
        s, e = r.get("start"), r.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(raw)):
            spans.append("bad span %r" % ([s, e],))
            continue
        try:
            cut = raw[s:e].decode("utf-8")
        except UnicodeDecodeError:
            spans.append("[%d,%d) cuts a UTF-8 sequence" % (s, e))
            continue
        if cut == want and r.get("match") == want:
            return None
        spans.append("[%d,%d) %r (match field %r)" % (s, e, cut, r.get("match")))
    if not spans:
        return "no reason of rule %s: %s" % (row["rule"], show(ans))
    return "rule %s spans %s, want %r" % (row["rule"], "; ".join(spans), want)


def check_innocent(row, ans):
    if "error" in ans:
        return "error answer: %s" % show(ans)
    if ans.get("decision") != "accept":
        return "expected accept, got %s: %s" % (ans.get("decision"), show(ans))
    return None


def main():
    evasion = load(EVASION)
    innocent = load(INNOCENT)
    passed = failed = 0
    failures = []

    def fail(msg):
        nonlocal failed
        failed += 1
        failures.append(msg)

    # the tables themselves
    for name, rows, minimum in (("evasion", evasion, MIN_EVASION),
                                ("innocent", innocent, MIN_INNOCENT)):
        ids = [r.get("id") for r in rows]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            fail("%s.jsonl: duplicate ids %s" % (name, dup))
        live = sum(1 for r in rows if not skipped(r))
        if live < minimum:
            fail("%s.jsonl: %d live cases, want at least %d" % (name, live, minimum))
        else:
            passed += 1
    fps = [r for r in innocent if r.get("known_fp")]
    if len(fps) * 10 >= len(innocent):
        fail("innocent.jsonl: %d known_fp lines of %d (keep them under 10%%)"
             % (len(fps), len(innocent)))
    for r in evasion:
        if r.get("match") not in r["text"] or not r.get("rule"):
            fail("evasion %s: match %r is not in its text, or no rule"
                 % (r.get("id"), r.get("match")))

    skip = [r for r in evasion + innocent if skipped(r)]
    with Daemon(rules_dir=daemon.RULES) as d, d.connect() as c:
        for kind, rows, check in (("evasion", evasion, check_evasion),
                                  ("innocent", innocent, check_innocent)):
            for row in rows:
                if skipped(row):
                    continue
                ans = c.ask({"id": row.get("id"), "text": row["text"]})
                if ans.get("id") != row.get("id"):
                    fail("%s %s: answer for id %r" % (kind, row.get("id"), ans.get("id")))
                    continue
                msg = check(row, ans)
                if msg is None:
                    passed += 1
                else:
                    fail("%s %s (line %d) %r: %s" % (kind, row.get("id"), row["_line"],
                                                     row["text"], msg))

    for msg in failures:
        print("FAIL " + msg)
    for r in skip:
        print("SKIP %s %s %r" % (r.get("id"), "known_fp" if r.get("known_fp") else "known_bug",
                                 r["text"]))
    print("%d passed, %d failed" % (passed, failed))
    sys.stdout.flush()
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
