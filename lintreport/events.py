"""Dated tables (rules/data/events.yaml, or a user's file of the same shape): events with
their dates and periods with their start and end, each with the patterns that name it.
Loaded and checked once: a broken entry is a configuration error naming the file."""
from __future__ import annotations

import datetime
import os
import re
from functools import lru_cache

from .data import load_data
from .errors import ConfigError
from .yamlfile import load as load_yaml

EVENT_KEYS = ("name", "patterns", "date", "source")
PERIOD_KEYS = ("name", "patterns", "start", "end", "source")


@lru_cache(maxsize=8)
def dated_table(name: str):
    """(events, periods) of a dated table, checked, with dates as datetime.date and each
    entry's patterns compiled into one regex."""
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        path, data = name, load_yaml(name)
    else:
        path, data = f"rules/data/{name}.yaml", load_data(name)
    data = data or {}
    events, periods = [], []
    for kind, keys, out in (("events", EVENT_KEYS, events), ("periods", PERIOD_KEYS, periods)):
        for i, entry in enumerate(data.get(kind) or [], 1):
            missing = [k for k in keys if not isinstance(entry, dict) or k not in entry]
            if missing:
                raise ConfigError(f"{path}: {kind} 第{i}条缺少“{'、'.join(missing)}”")
            try:
                regex = re.compile("|".join(f"(?:{p})" for p in entry["patterns"]))
            except re.error as exc:
                raise ConfigError(f"{path}: {kind} “{entry['name']}”的正则无效:{exc}") from exc
            extra = {"date": as_date(entry["date"])} if kind == "events" else {}
            out.append({**entry, **extra, "regex": regex})
    return events, periods


def as_date(value) -> datetime.date:
    """2022-10-16, "2022-10" or 2022 from the YAML table as a date."""
    if isinstance(value, datetime.date):
        return value
    parts = [int(x) for x in str(value).split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])
