"""Compiled regular expressions kept between runs of the command line.

Python's `re` compiles a pattern in Python code: it parses it, then optimises each character
class, and a class of Chinese characters ([\\u4e00-\\u9fff]) is a loop over 21,000 code points.
The rules, the parsers and the data tables make about 300 patterns, and compiling them was a
third of a one-report run (≈ 50 of 150 ms). What `re` makes of a pattern is a list of integers
for its C matcher, the same every time for one Python build; this module keeps those lists
in the user's cache (beside the rule files' copies, yamlfile.cache_dir) and hands them to
the matcher on the next run, which then does no compiling at all.

It replaces the function `re` calls on a miss of its own in-process cache (re._compiler.
compile, a private one), so it is installed only by the command line (`cli.Group.main`),
never by `import lintreport`, and only on the Pythons whose compile() it repeats (3.11 to
3.13, the same there); a missing, stale or damaged cache file means compiling as usual.
"""
from __future__ import annotations

import atexit
import sys
from array import array

from . import marshalstore      # light: json and safewrite only when used


MAX_ENTRIES = 4000      # a user's rules add patterns; past this the file is started afresh
PYTHONS = ((3, 11), (3, 14))    # re._compiler.compile as repeated below, from and before
_state: dict = {}


def path() -> str | None:
    return marshalstore.path("regex", f"{sys.hexversion:x}")


def install() -> None:
    """Serve compiled patterns from the cache in this process, and keep new ones at exit."""
    if _state or sys.implementation.name != "cpython" or \
            not PYTHONS[0] <= sys.version_info[:2] < PYTHONS[1]:
        return
    import _sre
    import re._compiler as compiler
    import re._parser as parser
    if array("I").itemsize != _sre.CODESIZE:
        return
    file = path()
    if file is None:
        return
    original = compiler.compile
    store = _read(file, _sre.MAGIC)
    used: set = set()
    _state.update(file=file, store=store, used=used, new=False, magic=_sre.MAGIC)

    def compile(p, flags=0):
        if not isinstance(p, str) or flags & compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        used.add(key)
        entry = store.get(key)
        if entry is None:
            if not ours(sys._getframe(1)):
                return original(p, flags)
            tree = parser.parse(p, flags)
            code = array("I", compiler._code(tree, flags)).tobytes()   # quick to read back
            index = [None] * tree.state.groups
            for name, i in tree.state.groupdict.items():
                index[i] = name
            entry = (int(flags | tree.state.flags), code, tree.state.groups - 1,
                     dict(tree.state.groupdict), tuple(index))
            store[key] = entry
            _state["new"] = True
        try:
            return _sre.compile(p, entry[0], array("I", entry[1]).tolist(), *entry[2:])
        except (RuntimeError, TypeError, ValueError, IndexError):   # damaged: compile anew
            store.pop(key, None)
            return original(p, flags)

    compiler.compile = compile
    atexit.register(save)


def ours(frame) -> bool:
    """Whether the pattern is compiled for lintreport: by its modules, rules and data, or by
    a module its code imports or calls (json's, platform's, gettext's, fnmatch's of our globs:
    the same on every run). What a test session or a library compiles on its own is not kept
    (it would grow the file every run has to read)."""
    while frame is not None:
        if frame.f_globals.get("__name__", "").partition(".")[0] == "lintreport":
            return True
        frame = frame.f_back
    return False


def _read(file: str, magic: int) -> dict:
    return marshalstore.read(file, "magic", magic, "patterns")


def save() -> None:
    """Write the patterns of this run (and those kept before) if any were new."""
    if _state:
        marshalstore.write(_state, "magic", _state["magic"], "patterns", MAX_ENTRIES)
