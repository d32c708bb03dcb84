"""The command line's cache of compiled patterns (regexcache): a pattern served from it is the
pattern `re` compiles, matching the same; the second run compiles nothing; a damaged file is
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
    ("[\\u4e00-\\u9fff]{2,8}?(?:省|市|县|区|镇|乡|街道)", 0),
    ("(?P<year>20\\d{2})\\s*年(?P<month>\\d{1,2})月", 0),
    ("(?<![A-Za-z])law(?:s)?", 2),              # re.IGNORECASE
    ("^(?:一|二|三)、.*$", 8),                    # re.MULTILINE
    ("[^\\x00-\\x7f]+", 256),                   # re.ASCII
    ("(法)(治)?(政府)", 0),
]
SAMPLE = "2024年3月，某市某县某镇依法行政。\n二、法治政府 LAWS and law\n三、法政府"

SCRIPT = """
import json, re, sys
hook = sys.argv[1] == "hook"
if hook:
    from lintreport import regexcache
    regexcache.install()
    import re._parser as parser
    real, parses = parser.parse, []
    parser.parse = lambda *a, **k: parses.append(a[0]) or real(*a, **k)
out = []
for p, flags in json.loads(sys.argv[2]):
    c = re.compile(p, flags)
    out.append([c.pattern, c.flags, c.groups, dict(c.groupindex),
                [(m.span(), m.groups()) for m in c.finditer(sys.argv[3])]])
if hook:
    from lintreport import regexcache
    regexcache.save()
    out.append(len([p for p in parses if p in {q for q, _ in json.loads(sys.argv[2])}]))
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
    assert first[:-1] == plain and second[:-1] == plain
    assert first[-1] == len(PATTERNS) and second[-1] == 0     # the second run parsed none
    assert any(m for *_, m in plain)                         # the patterns did match


def test_a_damaged_cache_is_ignored(tmp_path):
    plain = run(tmp_path, "plain")
    run(tmp_path, "hook")
    [file] = (tmp_path / "cache").rglob("regex-*")
    file.write_bytes(file.read_bytes()[:100])
    assert run(tmp_path, "hook")[:-1] == plain
    file.write_bytes(b"not marshal at all")
    assert run(tmp_path, "hook")[:-1] == plain


def test_the_library_leaves_re_alone():
    code = ("import re._compiler as c; f = c.compile; import lintreport, lintreport.engine; "
            "print(c.compile is f)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "True", out.stderr
