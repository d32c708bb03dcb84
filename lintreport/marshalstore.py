"""The file each command-line cache of compiled things keeps (regexcache: patterns,
codecache: dataclasses' code): one marshal dict, {stamp key: stamp, items key: {...}}, in the
user's cache folder; read whole, and written atomically only when a run added to it, trimmed
to what that run used once it holds more than its limit."""
from __future__ import annotations

import marshal
import os
import sys


def path(prefix: str, tag: str) -> str | None:
    from .yamlfile import cache_dir
    folder = cache_dir()
    return os.path.join(folder, f"{prefix}-{sys.implementation.cache_tag}-{tag}.marshal") \
        if folder else None


def read(file: str, stamp_key: str, stamp, items_key: str, valid=None, trusted=None) -> dict:
    """The items of the file if its stamp is `stamp` (and `valid(items)`, and `trusted` of
    its fstat); else, or when it is missing or damaged, none."""
    try:
        with open(file, "rb") as f:
            if trusted is not None and not trusted(os.fstat(f.fileno())):
                return {}
            data = marshal.loads(f.read())     # load(f) reads item by item: 10× slower
        items = data.get(items_key) if isinstance(data, dict) else None
        if data.get(stamp_key) == stamp and isinstance(items, dict) and \
                (valid is None or valid(items)):
            return items
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        pass
    return {}


def write(state: dict, stamp_key: str, stamp, items_key: str, limit: int) -> None:
    """Write state's store if the run added to it (state["new"]), atomically: a parallel run
    reads the old file or the new one, never half of one."""
    if not state.get("new"):
        return
    store = state["store"]
    if len(store) > limit:
        store = {k: store[k] for k in state["used"] if k in store}
    try:
        content = marshal.dumps({stamp_key: stamp, items_key: store})
    except ValueError:
        return
    from .yamlfile import keep
    keep(state["file"], content)
    state["new"] = False
