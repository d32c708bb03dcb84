"""The command line's cache of compiled patterns (regexcache): a pattern served from it is the
pattern `re` compiles, matching the same; the second run compiles none; a damaged file is
ignored; and importing lintreport as a library leaves `re` alone."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not (3, 11) <= sys.version_info[:2] < (3, 14),
                                reason="regexcache works on Python 3.11 to 3.13 only")

PATTERNS = [
    "[\\u4e00-\\u9fff]{2,8}?(?:省|市|县|区|镇|乡|街道)",
    "(?P<year>20\\d{2})\\s*年(?P<month>\\d{1,2})月",
    "(?i)(?<![A-Za-z])law(?:s)?",
    "(?m)^(?:一|二|三)、.*$",
    "(?a)[^\\x00-\\x7f]+",
    "(法)(治)?(政府)",
]
SAMPLE = "2024年3月，某市某县某镇依法行政。\n二、法治政府 LAWS and law\n三、法政府"

SCRIPT = """
import json, re, sys
hook = sys.argv[1] == "hook"
if hook:
    from lintreport import regexcache
    regexcache.install()
    import re._compiler as compiler
    real, compiled = compiler._code, []
    compiler._code = lambda *a: compiled.append(1) or real(*a)
from lintreport.checklist import compile_patterns     # compiled from lintreport: kept
out = []
if hook:
    compiled.clear()
for c in compile_patterns(json.loads(sys.argv[2]), "test"):
    out.append([c.pattern, c.flags, c.groups, dict(c.groupindex),
                [(m.span(), m.groups()) for m in c.finditer(sys.argv[3])]])
re.compile("(?:not|ours)+x")                          # compiled here: not kept
if hook:
    from lintreport import regexcache
    regexcache.save()
    out.append(len(compiled) - 1)                      # less the one not kept
    out.append(sorted(k[0] for k in regexcache._state["store"] if "ours" in k[0]))
print(json.dumps(out, ensure_ascii=False))
"""


def run(tmp_path, mode: str):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("LINTREPORT_NO_CACHE", None)
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode, json.dumps(PATTERNS), SAMPLE],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_cached_pattern_is_the_pattern_re_compiles(tmp_path):
    plain = run(tmp_path, "plain")
    first = run(tmp_path, "hook")
    second = run(tmp_path, "hook")
    assert first[:-2] == plain and second[:-2] == plain
    assert first[-2] == len(PATTERNS) and second[-2] == 0     # the second compiled none
    assert first[-1] == second[-1] == []                      # only lintreport's are kept
    assert any(m for *_, m in plain)                         # the patterns did match


def test_a_damaged_cache_is_ignored(tmp_path):
    plain = run(tmp_path, "plain")
    run(tmp_path, "hook")
    [file] = (tmp_path / "cache").rglob("regex-*")
    file.write_bytes(file.read_bytes()[:100])
    assert run(tmp_path, "hook")[:-2] == plain
    file.write_bytes(b"not marshal at all")
    assert run(tmp_path, "hook")[:-2] == plain


def test_the_library_leaves_re_alone():
    code = ("import re._compiler as c; f = c.compile; import lintreport, lintreport.engine; "
            "print(c.compile is f)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "True", out.stderr
