#!/usr/bin/env python3
"""Man pages: decorumd.conf(5) is generated from the settings table of
daemon/engine/config.c and lists every setting; all pages format without
warnings."""
import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import DECORUMD, ROOT, run_tests  # noqa: E402

MAN_SRC = os.path.join(ROOT, "daemon", "man")
CONF_MAN = os.path.join(os.path.dirname(DECORUMD), "man", "decorumd.conf.5")


def settings_in_config_c():
    with open(os.path.join(ROOT, "daemon", "engine", "config.c"), encoding="utf-8") as f:
        text = f.read()
    table = text[text.index("static const struct setting settings[]"):]
    table = table[:table.index("};")]
    return re.findall(r'\{\s*"([a-z0-9_.]+)",\s*SET_', table)


class ManTest(unittest.TestCase):
    def test_every_setting_in_decorumd_conf_5(self):
        names = settings_in_config_c()
        self.assertGreater(len(names), 10)
        with open(CONF_MAN, encoding="utf-8") as f:
            page = f.read()
        documented = re.findall(r"^\.TP\n\.B (\S+)\n", page, re.M)
        documented = [d.replace("\\-", "-") for d in documented]
        for n in names:
            self.assertIn(n, documented, "%s missing from decorumd.conf(5)" % n)
        self.assertNotIn("@SETTINGS@", page)
        self.assertNotIn("@VERSION@", page)

    def test_dump_matches_help(self):
        """-h and the man page come from the same table."""
        helptext = subprocess.run([DECORUMD, "-h"], capture_output=True,
                                  text=True, check=True).stdout
        for n in settings_in_config_c():
            self.assertRegex(helptext, r"(?m)^%s = " % re.escape(n))

    @unittest.skipUnless(shutil.which("groff"), "groff not installed")
    def test_pages_format_cleanly(self):
        for page in (os.path.join(MAN_SRC, "decorumd.8"),
                     os.path.join(MAN_SRC, "decorumctl.1"), CONF_MAN):
            r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stderr.strip(), "", "%s: %s" % (page, r.stderr))

    def test_decorumctl_commands_documented(self):
        with open(os.path.join(MAN_SRC, "decorumctl.1"), encoding="utf-8") as f:
            page = f.read()
        for cmd in ("check", "replay", "reload", "policies", "bench", "learn",
                    "tune"):
            self.assertRegex(page, r"(?m)^\.B %s$" % cmd)


if __name__ == "__main__":
    run_tests()
