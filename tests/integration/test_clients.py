#!/usr/bin/env python3
"""The client examples in tests/clients (shown in the README) against the
real daemon: each sends one JSON line and prints the answer line."""
import json
import os
import shutil
import subprocess
import sys
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import ROOT, TIMEOUT, Daemon  # noqa: E402

CLIENTS = os.path.join(ROOT, "tests", "clients")
NODE = shutil.which("node") or ("/usr/bin/node" if os.path.exists("/usr/bin/node") else None)
PHP = shutil.which("php")

# (text, decision, matches) against daemon.TEST_RULES
CASES = [
    ("you are an idiot", "reject", ["you are an idiot"]),
    ("a perfectly nice comment", "accept", []),
    ("Ünïcödé 漢字 😀 gosh", "review", ["gosh"]),
    ('she said "darn" \\ then\nleft', "reject", ["darn"]),
]


class ClientsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = Daemon()
        cls.d.start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.d.stop(check=True)
        finally:
            cls.d.cleanup()

    def check_client(self, argv):
        for text, decision, matches in CASES:
            with self.subTest(client=argv[-1], text=text):
                p = subprocess.run(argv + [self.d.socket_path, text],
                                   capture_output=True, timeout=TIMEOUT)
                self.assertEqual(p.returncode, 0, p.stderr.decode(errors="replace"))
                out = p.stdout.decode()
                self.assertEqual(out.count("\n"), 1, "one answer line: %r" % out)
                ans = json.loads(out)
                self.assertEqual(ans.get("id"), 1, ans)
                self.assertEqual(ans["decision"], decision, ans)
                self.assertEqual([r["match"] for r in ans["reasons"]], matches, ans)
                raw = text.encode()
                for r in ans["reasons"]:
                    self.assertEqual(raw[r["start"]:r["end"]].decode(), r["match"])

    def assertSmall(self, name):
        with open(os.path.join(CLIENTS, name)) as f:
            lines = [ln for ln in f if ln.strip()]
        self.assertLessEqual(len(lines), 20, "%s is meant to be a ~10 line example" % name)

    def test_python_client(self):
        self.assertSmall("client.py")
        self.check_client([sys.executable, os.path.join(CLIENTS, "client.py")])

    @unittest.skipUnless(NODE, "node not installed: client.js not tested")
    def test_node_client(self):
        self.assertSmall("client.js")
        self.check_client([NODE, os.path.join(CLIENTS, "client.js")])

    @unittest.skipUnless(PHP, "php not installed: client.php not tested")
    def test_php_client(self):
        self.assertSmall("client.php")
        self.check_client([PHP, os.path.join(CLIENTS, "client.php")])

    def test_client_no_daemon_fails(self):
        # a client pointed at nothing exits non-zero instead of hanging
        missing = os.path.join(self.d.tmp, "nobody-here.sock")
        argvs = [[sys.executable, os.path.join(CLIENTS, "client.py")]]
        if NODE:
            argvs.append([NODE, os.path.join(CLIENTS, "client.js")])
        if PHP:
            argvs.append([PHP, os.path.join(CLIENTS, "client.php")])
        for argv in argvs:
            with self.subTest(client=argv[-1]):
                p = subprocess.run(argv + [missing, "hello"], capture_output=True,
                                   timeout=TIMEOUT)
                self.assertNotEqual(p.returncode, 0)
                self.assertEqual(p.stdout, b"")


if __name__ == "__main__":
    daemon.run_tests()
