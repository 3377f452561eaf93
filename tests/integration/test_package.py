#!/usr/bin/env python3
"""The Debian package: build it the README's way (a fresh build directory
configured like the README's build/, whose prefix is /usr/local, then
`cmake --build build --target deb`, which builds a /usr tree of its own),
check its contents, conffiles and control fields (dpkg-deb), run lintian
when it is installed, unpack it into a throwaway root (dpkg -x) and run
the installed binary on the installed files. A plain `cpack -G DEB` in a
/usr/local build must refuse.

It builds the project once more, so it runs only with
DECORUM_PACKAGE_TESTS=1 (tests/run.sh sets it for the first pass)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import ROOT, Client, run_tests, write_config  # noqa: E402

ENABLED = os.environ.get("DECORUM_PACKAGE_TESTS") == "1"
TOOLS = all(shutil.which(t) for t in ("cpack", "dpkg-deb", "dpkg-shlibdeps"))


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s\n%s"
                             % (" ".join(cmd), r.returncode, r.stdout, r.stderr))
    return r.stdout


@unittest.skipUnless(ENABLED, "set DECORUM_PACKAGE_TESTS=1 to build and check "
                     "the Debian package (tests/run.sh does)")
@unittest.skipUnless(TOOLS, "needs cpack, dpkg-deb and dpkg-shlibdeps (dpkg-dev)")
class PackageTest(unittest.TestCase):
    # The README's packaging command, run as it is written there.
    README_COMMAND = "cmake --build build --target deb"

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="decorumd-pkg-")
        cls.build = b = os.path.join(cls.tmp, "build")
        jobs = str(min(os.cpu_count() or 2, 4))
        # configured like the README's build/ (command 1): no prefix given
        run(["cmake", "-S", ROOT, "-B", b])
        cmd = cls.README_COMMAND.split()
        cmd[cmd.index("build")] = b       # the directory, not --build
        run(cmd + ["-j", jobs])
        debs = [f for f in os.listdir(b) if f.endswith(".deb")]
        assert len(debs) == 1, debs
        cls.deb = os.path.join(b, debs[0])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_contents(self):
        listing = run(["dpkg-deb", "-c", self.deb])
        files = {line.split()[5].lstrip(".") for line in listing.splitlines()}
        unitdir = subprocess.run(["pkg-config", "--variable=systemdsystemunitdir",
                                  "systemd"], capture_output=True,
                                 text=True).stdout.strip() or "/lib/systemd/system"
        for path in ("/usr/sbin/decorumd", "/usr/bin/decorumctl",
                     "/usr/share/decorumd/rules/profanity.conf",
                     "/usr/share/decorumd/rules/profanity.words",
                     "/etc/decorumd/decorumd.conf", "/etc/decorumd/rules.d/",
                     "/etc/logrotate.d/decorumd",
                     unitdir + "/decorumd.service", unitdir + "/decorumd.socket",
                     "/usr/lib/sysusers.d/decorumd.conf",
                     "/usr/lib/tmpfiles.d/decorumd.conf",
                     "/usr/share/man/man8/decorumd.8.gz",
                     "/usr/share/man/man5/decorumd.conf.5.gz",
                     "/usr/share/man/man1/decorumctl.1.gz",
                     "/usr/share/doc/decorumd/copyright"):
            self.assertIn(path, files)
        self.assertFalse([f for f in files if f.startswith("/usr/etc")
                          or f.startswith("/usr/local")], files)
        for line in listing.splitlines():
            if line.split()[5] in ("./usr/sbin/decorumd", "./usr/bin/decorumctl"):
                self.assertTrue(line.startswith("-rwxr-xr-x root/root"), line)

    def test_readme_gives_this_command(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            self.assertIn("`%s`" % self.README_COMMAND, f.read())

    def test_every_conffile_is_in_the_package(self):
        listing = run(["dpkg-deb", "-c", self.deb])
        regular = {line.split()[5].lstrip(".") for line in listing.splitlines()
                   if line.startswith("-")}
        ctl = os.path.join(self.tmp, "control-conffiles")
        run(["dpkg-deb", "-e", self.deb, ctl])
        with open(os.path.join(ctl, "conffiles")) as f:
            conffiles = f.read().split()
        with open(os.path.join(ROOT, "packaging", "deb", "conffiles")) as f:
            self.assertEqual(conffiles, f.read().split())
        self.assertTrue(conffiles)
        for path in conffiles:
            self.assertIn(path, regular, "conffile %s is not a file in %s"
                          % (path, os.path.basename(self.deb)))

    def test_plain_cpack_refuses_another_prefix(self):
        r = subprocess.run(["cpack", "-G", "DEB"], cwd=self.build,
                           capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0, r.stdout)
        said = " ".join((r.stdout + r.stderr).split())   # CMake wraps lines
        self.assertIn("needs a build configured with "
                      "-DCMAKE_INSTALL_PREFIX=/usr", said)
        self.assertIn("--target deb", said)
        self.assertEqual([f for f in os.listdir(self.build)
                          if f.endswith(".deb")], [os.path.basename(self.deb)])

    def test_control(self):
        fields = {}
        for name in ("Package", "Version", "Architecture", "Depends",
                     "Maintainer", "Description", "Section", "Priority"):
            fields[name] = run(["dpkg-deb", "-f", self.deb, name]).strip()
        self.assertEqual(fields["Package"], "decorumd")
        self.assertRegex(fields["Version"], r"^\d+\.\d+\.\d+$")
        self.assertEqual(fields["Architecture"],
                         run(["dpkg", "--print-architecture"]).strip())
        # from dpkg-shlibdeps: every library decorumd links
        for lib in ("libc6", "libevent-2.1-7", "libevent-pthreads-2.1-7",
                    "libpcre2-8-0", "libconfig9", "libjansson4",
                    "libutf8proc2", "libsystemd0"):
            self.assertIn(lib, fields["Depends"])
        self.assertIn("@", fields["Maintainer"])
        ctl = os.path.join(self.tmp, "control")
        run(["dpkg-deb", "-e", self.deb, ctl])
        with open(os.path.join(ctl, "conffiles")) as f:
            conffiles = f.read().split()
        self.assertEqual(sorted(conffiles), ["/etc/decorumd/decorumd.conf",
                                             "/etc/logrotate.d/decorumd"])
        for script in ("postinst", "prerm", "postrm"):
            path = os.path.join(ctl, script)
            self.assertTrue(os.access(path, os.X_OK), script)
            run(["sh", "-n", path])
        with open(os.path.join(ctl, "postinst")) as f:
            postinst = f.read()
        self.assertIn("systemd-sysusers", postinst)
        self.assertIn("systemd-tmpfiles", postinst)
        self.assertIn('deb-systemd-helper enable "$unit"', postinst)

    def test_lintian(self):
        if not shutil.which("lintian"):
            self.skipTest("lintian is not installed (not installed on purpose)")
        r = subprocess.run(["lintian", "--no-tag-display-limit", self.deb],
                           capture_output=True, text=True)
        errors = [l for l in r.stdout.splitlines() if l.startswith("E:")]
        self.assertEqual(errors, [], r.stdout)

    def test_installed_binary_runs(self):
        root = os.path.join(self.tmp, "root")
        run(["dpkg", "-x", self.deb, root])
        decorumd = os.path.join(root, "usr/sbin/decorumd")
        conf = os.path.join(root, "etc/decorumd/decorumd.conf")
        rules = os.path.join(root, "usr/share/decorumd/rules")
        # the built-in paths point at the real system locations
        out = run([decorumd, "-h"])
        self.assertIn("/etc/decorumd/decorumd.conf", out)
        self.assertIn('rules_dir = "/usr/share/decorumd/rules"', out)
        # the installed config and rules check clean
        out = run([decorumd, "-t", "-c", conf, "-R", rules])
        self.assertIn("0 errors", out)
        # a site overlay (local_rules_dir) replaces a shipped file
        overlay = os.path.join(self.tmp, "rules.d")
        os.makedirs(overlay)
        with open(os.path.join(overlay, "profanity.conf"), "w") as f:
            f.write('name = "profanity";\ncategory = "profanity";\n'
                    'rules = ( { id = "site.only"; words = ["zorblax"]; } );\n')
        sock = os.path.join(self.tmp, "d.sock")
        site_conf = os.path.join(self.tmp, "site.conf")
        with open(conf) as f:
            text = f.read()
        text = text.replace('"/etc/decorumd/rules.d"', '"%s"' % overlay)
        text = text.replace('"/usr/share/decorumd/rules"', '"%s"' % rules)
        text = text.replace('"/run/decorumd/decorumd.sock"', '"%s"' % sock)
        with open(site_conf, "w") as f:
            f.write(text)
        p = subprocess.Popen([decorumd, "-c", site_conf],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            import time
            deadline = time.monotonic() + 30
            while not os.path.exists(sock):
                self.assertIsNone(p.poll(), p.stderr.read().decode()
                                  if p.poll() is not None else "")
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.01)
            with Client(sock) as c:
                a = c.ask({"id": 1, "text": "what a zorblax"})
                self.assertEqual(a["decision"], "reject")
                self.assertEqual(a["reasons"][0]["rule"], "site.only")
                self.assertEqual(c.ask({"text": "you are an idiot"})["decision"],
                                 "reject")
        finally:
            p.terminate()
            rc = p.wait(30)
            p.stderr.close()
        self.assertEqual(rc, 0)
        # the man pages are readable roff
        if shutil.which("groff"):
            import gzip
            for page in ("man8/decorumd.8.gz", "man5/decorumd.conf.5.gz"):
                with gzip.open(os.path.join(root, "usr/share/man", page)) as f:
                    src = f.read()
                r = subprocess.run(["groff", "-man", "-Tutf8", "-z", "-ww"],
                                   input=src, capture_output=True)
                self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    run_tests()
