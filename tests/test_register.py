"""The citation register (rules/data/citations.yaml): every entry valid, no title twice, every
successor present; the facts checked against the reference statute list
../shared/data/laws.tsv (LawRefBook/Laws) when it is there. The list is not shipped."""
from __future__ import annotations

import csv
import datetime
import os
from collections import defaultdict
from pathlib import Path

import pytest

from lintreport.data import load_data
from lintreport.checks.citation import judge
from lintreport.checks.titles import PREFIX, key, register

ROOT = Path(__file__).resolve().parent.parent
LAWS = Path(os.environ.get("LINTREPORT_LAWS_TSV", ROOT.parent / "shared" / "data" / "laws.tsv"))
DATA = load_data("citations")
ENTRIES = DATA["entries"]
TITLES = {e["title"] for e in ENTRIES}
KINDS = {"法律", "行政法规", "党内法规", "中央文件", "国务院文件"}
FIELDS = {"title": str, "kind": str, "short": list, "number": str, "issued": datetime.date,
          "effective": datetime.date, "revised": datetime.date, "revised_effective": datetime.date,
          "superseded_by": str, "superseded": datetime.date, "source": str}
IDS = [e["title"][:20] for e in ENTRIES]


def test_register_is_large_enough():
    assert len(ENTRIES) >= 50


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_entry_is_valid(entry):
    for name, value in entry.items():
        assert name in FIELDS, f"unknown field {name}"
        assert isinstance(value, FIELDS[name]), f"{name} should be {FIELDS[name].__name__}"
    for name in ("title", "kind", "issued", "source"):
        assert name in entry, f"missing {name}"
    assert entry["kind"] in KINDS
    assert "《" not in entry["title"] and entry["title"].strip() == entry["title"]
    assert len(entry["source"]) >= 6
    issued = entry["issued"]
    assert entry.get("effective", issued) >= issued
    if "revised" in entry:
        assert entry["revised"] > issued
        assert entry.get("revised_effective", entry["revised"]) >= entry["revised"]
    else:
        assert "revised_effective" not in entry
    assert ("superseded_by" in entry) == ("superseded" in entry)
    if entry["kind"] == "法律":
        assert entry["title"].startswith(PREFIX), "laws are registered under their full name"


def test_titles_are_unique():
    titles = [e["title"] for e in ENTRIES]
    assert len(titles) == len(set(titles))


def test_no_spelling_belongs_to_two_entries():
    owner = {}
    for e in ENTRIES:
        for spelling in [e["title"], *e.get("short", [])]:
            k = key(spelling)
            assert owner.setdefault(k, e["title"]) == e["title"], f"{spelling} is also {owner[k]}"
    for accepted in DATA.get("accepted", []):
        assert key(accepted) not in owner, f"accepted name {accepted} is an entry's spelling"


def test_every_successor_exists_and_came_in_time():
    by_title = {e["title"]: e for e in ENTRIES}
    for e in ENTRIES:
        if "superseded_by" in e:
            successor = by_title.get(e["superseded_by"])
            assert successor is not None, f"{e['title']}: successor {e['superseded_by']} not registered"
            assert successor is not e
            assert "superseded_by" not in successor, "point at the current text, not a chain"
            assert e["issued"] < e["superseded"]
            assert successor["issued"] <= e["superseded"]


def test_every_entry_matches_itself():
    for e in ENTRIES:
        verdict, entry, _ = judge(e["title"], register())
        assert verdict == "exact" and entry.title == e["title"]


# ---------- facts against the reference list ----------

@pytest.fixture(scope="module")
def laws():
    if not LAWS.is_file():
        pytest.skip(f"reference statute list not found at {LAWS}")
    rows = defaultdict(list)
    with open(LAWS, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            rows[row["name"]].append(row)
    return rows


def _national(entries=ENTRIES):
    for e in entries:
        if e["kind"] in ("法律", "行政法规"):
            name = e["title"][len(PREFIX):] if e["title"].startswith(PREFIX) else e["title"]
            yield e, name


def _rows(laws, name: str) -> list[dict]:
    """A law's rows; a code is listed by its parts (民法典 总则, 民法典 物权编 …)."""
    return laws.get(name) or [r for n, rs in laws.items() if n.startswith(name + " ") for r in rs]


def _date(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def test_laws_in_force_are_in_the_reference(laws):
    newest = max(_date(r["published"]) for rs in laws.values() for r in rs if r["published"])
    for e, name in _national():
        if not _rows(laws, name):
            assert "superseded_by" in e or e["issued"] > newest, \
                f"{name} is neither in the reference list nor newer than it ({newest})"


def test_in_force_status_matches_the_reference(laws):
    for e, name in _national():
        rows = _rows(laws, name)
        if not rows:
            continue
        expired = {r["expired"] for r in rows}
        if "superseded_by" in e:
            assert expired == {"1"}, f"{name}: the reference list has it in force"
        else:
            assert "0" in expired, f"{name}: the reference list has it expired"


def test_dates_agree_with_the_reference(laws):
    for e, name in _national():
        rows = [r for r in _rows(laws, name) if r["published"]]
        if not rows:
            continue
        first = min(_date(r["published"]) for r in rows)
        latest = max(rows, key=lambda r: r["published"])
        ours = e.get("revised", e["issued"])
        assert e["issued"] <= first, f"{name}: issued {e['issued']} after a version of {first}"
        assert ours >= _date(latest["published"]), f"{name}: misses the version of {latest['published']}"
        if ours == _date(latest["published"]) and latest["in_force_from"] and latest["version"] != "0":
            in_force = e.get("revised_effective", e["revised"]) if "revised" in e \
                else e.get("effective", e["issued"])
            assert in_force == _date(latest["in_force_from"]), f"{name}: in force {latest['in_force_from']}"


def test_no_real_title_is_taken_for_a_misquotation(laws):
    """Every national law, regulation, rule and interpretation in the reference list is either
    registered or unknown to the matcher: none is reported as a garbled or misquoted title."""
    reg = register()
    wrong = []
    for name, rows in laws.items():
        if rows[0]["level"] in ("法律", "行政法规", "部门规章", "司法解释", "宪法"):
            for form in (name, PREFIX + name):
                verdict, entry, _ = judge(form, reg)
                if verdict in ("near", "injected"):
                    wrong.append(f"{form} → {entry.title}")
    assert wrong == []
