#!/usr/bin/env python3
"""What a learned model adds to the shipped rules, by cross-validation.

    python3 tests/eval/learn-cv.py [-b BUILD_DIR] [-k FOLDS] [-s SALT] [FILE.jsonl ...]

For each file (default: olid, impermium_insults, fox_news, ethos and
jigsaw_toxic_enriched from ../shared/data/dev), the rows are dealt into k
folds by a hash of their text (with -s, of SALT and the text: another
deal, to see how much a figure owes to the one). For each fold,
`decorumctl learn` with its defaults trains on the other folds; decorumd
then runs the shipped rules with the model as a rule (weight 1.0, in the
default policy) and answers the fold's rows. The figures pool the k
folds: reject versus not (review counts as not rejected), F1 and
false-positive rate, rules alone and rules plus model, and the three-way
figures (false rejects, caught = reject or review, review load). When
../shared is absent it says so and exits 0.
"""
import argparse
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("DECORUM_SHARED", os.path.join(ROOT, "..", "shared"))
SETS = ["olid", "impermium_insults", "fox_news", "ethos", "jigsaw_toxic_enriched"]


def rows_of(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                rows.append((o["text"], bool(o.get("labels"))))
    return rows


def fold_of(text, k, salt=""):
    return int(hashlib.sha1((salt + text).encode("utf-8")).hexdigest()[:8], 16) % k


class Daemon:
    def __init__(self, build, conf, rules, tmp, name):
        self.sock = os.path.join(tmp, name + ".sock")
        if os.path.exists(self.sock):
            os.unlink(self.sock)
        self.p = subprocess.Popen(
            [os.path.join(build, "decorumd"), "-c", conf, "-R", rules, "-l", self.sock],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(300):
            if os.path.exists(self.sock):
                try:
                    s = socket.socket(socket.AF_UNIX)
                    s.connect(self.sock)
                    s.close()
                    return
                except OSError:
                    pass
            if self.p.poll() is not None:
                raise SystemExit("decorumd did not start: " + self.p.stderr.read().decode())
            time.sleep(0.05)
        raise SystemExit("decorumd did not start in time")

    def decide(self, texts):
        s = socket.socket(socket.AF_UNIX)
        s.connect(self.sock)
        out = []
        f = s.makefile("rwb")
        for i in range(0, len(texts), 256):
            chunk = texts[i:i + 256]
            for j, t in enumerate(chunk):
                f.write(json.dumps({"id": i + j, "text": t}).encode() + b"\n")
            f.flush()
            for _ in chunk:
                a = json.loads(f.readline())
                out.append(a.get("decision", "review"))
        s.close()
        return out

    def stop(self):
        self.p.terminate()
        self.p.wait()


def figures(decisions, labels):
    tp = fp = fn = tn = rev = caught = bad = good = frej = 0
    for d, y in zip(decisions, labels):
        rej = d == "reject"
        tp += rej and y
        fp += rej and not y
        fn += (not rej) and y
        tn += (not rej) and not y
        rev += d == "review"
        bad += y
        good += not y
        caught += y and d in ("reject", "review")
        frej += rej and not y
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "fpr": fp / good if good else 0.0,
        "caught": caught / bad if bad else 0.0,
        "review": rev / len(labels) if labels else 0.0,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-b", "--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("-k", "--folds", type=int, default=3)
    ap.add_argument("-s", "--salt", default="",
                    help="deal the folds by a hash of SALT and the text")
    ap.add_argument("-l", "--learn-arg", action="append", default=[],
                    help="extra argument for decorumctl learn")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or [os.path.join(SHARED, "data", "dev", s + ".jsonl") for s in SETS]
    if not all(os.path.exists(f) for f in files):
        print("tests/eval/learn-cv.py: %s is absent; nothing to do" % SHARED)
        return 0
    ctl = os.path.join(a.build, "decorumctl")
    tmp = tempfile.mkdtemp(prefix="decorum-learncv-")
    conf = os.path.join(tmp, "decorumd.conf")
    with open(os.path.join(ROOT, "conf", "decorumd.conf")) as f:
        text = f.read()
    marker = '"discourtesy", "canary"]'
    if marker not in text:
        raise SystemExit("the default policy's rulesets line has changed; update learn-cv.py")
    with open(conf, "w") as f:
        f.write(text.replace(marker, '"discourtesy", "canary", "learned"]', 1))
    rules = os.path.join(tmp, "rules")
    shutil.copytree(os.path.join(ROOT, "rules"), rules)
    plain = Daemon(a.build, os.path.join(ROOT, "conf", "decorumd.conf"),
                   os.path.join(ROOT, "rules"), tmp, "rules")
    print("%-22s %6s %6s %7s %7s %7s %7s %7s %7s %6s" % (
        "set", "rows", "learn", "F1", "F1+m", "FPR", "FPR+m", "caught", "caught+m", "rev+m"))
    gains = []
    try:
        for path in files:
            name = os.path.basename(path)[:-6]
            rows = rows_of(path)
            before = plain.decide([t for t, _ in rows])
            after = [None] * len(rows)
            t_learn = 0.0
            for k in range(a.folds):
                train = os.path.join(tmp, "train.jsonl")
                with open(train, "w") as f:
                    for t, y in rows:
                        if fold_of(t, a.folds, a.salt) != k:
                            f.write(json.dumps({"text": t, "labels": ["x"] if y else []}) + "\n")
                t0 = time.time()
                subprocess.run([ctl, "learn", "-q", "--out", os.path.join(rules, "learned.model")]
                               + a.learn_arg + [train], check=True, stdout=subprocess.DEVNULL)
                t_learn += time.time() - t0
                with open(os.path.join(rules, "learned.conf"), "w") as f:
                    f.write('name = "learned";\ncategory = "%s";\nrules = ( { id = "learned.site"; '
                            'model = "learned.model"; weight = 1.0; } );\n'
                            % ("racism" if name == "ethos" else "discourtesy"))
                d = Daemon(a.build, conf, rules, tmp, "model")
                try:
                    idx = [i for i, (t, _) in enumerate(rows) if fold_of(t, a.folds, a.salt) == k]
                    for i, dec in zip(idx, d.decide([rows[i][0] for i in idx])):
                        after[i] = dec
                finally:
                    d.stop()
            labels = [y for _, y in rows]
            b, m = figures(before, labels), figures(after, labels)
            gains.append(m["f1"] - b["f1"])
            print("%-22s %6d %5.1fs %7.3f %7.3f %7.4f %7.4f %7.3f %7.3f %6.3f" % (
                name, len(rows), t_learn / a.folds, b["f1"], m["f1"], b["fpr"], m["fpr"],
                b["caught"], m["caught"], m["review"]))
            sys.stdout.flush()
    finally:
        plain.stop()
        shutil.rmtree(tmp)
    print("mean F1 gain %.3f" % (sum(gains) / len(gains)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
