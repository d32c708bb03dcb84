"""Unnumbered bold run-in titles in a docx (issue 11): the reader marks the bold lead, the
document model makes a heading of it when it is a short title, and the parts are found."""
from __future__ import annotations

from lintreport.config import Config
from lintreport.document import parse
from lintreport.engine import lint
from lintreport.read import read


def _docx(path, paragraphs):
    """paragraphs: (bold text, plain text) pairs."""
    import docx
    document = docx.Document()
    for bold, plain in paragraphs:
        p = document.add_paragraph()
        if bold:
            p.add_run(bold).bold = True
        if plain:
            p.add_run(plain)
    document.save(str(path))
    return str(path)


REPORT = [
    ("", "云溪镇2021年法治政府建设工作报告"),
    ("", "2021年，云溪镇坚持以习近平法治思想为指导，推进法治政府建设。"),
    ("主要举措和成效", ""),
    ("加强组织领导。", "成立法治建设领导小组，落实行政执法“三项制度”。"),
    ("存在的不足和原因", ""),
    ("", "执法力量薄弱，主要原因在于编制有限。"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", ""),
    ("", "镇党委书记带头学法，镇长主持召开政府常务会议研究法治工作。"),
    ("2022年工作安排", ""),
    ("", "继续推进法治政府建设。"),
    ("", "云溪镇人民政府"),
    ("", "2022年1月10日"),
]


def test_bold_titles_become_headings(tmp_path):
    doc = parse(read(_docx(tmp_path / "r.docx", REPORT)))
    titles = [h.title for h in doc.headings]
    assert titles == ["主要举措和成效", "加强组织领导", "存在的不足和原因",
                      "党政主要负责人履行推进法治建设第一责任人职责情况", "2022年工作安排"]
    # the run-in title's paragraph text stays body text of its section
    run_in = doc.headings[1]
    assert run_in.run_in and run_in.level == 1
    assert any("三项制度" in p.text for p in doc.paragraphs)


def test_bold_report_has_its_parts(tmp_path):
    result = lint([_docx(tmp_path / "r.docx", REPORT)], Config()).files[0]
    assert not {f.rule for f in result.findings} & {"S001", "S002", "S003", "S004", "S006", "S007"}


def test_bold_emphasis_and_enumerations_are_not_titles(tmp_path):
    paragraphs = [
        ("", "云溪镇2021年法治政府建设工作报告"),
        ("一、主要举措和成效", ""),
        ("一是加强学习。", "组织专题学法4次。"),
        ("全年", "共化解矛盾纠纷86起。"),                 # bold words inside a sentence
        ("2021年3月", "，聘请法律顾问1名。"),
        ("全镇上下深入学习贯彻习近平法治思想，把法治建设摆在全局工作的突出位置，", "形成合力。"),
    ]
    doc = parse(read(_docx(tmp_path / "r.docx", paragraphs)))
    assert [h.title for h in doc.headings] == ["主要举措和成效"]


def test_bold_sub_titles_under_numbered_headings_are_one_level_below(tmp_path):
    paragraphs = [
        ("", "云溪镇2021年法治政府建设工作报告"),
        ("", "一、主要举措和成效"),
        ("加强组织领导。", "成立领导小组。"),
        ("推进依法决策。", "落实合法性审查。"),
        ("", "二、存在的不足和原因"),
        ("", "执法力量薄弱，原因在于编制有限。"),
    ]
    doc = parse(read(_docx(tmp_path / "r.docx", paragraphs)))
    assert [(h.title, h.level) for h in doc.headings] == [
        ("主要举措和成效", 1), ("加强组织领导", 2), ("推进依法决策", 2), ("存在的不足和原因", 1)]


def test_bold_parts_with_numbered_sub_headings_stay_one_list(tmp_path):
    paragraphs = [
        ("", "云溪镇2021年法治政府建设工作报告"),
        ("主要举措和成效", ""),
        ("", "（一）加强组织领导"),
        ("", "成立领导小组。"),
        ("存在的不足和原因", ""),
        ("", "执法力量薄弱，原因在于编制有限。"),
    ]
    doc = parse(read(_docx(tmp_path / "r.docx", paragraphs)))
    assert [(h.title, h.level) for h in doc.headings] == [
        ("主要举措和成效", 1), ("加强组织领导", 2), ("存在的不足和原因", 1)]
