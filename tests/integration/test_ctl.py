#!/usr/bin/env python3
"""decorumctl against a fake decorumd: a Unix socket server in a thread that
answers canned JSON lines, so the client is tested apart from the daemon.

Env: DECORUMCTL (the binary), DECORUM_ROOT (unused here but accepted).
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

CTL = os.environ.get("DECORUMCTL", "build/decorumctl")


def reason(rule, category, text, word):
    start = text.encode().find(word.encode())
    end = start + len(word.encode())
    return {"rule": rule, "category": category, "start": start, "end": end,
            "match": word}


class FakeDaemon:
    """Answers by keywords in the text. `strict` changes one decision so two
    runs differ (for --diff)."""

    def __init__(self, path):
        self.path = path
        self.strict = False
        self.requests = []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(path)
        self.sock.listen(8)
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def answer(self, req):
        text = req.get("text")
        rid = req.get("id")
        if text is None:
            return {"id": rid, "error": {"code": "missing_text",
                                         "message": "no text"}}
        if req.get("policy") == "nosuch":
            return {"id": rid, "error": {"code": "unknown_policy",
                                         "message": "no policy nosuch"}}
        if "BROKEN" in text:
            return {"id": rid, "error": {"code": "internal",
                                         "message": "canned failure"}}
        if "RUNAWAY" in text:
            # a regex that hit its PCRE2 limit, as decorumd's reply.c
            # writes it today (an "error" string, an empty span) ...
            limited = {"rule": "discourtesy.x", "category": "discourtesy",
                       "start": 0, "end": 0, "match": "",
                       "error": "regex hit its match limit; held for review"}
            if "SHADOW" in text:
                return {"id": rid, "decision": "accept", "categories": [],
                        "reasons": [], "shadow": [limited],
                        "policy": "default", "rules_version": "1"}
            if "NOSPAN" in text:
                # ... and as it may come: a "limit" field, no span at all
                limited = {"rule": "vulgarity.y", "category": "vulgarity",
                           "limit": True}
            return {"id": rid, "decision": "review",
                    "categories": [limited["category"]],
                    "reasons": [limited], "policy": "default",
                    "rules_version": "1"}
        if "SPANLESS" in text:
            # an ordinary reason with neither span nor match
            return {"id": rid, "decision": "reject",
                    "categories": ["caps"],
                    "reasons": [{"rule": "caps.shouting",
                                 "category": "caps"}],
                    "policy": "default", "rules_version": "1"}
        reasons, cats, shadow = [], [], []
        decision = "accept"
        if "idiot" in text:
            reasons.append(reason("discourtesy.you-insult", "discourtesy",
                                  text, "You are an idiot" if
                                  "You are an idiot" in text else "idiot"))
            cats.append("discourtesy")
            decision = "reject"
        if "damn" in text:
            reasons.append(reason("profanity.mild", "profanity", text, "damn"))
            cats.append("profanity")
            if decision == "accept":
                decision = "reject" if self.strict else "review"
        if "kill" in text:
            reasons.append(reason("violence.threat", "violence", text, "kill"))
            cats.append("violence")
            decision = "reject"
        if "hmm" in text:
            shadow.append(reason("discourtesy.new", "discourtesy", text,
                                 "hmm"))
        a = {"id": rid, "decision": decision, "categories": cats,
             "reasons": reasons, "policy": req.get("policy", "default"),
             "rules_version": "1"}
        if shadow:
            a["shadow"] = shadow
        return a

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.handle, args=(conn,),
                             daemon=True).start()

    def handle(self, conn):
        # Blocking writes while the client writes too: a client that does
        # not read while it sends would deadlock on a large corpus.
        f = conn.makefile("rb")
        with conn:
            for line in f:
                try:
                    req = json.loads(line)
                except ValueError:
                    out = {"id": None, "error": {"code": "bad_json",
                                                 "message": "bad"}}
                else:
                    self.requests.append(req)
                    out = self.answer(req)
                conn.sendall((json.dumps(out) + "\n").encode())

    def close(self):
        self.sock.close()


# Hand-made corpus with known counts.
#   id  labels          fake answer               verdict
#   a1  [discourtesy]   reject discourtesy        TP
#   a2  [violence]      reject violence           TP
#   a3  [profanity]     review profanity          FN (review = accept)
#   a4  [racism]        accept                    FN
#   a5  []              accept                    TN
#   a6  []              reject discourtesy        FP
#   a7  []              accept                    TN
#   a8  []              error internal            TN (error = accept)
# tp=2 fp=1 fn=2 tn=3: precision 2/3, recall 2/4, F1 4/7=0.5714, FPR 1/4
CORPUS = [
    {"id": "a1", "text": "You are an idiot", "labels": ["discourtesy"]},
    {"id": "a2", "text": "I will kill you", "labels": ["violence"]},
    {"id": "a3", "text": "damn it all", "labels": ["profanity"]},
    {"id": "a4", "text": "go back home, foreigners", "labels": ["racism"]},
    {"id": "a5", "text": "nice article, thanks", "labels": []},
    {"id": "a6", "text": "this idiot-proof design hmm", "labels": []},
    {"id": "a7", "text": "hmm, interesting", "labels": []},
    {"id": "a8", "text": "BROKEN request", "labels": [], "extra": 1},
]


def run(args, env=None, stdin=None, timeout=60):
    e = dict(os.environ)
    e.pop("DECORUMD_SOCKET", None)
    if env:
        e.update(env)
    return subprocess.run([CTL] + args, input=stdin, capture_output=True,
                          text=True, env=e, timeout=timeout)


class CtlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.sock = os.path.join(cls.tmp.name, "fake.sock")
        cls.daemon = FakeDaemon(cls.sock)
        cls.corpus = os.path.join(cls.tmp.name, "corpus.jsonl")
        with open(cls.corpus, "w") as f:
            for obj in CORPUS:
                f.write(json.dumps(obj) + "\n")
            f.write("\n")  # blank lines are ignored

    @classmethod
    def tearDownClass(cls):
        cls.daemon.close()
        cls.tmp.cleanup()

    def setUp(self):
        self.daemon.strict = False

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def replay_json(self, *extra):
        p = run(["-s", self.sock, "replay", "--json", *extra, self.corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)

    # ---- check ----

    def test_check_args(self):
        p = run(["-s", self.sock, "check", "You are an idiot",
                 "hello there"])
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0], 'reject  discourtesy  '
                         'discourtesy.you-insult [0,16) "You are an idiot"')
        self.assertEqual(lines[1].rstrip(), "accept")

    def test_check_multiple_reasons_and_error(self):
        # an error answer makes the exit status 1, and the texts after it
        # are still checked
        p = run(["-s", self.sock, "check", "damn, kill", "BROKEN", "hi"])
        self.assertEqual(p.returncode, 1, p.stderr)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0], 'reject  profanity,violence  '
                         'profanity.mild [0,4) "damn"')
        self.assertEqual(lines[1].strip(), 'violence.threat [6,10) "kill"')
        self.assertTrue(lines[1].startswith(" " * 10))
        self.assertEqual(lines[2], "error   internal: canned failure")
        self.assertEqual(lines[3], "accept")

    def test_check_error_answer_exit_status(self):
        p = run(["-s", self.sock, "check", "--policy", "nosuch", "x"])
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "error   unknown_policy: no policy nosuch\n")
        # --json too: the raw answer, and the same status
        p = run(["-s", self.sock, "check", "--json", "--policy", "nosuch",
                 "x"])
        self.assertEqual(p.returncode, 1)
        self.assertEqual(json.loads(p.stdout)["error"]["code"],
                         "unknown_policy")
        # from standard input, one bad line among good ones
        p = run(["-s", self.sock, "check"], stdin="fine\nBROKEN\nfine\n")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(),
                         ["accept", "error   internal: canned failure",
                          "accept"])
        # no error answer: 0
        p = run(["-s", self.sock, "check", "x", "You are an idiot"])
        self.assertEqual(p.returncode, 0)

    def test_check_limit_hit_readable(self):
        p = run(["-s", self.sock, "check", "RUNAWAY text"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "review  discourtesy  discourtesy.x  "
                         "regex limit hit: held for review\n")
        p = run(["-s", self.sock, "check", "RUNAWAY NOSPAN"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "review  vulgarity  vulgarity.y  "
                         "regex limit hit: held for review\n")
        self.assertNotIn("[0,0)", p.stdout)
        # a shadow rule holds nothing, even when it hit a limit
        p = run(["-s", self.sock, "check", "RUNAWAY SHADOW"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "accept  -  (shadow) discourtesy.x  "
                         "regex limit hit\n")

    def test_check_reason_without_span(self):
        p = run(["-s", self.sock, "check", "SPANLESS"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "reject  caps  caps.shouting\n")

    def test_check_invalid_utf8_not_sent(self):
        # jansson will not encode it, decorumd would refuse it: reported
        # in its place among the answers, with the offset, exit status 1
        before = len(self.daemon.requests)
        p = subprocess.run([CTL, "-s", self.sock, "check"],
                           input=b"fine\nab\xff\xfe\nYou are an idiot\n",
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 1, p.stderr)
        lines = p.stdout.decode().splitlines()
        self.assertEqual(lines[0], "accept")
        self.assertEqual(lines[1], "error   invalid_utf8: text is not valid "
                         "UTF-8 at byte 2; decorumctl did not send it")
        self.assertTrue(lines[2].startswith("reject  discourtesy"), lines)
        self.assertEqual(len(self.daemon.requests) - before, 2)
        p = subprocess.run([CTL, "-s", self.sock, "check", "--json"],
                           input=b"\xc3\nok\n", capture_output=True,
                           timeout=60)
        self.assertEqual(p.returncode, 1)
        answers = [json.loads(l) for l in p.stdout.splitlines()]
        self.assertEqual([a.get("id") for a in answers], [1, 2])
        self.assertEqual(answers[0]["error"]["code"], "invalid_utf8")
        self.assertEqual(answers[1]["decision"], "accept")

    def test_check_json_and_policy(self):
        p = run(["-s", self.sock, "check", "--json", "--policy", "kids",
                 "damn"])
        self.assertEqual(p.returncode, 0, p.stderr)
        a = json.loads(p.stdout)
        self.assertEqual(a["decision"], "review")
        self.assertEqual(a["policy"], "kids")

    def test_check_stdin(self):
        p = run(["-s", self.sock, "check", "--json"],
                stdin='line one\nYou are an idiot\n"quoted" \\ back\n')
        self.assertEqual(p.returncode, 0, p.stderr)
        answers = [json.loads(l) for l in p.stdout.splitlines()]
        self.assertEqual([a["decision"] for a in answers],
                         ["accept", "reject", "accept"])
        self.assertEqual([a["id"] for a in answers], [1, 2, 3])
        self.assertIn({"id": 3, "text": '"quoted" \\ back'},
                      [{"id": r["id"], "text": r["text"]}
                       for r in self.daemon.requests])

    def test_socket_env_and_override(self):
        p = run(["check", "hi"], env={"DECORUMD_SOCKET": self.sock})
        self.assertEqual(p.returncode, 0, p.stderr)
        # -s wins over the environment
        p = run(["-s", self.sock, "check", "hi"],
                env={"DECORUMD_SOCKET": self.path("nope.sock")})
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_connection_error(self):
        missing = self.path("missing.sock")
        p = run(["-s", missing, "check", "hi"])
        self.assertEqual(p.returncode, 2)
        self.assertIn("cannot connect to " + missing, p.stderr)
        self.assertIn("No such file or directory", p.stderr)
        self.assertIn("is decorumd running?", p.stderr)
        p = run(["-s", missing, "replay", self.corpus])
        self.assertEqual(p.returncode, 2)

    def test_usage(self):
        for args in (["-h"], ["--help"], ["help"]):
            p = run(args)
            self.assertEqual(p.returncode, 0, args)
            self.assertIn("usage:", p.stdout)
            for cmd in ("check", "replay", "bench", "reload", "policies"):
                self.assertRegex(p.stdout, r"(?m)^  %s " % cmd)
        for args in (["frobnicate"], [], ["replay"],
                     ["replay", "--min-f1", "abc", self.corpus],
                     ["replay", "--max-fpr", "2", self.corpus],
                     ["check", "--bogus"]):
            p = run(["-s", self.sock] + args)
            self.assertEqual(p.returncode, 2, args)
        p = run(["-s", self.sock, "replay", self.path("no-such.jsonl")])
        self.assertEqual(p.returncode, 2)
        self.assertIn("no-such.jsonl", p.stderr)

    def test_version(self):
        for opt in ("-V", "--version"):
            p = run([opt])
            self.assertEqual(p.returncode, 0)
            self.assertRegex(p.stdout, r"^decorumctl \d+\.\d+\.\d+\n$")

    def test_command_help(self):
        # each command's own options, on stdout, exit 0, nothing sent
        own = {"check": "--policy", "replay": "--min-f1", "bench": "--depth",
               "reload": "--timeout", "policies": "--json"}
        for cmd, opt in own.items():
            for args in ([cmd, "--help"], [cmd, "-h"], ["help", cmd],
                         ["-s", self.path("none.sock"), cmd, "--help"]):
                p = run(args)
                self.assertEqual(p.returncode, 0, (args, p.stderr))
                self.assertIn("usage: decorumctl [-s SOCKET] " + cmd,
                              p.stdout, args)
                self.assertIn(opt, p.stdout, args)
                others = [c for c in own if c != cmd]
                self.assertFalse([c for c in others
                                  if "] %s " % c in p.stdout], args)
        p = run(["bench", "--engine", "--help"])
        self.assertEqual(p.returncode, 0)
        self.assertIn("--check-prefilter", p.stdout)
        p = run(["help", "frobnicate"])
        self.assertEqual(p.returncode, 2)
        self.assertIn("unknown command 'frobnicate'", p.stderr)

    def test_long_options(self):
        p = run(["--socket", self.sock, "check", "--json", "--policy",
                 "kids", "damn"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["policy"], "kids")
        p = run(["--socket=" + self.sock, "check", "hi"])
        self.assertEqual((p.returncode, p.stdout), (0, "accept\n"))
        p = run(["check", "--socket", self.sock, "hi"])
        self.assertEqual((p.returncode, p.stdout), (0, "accept\n"))
        p = run(["--socket", self.sock, "bench", "--connections", "2",
                 "--depth", "2", "--count", "10", self.corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("10 decisions in", p.stdout)
        self.assertIn("over 2 connections x depth 2", p.stdout)
        r = self.replay_json("--review-rejects", "--examples", "1")
        self.assertEqual(r["overall"]["tp"], 3)

    # ---- replay ----

    def test_replay_counts(self):
        r = self.replay_json()
        o = r["overall"]
        self.assertEqual((o["tp"], o["fp"], o["fn"], o["tn"]), (2, 1, 2, 3))
        self.assertEqual(o["comments"], 8)
        self.assertEqual(o["reviews"], 1)
        self.assertEqual(o["errors"], 1)
        self.assertAlmostEqual(o["precision"], 2 / 3)
        self.assertAlmostEqual(o["recall"], 0.5)
        self.assertAlmostEqual(o["f1"], 4 / 7)
        self.assertAlmostEqual(o["fpr"], 0.25)
        self.assertEqual(r["errors"], {"internal": 1})
        self.assertEqual(len(r["files"]), 1)
        self.assertEqual(r["files"][0]["file"], self.corpus)
        cats = {c["category"]: c for c in r["categories"]}
        # discourtesy: a1 tp, a6 fp; profanity: a3 was only reviewed: fn
        self.assertEqual((cats["discourtesy"]["tp"], cats["discourtesy"]["fp"],
                          cats["discourtesy"]["fn"]), (1, 1, 0))
        self.assertEqual((cats["profanity"]["tp"], cats["profanity"]["fn"]),
                         (0, 1))
        self.assertEqual(cats["racism"]["fn"], 1)
        rules = [u["rule"] for u in r["rules"]]
        # discourtesy.new (shadow) hits only acceptable a6, a7: precision 0
        self.assertEqual(rules[0], "discourtesy.new")
        self.assertTrue(r["rules"][0]["shadow"])
        self.assertEqual(r["rules"][0]["acceptable"], 2)
        ins = next(u for u in r["rules"]
                   if u["rule"] == "discourtesy.you-insult")
        self.assertEqual((ins["unacceptable"], ins["acceptable"]), (1, 1))
        self.assertAlmostEqual(ins["precision"], 0.5)

    def test_replay_review_rejects(self):
        o = self.replay_json("--review-rejects")["overall"]
        self.assertEqual((o["tp"], o["fp"], o["fn"], o["tn"]), (3, 1, 1, 3))

    def test_replay_tables(self):
        p = run(["-s", self.sock, "replay", "--examples", "1", self.corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout
        self.assertRegex(out, r"overall\s+8\s+2\s+1\s+2\s+3\s+1\s+1\s+"
                         r"0\.667\s+0\.500\s+0\.571\s+0\.250")
        self.assertIn("discourtesy.new (shadow)", out)
        self.assertIn("error answers (counted as accept): internal 1", out)
        self.assertIn("false positives (acceptable, rejected): 1, worst 1",
                      out)
        self.assertIn('a6  reject  [acceptable]  discourtesy.you-insult  '
                      '"this idiot-proof design hmm"', out)
        # a4 (accepted outright) is worse than a3 (held for review)
        self.assertIn("a4  accept  [racism]", out)
        self.assertNotIn("a3  review", out)

    def test_replay_thresholds(self):
        base = ["-s", self.sock, "replay"]
        # F1 0.571, FPR 0.25
        self.assertEqual(run(base + ["--min-f1", "0.5", "--max-fpr", "0.3",
                                     self.corpus]).returncode, 0)
        p = run(base + ["--min-f1", "0.6", self.corpus])
        self.assertEqual(p.returncode, 1)
        self.assertIn("below --min-f1", p.stderr)
        p = run(base + ["--max-fpr", "0.2", self.corpus])
        self.assertEqual(p.returncode, 1)
        self.assertIn("above --max-fpr", p.stderr)

    def test_replay_out_and_diff(self):
        old = self.path("run1.jsonl")
        new = self.path("run2.jsonl")
        p = run(["-s", self.sock, "replay", "--out", old, self.corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(old) as f:
            lines = [json.loads(l) for l in f]
        self.assertEqual(len(lines), 8)
        self.assertEqual(lines[0]["id"], "a1")
        self.assertEqual(lines[0]["labels"], ["discourtesy"])
        self.assertEqual(lines[0]["text"], "You are an idiot")
        self.assertEqual(lines[0]["decision"], "reject")
        self.assertFalse(os.path.exists(old + ".tmp"))

        # Unchanged daemon: nothing changed.
        r = self.replay_json("--diff", old)
        self.assertEqual(r["diff"]["compared"], 8)
        self.assertEqual(r["diff"]["changed"], 0)

        # a3 goes review -> reject: a fix (labeled profanity).
        self.daemon.strict = True
        p = run(["-s", self.sock, "replay", "--diff", old, "--out", new,
                 self.corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("1 decisions changed (0 broke, 1 fixed, 0 neutral)",
                      p.stdout)
        self.assertRegex(p.stdout, r"fixed\s+a3  review -> reject  "
                         r"\[profanity\]")
        r = self.replay_json("--diff", old)
        ch = r["diff"]["changes"]
        self.assertEqual(len(ch), 1)
        self.assertEqual((ch[0]["id"], ch[0]["old"], ch[0]["new"],
                          ch[0]["effect"]), ("a3", "review", "reject", "fixed"))

        # The other way round, with a rule removed: compare the strict run
        # against a fake "old" run where a5 was rejected by some rule.
        edited = self.path("edited.jsonl")
        with open(new) as f, open(edited, "w") as g:
            for l in f:
                o = json.loads(l)
                if o["id"] == "a5":
                    o.update(decision="reject", categories=["vulgarity"],
                             reasons=[{"rule": "vulgarity.x",
                                       "category": "vulgarity",
                                       "start": 0, "end": 4,
                                       "match": "nice"}])
                if o["id"] == "a1":
                    continue  # an id only in the new run
                g.write(json.dumps(o) + "\n")
        self.daemon.strict = False
        r = self.replay_json("--diff", edited)
        d = r["diff"]
        self.assertEqual((d["compared"], d["new"], d["missing"]), (7, 1, 0))
        ch = {c["id"]: c for c in d["changes"]}
        self.assertEqual(ch["a5"]["effect"], "fixed")
        self.assertEqual(ch["a5"]["removed"], ["vulgarity.x"])
        self.assertEqual(ch["a5"]["added"], [])
        # not strict any more: a3 is back to review -> broke
        self.assertEqual(ch["a3"]["effect"], "broke")
        self.assertEqual(d["changes"][0]["effect"], "broke")

    def test_replay_missing_ids_and_bad_lines(self):
        corpus = self.path("noid.jsonl")
        with open(corpus, "w") as f:
            f.write(json.dumps({"text": "You are an idiot",
                                "labels": ["discourtesy"]}) + "\n")
            f.write("this is not json\n")
            f.write(json.dumps({"id": 7, "text": "fine",
                                "labels": []}) + "\n")
            f.write(json.dumps({"id": 8, "labels": []}) + "\n")
        out = self.path("noid-out.jsonl")
        p = run(["-s", self.sock, "replay", "--json", "--out", out, corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(corpus + ":2: skipped: not JSON", p.stderr)
        self.assertIn(corpus + ":4: skipped: no \"text\"", p.stderr)
        r = json.loads(p.stdout)
        self.assertEqual(r["skipped"], 2)
        self.assertEqual(r["overall"]["comments"], 2)
        with open(out) as f:
            ids = [json.loads(l)["id"] for l in f]
        self.assertEqual(ids, [corpus + ":1", 7])

    def test_replay_all_errors_or_empty(self):
        # A misspelt policy must not pass a CI gate.
        p = run(["-s", self.sock, "replay", "--policy", "nosuch",
                 self.corpus])
        self.assertEqual(p.returncode, 2)
        self.assertIn("every answer was an error (unknown_policy: 8)",
                      p.stderr)
        self.assertIn("unknown_policy 8", p.stdout)
        empty = self.path("empty.jsonl")
        open(empty, "w").close()
        p = run(["-s", self.sock, "replay", empty])
        self.assertEqual(p.returncode, 2)
        self.assertIn("no comment was scored", p.stderr)

    def test_replay_two_files(self):
        r = self.replay_json(self.corpus)   # the same file twice
        self.assertEqual(r["overall"]["comments"], 16)
        self.assertEqual(r["files"][0]["comments"], 16)

    def test_replay_large_pipelined(self):
        # Far more than socket buffers hold in both directions: the client
        # must read answers while it writes requests.
        corpus = self.path("big.jsonl")
        n = 20000
        pad = "x" * 600
        with open(corpus, "w") as f:
            for i in range(n):
                text = (f"damn {pad} {i}" if i % 3 == 0 else f"ok {pad} {i}")
                f.write(json.dumps({"id": i, "text": text,
                                    "labels": ["profanity"] if i % 3 == 0
                                    else []}) + "\n")
        p = run(["-s", self.sock, "replay", "--json", "--review-rejects",
                 corpus], timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        o = json.loads(p.stdout)["overall"]
        self.assertEqual(o["comments"], n)
        self.assertEqual((o["tp"], o["fp"], o["fn"]), ((n + 2) // 3, 0, 0))

    # ---- bench ----

    def test_bench(self):
        p = run(["-s", self.sock, "bench", "-c", "2", "-d", "4", "-n", "100",
                 self.corpus])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("100 decisions in", p.stdout)
        self.assertIn("over 2 connections x depth 4", p.stdout)
        # a8 ("BROKEN") is one line in eight
        self.assertRegex(p.stdout, r"\((12|13) error answers\)")
        self.assertRegex(p.stdout, r"p50 [0-9.]+ ms, p99 [0-9.]+ ms, "
                         r"p99.9 [0-9.]+ ms, max [0-9.]+ ms")
        # The fake daemon is this process: its /proc status is readable.
        self.assertIn("pid %d: peak RSS" % os.getpid(), p.stdout)
        p = run(["-s", self.sock, "bench", "-n", "5", "-t", "1",
                 self.corpus])
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
