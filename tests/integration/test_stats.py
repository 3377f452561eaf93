#!/usr/bin/env python3
"""One set of counters, two renderings (issue 12, finding 2): every counter
of {"op":"stats"} is in GET /metrics with the same value and the other way
round, socket and HTTP traffic alike, and still after reloads that add,
drop and reorder rules (per-rule counters are kept by rule id). Python 3
standard library only."""
import http.client
import json
import os
import signal
import socket
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import TIMEOUT, Daemon, run_tests  # noqa: E402
from test_http import parse_exposition  # noqa: E402  (the strict parser)

SHADOW_SET = r'''
name = "testshadow";
category = "profanity";
mode = "shadow";
rules = ( { id = "t.trial"; words = ["frobnicate"]; } );
'''
POLICIES = {
    "default": {"rulesets": ["testwords", "testinsult", "canary", "testshadow"],
                "reject_at": 1.0, "review_at": 0.5},
    "lenient": {"extend": "default", "reject_at": 5.0, "review_at": 5.0},
}

# families whose samples are all counters of the stats object; a family of
# /metrics that is neither here nor a gauge is a counter stats lacks
COUNTERS = {"decorumd_decisions_total", "decorumd_dry_run_decisions_total",
            "decorumd_category_decisions_total", "decorumd_rule_hits_total",
            "decorumd_errors_total", "decorumd_request_duration_seconds",
            "decorumd_connections_accepted_total", "decorumd_http_requests_total",
            "decorumd_reloads_total", "decorumd_reload_requests_total",
            "decorumd_reloads_coalesced_total"}
# named series: absent on one side means zero
NAMED = {"decorumd_category_decisions_total", "decorumd_rule_hits_total"}


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=TIMEOUT)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect(self.unix_path)


def key(name, **labels):
    return (name, tuple(sorted(labels.items())))


def from_stats(st):
    """The stats object as {(metric, labels): value}, named as /metrics
    names them."""
    out = {}
    for d, n in st["decisions"].items():
        out[key("decorumd_decisions_total", decision=d)] = n
    for d, n in st["dry_run_decisions"].items():
        out[key("decorumd_dry_run_decisions_total", decision=d)] = n
    for c, n in st["errors"].items():
        out[key("decorumd_errors_total", code=c)] = n
    for c, v in st["categories"].items():
        for d in ("review", "reject"):
            out[key("decorumd_category_decisions_total", category=c, decision=d)] = v[d]
    for r, v in st["rules"].items():
        out[key("decorumd_rule_hits_total", rule=r, category=v["category"],
                mode="enforce")] = v["hits"]
        out[key("decorumd_rule_hits_total", rule=r, category=v["category"],
                mode="shadow")] = v["shadow"]
    dur = st["request_duration"]
    for le, n in dur["buckets"].items():
        out[key("decorumd_request_duration_seconds_bucket", le=le)] = n
    out[key("decorumd_request_duration_seconds_count")] = dur["count"]
    out[key("decorumd_request_duration_seconds_sum")] = dur["sum_ns"] / 1e9
    out[key("decorumd_connections")] = st["connections"]
    out[key("decorumd_connections_accepted_total")] = st["connections_accepted"]
    out[key("decorumd_http_requests_total")] = st["http_requests"]
    rl = st["reload"]
    out[key("decorumd_reloads_total", result="success")] = rl["count"] - rl["failed"]
    out[key("decorumd_reloads_total", result="failure")] = rl["failed"]
    out[key("decorumd_reload_requests_total")] = rl["requests"]
    out[key("decorumd_reloads_coalesced_total")] = rl["coalesced"]
    return out


def from_metrics(families):
    out = {}
    for fam, f in families.items():
        if fam not in COUNTERS and fam != "decorumd_connections":
            if f["type"] != "gauge":
                raise AssertionError("%s is a %s that stats lacks" % (fam, f["type"]))
            continue
        for name, labels, value in f["samples"]:
            out[(name, tuple(sorted(labels.items())))] = value
    return out


class StatsAgreeTest(unittest.TestCase):
    def setUp(self):
        self.d = Daemon(policies=POLICIES)
        daemon.write_test_rules(self.d.rules_dir, {"testshadow.conf": SHADOW_SET})
        self.http = os.path.join(self.d.tmp, "http.sock")
        self.d.settings["http_listen"] = self.http
        daemon.write_config(self.d.config_path, self.d.settings)
        self.d.start()
        self.c = self.d.connect()

    def tearDown(self):
        self.c.close()
        try:
            self.d.stop()
        finally:
            self.d.cleanup()

    def get(self, method, path, body=None):
        conn = UnixHTTPConnection(self.http)
        try:
            conn.request(method, path, body=body)
            r = conn.getresponse()
            return r.status, r.read()
        finally:
            conn.close()

    def traffic(self):
        c = self.c
        for text in ("darn it", "hello", "you are an idiot", "gosh",
                     "I frobnicate", "darn frobnicate", "heckin frak"):
            c.ask({"text": text})
        c.ask({"text": "gosh", "policy": "lenient"})
        c.ask({"text": "darn", "dry_run": True})
        c.ask({"no": "text"})
        c.ask({"text": "x", "policy": "nope"})
        c.ask_raw(b"{not json\n")
        with self.d.connect() as c2:
            c2.ask({"text": "moron? you are a moron"})
        self.get("POST", "/v1/check", json.dumps(
            [{"text": "darn"}, {"text": "fine"}, {"id": 1}]).encode())
        self.get("POST", "/v1/check", b'{"text":"frobnicate", "dry_run":true}')
        self.get("POST", "/v1/check", b"{oops")
        self.get("GET", "/healthz")

    def settle(self):
        # the open-connections gauge: wait until the daemon has seen every
        # earlier HTTP client close, so that only this test's socket
        # connection is open when /metrics renders (plus the scrape's own)
        deadline = time.monotonic() + TIMEOUT
        while self.c.ask({"op": "stats"})["connections"] != 1:
            self.assertLess(time.monotonic(), deadline, "connections stay open")
            time.sleep(0.005)

    def compare(self):
        self.settle()
        # /metrics first: it counts its own request before rendering, and
        # {"op":"stats"} on the socket counts nothing
        status, body = self.get("GET", "/metrics")
        self.assertEqual(status, 200)
        prom = from_metrics(parse_exposition(body.decode()))
        st = self.c.ask({"op": "stats"})
        js = from_stats(st)
        for k, v in js.items():
            if k not in prom and k[0] in NAMED and v == 0:
                continue
            self.assertIn(k, prom, "in stats, not in /metrics")
            if k[0].endswith("_sum"):
                self.assertAlmostEqual(prom[k], v, places=9, msg=repr(k))
            elif k[0] == "decorumd_connections":
                # open connections, HTTP ones included: the scrape's own
                # is open while /metrics renders and may or may not be
                # closed yet when the stats are asked
                self.assertIn(prom[k] - v, (0, 1), repr(k))
            else:
                self.assertEqual(prom[k], v, repr(k))
        for k, v in prom.items():
            if k not in js:
                self.assertIn(k[0], NAMED, "in /metrics, not in stats: %r" % (k,))
                self.assertEqual(v, 0, "in /metrics, not in stats: %r" % (k,))
        return st, prom

    def reload(self):
        before = self.c.ask({"op": "stats"})["reload"]["count"]
        self.d.signal(signal.SIGHUP)
        deadline = time.monotonic() + TIMEOUT
        while True:
            st = self.c.ask({"op": "stats"})
            if st["reload"]["count"] > before:
                self.assertTrue(st["reload"]["ok"], st["reload"])
                return st
            self.assertLess(time.monotonic(), deadline, "no reload")
            time.sleep(0.005)

    def test_stats_and_metrics_agree_across_reloads(self):
        self.traffic()
        st, prom = self.compare()
        self.assertGreater(st["rules"]["t.swear"]["hits"], 0)
        self.assertGreater(st["rules"]["t.trial"]["shadow"], 0)
        self.assertGreater(st["http_requests"], 0)
        self.assertGreater(st["errors"]["bad_json"], 1)   # socket and HTTP
        swear = st["rules"]["t.swear"]["hits"]
        mild = st["rules"]["t.mild"]["hits"]

        # t.mild is dropped, a new rule comes first, the rest moves down
        conf = os.path.join(self.d.rules_dir, "testwords.conf")
        original = open(conf).read()
        with open(conf, "w") as f:
            f.write(original.replace(
                '  { id = "t.mild";  words = ["gosh"]; weight = 0.5; description = "mild"; }',
                '  { id = "t.new"; words = ["zounds"]; }').replace(
                "rules = (\n", 'rules = (\n  { id = "t.first"; words = ["egad"]; },\n'))
        self.reload()
        self.traffic()
        for text in ("zounds", "egad"):
            self.c.ask({"text": text})
        st, prom = self.compare()
        # counted on version 1 and on version 2, by id, on both sides
        self.assertGreater(st["rules"]["t.swear"]["hits"], swear)
        self.assertEqual(st["rules"]["t.mild"]["hits"], mild)
        self.assertEqual(prom[key("decorumd_rule_hits_total", rule="t.mild",
                                  category="profanity", mode="enforce")], mild)
        self.assertEqual(st["rules"]["t.first"]["hits"], 1)

        # and back: t.mild counts on from where it was
        with open(conf, "w") as f:
            f.write(original)
        self.reload()
        self.c.ask({"text": "gosh"})
        st, prom = self.compare()
        self.assertEqual(st["rules"]["t.mild"]["hits"], mild + 1)
        self.assertEqual(prom[key("decorumd_rule_hits_total", rule="t.first",
                                  category="profanity", mode="enforce")], 1)

        # a failed reload is counted the same on both sides
        broken = os.path.join(self.d.rules_dir, "broken.conf")
        with open(broken, "w") as f:
            f.write('category = "x";\nrules = ( { id = "b"; regex = "("; } );\n')
        before = st["reload"]["count"]
        self.d.signal(signal.SIGHUP)
        deadline = time.monotonic() + TIMEOUT
        while self.c.ask({"op": "stats"})["reload"]["count"] == before:
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.005)
        st, prom = self.compare()
        self.assertEqual(prom[key("decorumd_reloads_total", result="failure")], 1)
        self.assertEqual(prom[key("decorumd_reloads_total", result="success")], 2)


if __name__ == "__main__":
    run_tests()
