"""duplicate-across (D002): paragraphs shared between reports of a batch or with references."""
from __future__ import annotations

import os
import subprocess
import sys
from array import array

from click.testing import CliRunner

from lintreport.place import township_of as place_of
from lintreport.cli import main
from lintreport.config import Config
from lintreport.document import parse
from lintreport.engine import lint
from lintreport.read import read
from lintreport.shingles import band_keys, candidates, normalize, similarity, sketch

from ..conftest import FIXTURES, ROOT

SHARED = ("坚持和发展新时代“枫桥经验”,完善社会矛盾纠纷多元预防调处化解综合机制。畅通群众诉求表达渠道,"
          "规范信访工作程序,依法分类处理信访诉求,全年受理并办结信访事项12件,化解率达99%。")
OWN = [
    "镇党委书记带头学法,全年主持召开党委会议研究法治建设工作4次,听取法治工作汇报2次,解决执法经费不足等问题。",
    "全镇聘请法律顾问1名,全年审查合同17份,出具法律意见书5份,参与处理信访积案3件,为依法决策提供专业支撑。",
    "开展“宪法宣传周”“民法典宣传月”主题普法活动23场,发放宣传资料15000余份,受教育群众10000余人次。",
    "投入资金10余万元对镇综治中心进行升级改造,整合司法所、派出所、人民调解委员会力量,实行联勤联动。",
    "推行行政执法公示、执法全过程记录、重大执法决定法制审核制度,组织执法人员参加资格考试和业务培训。",
]


def report(place: str, year: int, *paragraphs: str) -> str:
    body = "\n".join(paragraphs)
    return (f"{place}{year}年法治政府建设工作报告\n一、主要举措和成效\n{body}\n"
            f"{place}人民政府\n{year}年12月20日\n")


def write(folder, reports: dict) -> list[str]:
    paths = []
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def run(paths, against=(), **options):
    config = Config(select=("D002",), rules={"D002": {"options": options}} if options else {})
    return lint(paths, config, against=against, jobs=1)


def by_file(result):
    return {os.path.basename(r.path): r for r in result.files}


def test_paragraph_shared_by_two_townships_is_reported_on_both(tmp_path):
    edited = SHARED.replace("12件", "7件").replace("99%", "98%")
    paths = write(tmp_path, {"a.txt": report("那吾镇", 2025, OWN[0], SHARED),
                             "b.txt": report("河市镇", 2025, OWN[1], OWN[2], edited)})
    files = by_file(run(paths))
    a, b = files["a.txt"].findings, files["b.txt"].findings
    assert [f.line for f in a] == [4] and [f.line for f in b] == [5]
    assert "b.txt第5行" in a[0].message and "重复" in a[0].message
    assert [(os.path.basename(r.path), r.line) for r in a[0].related] == [("b.txt", 5)]
    assert [(os.path.basename(r.path), r.line) for r in b[0].related] == [("a.txt", 4)]
    # the share is of the report's text, punctuation and spaces left out
    share = len(normalize(edited)) / sum(len(normalize(t)) for t in (OWN[1], OWN[2], edited))
    assert files["b.txt"].stats["copied_share"] == round(share, 3)
    assert 0.5 < files["a.txt"].stats["copied_share"] < 0.7


def test_recycled_report_of_the_same_place_is_told_on_the_later_one(tmp_path):
    paths = write(tmp_path, {"2024.txt": report("那吾镇", 2024, OWN[0], SHARED),
                             "2025.txt": report("那吾镇", 2025, SHARED, OWN[3])})
    files = by_file(run(paths))
    assert files["2024.txt"].findings == []
    [f] = files["2025.txt"].findings
    assert f.line == 3 and "（相似度100%，该报告是本单位2024年度的报告）：" in f.message


def test_reference_reports_are_compared_with_but_not_linted(tmp_path):
    (tmp_path / "refs").mkdir()
    ref = write(tmp_path / "refs", {"old.txt": report("曹回镇", 2024, SHARED, OWN[4])})
    paths = write(tmp_path, {"new.txt": report("肖咀镇", 2025, OWN[2], SHARED)})
    result = run(paths, against=[str(tmp_path / "refs")])
    assert [os.path.basename(r.path) for r in result.files] == ["new.txt"]
    [f] = result.files[0].findings
    assert f.line == 4 and f.related[0].path == ref[0] and "参照报告" in f.message


def test_template_text_in_many_reports_is_not_a_copy(tmp_path):
    reports = {f"{n}.txt": report(place, 2025, OWN[n], SHARED)
               for n, place in enumerate(["那吾镇", "河市镇", "曹回镇", "肖咀镇"])}
    result = run(write(tmp_path, reports), template_reports=3)
    assert result.findings == []
    assert all(r.stats["copied_share"] == 0 for r in result.files)
    # below the template count, the same paragraph is a copy in every report
    result = run(write(tmp_path, reports), template_reports=5)
    assert sorted(f.line for f in result.findings) == [4, 4, 4, 4]


def test_unrelated_reports_short_paragraphs_and_the_same_file_twice(tmp_path):
    stock = "针对上述问题,我镇将坚持问题导向,狠抓整改落实。"     # below min_chars
    paths = write(tmp_path, {"a.txt": report("那吾镇", 2025, OWN[0], OWN[1], stock),
                             "b.txt": report("河市镇", 2025, OWN[2], OWN[3], stock)})
    result = run(paths + [paths[0]])
    assert result.findings == []
    assert [r.stats["copied_share"] for r in result.files] == [0, 0, 0]


def test_a_single_report_has_nothing_to_compare(tmp_path):
    result = run(write(tmp_path, {"a.txt": report("那吾镇", 2025, SHARED, SHARED)}))
    assert result.findings == [] and "copied_share" not in result.files[0].stats


def test_sample_reports_share_no_paragraphs():
    result = run(sorted(str(p) for p in FIXTURES.glob("0*.txt")))
    assert result.findings == []


def test_place_of_a_report_from_title_issuer_or_text():
    places = [place_of(parse(read(str(p)))) for p in sorted(FIXTURES.glob("0*.txt"))]
    assert places == ["那吾镇", "河市镇", "曹回镇", "肖咀镇", "虎跳峡镇"]
    doc = parse(read(str(FIXTURES / "000_8c642f3c1dbf128b.txt")))
    doc.issuer, doc.paragraphs = None, doc.paragraphs[:1]    # a single mention is not enough
    assert place_of(doc) == ""


def test_text_output_gives_the_copied_share(tmp_path):
    paths = write(tmp_path, {"a.txt": report("那吾镇", 2025, OWN[0], SHARED),
                             "b.txt": report("河市镇", 2025, OWN[1], SHARED)})
    out = CliRunner().invoke(main, ["check", "--select", "D002", "--format", "text", *paths]).output
    assert "与其他报告重复的文字约占" in out and "D002" in out


def test_normalize_folds_width_drops_punctuation_and_masks_numbers():
    assert normalize("2025年，开展普法 15 场次（ＡＢ）。") == normalize("2024年,开展普法3场次(ab)")
    assert normalize("2025年，开展普法 15 场次。") == "#年开展普法#场次"


def test_similarity_of_edited_and_unrelated_text():
    a = normalize(SHARED)
    assert similarity(a, normalize(SHARED.replace("依法", "严格"))) > 0.9
    assert similarity(a, normalize(OWN[0])) < 0.5
    assert similarity(a, normalize(OWN[0]), cutoff=0.8) == 0
    # the shorter text lying whole inside the longer one counts
    assert similarity(a, normalize(SHARED + OWN[1][:40])) >= 0.9


def test_sketches_are_equal_for_equal_text_and_stable_across_processes():
    text = normalize(SHARED)
    sig = sketch(text, 5, 63)
    assert len(sig) == 63 and sig == sketch(text, 5, 63)
    code = ("from lintreport.shingles import *; "
            f"print(band_keys(sketch(normalize({SHARED!r}), 5, 63), 3))")
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True).stdout
    assert out.strip() == str(band_keys(sig, 3))


def test_candidates_meet_through_bands_and_skip_crowded_text():
    def keys(*texts):
        out = array("Q")
        for t in texts:
            out.extend(band_keys(sketch(normalize(t), 5, 63), 3))
        return out
    reports = [keys(OWN[0], SHARED), keys(OWN[1]), keys(OWN[2], SHARED)]
    owner, pairs, template = candidates(reports, 21, common=10)
    assert pairs == {(1, 4)} and list(owner) == [0, 0, 1, 2, 2] and template == set()
    owner, pairs, template = candidates(reports, 21, common=2)
    assert pairs == set() and template == {1, 4}


def test_a_paragraphs_place_is_that_of_doc_hit():
    from dataclasses import replace
    from lintreport.checks.duplicate_across import _place
    from lintreport.document import parse
    from lintreport.read import read
    from ..conftest import FIXTURES
    places = 0
    for path in sorted(FIXTURES.glob("*")):
        doc = parse(read(str(path)))
        for p in doc.paragraphs:
            for prefix in (0, 2, p.start + 3):     # a docx numbering label before the text
                q = replace(p, line=replace(p.line, prefix=prefix))
                hit = doc.hit(q.line, q.start, len(q.line.text.rstrip()))
                assert _place(q) == (hit.line, hit.column, hit.end_column)
            places += 1
    assert places > 50


def test_an_excerpt_clipped_from_its_spooled_head_is_that_of_the_whole_paragraph():
    import random
    from lintreport import hanzi as T
    from lintreport.checks.duplicate_across import EXCERPT, clipped
    rng = random.Random(5)
    alphabet = "法治政府建设工作的年月日12，。；：、 \u3000　)”》会议要求"
    tried = 0
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 70)))
        head = text.strip()[:EXCERPT + 1]       # what the worker spools
        assert clipped(head) == T.clip(text, EXCERPT)
        tried += len(text.strip()) > EXCERPT and head[-1].isspace()
    assert tried > 10       # heads cut after a space, the case the sentinel is for
