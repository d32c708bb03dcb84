"""The citation register kept keyed in the cache (titles.register) equals the register worked
out from the YAML file every time, and a damaged keyed copy is keyed anew, not used."""
from __future__ import annotations

import glob
import os

from lintreport import yamlfile
from lintreport.checks import titles
from lintreport.data import data_path, load_data


def plain(data):
    """register() as it was before the keyed copy: every key worked out from the data."""
    names, accepted = {}, {titles.key(a) for a in data.get("accepted", [])}
    for e in data["entries"]:
        entry = titles.Entry(e["title"], e["kind"], e["issued"], e.get("effective", e["issued"]),
                             e.get("revised"), e.get("superseded_by"), e.get("superseded"))
        spellings = [e["title"], *e.get("short", [])]
        if e["title"].startswith(titles.PREFIX):
            spellings.append(e["title"][len(titles.PREFIX):])
        m = titles.ISSUERS.match(e["title"])
        if m:
            spellings.append(e["title"][m.end():])
        for spelling in spellings:
            names.setdefault(titles.key(spelling), entry)
    forms = [(k, titles.doc_type(k), e) for k, e in names.items() if not k.startswith(titles.PREFIX)]
    by_kind: dict = {}
    for form in forms:
        by_kind.setdefault(form[1], []).append(form)
    return names, forms, accepted, by_kind


def same(a, b):
    assert a == b
    assert list(a[0]) == list(b[0]) and list(a[3]) == list(b[3])      # the order too


def test_cached_register_equals_the_plain_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    expected = plain(load_data("citations"))
    titles.register.cache_clear()
    same(titles.register(), expected)           # keyed from the YAML, copy written
    copies = glob.glob(str(tmp_path / "lintreport" / "*" / "citations.yaml-*-keyed_file.json"))
    assert len(copies) == 1
    titles.register.cache_clear()
    same(titles.register(), expected)           # from the copy
    titles.register.cache_clear()


def test_damaged_copy_is_keyed_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    expected = plain(load_data("citations"))
    titles.register.cache_clear()
    titles.register()
    copy, = glob.glob(str(tmp_path / "lintreport" / "*" / "citations.yaml-*-keyed_file.json"))
    import json
    with open(copy, encoding="utf-8") as f:
        entry = json.load(f)
    del entry["data"]["types"]                  # well-formed JSON, stamps still matching
    with open(copy, "w", encoding="utf-8") as f:
        json.dump(entry, f)
    titles.register.cache_clear()
    same(titles.register(), expected)
    with open(copy, "w", encoding="utf-8") as f:
        f.write("{not json")
    titles.register.cache_clear()
    same(titles.register(), expected)
    titles.register.cache_clear()


def test_keyed_table_passes_its_check():
    table = titles.keyed(yamlfile.parse(data_path("citations")))
    titles.valid(table)
    same(titles.from_table(table), plain(load_data("citations")))
