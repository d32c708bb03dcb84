"""The command line's cache of dataclasses' generated code (codecache): a class built from the
cache has byte for byte the code (marshal) dataclasses compiles, the same signature, doc and
behaviour; the second run compiles nothing; a class not of lintreport is not kept; a damaged
file is ignored; and importing lintreport as a library leaves dataclasses alone."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not (3, 11) <= sys.version_info[:2] < (3, 14),
                                reason="codecache works on Python 3.11 to 3.13 only")

SCRIPT = """
import builtins, dataclasses, hashlib, importlib, inspect, json, marshal, sys
hook = sys.argv[1] == "hook"
compiled = []
if hook:
    from lintreport import codecache
    codecache.install()
    codecache.compile = lambda *a, **k: compiled.append(1) or builtins.compile(*a, **k)
out = {}
for name in ("lintreport.finding", "lintreport.model", "lintreport.engine.record",
             "lintreport.document", "lintreport.config", "lintreport.read"):
    module = importlib.import_module(name)
    for cls in vars(module).values():
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)) or cls.__module__ != name:
            continue
        made = {k: hashlib.sha256(marshal.dumps(f.__code__)).hexdigest() + repr(f.__annotations__)
                for k, f in sorted(vars(cls).items())
                if callable(f) and getattr(getattr(f, "__code__", None), "co_filename", "") == "<string>"}
        out[f"{name}.{cls.__name__}"] = [made, str(inspect.signature(cls)), cls.__doc__]
from lintreport.finding import Finding, Fix, Related, Severity
a = Finding("a.txt", 3, 1, "R001", 3, 5, "c", Severity.ERROR, "m", "s", (Related("b", 1),),
            "e", Fix(3, 1, 2, "x"))
b = dataclasses.replace(a, line=4)
try:
    a.line = 9
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
out["behaviour"] = [repr(a), a == b, a < b, hash(a) == hash(dataclasses.replace(b, line=3)),
                    frozen, repr(Fix(1, 2, 3, "y"))]

@dataclasses.dataclass
class Local:
    not_ours_marker: int = 0
out["local"] = repr(Local(1))
if hook:
    codecache.save()
    out["compiled"] = len(compiled)
    out["kept_local"] = any("not_ours_marker" in k for k in codecache._state["store"])
print(json.dumps(out, ensure_ascii=False))
"""


def run(tmp_path, mode: str) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("LINTREPORT_NO_CACHE", None)
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_class_from_the_cache_is_the_class_dataclasses_builds(tmp_path):
    plain = run(tmp_path, "plain")
    first = run(tmp_path, "hook")
    second = run(tmp_path, "hook")
    assert len(plain) > 10 and all(v[0] for k, v in plain.items() if k.startswith("lintreport."))
    for got in (first, second):
        assert {k: v for k, v in got.items() if k in plain} == plain
    # the second compiles only Local's __init__, __repr__ and __eq__ (not kept)
    assert first["compiled"] > 20 and second["compiled"] == 3
    assert plain["behaviour"][1:] == [False, True, True, True, "Fix(line=1, column=2, end_column=3, replacement='y')"]
    assert first["kept_local"] is second["kept_local"] is False


def test_a_damaged_cache_is_ignored(tmp_path):
    plain = run(tmp_path, "plain")
    run(tmp_path, "hook")
    [file] = (tmp_path / "cache").rglob("dataclass-*")
    file.write_bytes(file.read_bytes()[:100])
    got = run(tmp_path, "hook")
    assert {k: v for k, v in got.items() if k in plain} == plain
    file.write_bytes(b"not marshal at all")
    got = run(tmp_path, "hook")
    assert {k: v for k, v in got.items() if k in plain} == plain and got["compiled"] > 20


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_cache_anyone_may_write_is_not_run(tmp_path):
    """Code is run from the cache only if the file is the user's and not writable by all."""
    plain = run(tmp_path, "plain")
    run(tmp_path, "hook")
    [file] = (tmp_path / "cache").rglob("dataclass-*")
    assert run(tmp_path, "hook")["compiled"] == 3           # used: only Local compiled
    os.chmod(file, 0o666)
    got = run(tmp_path, "hook")
    assert {k: v for k, v in got.items() if k in plain} == plain and got["compiled"] > 20


def test_the_library_leaves_dataclasses_alone():
    code = "import dataclasses, lintreport, lintreport.engine; print('exec' in vars(dataclasses))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
