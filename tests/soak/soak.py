#!/usr/bin/env python3
"""Soak test (not part of CI): many requests over many pipelined
connections, a share of them hostile, with a reload (SIGHUP) half a second
in and then every few seconds, against the real decorumd on the shipped
rules.

    python3 tests/soak/soak.py                      # 2,000,000 requests, 32 connections
    python3 tests/soak/soak.py -n 200000 -c 8       # a shorter run
    DECORUMD=build-asan/decorumd python3 tests/soak/soak.py -n 100000

At the end it asserts: every request got exactly one answer, in order and
with its id; zero crashes (the daemon is alive and exits 0 on SIGTERM);
zero internal errors (in the answers and in the daemon's own stats);
every reload succeeded; the daemon's RSS grew less than 5 % between the
first and the last quarter of the run, judged by the mean and by the
maximum of each quarter's samples (every 0.25 s), so that time spent with
two rule sets in memory after a reload counts too. It prints the figures.
Python 3 standard library only.
"""
import argparse
import json
import multiprocessing as mp
import os
import random
import signal
import socket
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from daemon import Daemon, RULES  # noqa: E402

MAX_REQUEST = 65536
MAX_TEXT = 16384


def load_texts():
    texts = []
    for name in ("policy.jsonl", "evasion.jsonl", "innocent.jsonl"):
        path = os.path.join(ROOT, "tests", "corpus", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    t = json.loads(line).get("text")
                    if isinstance(t, str):
                        texts.append(t)
    texts += ["Thanks for the article", "You are an idiot", "I will kill you",
              "THIS IS ALL CAPS AND ANGRY", "f.u.c.k this", "ｓｈｉｔ"]
    return texts


def hostile_lines():
    """(raw line without newline, has_id, expected error code or None)."""
    with open(os.path.join(ROOT, "tests", "hostile", "blns.json"), encoding="utf-8") as f:
        blns = json.load(f)
    out = []
    for s in blns:
        out.append((json.dumps({"id": "H", "text": s}, separators=(",", ":")).encode(), True, None))
        if "\n" not in s and "\r" not in s:
            out.append((s.encode(), False, "any-error"))
    out += [
        (b"", False, "bad_json"), (b"   \t ", False, "bad_json"),
        (b"\x00\x00", False, "bad_json"), (b"{", False, "bad_json"),
        (b"[" * 50000, False, "bad_json"),
        (b'{"id":"H","text":"\xc0\xaf"}', True, "invalid_utf8"),
        (b'{"id":"H","text":"\xed\xa0\x80"}', True, "invalid_utf8"),
        (b'{"id":"H","text":"\\ud800"}', True, "invalid_utf8"),
        (b'{"id":"H","text":"\xe2\x28\xa1"}', True, "invalid_utf8"),
        (b'{"id":"H","text":17}', True, "missing_text"),
        (b'{"id":"H"}', True, "missing_text"),
        (b'{"id":"H","text":"x","policy":"nope"}', True, "unknown_policy"),
        (b'{"id":"H","text":"' + b"a" * (MAX_TEXT + 1) + b'"}', True, "too_large"),
        (b'{"id":"H","text":"' + b"b" * MAX_REQUEST + b'"}', False, "too_large"),
        (b'{"id":"H","text":"darn","text":"fine"}', True, None),
        (b'{"id":"H","text":"a\\u0000b"}', True, None),
        (b'{"id":"H","text":"' + "\u0301".encode() * 3000 + b'"}', True, None),
        (b'{"id":"H","text":"' + b"a" * 8000 + b'!"}', True, None),
        (b'{"id":"H","text":"' + "\U0001F600".encode() * 2000 + b'"}', True, None),
    ]
    return out


def with_id(line, rid):
    return line.replace(b'"id":"H"', b'"id":"%s"' % rid.encode(), 1)


def connection(path, cid, count, hostile_share, batch, texts, hostile, progress, result):
    rnd = random.Random(cid)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(120)
    s.connect(path)
    rf = s.makefile("rb")
    r = {"sent": 0, "answered": 0, "hostile": 0, "errors": {}, "internal": 0,
         "decisions": {}, "problems": []}
    seq = 0
    try:
        while seq < count:
            n = min(batch, count - seq)
            lines, expect = [], []
            for _ in range(n):
                rid = "c%d-%d" % (cid, seq)
                seq += 1
                if rnd.random() < hostile_share:
                    raw, has_id, code = rnd.choice(hostile)
                    lines.append(with_id(raw, rid) if has_id else raw)
                    expect.append((rid if has_id else None, code))
                    r["hostile"] += 1
                else:
                    t = rnd.choice(texts)
                    lines.append(json.dumps({"id": rid, "text": t}).encode())
                    expect.append((rid, "verdict"))
            s.sendall(b"\n".join(lines) + b"\n")
            r["sent"] += n
            for rid, code in expect:
                line = rf.readline()
                if not line.endswith(b"\n"):
                    raise RuntimeError("connection %d: closed after %d answers"
                                       % (cid, r["answered"]))
                ans = json.loads(line)
                r["answered"] += 1
                # like test_protocol: an invalid line's id may be null
                null_ok = ans.get("id") is None and \
                    ans.get("error", {}).get("code") == "invalid_utf8"
                if rid is not None and ans.get("id") != rid and not null_ok:
                    raise RuntimeError("connection %d: answer for %r came for %r: %r"
                                       % (cid, ans.get("id"), rid, line[:200]))
                if "error" in ans:
                    c = ans["error"]["code"]
                    r["errors"][c] = r["errors"].get(c, 0) + 1
                    if c == "internal":
                        r["internal"] += 1
                    if code == "verdict" or (code not in (None, "any-error") and c != code):
                        r["problems"].append("%s: %s, wanted %s" % (rid, c, code))
                else:
                    d = ans.get("decision")
                    r["decisions"][d] = r["decisions"].get(d, 0) + 1
                    if code not in (None, "verdict") or d not in ("accept", "review", "reject"):
                        r["problems"].append("%r: %r, wanted %s" % (rid, line[:120], code))
            with progress.get_lock():
                progress.value += n
        # nothing more may come: one last request, and its answer is next
        s.sendall(b'{"id":"end","op":"stats"}\n')
        end = json.loads(rf.readline())
        if end.get("id") != "end":
            raise RuntimeError("connection %d: extra answer %r" % (cid, end))
    except Exception as e:          # reported by the parent
        r["problems"].append("connection %d: %s" % (cid, e))
    finally:
        rf.close()
        s.close()
    result.put(r)


def rss_kib(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def peak_kib(pid):
    """The highest RSS since the last call (VmHWM, then reset through
    clear_refs, Linux 4.0+): a peak between two samples is not missed.
    None when the reset is not allowed."""
    hwm = rss_kib(pid, "VmHWM")
    try:
        with open("/proc/%d/clear_refs" % pid, "w") as f:
            f.write("5")
    except OSError:
        return None
    return hwm


def rss_split(pid):
    """KiB resident in the main heap, in anonymous mappings (thread
    arenas, JIT code, stacks) and in files."""
    heap = anon = files = 0
    name = ""
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            if line[0] in "0123456789abcdef" and "-" in line.split()[0]:
                parts = line.split()
                name = parts[5] if len(parts) > 5 else ""
            elif line.startswith("Rss:"):
                kb = int(line.split()[1])
                if name == "[heap]":
                    heap += kb
                elif name == "" or name.startswith("[anon"):
                    anon += kb
                else:
                    files += kb
    return "heap %d, anon %d, files %d" % (heap, anon, files)


def mean(v):
    return sum(v) / len(v)


def median(v):
    v = sorted(v)
    return v[len(v) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--requests", type=int, default=2000000)
    ap.add_argument("-c", "--connections", type=int, default=32)
    ap.add_argument("--hostile", type=float, default=0.10)
    ap.add_argument("--reload-every", type=float, default=3.0)
    ap.add_argument("--batch", type=int, default=64, help="pipelined requests per write")
    ap.add_argument("--workers", type=int, default=0, help="daemon worker threads (0: cores)")
    args = ap.parse_args()

    texts, hostile = load_texts(), hostile_lines()
    cfg = {"workers": args.workers, "limits": {
        "max_request_bytes": MAX_REQUEST, "max_text_bytes": MAX_TEXT,
        "max_connections": args.connections + 64}}
    d = Daemon(rules_dir=RULES, config=cfg)
    d.start()
    pid = d.proc.pid
    progress = mp.Value("q", 0)
    result = mp.Queue()
    per = [args.requests // args.connections] * args.connections
    for i in range(args.requests % args.connections):
        per[i] += 1
    samples = []            # (requests answered, rss KiB, peak KiB since the last)
    reloads = [0]
    stop = threading.Event()

    splits = {}

    def sample():
        rss = rss_kib(pid)
        peak = peak_kib(pid)
        samples.append((progress.value, rss, rss if peak is None else max(peak, rss)))

    def sampler():
        peak_kib(pid)       # the start-up is no part of the run
        while not stop.is_set():
            sample()
            if "first" not in splits and progress.value >= args.requests / 4:
                splits["first"] = rss_split(pid)
            stop.wait(0.1)

    def reloader():
        # the first one soon after the start: the first quarter must hold
        # a reload too, or a short run compares a quarter with two rule
        # sets in memory now and then against one that never had them
        wait = min(0.5, args.reload_every)
        while not stop.wait(wait):
            d.signal(signal.SIGHUP)
            reloads[0] += 1
            wait = args.reload_every

    t0 = time.monotonic()
    procs = [mp.Process(target=connection, args=(d.socket_path, i, per[i], args.hostile,
                                                  args.batch, texts, hostile, progress, result))
             for i in range(args.connections)]
    for p in procs:
        p.start()
    threads = [threading.Thread(target=sampler, daemon=True),
               threading.Thread(target=reloader, daemon=True)]
    for t in threads:
        t.start()
    results = [result.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - t0
    stop.set()
    for t in threads:
        t.join()
    sample()
    splits["last"] = rss_split(pid)

    alive = d.proc.poll() is None
    # the last reload may still be compiling: wait for its log line
    time.sleep(0.5)
    stats = d.ask({"op": "stats"}) if alive else {}
    d.signal(signal.SIGTERM)
    rc = d.wait(timeout=60)
    log = d.stderr
    d.cleanup()

    total = sum(r["answered"] for r in results)
    sent = sum(r["sent"] for r in results)
    internal = sum(r["internal"] for r in results)
    hostile_n = sum(r["hostile"] for r in results)
    errors, decisions = {}, {}
    for r in results:
        for k, v in r["errors"].items():
            errors[k] = errors.get(k, 0) + v
        for k, v in r["decisions"].items():
            decisions[k] = decisions.get(k, 0) + v
    problems = [p for r in results for p in r["problems"]]
    q = args.requests / 4
    first = [rss for n, rss, _ in samples if 0 < n <= q] or [samples[0][1]]
    last = [rss for n, rss, _ in samples if n >= 3 * q] or [samples[-1][1]]
    # the maxima are true peaks (VmHWM between samples), not lucky samples
    first_peak = max([p for n, _, p in samples if 0 < n <= q] or [samples[0][2]])
    last_peak = max([p for n, _, p in samples if n >= 3 * q] or [samples[-1][2]])
    # judged by the mean (time spent high counts) and the maximum (the
    # peaks while a reload holds two rule sets must not climb); the
    # medians are printed too
    rss_first, rss_last = median(first), median(last)
    growth = (rss_last - rss_first) / rss_first * 100
    growth_mean = (mean(last) - mean(first)) / mean(first) * 100
    growth_max = (last_peak - first_peak) / first_peak * 100
    reloaded = log.count("reloaded: rules version")
    failed_reloads = log.count("reload failed")

    print("decorumd soak: %d requests (%d hostile) over %d connections in %.1f s "
          "(%.0f requests/s)" % (sent, hostile_n, args.connections, elapsed, sent / elapsed))
    print("  answers: %d; decisions %s; errors %s" % (total, decisions, errors))
    print("  reloads: %d sent, %d done, %d failed" % (reloads[0], reloaded, failed_reloads))
    print("  RSS: first quarter mean %.0f KiB, max %d KiB; last quarter mean %.0f KiB, "
          "max %d KiB; growth of the means %.2f %%, of the maxima %.2f %% "
          "(of the medians %.2f %%: %d -> %d KiB), peak %d KiB"
          % (mean(first), first_peak, mean(last), last_peak, growth_mean, growth_max,
             growth, rss_first, rss_last, max(s[2] for s in samples)))
    print("  RSS at 25 %%: %s; at the end: %s" % (splits.get("first"), splits.get("last")))
    marks = []
    for k in range(1, 11):
        at = [rss for n, rss, _ in samples if n >= args.requests * k / 10]
        marks.append("%d%%:%d" % (k * 10, at[0] if at else samples[-1][1]))
    print("  RSS KiB by progress: " + " ".join(marks))
    print("  daemon stats: decisions %s, errors %s" % (stats.get("decisions"),
                                                      stats.get("errors")))
    print("  exit status after SIGTERM: %s" % rc)
    for p in problems[:20]:
        print("  PROBLEM: %s" % p)

    ok = True

    def check(cond, what):
        nonlocal ok
        print("  %-58s %s" % (what, "ok" if cond else "FAILED"))
        ok = ok and cond
    check(sent == args.requests and total == sent and not problems,
          "every request got exactly one answer, in order")
    check(alive and rc == 0, "no crash; exit 0 after SIGTERM")
    check(internal == 0 and stats.get("errors", {}).get("internal", 1) == 0,
          "zero internal errors")
    check(failed_reloads == 0 and reloaded >= reloads[0] - 1 and reloads[0] > 0,
          "every reload succeeded")
    check(growth_mean < 5.0, "RSS growth first to last quarter < 5 % (means)")
    check(growth_max < 5.0, "RSS growth first to last quarter < 5 % (maxima)")
    check("AddressSanitizer" not in log and "runtime error" not in log,
          "no sanitizer reports")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
