#!/usr/bin/env python3
"""Worker threads change nothing but speed: the same comments sent to a
daemon with one worker and to one with four, over several connections at
once, get identical answers. And they share the work: connections that
arrive together are spread over the workers."""
import glob
import json
import os
import signal
import threading
import time
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

    def test_a_burst_of_connections_is_spread(self):
        # connects queued while the daemon is stopped arrive as one burst:
        # the worker woken first takes them all off the socket, and must
        # hand them on so that each worker serves its share
        with Daemon(config={"workers": 2}, rules_dir=RULES) as d:
            d.signal(signal.SIGSTOP)
            try:
                clients = [d.connect() for _ in range(8)]
            finally:
                d.signal(signal.SIGCONT)
            for i, c in enumerate(clients):
                self.assertEqual(c.ask({"id": i, "text": "hello"})["id"], i)
            with d.connect() as c:
                st = c.ask({"op": "stats"})
                per = st["worker_connections"]
                self.assertEqual(len(per), 2)
                self.assertEqual(sum(per), 9, st)
                # two workers taking connects at the same moment may each
                # count the other's last one a little late: nearly even
                self.assertLessEqual(max(per) - min(per), 2, per)
            # closed connections leave the count
            for c in clients:
                c.close()
            deadline = time.monotonic() + 10
            with d.connect() as c:
                while sum(c.ask({"op": "stats"})["worker_connections"]) != 1:
                    self.assertLess(time.monotonic(), deadline)
                    time.sleep(0.01)


if __name__ == "__main__":
    run_tests()
