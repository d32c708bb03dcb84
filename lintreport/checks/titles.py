"""The register of laws and central documents (rules/data/citations.yaml) and the titles a
line cites: each 《…》 title in a comparable form (key), its document type, and every spelling
the register accepts for an entry. What the citation checks compare with.
"""
from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import hanzi, yamlfile
from ..data import data_path
from ..hanzi import fold

PREFIX = "中华人民共和国"
ISSUERS = re.compile(r"^(中共中央|国务院|中共中央办公厅|国务院办公厅|中共中央、国务院|"
                     r"中共中央办公厅、国务院办公厅)(?=关于)")
# A local document starts with a place: 垫江县…, 中共河市镇委员会…, 甘肃省司法厅…
LOCAL = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,8}?"
                   r"(?:省|自治区|市|自治州|州|地区|盟|县|旗|区|镇|乡|街道|村|社区)")
NATIONAL = ("中华人民共和国", "中共中央", "国务院", "全国人", "最高人民", "中央")
TYPES = ("法典", "条例", "规定", "办法", "细则", "决定", "意见", "纲要", "规划", "方案", "通知",
         "计划", "规则", "准则", "法")
EDITION = re.compile(r"\((?:\d{4}年?(?:修订|修正)?(?:版|本|文本)?|全文|试行稿)\)$")
TITLE_MARKS = re.compile("[《〈》〉]")
PERIOD = re.compile(r"\((\d{4})年?—(\d{4})年?\)")


def key(title: str) -> str:
    """A comparable form: half-width, no spaces, quotes or 、, one kind of dash, no 年 in periods."""
    s = fold(title)
    s = re.sub(r"[\s\"'“”‘’「」『』、·•]", "", s)
    s = re.sub(r"[-–—―~]+", "—", s)
    s = re.sub(r"(\d{4})年?至(\d{4})", r"\1—\2", s)
    s = PERIOD.sub(r"(\1—\2)", s)
    return s


@lru_cache(maxsize=4096)
def doc_type(k: str) -> str | None:
    """The kind of document a title names (法, 条例, 意见…), from its last word."""
    k = re.sub(r"(\([^()]*\))+$", "", k)
    return next((t for t in TYPES if k.endswith(t)), None)


@dataclass(frozen=True)
class Entry:
    """One registered document: its full title, kind, dates, and what replaced it."""
    title: str
    kind: str
    issued: datetime.date
    effective: datetime.date
    revised: datetime.date | None
    superseded_by: str | None
    superseded: datetime.date | None


FIELDS = ("title", "kind", "issued", "effective", "revised", "superseded_by", "superseded")


def keyed(data) -> dict:
    """The register as the checks compare with it: each entry's fields, every accepted
    spelling's key → the entry's index (first spelling wins), each key's document type, the
    keys of the accepted unregistered titles. The ~200 keys cost ~3 ms to work out; this is
    what the cache keeps (keyed_file), with the Unicode version NFKC folded them by."""
    names: dict[str, int] = {}
    entries = []
    for i, e in enumerate(data["entries"]):
        entries.append([e["title"], e["kind"], e["issued"], e.get("effective", e["issued"]),
                        e.get("revised"), e.get("superseded_by"), e.get("superseded")])
        spellings = [e["title"], *e.get("short", [])]
        if e["title"].startswith(PREFIX):
            spellings.append(e["title"][len(PREFIX):])
        m = ISSUERS.match(e["title"])
        if m:
            spellings.append(e["title"][m.end():])
        for spelling in spellings:
            names.setdefault(key(spelling), i)
    return {"unicode": unicodedata.unidata_version, "entries": entries, "names": names,
            "types": {k: doc_type(k) for k in names},
            "accepted": sorted({key(a) for a in data.get("accepted", [])})}


def keyed_file(path: str) -> dict:
    """keyed() of a register file (yamlfile.load's reader: its copy is kept keyed)."""
    return keyed(yamlfile.parse(path))


def valid(table) -> None:
    """What register() reads of a keyed table, checked before a copy of it is kept."""
    n = len(table["entries"])
    if not (all(isinstance(e, list) and len(e) == len(FIELDS) for e in table["entries"])
            and all(type(i) is int and 0 <= i < n for i in table["names"].values())
            and set(table["types"]) == set(table["names"]) and isinstance(table["accepted"], list)):
        raise ValueError("keyed register")


@lru_cache(maxsize=4)
def register(name: str = "citations"):
    """(names, forms, accepted, by_kind): every accepted spelling → Entry; the spellings to
    compare misquoted titles with (without the 中华人民共和国 prefix), with their document
    type; the accepted unregistered titles; the forms grouped by document type."""
    path = data_path(name)
    # the keyed copy depends on the code that keyed it: this module and hanzi's fold
    table = yamlfile.load(path, valid, (__file__, hanzi.__file__), keyed_file)
    try:
        if table.get("unicode") == unicodedata.unidata_version:    # not another Python's NFKC
            return from_table(table)
    except (KeyError, TypeError, IndexError, AttributeError):    # a damaged copy: key anew
        pass
    return from_table(keyed(yamlfile.parse(path)))


def from_table(table: dict):
    """register()'s four parts from a keyed table."""
    entries = [Entry(*e) for e in table["entries"]]
    names = {k: entries[i] for k, i in table["names"].items()}
    types = table["types"]
    forms = [(k, types[k], e) for k, e in names.items() if not k.startswith(PREFIX)]
    by_kind: dict[str | None, list] = {}
    for form in forms:
        by_kind.setdefault(form[1], []).append(form)
    return names, forms, set(table["accepted"]), by_kind


def titles(text: str):
    """(start, end, title) of every 《…》 in a line and of every 〈…〉 inside one; end is
    the offset after the closing mark. Unclosed marks are left to the punctuation checks."""
    stack = []
    for m in TITLE_MARKS.finditer(text):     # jump from mark to mark, not char by char
        i, ch = m.start(), m.group()
        if ch in "《〈":
            if ch == "《" or any(text[j] == "《" for j in stack):
                stack.append(i)
        elif ch in "》〉" and stack and text[stack[-1]] == ("《" if ch == "》" else "〈"):
            start = stack.pop()
            yield start, i + 1, text[start + 1:i]
