#!/usr/bin/env python3
"""Worker threads change nothing but speed: the same comments sent to a
daemon with one worker and to one with four, over several connections at
once, get identical answers."""
import glob
import json
import os
import threading
import unittest

from daemon import RULES, ROOT, Daemon, run_tests


def corpus():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    texts.append(json.loads(line)["text"])
    return texts


def answers(workers, texts, conns=8):
    """Every text's answer, by index, sent over `conns` connections."""
    out = {}
    lock = threading.Lock()
    with Daemon(config={"workers": workers}, rules_dir=RULES) as d:
        def client(k):
            c = d.connect()
            mine = list(range(k, len(texts), conns))
            # pipelined: all requests first, then all answers
            c.send_raw(b"".join(json.dumps({"id": i, "text": texts[i]}).encode()
                                + b"\n" for i in mine))
            got = [c.recv() for _ in mine]
            c.close()
            with lock:
                for a in got:
                    out[a["id"]] = a
        threads = [threading.Thread(target=client, args=(k,)) for k in range(conns)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return out


class WorkersTest(unittest.TestCase):
    def test_one_and_four_workers_decide_alike(self):
        texts = corpus()
        self.assertGreater(len(texts), 500)
        one = answers(1, texts)
        four = answers(4, texts)
        self.assertEqual(len(one), len(texts))
        self.assertEqual(len(four), len(texts))
        differ = []
        for i in range(len(texts)):
            a, b = dict(one[i]), dict(four[i])
            if a != b:
                differ.append((texts[i], a, b))
        self.assertEqual(differ, [], "answers differ between 1 and 4 workers:\n%s"
                         % "\n".join("%r\n  1: %s\n  4: %s" % d for d in differ[:5]))
        # the comparison is not vacuous: the corpus holds every outcome
        decisions = {a["decision"] for a in one.values()}
        self.assertEqual(decisions, {"accept", "review", "reject"})


if __name__ == "__main__":
    run_tests()
