"""The furn-*/year-* texts (composed for issue 11: web-page furniture of many CMS layouts,
the report year from evidence): what must fire, what must not, and the year inferred."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lintreport.config import Config
from lintreport.engine import lint

TEXTS = Path(__file__).parent / "texts"
EXPECT = yaml.safe_load((TEXTS / "furn-expect.yaml").read_text(encoding="utf-8"))


def test_every_text_has_an_expectation_and_there_are_enough():
    names = {p.name for p in TEXTS.glob("*.*") if p.name.startswith(("furn-", "year-"))} - {"furn-expect.yaml"}
    assert names == set(EXPECT)
    assert len(names) >= 15


@pytest.fixture(scope="module")
def results():
    found = lint([str(TEXTS / name) for name in sorted(EXPECT)], Config(), jobs=1)
    return {Path(r.path).name: r for r in found.files}


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_text(name, results):
    want, got = EXPECT[name], results[name]
    assert got.error is None, got.error
    rules = {f.rule for f in got.findings}
    assert got.report_year == want["year"]
    assert set(want["must"]) <= rules, f"missing {set(want['must']) - rules}"
    assert not set(want["must_not"]) & rules, f"false alarms {set(want['must_not']) & rules}"


def test_one_furniture_finding_per_block(results):
    for name, r in results.items():
        chrome = [f for f in r.findings if f.rule == "H001"]
        assert len(chrome) == len({f.line for f in chrome}) <= 2, name


def test_a_web_page_s_information_table_is_read_beside_the_article():
    from lintreport.document import parse
    from lintreport.read import read
    doc = parse(read(str(TEXTS / "furn-hainan-html-2023.html")))
    assert doc.page_fields["发布机构"] == "湾岭镇人民政府"
    assert doc.page_fields["成文日期"] == "2024-01-18"
    assert doc.title_text.startswith("琼中黎族苗族自治县湾岭镇2023年")
