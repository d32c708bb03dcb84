"""Reading YAML safely (never a Python tag), with a JSON copy in the user's cache so that a
check of one report does not parse 100 KB of rules again (PyYAML's import and parse are a
third of a short run). JSON cannot carry code; the copy is used only while the YAML file's
size and modification time are unchanged, and any problem with it means: parse the YAML.
"""
from __future__ import annotations

import datetime
import os
import zlib

from .version import VERSION
from .errors import ConfigError


def cache_dir() -> str | None:
    if os.environ.get("LINTREPORT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "lintreport", VERSION)


def _encode(value):
    if isinstance(value, datetime.date):
        return {"__date__": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(obj: dict):
    if len(obj) == 1 and "__date__" in obj:
        return datetime.date.fromisoformat(obj["__date__"])
    return obj


# A YAML file expands to this many nodes at most once its aliases are followed. The rule
# files have a few thousand; a 600-byte "billion laughs" of nested aliases has hundreds of
# millions, and is refused from its events, before anything is expanded.
MAX_NODES = 500_000
MAX_CACHE = 4 * 1024 * 1024     # bytes of JSON; a larger copy is not kept
MAX_YAML = 8 * 1024 * 1024      # characters of a configuration or rule file


def expanded_nodes(text: str, loader) -> int:
    """How many nodes the YAML text would have with every alias expanded, counted from the
    parser's events (aliases are counted, not copied)."""
    import yaml
    sizes: dict[str, int] = {}      # anchor → size of its node
    stack: list[list] = []          # [anchor, size so far] of each open collection
    total = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([event.anchor, 1])
            continue
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, size = stack.pop()
            if anchor:
                sizes[anchor] = size
        else:
            continue
        if stack:
            stack[-1][1] += size
        else:
            total += size
        if total + sum(s for _, s in stack[-1:]) > MAX_NODES:
            break
    return total + sum(s for _, s in stack)


def parse(path: str):
    """Parse a YAML file with the safe loader; errors name the file and line."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read(MAX_YAML + 1)
        if len(text) > MAX_YAML:
            raise ConfigError(f"{path}: 文件过大（超过{MAX_YAML // 1048576} MB），不像配置或规则文件")
        if "*" in text and expanded_nodes(text, loader) > MAX_NODES:
            raise ConfigError(f"{path}: YAML 中的别名（*名称）展开后过大（超过{MAX_NODES}个节点），"
                              "疑似“别名炸弹”，拒绝读取")
        return yaml.load(text, Loader=loader)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取：{exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: 不是UTF-8编码的文本") from exc
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" 第{where.line + 1}行" if where else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise ConfigError(f"{path}:{at} YAML格式错误：{problem}") from exc


def stamps(files) -> list[int]:
    """The size and modification time of each file: a cached copy is used while they match."""
    out = []
    try:
        for file in files:
            st = os.stat(file)
            out += [st.st_size, st.st_mtime_ns]
    except OSError as exc:
        raise ConfigError(f"{exc.filename or file}: 无法读取：{exc.strerror}") from exc
    return out


class Depends:
    """The files a validated copy depends on, stamped once for the many files one checklist
    reads (its rule files all depend on the same code)."""

    def __init__(self, files):
        self.stamp = stamps(files)


def load(path: str, validate=None, depends=(), reader=None):
    """The data of a YAML file, from the cache when the file is unchanged. `validate(data)`
    raises for data that must not be used; the cache is written only after it passed, so
    data from a validated copy need not be validated again while the code that validated it
    is unchanged too: the size and time of each file in `depends` (a list of files, or a
    Depends that stamped them) join the file's own. `reader(path)` reads a file that is not
    YAML (config.py: the [tool.lintreport] table of a pyproject.toml)."""
    folder = cache_dir()
    stamp = stamps([path]) + (depends.stamp if isinstance(depends, Depends) else stamps(depends))
    full = os.path.abspath(path)
    key = f"{os.path.basename(full)}-{zlib.crc32(full.encode('utf-8')):08x}"
    if validate is not None:        # never the copy of a reader that did not validate
        key += "-checked"
    if reader is not None:
        key += f"-{reader.__name__}"
    cached = os.path.join(folder, key + ".json") if folder else None
    if cached:
        import json     # here: regexcache imports this module before it can keep json's patterns
        try:
            if os.path.getsize(cached) <= MAX_CACHE:
                with open(cached, encoding="utf-8") as f:
                    entry = json.load(f, object_hook=_decode)
                if entry.get("stamp") == stamp:
                    return entry["data"]
        except (OSError, ValueError, AttributeError):
            pass
    data = (reader or parse)(path)
    if validate is not None:
        validate(data)
    if cached:
        _store(cached, stamp, data)
    return data


def _store(cached: str, stamp: list, data) -> None:
    """Keep a JSON copy, size-capped."""
    import json
    try:
        text = json.dumps({"stamp": stamp, "data": data}, ensure_ascii=False, default=_encode)
    except (TypeError, ValueError, RecursionError):
        return                      # odd values: no copy, just slower
    if len(text) <= MAX_CACHE:
        keep(cached, text.encode("utf-8"))


def keep(cached: str, content: bytes) -> None:
    """Write a file of the cache atomically (parallel workers never read half a file, no
    temporary file is left behind); failing only means no cache."""
    from .safewrite import write_bytes      # tempfile and its imports: only when writing
    try:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        write_bytes(cached, content)
    except OSError:
        pass                        # no cache (read-only home, full disk): just slower
