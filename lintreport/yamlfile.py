"""Reading YAML safely (never a Python tag), with a JSON copy in the user's cache so that a
check of one report does not parse 100 KB of rules again (PyYAML's import and parse are a
third of a short run). JSON cannot carry code; the copy is used only while the YAML file's
size and modification time are unchanged, and any problem with it means: parse the YAML.
"""
from __future__ import annotations

import datetime
import json
import os
import zlib

from . import __version__
from .errors import ConfigError


def cache_dir() -> str | None:
    if os.environ.get("LINTREPORT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "lintreport", __version__)


def _encode(value):
    if isinstance(value, datetime.date):
        return {"__date__": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(obj: dict):
    if len(obj) == 1 and "__date__" in obj:
        return datetime.date.fromisoformat(obj["__date__"])
    return obj


def parse(path: str):
    """Parse a YAML file with the safe loader; errors name the file and line."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=loader)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取：{exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: 不是UTF-8编码的文本") from exc
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" 第{where.line + 1}行" if where else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise ConfigError(f"{path}:{at} YAML格式错误：{problem}") from exc


def load(path: str):
    """The data of a YAML file, from the cache when the file is unchanged."""
    folder = cache_dir()
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取：{exc.strerror}") from exc
    stamp = [st.st_size, st.st_mtime_ns]
    full = os.path.abspath(path)
    key = f"{os.path.basename(full)}-{zlib.crc32(full.encode('utf-8')):08x}"
    cached = os.path.join(folder, key + ".json") if folder else None
    if cached:
        try:
            with open(cached, encoding="utf-8") as f:
                entry = json.load(f, object_hook=_decode)
            if entry.get("stamp") == stamp:
                return entry["data"]
        except (OSError, ValueError, AttributeError):
            pass
    data = parse(path)
    if cached:
        try:
            os.makedirs(folder, exist_ok=True)
            tmp = f"{cached}.{os.getpid()}"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump({"stamp": stamp, "data": data}, f, ensure_ascii=False, default=_encode)
            os.replace(tmp, cached)     # atomic: parallel workers never read half a file
        except (OSError, TypeError, ValueError):
            pass                        # no cache (read-only home, odd values): just slower
    return data
