#!/usr/bin/env python3
"""SIGTERM while clients are still sending (issue 12).

On SIGTERM decorumd stops accepting and stops reading: it answers the
requests it had already read (its buffers, and what the kernel had
received on each socket when the stop reached the worker) and closes each
connection once those answers are written, at the drain deadline between
two answers. Every answer a client gets is a whole JSON line, in order;
the daemon exits 0; under ASan (tests/run.sh) nothing leaks.
Python 3 standard library only.
"""
import json
import os
import signal
import socket
import sys
import threading
import time
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import Daemon, TIMEOUT  # noqa: E402

DRAIN_SECONDS = 10      # SERVER_DRAIN_SECONDS in server_impl.h


class Streamer:
    """A client that sends requests without pause and reads every answer,
    checking each is a whole JSON line with the next id."""

    def __init__(self, path, text="darn"):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect(path)
        self.text = text
        self.sent = 0
        self.got = 0
        self.problem = None
        self.eof_at = None
        self.stop = threading.Event()
        self.tx = threading.Thread(target=self._send, daemon=True)
        self.rx = threading.Thread(target=self._recv, daemon=True)

    def start(self):
        self.tx.start()
        self.rx.start()
        return self

    def _send(self):
        try:
            while not self.stop.is_set():
                batch = b"".join(json.dumps({"id": self.sent + i, "text": self.text})
                                 .encode() + b"\n" for i in range(50))
                self.sock.sendall(batch)
                self.sent += 50
        except OSError:
            pass            # the daemon closed the connection

    def _recv(self):
        buf = b""
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    break
                buf += data
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    self._check(line)
        except ConnectionResetError:
            # closed while this client was still sending: the kernel
            # reports the requests it never read as a reset, after every
            # answer written before it
            pass
        except OSError as e:
            self.problem = self.problem or "recv: %s" % e
        self.eof_at = time.monotonic()
        if buf:
            self.problem = self.problem or "a cut answer at the end: %r" % buf[-80:]

    def _check(self, line):
        try:
            a = json.loads(line)
        except ValueError:
            self.problem = self.problem or "not JSON: %r" % line[:80]
            return
        if a.get("id") != self.got:
            self.problem = self.problem or "answer %d has id %r" % (self.got, a.get("id"))
        elif "decision" not in a:
            self.problem = self.problem or "not a verdict: %r" % a
        self.got += 1

    def close(self):
        self.stop.set()
        self.sock.close()


def sanitizer_reports(stderr):
    return [line for line in stderr.splitlines()
            if "LeakSanitizer" in line or "AddressSanitizer" in line
            or "runtime error:" in line]


class ShutdownTest(unittest.TestCase):
    def test_sigterm_with_clients_streaming(self):
        d = Daemon()
        try:
            d.start()
            clients = [Streamer(d.socket_path).start() for _ in range(8)]
            time.sleep(1.0)
            before = sum(c.got for c in clients)
            self.assertGreater(before, 100, "clients are streaming")
            t0 = time.monotonic()
            d.signal(signal.SIGTERM)
            rc = d.wait(timeout=DRAIN_SECONDS + 5)
            took = time.monotonic() - t0
            for c in clients:
                c.rx.join(TIMEOUT)
            print("sigterm while streaming: %d answers before, %d in all; "
                  "exit after %.2f s, last EOF %.2f s after SIGTERM"
                  % (before, sum(c.got for c in clients), took,
                     max(c.eof_at for c in clients) - t0))
            self.assertEqual(rc, 0, d.stderr)
            for i, c in enumerate(clients):
                self.assertIsNone(c.problem, "client %d: %s" % (i, c.problem))
                self.assertLessEqual(c.got, c.sent)
                # reading stopped at once: clients that read their
                # answers are closed in well under the drain deadline
                self.assertLess(c.eof_at - t0, 3.0, "client %d still served" % i)
            self.assertEqual(sanitizer_reports(d.stderr), [])
        finally:
            for c in locals().get("clients", []):
                c.close()
            d.cleanup()

    def test_deadline_closes_between_answers(self):
        """A client that reads slowly until the drain deadline: decorumd
        closes it between two answers, never in the middle of one."""
        d = Daemon()
        try:
            d.start()
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(TIMEOUT)
            s.connect(d.socket_path)
            text = "darn heck frak gosh you are an idiot " * 40
            blob = b"".join(json.dumps({"id": i, "text": text}).encode() + b"\n"
                            for i in range(6000))

            def send():
                try:
                    s.sendall(blob)
                except OSError:
                    pass
            threading.Thread(target=send, daemon=True).start()
            time.sleep(0.5)
            t0 = time.monotonic()
            d.signal(signal.SIGTERM)
            buf = b""
            # slowly through the deadline, then all at once
            while True:
                fast = time.monotonic() - t0 > DRAIN_SECONDS + 0.2
                try:
                    data = s.recv(65536 if fast else 2048)
                except OSError:
                    break
                if not data:
                    break
                buf += data
                if not fast:
                    time.sleep(0.05)
            rc = d.wait(timeout=TIMEOUT)
            lines = buf.split(b"\n")
            self.assertEqual(lines[-1], b"", "the last answer was cut: %r" % lines[-1][-80:])
            ids = [json.loads(line)["id"] for line in lines[:-1]]
            self.assertEqual(ids, list(range(len(ids))))
            print("deadline: %d whole answers, exit after %.2f s"
                  % (len(ids), time.monotonic() - t0))
            self.assertEqual(rc, 0, d.stderr)
            self.assertIn("closing them between answers", d.stderr)
            self.assertEqual(sanitizer_reports(d.stderr), [])
            s.close()
        finally:
            d.cleanup()


if __name__ == "__main__":
    daemon.run_tests()
