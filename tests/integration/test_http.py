#!/usr/bin/env python3
"""The HTTP listener (GET /metrics checked by a strict parser of the
Prometheus text format, GET /healthz, POST /v1/check) and the decision
log (JSON lines, text only when asked, reopened on SIGUSR1)."""
import http.client
import json
import math
import os
import re
import signal
import socket
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import TIMEOUT, Daemon, run_tests  # noqa: E402

METRIC_NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*\Z")
LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*\Z")


class ExpositionError(AssertionError):
    pass


def parse_value(text, where):
    if text in ("+Inf", "Inf"):
        return math.inf
    if text == "-Inf":
        return -math.inf
    if text == "NaN":
        return math.nan
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
        raise ExpositionError("%s: bad value %r" % (where, text))
    return float(text)


def parse_labels(s, i, where):
    """Parse {a="b",...} starting at s[i] == '{'; returns (dict, next i)."""
    labels = {}
    i += 1
    while True:
        if s[i] == "}":
            return labels, i + 1
        m = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*").match(s, i)
        if not m:
            raise ExpositionError("%s: bad label name at %d" % (where, i))
        name = m.group(0)
        i = m.end()
        if s[i:i + 2] != '="':
            raise ExpositionError("%s: expected =\" after %s" % (where, name))
        i += 2
        value = []
        while True:
            if i >= len(s):
                raise ExpositionError("%s: unterminated label value" % where)
            ch = s[i]
            if ch == "\\":
                nxt = s[i + 1:i + 2]
                if nxt not in ("\\", '"', "n"):
                    raise ExpositionError("%s: bad escape \\%s" % (where, nxt))
                value.append("\n" if nxt == "n" else nxt)
                i += 2
            elif ch == '"':
                i += 1
                break
            elif ch == "\n":
                raise ExpositionError("%s: raw newline in label" % where)
            else:
                value.append(ch)
                i += 1
        if name in labels:
            raise ExpositionError("%s: label %s twice" % (where, name))
        labels[name] = "".join(value)
        if s[i] == ",":
            i += 1
        elif s[i] != "}":
            raise ExpositionError("%s: expected , or } at %d" % (where, i))


def parse_exposition(text):
    """Strict parser of the text format 0.0.4. Returns
    {family: {"type", "help", "samples": [(name, labels, value)]}}."""
    if not text.endswith("\n"):
        raise ExpositionError("exposition does not end with a newline")
    families = {}
    order = []
    current = None
    seen_series = set()
    for n, line in enumerate(text[:-1].split("\n"), 1):
        where = "line %d" % n
        if line == "":
            raise ExpositionError("%s: empty line" % where)
        if line.startswith("#"):
            parts = line.split(" ", 3)
            if len(parts) >= 3 and parts[1] in ("HELP", "TYPE"):
                name = parts[2]
                if not METRIC_NAME.match(name):
                    raise ExpositionError("%s: bad metric name %r" % (where, name))
                fam = families.setdefault(name, {"type": None, "help": None,
                                                 "samples": []})
                if name not in order:
                    order.append(name)
                if fam["samples"]:
                    raise ExpositionError("%s: %s after samples of %s"
                                          % (where, parts[1], name))
                if parts[1] == "TYPE":
                    if fam["type"] is not None:
                        raise ExpositionError("%s: second TYPE for %s" % (where, name))
                    if len(parts) != 4 or parts[3] not in (
                            "counter", "gauge", "histogram", "summary", "untyped"):
                        raise ExpositionError("%s: bad TYPE line" % where)
                    fam["type"] = parts[3]
                else:
                    if fam["help"] is not None:
                        raise ExpositionError("%s: second HELP for %s" % (where, name))
                    fam["help"] = parts[3] if len(parts) == 4 else ""
                current = name
            continue
        m = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*").match(line)
        if not m:
            raise ExpositionError("%s: bad sample %r" % (where, line))
        name = m.group(0)
        i = m.end()
        labels = {}
        if i < len(line) and line[i] == "{":
            labels, i = parse_labels(line, i, where)
        if line[i:i + 1] != " ":
            raise ExpositionError("%s: expected a space before the value" % where)
        rest = line[i + 1:].split(" ")
        if len(rest) not in (1, 2):
            raise ExpositionError("%s: bad value/timestamp %r" % (where, rest))
        value = parse_value(rest[0], where)
        if len(rest) == 2 and not re.fullmatch(r"-?\d+", rest[1]):
            raise ExpositionError("%s: bad timestamp" % where)
        base = name
        fam = families.get(name)
        if fam is None:
            for suffix in ("_bucket", "_sum", "_count"):
                if name.endswith(suffix) and name[:-len(suffix)] in families:
                    base = name[:-len(suffix)]
                    fam = families[base]
                    if fam["type"] not in ("histogram", "summary"):
                        raise ExpositionError("%s: %s on a %s" % (where, suffix, fam["type"]))
        if fam is None or fam["type"] is None:
            raise ExpositionError("%s: sample %s without TYPE" % (where, name))
        if base != current:
            raise ExpositionError("%s: samples of %s are not together" % (where, base))
        key = (name, tuple(sorted(labels.items())))
        if key in seen_series:
            raise ExpositionError("%s: duplicate series %r" % (where, key))
        seen_series.add(key)
        if fam["type"] == "counter":
            if value < 0 or math.isnan(value):
                raise ExpositionError("%s: counter %s is %r" % (where, name, value))
        fam["samples"].append((name, labels, value))
    for name, fam in families.items():
        if fam["type"] is None:
            raise ExpositionError("%s has HELP but no TYPE" % name)
        if fam["type"] == "histogram":
            check_histogram(name, fam["samples"])
    return families


def check_histogram(name, samples):
    groups = {}
    for sname, labels, value in samples:
        rest = tuple(sorted((k, v) for k, v in labels.items() if k != "le"))
        g = groups.setdefault(rest, {"buckets": [], "sum": None, "count": None})
        if sname == name + "_bucket":
            if "le" not in labels:
                raise ExpositionError("%s bucket without le" % name)
            g["buckets"].append((parse_value(labels["le"], name), value))
        elif sname == name + "_sum":
            g["sum"] = value
        elif sname == name + "_count":
            g["count"] = value
        else:
            raise ExpositionError("%s: stray sample %s" % (name, sname))
    for g in groups.values():
        les = [le for le, _ in g["buckets"]]
        if not les or les[-1] != math.inf:
            raise ExpositionError("%s: no +Inf bucket" % name)
        if les != sorted(les) or len(set(les)) != len(les):
            raise ExpositionError("%s: le not increasing" % name)
        counts = [c for _, c in g["buckets"]]
        if counts != sorted(counts):
            raise ExpositionError("%s: buckets not cumulative" % name)
        if g["count"] is None or g["sum"] is None:
            raise ExpositionError("%s: missing _sum or _count" % name)
        if g["count"] != counts[-1]:
            raise ExpositionError("%s: _count != +Inf bucket" % name)


def value_of(families, name, **labels):
    base = name
    if name not in families:
        base = re.sub(r"_(bucket|sum|count)$", "", name)
    fam = families[base]
    for sname, lab, v in fam["samples"]:
        if sname == name and all(lab.get(k) == val for k, val in labels.items()):
            return v
    raise KeyError("%s%r" % (name, labels))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=TIMEOUT)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect(self.path)


class HTTPTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        cls.d = Daemon(config={"http_listen": "127.0.0.1:%d" % cls.port,
                               "decision_log": "stderr",
                               "limits": {"max_request_bytes": 4096}}).start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.d.stop()
        finally:
            cls.d.cleanup()

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            conn.close()

    def check(self, obj):
        status, headers, body = self.request("POST", "/v1/check",
                                             json.dumps(obj).encode())
        self.assertTrue(body.endswith(b"\n"))
        self.assertEqual(headers.get("Content-Type"), "application/json")
        return status, json.loads(body)

    def metrics(self):
        status, headers, body = self.request("GET", "/metrics")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/plain; version=0.0.4"))
        return parse_exposition(body.decode("utf-8"))

    def test_check_one(self):
        status, a = self.check({"id": "h-1", "text": "you are an idiot"})
        self.assertEqual(status, 200)
        self.assertEqual(a["id"], "h-1")
        self.assertEqual(a["decision"], "reject")
        self.assertEqual(a["categories"], ["discourtesy"])
        # the same answer as on the socket
        sock = self.d.ask({"id": "h-1", "text": "you are an idiot"})
        self.assertEqual(a, sock)

    def test_check_array_in_order(self):
        reqs = [{"id": 1, "text": "hello"}, {"id": 2, "text": "darn"},
                {"id": 3}, "nope", {"id": 4, "text": "gosh", "policy": "lenient"},
                {"id": 5, "text": "x", "policy": "missing"}]
        status, a = self.check(reqs)
        self.assertEqual(status, 200)
        self.assertIsInstance(a, list)
        self.assertEqual(len(a), len(reqs))
        self.assertEqual(a[0]["decision"], "accept")
        self.assertEqual(a[1]["decision"], "reject")
        self.assertEqual(a[2]["error"]["code"], "missing_text")
        self.assertEqual(a[2]["id"], 3)
        self.assertEqual(a[3]["error"]["code"], "bad_json")
        self.assertEqual(a[4]["decision"], "accept")
        self.assertEqual(a[5]["error"]["code"], "unknown_policy")
        self.assertEqual(self.check([])[1], [])

    def test_check_errors(self):
        status, _, body = self.request("POST", "/v1/check", b"{not json")
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(body)["error"]["code"], "bad_json")
        status, _, body = self.request("POST", "/v1/check",
                                       b'{"id":9,"text":"caf\xc3"}')
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(body)["error"]["code"], "invalid_utf8")
        status, _, body = self.request("POST", "/v1/check", b"")
        self.assertEqual(status, 400)
        status, _, _ = self.request("GET", "/v1/check")
        self.assertEqual(status, 405)
        status, _, _ = self.request("GET", "/nope")
        self.assertEqual(status, 404)
        status, _, _ = self.request("POST", "/metrics", b"x")
        self.assertEqual(status, 405)
        # bodies past max_request_bytes are refused by the listener
        status, _, _ = self.request("POST", "/v1/check",
                                    b'{"text":"' + b"a" * 5000 + b'"}')
        self.assertEqual(status, 413)

    def test_healthz(self):
        status, headers, body = self.request("GET", "/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["status"], "ok")

    def test_metrics_exposition(self):
        before = self.metrics()
        self.check({"text": "darn"})             # profanity reject via t.swear
        self.d.ask({"text": "gosh"})             # review via t.mild
        self.d.ask({"text": "hello", "dry_run": True})
        self.d.ask({"no": "text"})               # missing_text on the socket
        self.check({"no": "text"})               # missing_text over HTTP
        after = self.metrics()
        for fam in ("decorumd_decisions_total", "decorumd_category_decisions_total",
                    "decorumd_rule_hits_total", "decorumd_errors_total",
                    "decorumd_request_duration_seconds", "decorumd_connections",
                    "decorumd_reloads_total", "decorumd_rules_info",
                    "decorumd_build_info"):
            self.assertIn(fam, after)
        self.assertEqual(after["decorumd_request_duration_seconds"]["type"], "histogram")

        def delta(name, **labels):
            return value_of(after, name, **labels) - value_of(before, name, **labels)
        self.assertEqual(delta("decorumd_decisions_total", decision="reject"), 1)
        self.assertEqual(delta("decorumd_decisions_total", decision="review"), 1)
        self.assertEqual(delta("decorumd_dry_run_decisions_total", decision="accept"), 1)
        self.assertEqual(delta("decorumd_category_decisions_total",
                               category="profanity", decision="reject"), 1)
        self.assertEqual(delta("decorumd_rule_hits_total", rule="t.swear"), 1)
        self.assertEqual(delta("decorumd_rule_hits_total", rule="t.mild"), 1)
        self.assertEqual(delta("decorumd_errors_total", code="missing_text"), 2)
        self.assertEqual(delta("decorumd_request_duration_seconds_count"), 3)
        self.assertEqual(value_of(after, "decorumd_rules_info", rules_version="1"), 1)

    def test_parser_is_strict(self):
        good = "# HELP a_total x\n# TYPE a_total counter\na_total{l=\"v\\\"\"} 1\n"
        parse_exposition(good)
        for bad in (good[:-1],                                  # no final newline
                    "a_total 1\n",                              # no TYPE
                    good + "a_total{l=\"v\\\"\"} 2\n",          # duplicate series
                    good.replace("counter", "countr"),
                    good.replace("} 1", "} -1"),                # negative counter
                    good.replace("\\\"", "\\t"),                # bad escape
                    good + "# TYPE b gauge\nb 1\na_total 2\n",  # family split
                    "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n"
                    "h_sum 1\nh_count 1\n"):                    # not cumulative
            with self.assertRaises(ExpositionError, msg=bad):
                parse_exposition(bad)


def thread_cpu(pid, tid):
    with open("/proc/%d/task/%d/stat" % (pid, tid)) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def raw_http(addr, data, family=socket.AF_INET, read=True):
    """Send raw bytes; return everything the server sends until it closes."""
    s = socket.socket(family, socket.SOCK_STREAM)
    s.settimeout(TIMEOUT)
    s.connect(addr)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            return b""      # closed before we were done: refused
        out = b""
        while read:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break       # closed with our request unread
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


class HTTPLimitsTest(unittest.TestCase):
    """The HTTP listener is held to the socket's limits and access
    control, and its checks run on the workers (issue 12)."""

    def test_checks_run_on_workers_and_count_with_the_socket(self):
        port = free_port()
        with Daemon(config={"http_listen": "127.0.0.1:%d" % port}) as d:
            pid = d.proc.pid
            text = "plain words about the weather " * 1000
            body = json.dumps({"text": text + " darn"}).encode()
            main0 = thread_cpu(pid, pid)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            for _ in range(300):
                conn.request("POST", "/v1/check", body=body)
                r = conn.getresponse()
                self.assertEqual(json.loads(r.read())["decision"], "reject")
            conn.close()
            main = thread_cpu(pid, pid) - main0
            total = sum(thread_cpu(pid, int(t)) for t in os.listdir("/proc/%d/task" % pid))
            print("300 HTTP checks: main thread %.2f s of CPU, all threads %.2f s"
                  % (main, total))
            # the work is the workers': most of the CPU, however fast it is
            self.assertGreater(total - main, 4 * main, "checks ran on the main thread")
            self.assertLess(main, 0.1, "checks ran on the main thread")
            # one request path: HTTP decisions are in the socket's stats
            st = d.ask({"op": "stats"})
            self.assertEqual(st["decisions"]["reject"], 300, st)

    def test_allowed_uids_apply_to_an_http_unix_socket(self):
        other = 54321 if os.getuid() != 54321 else 54322
        d = Daemon(config={"allowed_uids": [other]})
        path = os.path.join(d.tmp, "http.sock")
        d.settings["http_listen"] = path
        from daemon import write_config
        write_config(d.config_path, d.settings)
        with d:
            got = raw_http(path, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                           socket.AF_UNIX)
            self.assertEqual(got, b"", "a peer not in allowed_uids was answered")
            d.wait_log(r"connection refused: pid \d+ uid %d" % os.getuid())

    def test_http_allow(self):
        port = free_port()
        with Daemon(config={"http_listen": "127.0.0.1:%d" % port,
                            "http_allow": ["10.0.0.0/8", "::1"]}) as d:
            got = raw_http(("127.0.0.1", port), b"GET /healthz HTTP/1.1\r\n\r\n")
            self.assertEqual(got, b"")
            d.wait_log(r"HTTP connection refused: 127\.0\.0\.1 is not in http_allow")
        port = free_port()
        with Daemon(config={"http_listen": "127.0.0.1:%d" % port}) as d:
            got = raw_http(("127.0.0.1", port),
                           b"GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n")
            self.assertTrue(got.startswith(b"HTTP/1.1 200 OK\r\n"), got)

    def test_bad_http_allow_entry_fails_start(self):
        d = Daemon(config={"http_listen": "127.0.0.1:%d" % free_port(),
                           "http_allow": ["127.0.0.1/33"]})
        try:
            d.start(wait=False)
            self.assertNotEqual(d.wait(), 0)
            self.assertIn("http_allow", d.stderr)
        finally:
            d.cleanup()

    def test_max_connections_counts_both_listeners(self):
        port = free_port()
        cfg = {"http_listen": "127.0.0.1:%d" % port,
               "limits": {"max_connections": 2}}
        with Daemon(config=cfg) as d:
            a = d.connect()
            deadline = time.monotonic() + TIMEOUT
            while a.ask({"op": "stats"})["connections"] != 1:
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.01)
            h = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            h.request("GET", "/healthz")
            self.assertEqual(h.getresponse().read() and 200, 200)
            self.assertEqual(a.ask({"op": "stats"})["connections"], 2)
            got = raw_http(("127.0.0.1", port), b"GET /healthz HTTP/1.1\r\n\r\n")
            self.assertTrue(got.startswith(b"HTTP/1.1 503 "), got)
            head, body = got.split(b"\r\n\r\n", 1)
            self.assertIn(b"Content-Length: %d\r\n" % len(body), head + b"\r\n")
            self.assertEqual(json.loads(body)["error"]["code"], "overloaded")
            h.close()
            a.close()

    def test_idle_timeout_and_body_limit(self):
        port = free_port()
        cfg = {"http_listen": "127.0.0.1:%d" % port,
               "limits": {"idle_timeout": 1, "max_request_bytes": 4096}}
        with Daemon(config=cfg) as d:
            t0 = time.monotonic()
            got = raw_http(("127.0.0.1", port), b"POST /v1/check HTTP/1.1\r\n")
            self.assertEqual(got, b"")
            self.assertLess(time.monotonic() - t0, 5)
            # a body over max_request_bytes is refused before it is read
            got = raw_http(("127.0.0.1", port), b"POST /v1/check HTTP/1.1\r\n"
                           b"Content-Length: 100000000\r\n\r\n")
            self.assertTrue(got.startswith(b"HTTP/1.1 413 "), got)
            self.assertIn(b"Connection: close", got)
            # answers to an array are bounded like unread answers
            arr = json.dumps([{"text": "darn"}] * 200).encode()
            self.assertLess(len(arr), 4096)
            h = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            h.request("POST", "/v1/check", body=arr)
            r = h.getresponse()
            self.assertEqual(r.status, 200)
            self.assertEqual(len(json.loads(r.read())), 200)
            h.close()
        cfg["limits"]["max_unread_bytes"] = 8192
        with Daemon(config=cfg) as d:
            h = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            h.request("POST", "/v1/check", body=arr)
            r = h.getresponse()
            self.assertEqual(r.status, 413)
            self.assertEqual(json.loads(r.read())["error"]["code"], "too_large")
            h.close()

    def test_http_framing(self):
        port = free_port()
        with Daemon(config={"http_listen": "127.0.0.1:%d" % port}) as d:
            addr = ("127.0.0.1", port)
            # keep-alive: two requests on one connection, then close
            one = b'{"id":1,"text":"darn"}'
            got = raw_http(addr, b"POST /v1/check HTTP/1.1\r\nContent-Length: %d\r\n\r\n%s"
                           b"GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"
                           % (len(one), one))
            self.assertEqual(got.count(b"HTTP/1.1 200 OK\r\n"), 2, got)
            self.assertIn(b'"decision":"reject"', got)
            # HTTP/1.0 closes after one answer
            got = raw_http(addr, b"GET /healthz HTTP/1.0\r\n\r\n")
            self.assertTrue(got.startswith(b"HTTP/1.1 200 OK\r\n"), got)
            # Expect: 100-continue
            s = socket.create_connection(addr, timeout=TIMEOUT)
            s.sendall(b"POST /v1/check HTTP/1.1\r\nContent-Length: %d\r\n"
                      b"Expect: 100-continue\r\nConnection: close\r\n\r\n" % len(one))
            self.assertEqual(s.recv(100), b"HTTP/1.1 100 Continue\r\n\r\n")
            s.sendall(one)
            rest = b""
            while True:
                c = s.recv(65536)
                if not c:
                    break
                rest += c
            s.close()
            self.assertTrue(rest.startswith(b"HTTP/1.1 200 OK\r\n"), rest)
            # no chunked uploads; garbage; a head that never ends
            got = raw_http(addr, b"POST /v1/check HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
            self.assertTrue(got.startswith(b"HTTP/1.1 501 "), got)
            got = raw_http(addr, b"\x00\xff garbage\r\n\r\n")
            self.assertTrue(got.startswith(b"HTTP/1.1 400 "), got)
            got = raw_http(addr, b"GET /healthz HTTP/1.1\r\nX: " + b"a" * 20000)
            self.assertTrue(got.startswith(b"HTTP/1.1 431 "), got)
            # a HEAD has no body
            got = raw_http(addr, b"HEAD /healthz HTTP/1.1\r\nConnection: close\r\n\r\n")
            self.assertTrue(got.endswith(b"\r\n\r\n"), got)
            self.assertIn(b"Content-Length: ", got)


class ReloadMetricsTest(unittest.TestCase):
    def test_reloads_and_rule_counters_survive(self):
        d = Daemon()
        http_sock = os.path.join(d.tmp, "http.sock")
        d.settings["http_listen"] = http_sock
        from daemon import write_config
        write_config(d.config_path, d.settings)
        with d:
            def metrics():
                c = UnixHTTPConnection(http_sock)
                c.request("GET", "/metrics")
                r = c.getresponse()
                body = r.read().decode()
                c.close()
                return parse_exposition(body)
            d.ask({"text": "darn"})
            mark = d.log_mark()
            d.signal(signal.SIGHUP)
            d.wait_log(r"reloaded: rules version 2", start=mark)
            with open(os.path.join(d.rules_dir, "testwords.conf"), "a") as f:
                f.write("\nbroken = ;\n")
            mark = d.log_mark()
            d.signal(signal.SIGHUP)
            d.wait_log(r"reload failed", start=mark)
            # /metrics is served by a worker, beside the main thread that
            # counts the reload just after logging it
            deadline = time.monotonic() + TIMEOUT
            while True:
                m = metrics()
                if value_of(m, "decorumd_reloads_total", result="failure") == 1:
                    break
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.02)
            self.assertEqual(value_of(m, "decorumd_reloads_total", result="success"), 1)
            self.assertEqual(value_of(m, "decorumd_reloads_total", result="failure"), 1)
            self.assertEqual(value_of(m, "decorumd_rules_info", rules_version="2"), 1)
            # counted on version 1, still there on version 2
            self.assertEqual(value_of(m, "decorumd_rule_hits_total", rule="t.swear"), 1)
            self.assertEqual(os.stat(http_sock).st_mode & 0o777, 0o660)
        self.assertFalse(os.path.exists(http_sock))


class DecisionLogTest(unittest.TestCase):
    def read_lines(self, path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def test_file_lines_without_text_and_reopen(self):
        d = Daemon()
        log = os.path.join(d.tmp, "decisions.log")
        d.settings["decision_log"] = log
        from daemon import write_config
        write_config(d.config_path, d.settings)
        with d:
            d.ask({"id": "c-1", "text": "you are an idiot, darn"})
            d.ask({"id": 2, "text": "hello", "dry_run": True})
            lines = self.read_lines(log)
            self.assertEqual(len(lines), 2)
            a, b = lines
            self.assertEqual(a["id"], "c-1")
            self.assertEqual(a["decision"], "reject")
            self.assertEqual(sorted(a["categories"]), ["discourtesy", "profanity"])
            self.assertEqual(sorted(a["rules"]), ["t.swear", "t.you-insult"])
            self.assertEqual(a["rules_version"], "1")
            self.assertEqual(a["policy"], "default")
            self.assertIsInstance(a["latency_us"], int)
            self.assertRegex(a["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
            self.assertNotIn("text", a)
            with open(log, encoding="utf-8") as f:
                self.assertNotIn("idiot", f.read())
            self.assertTrue(b["dry_run"])
            # logrotate: move the file away, SIGUSR1, a new file appears
            os.rename(log, log + ".1")
            mark = d.log_mark()
            d.signal(signal.SIGUSR1)
            d.wait_log(r"decision log reopened", start=mark)
            d.ask({"id": 3, "text": "hi"})
            self.assertEqual([x["id"] for x in self.read_lines(log)], [3])
            self.assertEqual(len(self.read_lines(log + ".1")), 2)

    def test_text_when_configured_and_stderr(self):
        with Daemon(config={"decision_log": "stderr", "decision_log_text": 1}) as d:
            d.ask({"id": "t", "text": "darn it"})
            line = d.wait_log(r'^\{"time"')
            rec = json.loads(line)
            self.assertEqual(rec["text"], "darn it")
            self.assertEqual(rec["id"], "t")

    def test_off_by_default(self):
        with Daemon() as d:
            d.ask({"id": "q", "text": "darn it"})
            time.sleep(0.1)
            self.assertNotIn('"decision"', d.stderr)


if __name__ == "__main__":
    run_tests()
