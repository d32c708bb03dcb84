"""The compiled methods of our dataclasses, kept between runs of the command line.

`dataclasses` writes the source of each class's __init__, __repr__, __eq__, __hash__,
__setattr__ … and compiles it with exec() when the class is defined: the ~36 record classes
a one-report run defines make ~180 functions, and compiling them was ~19 of ~185 ms. The
source is the same on every run and what compile() makes of it is the same for one Python
build, so this module keeps the code objects (marshal, as .pyc files do) in the user's cache,
beside the patterns of regexcache, and hands them to exec() on the next run: the classes are
built by dataclasses as before, from the same code, only not compiled again.

Like regexcache it is installed only by the command line, on the Pythons whose dataclasses
call exec() with the source text (3.11 to 3.13), and keeps only what lintreport's modules
define; a missing, stale or damaged file means compiling as usual.
"""
import atexit
import builtins
import os
import sys

from . import marshalstore

MAX_ENTRIES = 2000      # functions; past this the file is started afresh with those in use
PYTHONS = ((3, 11), (3, 14))
_state: dict = {}


def path():
    return marshalstore.path("dataclass", f"{sys.hexversion:x}-O{sys.flags.optimize}")


def install() -> None:
    """Serve dataclasses' generated code from the cache in this process; keep new code at exit."""
    if _state or sys.implementation.name != "cpython" or \
            not PYTHONS[0] <= sys.version_info[:2] < PYTHONS[1]:
        return
    import dataclasses
    if "exec" in dataclasses.__dict__:      # someone else's replacement: leave it
        return
    file = path()
    if file is None:
        return
    store = _read(file)
    used: set = set()
    _state.update(file=file, store=store, used=used, new=False)

    def cached_exec(source, globals=None, locals=None):
        if type(source) is not str:
            return builtins.exec(source, globals, locals)
        code = store.get(source)
        if code is None:
            # as exec(source) compiles it: "<string>", and none of this module's flags
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if ours(sys._getframe(1)):
                store[source] = code
                _state["new"] = True
        used.add(source)
        return builtins.exec(code, globals, locals)

    dataclasses.exec = cached_exec      # a module global: found before the builtin
    atexit.register(save)


def ours(frame) -> bool:
    """Whether the class is one of lintreport's, past dataclasses' own functions."""
    while frame is not None and frame.f_globals.get("__name__") == "dataclasses":
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "lintreport"


CODE = type(path.__code__)     # (compile() here would start up the compiler: ~1 ms)


def trusted(st) -> bool:
    """Whether a cache file may hand us code: the user's own and not writable by everyone (a
    cache folder shared through XDG_CACHE_HOME must not let others run code in our runs).
    Group write is allowed: with a umask of 002 (a group of one's own, Debian's default for
    users) our own files have it."""
    if not hasattr(os, "getuid"):      # no POSIX owners (Windows): the folder's ACLs decide
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o002


def _read(file: str) -> dict:
    return marshalstore.read(file, "version", sys.hexversion, "functions",
                             lambda items: all(type(v) is CODE for v in items.values()), trusted)


def save() -> None:
    """Write the code of this run (and that kept before) if any was new."""
    if _state:
        marshalstore.write(_state, "version", sys.hexversion, "functions", MAX_ENTRIES)
