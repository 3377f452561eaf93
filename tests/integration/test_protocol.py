#!/usr/bin/env python3
"""Wire protocol v1 against the real decorumd: pipelining, concurrency,
every error code, framing corner cases, byte offsets, control requests.

Uses the small rule set in daemon.TEST_RULES (not the shipped rules), so the
expectations here do not move when the shipped rules are tuned:
  profanity:   darn, heck*, frak (weight 1; "hecktor" allowed), gosh (0.5)
  discourtesy: regex \\byou are an? (idiot|moron)\\b
"""
import json
import os
import socket
import sys
import threading
import time
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import Daemon, TIMEOUT  # noqa: E402

MAX_REQUEST = 512
MAX_TEXT = 200


def expected_decision(text):
    t = text.lower()
    if "darn" in t or "frak" in t or "you are an idiot" in t:
        return "reject"
    if "gosh" in t:
        return "review"
    return "accept"


class ProtocolTest(unittest.TestCase):
    """One daemon for the class; limits small enough to test too_large."""

    @classmethod
    def setUpClass(cls):
        cls.d = Daemon(config={"limits": {"max_request_bytes": MAX_REQUEST,
                                          "max_text_bytes": MAX_TEXT}})
        cls.d.start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.d.stop(check=True)
        finally:
            cls.d.cleanup()

    def setUp(self):
        self.c = self.d.connect()

    def tearDown(self):
        self.c.close()

    # -- helpers -----------------------------------------------------------
    def assertVerdict(self, ans, rid, decision, categories=None):
        self.assertNotIn("error", ans, ans)
        self.assertEqual(ans.get("id"), rid, ans)
        self.assertEqual(ans["decision"], decision, ans)
        if categories is not None:
            self.assertEqual(sorted(ans["categories"]), sorted(categories), ans)
        self.assertIsInstance(ans["reasons"], list)
        self.assertEqual(ans["policy"], "default")
        self.assertIsInstance(ans["rules_version"], str)

    def assertError(self, ans, code, rid=None):
        self.assertIn("error", ans, ans)
        self.assertEqual(ans["error"]["code"], code, ans)
        self.assertIsInstance(ans["error"].get("message"), str, ans)
        self.assertTrue(ans["error"]["message"], ans)
        self.assertIn("id", ans, "error answers carry an id (null if unknown)")
        self.assertEqual(ans["id"], rid, ans)
        self.assertNotIn("decision", ans, ans)

    def assertStillUsable(self, c=None, tag="after"):
        c = c or self.c
        ans = c.ask({"id": tag, "text": "you are an idiot"})
        self.assertVerdict(ans, tag, "reject", ["discourtesy"])

    # -- pipelining and concurrency ----------------------------------------
    def test_pipeline_1000_in_one_write(self):
        reqs, want = [], []
        for i in range(1000):
            rid = i if i % 2 else "s-%d" % i
            if i % 97 == 13:
                reqs.append({"id": rid, "txt": "no text field"})
                want.append((rid, "missing_text"))
                continue
            text = ["hello there %d" % i, "darn %d" % i, "gosh %d" % i][i % 3]
            reqs.append({"id": rid, "text": text})
            want.append((rid, expected_decision(text)))
        blob = b"".join(json.dumps(r).encode() + b"\n" for r in reqs)
        # one write; a thread sends so that we read while the daemon applies
        # backpressure (max_pipeline) and neither side can deadlock
        err = []

        def writer():
            try:
                self.c.send_raw(blob)
            except Exception as e:      # reported below
                err.append(e)
        t = threading.Thread(target=writer)
        t.start()
        got = [self.c.recv() for _ in want]
        t.join(TIMEOUT)
        self.assertEqual(err, [])
        for (rid, what), ans in zip(want, got):
            if what == "missing_text":
                self.assertError(ans, "missing_text", rid)
            else:
                self.assertVerdict(ans, rid, what)
        # ids keep their JSON type: strings stay strings, numbers numbers
        self.assertIsInstance(got[1]["id"], int)
        self.assertIsInstance(got[0]["id"], str)
        self.assertStillUsable()

    def test_answer_bytes_same_on_both_parsing_paths(self):
        # the common shape is read without a JSON tree; an unknown field
        # sends the same request through jansson: the answers must be the
        # same bytes, in jansson's compact format
        rid = r'"q\"\\\n\u0001\u00e9\ud83d\ude00/"'
        fast = b'{"id":' + rid.encode() + b',"text":"darn it"}\n'
        slow = b'{"lang":"en","id":' + rid.encode() + b',"text":"darn it"}\n'
        dup = b'{"text":"hello","id":7,"text":"darn it","id":8}\n'
        self.c.send_raw(fast + slow + dup + fast)
        a, b, c, d = (self.c.recv_line() for _ in range(4))
        self.assertEqual(a, b)
        self.assertEqual(a, d)
        self.assertTrue(a.startswith(
            b'{"id":"q\\"\\\\\\n\\u0001\xc3\xa9\xf0\x9f\x98\x80/",'
            b'"decision":"reject","categories":["profanity"],'
            b'"reasons":[{"rule":"'), a)
        self.assertIn(b'"start":0,"end":4,"match":"darn"}],'
                      b'"policy":"default","rules_version":"', a)
        self.assertTrue(a.endswith(b'"}\n'), a)
        # duplicate keys: the last one counts, as jansson has it
        self.assertVerdict(json.loads(c), 8, "reject")
        self.assertStillUsable()

    def test_50_concurrent_connections(self):
        n_conns, n_reqs = 50, 20
        barrier = threading.Barrier(n_conns)
        failures = []

        def client(k):
            try:
                with self.d.connect() as c:
                    barrier.wait(TIMEOUT)
                    for i in range(n_reqs):
                        text = ["hi %d/%d" % (k, i), "darn %d" % k,
                                "gosh %d" % i, "you are an idiot"][(k + i) % 4]
                        rid = "%d-%d" % (k, i)
                        if i % 5 == 4:      # some pipelined pairs
                            c.send({"id": rid + "a", "text": text})
                            c.send({"id": rid + "b", "text": text})
                            answers = [(rid + "a", c.recv()), (rid + "b", c.recv())]
                        else:
                            answers = [(rid, c.ask({"id": rid, "text": text}))]
                        for r, ans in answers:
                            if ans.get("id") != r or \
                                    ans.get("decision") != expected_decision(text):
                                failures.append((r, text, ans))
            except Exception as e:
                failures.append((k, "exception", repr(e)))
        threads = [threading.Thread(target=client, args=(k,)) for k in range(n_conns)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(TIMEOUT * 2)
        self.assertFalse(any(t.is_alive() for t in threads), "client threads hung")
        self.assertEqual(failures, [], "%d failures, first: %r" % (len(failures), failures[:5]))

    # -- error codes, each followed by a good request on the same connection
    def test_bad_json(self):
        for raw in [b'{"id":1,"text":', b'not json at all', b'{"id":1 "text":"x"}',
                    b'[1,2,3]', b'"just a string"', b'{"id":[1],"text":"x"}',
                    b'{"id":1,"text":"x"} trailing']:
            with self.subTest(raw=raw):
                ans = self.c.ask_raw(raw + b"\n")
                self.assertError(ans, "bad_json", None)
                self.assertStillUsable(tag=raw.decode())

    def test_empty_line_is_bad_json(self):
        for raw in [b"\n", b"   \n", b"\r\n", b"\t \r\n"]:
            with self.subTest(raw=raw):
                ans = self.c.ask_raw(raw)
                self.assertError(ans, "bad_json", None)
                self.assertStillUsable()

    def test_missing_text(self):
        for req in [{"id": "m1"}, {"id": "m2", "text": None},
                    {"id": "m3", "text": 42}, {"id": "m4", "Text": "darn"}]:
            with self.subTest(req=req):
                self.assertError(self.c.ask(req), "missing_text", req["id"])
                self.assertStillUsable()

    def test_invalid_utf8_raw_byte(self):
        for raw in [b'{"id":"u1","text":"abc\xff def"}\n',
                    b'{"id":"u2","text":"\xc3"}\n',           # truncated sequence
                    b'{"id":"u3","text":"\xed\xa0\x80"}\n',   # encoded surrogate
                    b'{"id":"u4","text":"\xc0\xaf"}\n']:      # overlong
            with self.subTest(raw=raw):
                ans = self.c.ask_raw(raw)
                # the id may not be trusted out of an invalid line: null or echoed
                self.assertIn(ans.get("id"), (None, raw[7:9].decode()), ans)
                self.assertError(ans, "invalid_utf8", ans.get("id"))
                self.assertStillUsable()

    def test_invalid_utf8_lone_surrogate_escape(self):
        for raw in [b'{"id":"s1","text":"\\ud800"}\n',
                    b'{"id":"s2","text":"a\\udc00b"}\n',
                    b'{"id":"s3","text":"\\ud800\\u0041"}\n']:
            with self.subTest(raw=raw):
                ans = self.c.ask_raw(raw)
                self.assertIn(ans.get("id"), (None, raw[7:9].decode()), ans)
                self.assertError(ans, "invalid_utf8", ans.get("id"))
                self.assertStillUsable()
        # a proper surrogate pair is fine
        ans = self.c.ask_raw(b'{"id":"pair","text":"\\ud83d\\ude00 darn"}\n')
        self.assertVerdict(ans, "pair", "reject", ["profanity"])

    def test_too_large_line(self):
        big = json.dumps({"id": "big", "text": "x" * (MAX_REQUEST * 4)}).encode()
        ans = self.c.ask_raw(big + b"\n")
        self.assertError(ans, "too_large", None)
        self.assertStillUsable()
        # a huge line without any newline for a while, in pieces: answered
        # once, skipped to its newline, and the next line is served
        self.c.send_raw(b'{"id":"huge","text":"')
        for _ in range(20):
            self.c.send_raw(b"y" * 1000)
        ans = self.c.recv()
        self.assertError(ans, "too_large", None)
        self.c.send_raw(b'yyyy"}\n')
        self.assertStillUsable(tag="after-huge")
        # and one just under the limit is fine (text under max_text too)
        line = json.dumps({"id": "edge", "text": "z" * (MAX_TEXT - 10)}).encode()
        self.assertLessEqual(len(line), MAX_REQUEST)
        self.assertVerdict(self.c.ask_raw(line + b"\n"), "edge", "accept")

    def test_too_large_text(self):
        text = "w" * (MAX_TEXT + 1)
        line = json.dumps({"id": 77, "text": text}).encode()
        self.assertLess(len(line), MAX_REQUEST)   # the line itself is allowed
        self.assertError(self.c.ask_raw(line + b"\n"), "too_large", 77)
        self.assertStillUsable()
        # max_text_bytes counts bytes, not characters
        text = "é" * (MAX_TEXT // 2 + 1)
        self.assertError(self.c.ask({"id": 78, "text": text}), "too_large", 78)
        self.assertStillUsable()
        text = "é" * (MAX_TEXT // 2)
        self.assertVerdict(self.c.ask({"id": 79, "text": text}), 79, "accept")

    def test_unknown_policy(self):
        ans = self.c.ask({"id": "p", "text": "darn", "policy": "no-such-policy"})
        self.assertError(ans, "unknown_policy", "p")
        self.assertIn("no-such-policy", ans["error"]["message"])
        self.assertStillUsable()
        ans = self.c.ask({"id": "p2", "text": "darn", "policy": "lenient"})
        self.assertEqual(ans["decision"], "accept", ans)
        self.assertEqual(ans["policy"], "lenient", ans)
        self.assertEqual(ans["categories"], [], ans)

    def test_nul_inside_policy_or_op_is_not_the_name(self):
        # jansson's C string ends at the NUL: "default\u0000x" is no policy
        ans = self.c.ask_raw(b'{"id":"n1","text":"darn","policy":"default\\u0000x"}\n')
        self.assertError(ans, "unknown_policy", "n1")
        ans = self.c.ask_raw(b'{"id":"n2","text":"darn","policy":"lenient\\u0000"}\n')
        self.assertError(ans, "unknown_policy", "n2")
        ans = self.c.ask_raw(b'{"id":"n3","op":"stats\\u0000x"}\n')
        self.assertError(ans, "bad_json", "n3")
        # a NUL in the text or the id is only data
        ans = self.c.ask_raw(b'{"id":"n\\u0000d","text":"a\\u0000darn"}\n')
        self.assertVerdict(ans, "n\x00d", "reject", ["profanity"])
        self.assertStillUsable()

    def test_reversed_and_unpaired_surrogate_escapes(self):
        for raw in [b'{"id":"r1","text":"\\udc00\\ud800"}\n',
                    b'{"id":"r2","text":"x\\ud800\\ud800y"}\n',
                    b'{"id":"r3","text":"x\\ud800"}\n']:
            with self.subTest(raw=raw):
                ans = self.c.ask_raw(raw)
                self.assertError(ans, "invalid_utf8", raw[7:9].decode())
        # an escaped backslash before "u" is not an escape
        ans = self.c.ask_raw(b'{"id":"bs","text":"a\\\\ud800 darn"}\n')
        self.assertVerdict(ans, "bs", "reject", ["profanity"])

    def test_errors_pipelined_keep_order(self):
        lines = [b'{"id":1,"text":"darn"}', b'{"id":2', b'{"id":3}',
                 b'{"id":4,"text":"\xff"}', b'', b'{"id":6,"text":"x","policy":"zz"}',
                 b'{"id":7,"text":"gosh"}']
        self.c.send_raw(b"\n".join(lines) + b"\n")
        got = [self.c.recv() for _ in lines]
        self.assertVerdict(got[0], 1, "reject")
        self.assertError(got[1], "bad_json", None)
        self.assertError(got[2], "missing_text", 3)
        self.assertEqual(got[3]["error"]["code"], "invalid_utf8")
        self.assertError(got[4], "bad_json", None)
        self.assertError(got[5], "unknown_policy", 6)
        self.assertVerdict(got[6], 7, "review")

    def test_bad_field_types(self):
        for req, code in [({"id": True, "text": "x"}, "bad_json"),
                          ({"id": {"a": 1}, "text": "x"}, "bad_json"),
                          ({"id": "t1", "text": "x", "dry_run": 1}, "bad_json"),
                          ({"id": "t2", "text": "x", "policy": 7}, "bad_json"),
                          ({"id": "t3", "op": 5}, "bad_json")]:
            with self.subTest(req=req):
                ans = self.c.ask(req)
                self.assertEqual(ans.get("error", {}).get("code"), code, ans)
                self.assertIn(ans.get("id"), (None, req["id"] if isinstance(req["id"], str) else None))
                self.assertStillUsable()

    # -- framing -----------------------------------------------------------
    def test_one_byte_writes(self):
        raw = json.dumps({"id": "slow", "text": "naïve darn"},
                         ensure_ascii=False).encode() + b"\n"
        for b in raw:
            self.c.send_raw(bytes([b]))
        ans = self.c.recv()
        self.assertVerdict(ans, "slow", "reject", ["profanity"])
        self.assertEqual(ans["reasons"][0]["match"], "darn")
        self.assertStillUsable()

    def test_crlf_line_end(self):
        ans = self.c.ask_raw(b'{"id":"crlf","text":"gosh"}\r\n')
        self.assertVerdict(ans, "crlf", "review")

    def test_unknown_fields_ignored(self):
        ans = self.c.ask({"id": "u", "text": "darn", "foo": {"bar": [1, 2]},
                          "extra": None, "version": 99, "x-trace": "abc"})
        self.assertVerdict(ans, "u", "reject", ["profanity"])
        for k in ("foo", "extra", "version", "x-trace"):
            self.assertNotIn(k, ans)

    def test_half_close_gets_all_answers(self):
        n = 50
        self.c.send_raw(b"".join(json.dumps({"id": i, "text": "darn %d" % i}).encode()
                                 + b"\n" for i in range(n)))
        self.c.shutdown_write()
        for i in range(n):
            self.assertVerdict(self.c.recv(), i, "reject")
        self.assertEqual(self.c.recv_line(), b"", "the daemon closes after the last answer")

    def test_half_close_last_line_without_newline(self):
        self.c.send_raw(b'{"id":"a","text":"gosh"}\n{"id":"b","text":"darn"}')
        self.c.shutdown_write()
        self.assertVerdict(self.c.recv(), "a", "review")
        self.assertVerdict(self.c.recv(), "b", "reject")
        self.assertEqual(self.c.recv_line(), b"")

    def test_id_types(self):
        for rid in ["x", "", 0, -5, 12345678901234, "ünï"]:
            with self.subTest(rid=rid):
                self.assertVerdict(self.c.ask({"id": rid, "text": "hi"}), rid, "accept")
        ans = self.c.ask({"text": "hi"})
        self.assertIn(ans.get("id"), (None,), ans)   # absent or null
        self.assertEqual(ans["decision"], "accept")

    def test_dry_run_echoed(self):
        ans = self.c.ask({"id": "dr", "text": "darn", "dry_run": True})
        self.assertVerdict(ans, "dr", "reject")
        self.assertIs(ans.get("dry_run"), True, ans)
        ans = self.c.ask({"id": "nd", "text": "darn", "dry_run": False})
        self.assertNotIn("dry_run", ans)

    # -- offsets -----------------------------------------------------------
    def test_offsets_are_utf8_byte_offsets(self):
        cases = [
            # (text, expected matches in the original text)
            ("darn", ["darn"]),
            ("Ünïcödé 漢字 😀 you are a moron", ["you are a moron"]),
            ("😀😀😀 DARN and Frak", ["DARN", "Frak"]),
            ("Ｙｏｕ are an idiot", ["Ｙｏｕ are an idiot"]),      # NFKC fullwidth
            ("ｄａｒｎ!", ["ｄａｒｎ"]),
            ("e\u0301e\u0301 da\u0308rn", ["da\u0308rn"]),           # combining mark
            ("x da\u200brn y", ["da\u200brn"]),                      # zero-width space
            ("«heckles» — gosh", ["heckles", "gosh"]),
            ("ß" * 10 + " you are an idiot", ["you are an idiot"]),  # casefold ß->ss
            ("İstanbul darn", ["darn"]),                              # İ casefolds to 2 chars
            ("a\u0000 darn", ["darn"]),                                # NUL is allowed in text
            ("\ufeffdarn", ["darn"]),                                  # BOM inside the text
        ]
        for text, matches in cases:
            with self.subTest(text=text):
                ans = self.c.ask({"id": 1, "text": text})
                self.assertNotIn("error", ans, ans)
                raw = text.encode("utf-8")
                self.assertTrue(ans["reasons"], ans)
                for r in ans["reasons"] + ans.get("shadow", []):
                    self.assertLessEqual(0, r["start"])
                    self.assertLess(r["start"], r["end"])
                    self.assertLessEqual(r["end"], len(raw))
                    self.assertEqual(raw[r["start"]:r["end"]].decode("utf-8"),
                                     r["match"], r)
                self.assertEqual(sorted(r["match"] for r in ans["reasons"]),
                                 sorted(matches), ans)

    # -- control requests --------------------------------------------------
    def test_policies(self):
        ans = self.c.ask({"id": "pol", "op": "policies"})
        self.assertEqual(ans.get("id"), "pol")
        names = {p["name"]: p for p in ans["policies"]}
        self.assertEqual(set(names), {"default", "lenient"})
        self.assertTrue(names["default"]["default"])
        self.assertFalse(names["lenient"]["default"])
        self.assertEqual(sorted(names["default"]["rulesets"]), ["canary", "testinsult", "testwords"])
        self.assertEqual(names["lenient"]["reject_at"]["profanity"], 5.0)
        self.assertIsInstance(ans["rules_version"], str)
        self.assertStillUsable()

    def test_unknown_op(self):
        ans = self.c.ask({"id": "op", "op": "explode"})
        self.assertError(ans, "bad_json", "op")
        self.assertStillUsable()


class DefaultLimitsTest(unittest.TestCase):
    def test_deep_nesting_is_bad_json(self):
        # under max_request_bytes, over the JSON parser's depth limit
        with Daemon() as d, d.connect() as c:
            ans = c.ask_raw(b"[" * 5000 + b"]" * 5000 + b"\n")
            self.assertEqual(ans["error"]["code"], "bad_json", ans)
            ans = c.ask_raw(b'{"id":"n","text":"x","a":' + b"[" * 300 + b"]" * 300 + b"}\n")
            self.assertEqual(ans.get("decision"), "accept", ans)
            self.assertEqual(c.ask({"id": 1, "text": "darn"})["decision"], "reject")


class TimeoutTest(unittest.TestCase):
    def test_idle_timeout_closes_quiet_connections(self):
        with Daemon(config={"limits": {"idle_timeout": 1}}) as d:
            c = d.connect(timeout=TIMEOUT)
            self.assertEqual(c.ask({"id": 1, "text": "hi"})["decision"], "accept")
            t0 = time.monotonic()
            self.assertEqual(c.recv_line(), b"", "idle connection closed")
            self.assertGreater(time.monotonic() - t0, 0.5)
            c.close()
            self.assertEqual(d.ask({"id": 2, "text": "darn"})["decision"], "reject")

    def test_client_that_never_reads_is_dropped(self):
        with Daemon(config={"limits": {"write_timeout": 1, "max_pipeline": 16}}) as d:
            stuck = d.connect()
            blob = b"".join(json.dumps({"id": i, "text": "darn " * 50}).encode() + b"\n"
                            for i in range(20000))

            def flood():
                try:
                    stuck.send_raw(blob)
                except OSError:
                    pass            # dropped by the daemon: expected
            t = threading.Thread(target=flood, daemon=True)
            t.start()
            with d.connect() as c:
                # others are served meanwhile, and the stuck one goes away
                deadline = time.monotonic() + TIMEOUT
                while True:
                    st = c.ask({"op": "stats"})
                    if st["connections"] == 1:
                        break
                    self.assertLess(time.monotonic(), deadline, "stuck client never dropped")
                    self.assertEqual(c.ask({"id": "ok", "text": "gosh"})["decision"], "review")
                    time.sleep(0.05)
            t.join(TIMEOUT)
            stuck.close()


class AnswerCostTest(unittest.TestCase):
    """What one answer may cost: the id and each reason's match are
    bounded, whatever the request."""

    def test_long_match_is_cut_and_long_id_refused(self):
        long_rule = {"long.conf": 'name = "long";\ncategory = "vulgarity";\n'
                     'rules = ( { id = "long.x"; regex = "x{300,}"; view = "raw"; } );\n'}
        policies = dict(daemon.TEST_POLICIES)
        policies["default"] = dict(policies["default"],
                                   rulesets=["testwords", "testinsult", "canary", "long"])
        d = Daemon(policies=policies)
        daemon.write_test_rules(d.rules_dir, long_rule)
        with d, d.connect() as c:
            text = "é" + "x" * 20000 + " é"
            ans = c.ask({"id": "m", "text": text})
            self.assertEqual(ans["decision"], "reject", ans)
            r = ans["reasons"][0]
            self.assertEqual((r["start"], r["end"]), (2, 20002))
            self.assertEqual(r["match"], "x" * 256)
            self.assertIs(r.get("match_truncated"), True)
            # cut before a character, never inside one
            ans = c.ask({"id": "m2", "text": "x" * 255 + "é" * 200})
            self.assertEqual(ans["decision"], "accept", ans)
            ans = c.ask({"id": "m3", "text": "a" + "x" * 300 + "é"})
            self.assertEqual(len(ans["reasons"][0]["match"]), 256)
            ans = c.ask({"id": "m4", "text": "x" * 300})
            self.assertNotIn("match_truncated", ans["reasons"][0] if
                             len("x" * 300) <= 256 else {})
            # ids: up to 1024 bytes echoed, longer ones refused
            ans = c.ask({"id": "i" * 1024, "text": "hi"})
            self.assertEqual(ans["id"], "i" * 1024)
            ans = c.ask({"id": "i" * 1025, "text": "hi"})
            self.assertEqual(ans["error"]["code"], "too_large", ans)
            self.assertIsNone(ans["id"])


class SlowReaderTest(unittest.TestCase):
    def test_client_reading_16k_every_2s_is_dropped(self):
        """libevent's write timeout restarts on any progress (the daemon
        writes 16 KB at a time, so reading 16 KB frees room for one more
        write); decorumd wants what was waiting taken within
        write_timeout."""
        with Daemon(config={"limits": {"write_timeout": 3}}) as d:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(TIMEOUT)
            s.connect(d.socket_path)
            text = "darn heck frak gosh you are an idiot " * 40
            blob = b"".join(json.dumps({"id": i, "text": text}).encode() + b"\n"
                            for i in range(3000))

            def flood():
                try:
                    s.sendall(blob)
                except OSError:
                    pass
            threading.Thread(target=flood, daemon=True).start()
            stop = threading.Event()

            def trickle():
                # (the kernel keeps what was sent: a dropped client still
                # reads for a long while, so the daemon's count tells)
                while not stop.is_set():
                    try:
                        if not s.recv(16384):
                            return
                    except OSError:
                        return
                    stop.wait(2.0)
            reader = threading.Thread(target=trickle, daemon=True)
            reader.start()
            t0 = time.monotonic()
            with d.connect() as c:
                while c.ask({"op": "stats"})["connections"] != 1:
                    self.assertLess(time.monotonic() - t0, 15,
                                    "a client reading 16 KB every 2 s was kept")
                    time.sleep(0.1)
                took = time.monotonic() - t0
                self.assertEqual(c.ask({"id": 1, "text": "darn"})["decision"], "reject")
            stop.set()
            s.close()
            print("slow reader dropped after %.1f s" % took)
            self.assertGreater(took, 2.5, "dropped before write_timeout")


class StatsTest(unittest.TestCase):
    """A fresh daemon, so the counts are exact."""

    def test_stats_counts(self):
        with Daemon() as d, d.connect() as c:
            texts = ["hello", "fine day", "gosh", "darn", "frak", "you are an idiot"]
            for i, t in enumerate(texts):
                c.ask({"id": i, "text": t})
            c.ask({"id": "d", "text": "darn", "dry_run": True})
            c.ask_raw(b"{oops\n")
            c.ask({"id": "m"})
            ans = c.ask({"id": "st", "op": "stats"})
            self.assertEqual(ans.get("id"), "st")
            self.assertEqual(ans["decisions"], {"accept": 2, "review": 1, "reject": 3}, ans)
            self.assertEqual(ans["errors"]["bad_json"], 1, ans)
            self.assertEqual(ans["errors"]["missing_text"], 1, ans)
            self.assertEqual(ans.get("dry_runs"), 1, ans)
            self.assertIsInstance(ans["rules_version"], str)
            # stats with no id, and on another connection: same totals
            with d.connect() as c2:
                ans2 = c2.ask({"op": "stats"})
            self.assertEqual(ans2["decisions"], ans["decisions"])


class OverloadTest(unittest.TestCase):
    def test_max_connections(self):
        with Daemon(config={"limits": {"max_connections": 2}}) as d:
            a = d.connect()
            # the readiness probe's connection may still be counted: wait
            # (poll) until only ours is
            deadline = time.monotonic() + TIMEOUT
            while a.ask({"op": "stats"})["connections"] != 1:
                self.assertLess(time.monotonic(), deadline, "probe connection never closed")
                time.sleep(0.01)
            b = d.connect()
            self.assertEqual(b.ask({"id": "b", "text": "darn"})["decision"], "reject")
            c = d.connect()
            line = c.recv_line()
            self.assertTrue(line.endswith(b"\n"), line)
            ans = json.loads(line)
            self.assertEqual(ans["error"]["code"], "overloaded", ans)
            self.assertIsNone(ans.get("id"))
            self.assertEqual(c.recv_line(), b"", "an overloaded connection is closed")
            c.close()
            # the two accepted ones are unharmed
            self.assertEqual(a.ask({"id": "a", "text": "gosh"})["decision"], "review")
            self.assertEqual(b.ask({"id": "b2", "text": "hi"})["decision"], "accept")
            b.close()
            deadline = time.monotonic() + TIMEOUT
            while a.ask({"op": "stats"})["connections"] != 1:
                self.assertLess(time.monotonic(), deadline, "closed connection still counted")
                time.sleep(0.01)
            with d.connect() as e:
                ans = e.ask({"id": "e", "text": "you are an idiot"})
                self.assertEqual(ans.get("decision"), "reject", ans)
            st = a.ask({"op": "stats"})
            self.assertEqual(st["errors"]["overloaded"], 1, st)
            a.close()


if __name__ == "__main__":
    daemon.run_tests()
