"""`lintreport review` (a batch into one HTML page and tables) and `annotate` (a Word copy
with comments)."""
from __future__ import annotations

import sys

import click

from ..cli import (CHECKLIST, CONFIG, batch_options, check_outputs, fail, finish, make_config,
                   save, ZhCommand)


@click.command(cls=ZhCommand)
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹...")
@click.option("-o", "--output", default="review.html", show_default=True,
              type=click.Path(dir_okay=False), help="审阅页面（单个HTML文件，可离线打开）")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False),
              help="另存CSV表格：每份报告一行，问题明细另存为“同名_问题明细.csv”")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False),
              help="另存Excel表格：报告总览和问题明细两张工作表")
@click.option("--title", help="审阅页面的标题")
@click.option("--annotate", "annotate_dir", type=click.Path(file_okay=False),
              help="把每份报告带批注的Word副本写入此文件夹（按原文件夹结构，原文件不动）")
@click.option("--force", is_flag=True, help="--annotate 的目标文件已存在时覆盖它（默认拒绝）")
@batch_options
def review(paths, output, csv_path, xlsx_path, title, annotate_dir, force, checklist,
           config_path, select, ignore, fail_on, against, previous, jobs, exit_zero, follow_links):
    """审阅一批报告（文件夹或文件）：生成总览和逐份标注问题的HTML页面，可另存CSV/Excel表格。"""
    from ..finding import Severity
    from ..review import review as run_review
    from ..review.page import render
    from ..review.table import write_csv, write_xlsx
    conf = make_config(config_path, checklist, select, ignore, fail_on, follow_links)
    check_outputs([output, csv_path, xlsx_path], paths, conf)
    bar = None

    def progress(done, total):
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="检查报告", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        result = run_review(paths, conf, against=against, previous=previous, jobs=jobs,
                            progress=progress if sys.stderr.isatty() else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for r in result.errors:
        click.echo(f"lintreport: {r.path}: {r.result.error}", err=True)
    save(output, render(result, title))
    try:
        if csv_path:
            write_csv(result, csv_path)
        if xlsx_path:
            write_xlsx(result, xlsx_path)
    except OSError as exc:
        from ..safewrite import reason
        fail(f"{exc.filename or csv_path or xlsx_path}: 无法写入：{reason(exc)}")
    if annotate_dir:
        from ..annotate.batch import annotate_review
        for note in annotate_review(result, annotate_dir, force):
            click.echo(f"lintreport: {note}", err=True)
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in Severity}
    unread = sum(1 for r in result.errors if not r.result.findings)
    click.echo(f"已写入{output}：{len(result.reports)}份报告，错误{counts[Severity.ERROR]}处，"
               f"警告{counts[Severity.WARNING]}处，提示{counts[Severity.INFO]}处"
               + (f"；{unread}个文件无法读取" if unread else ""), err=True)
    finish(bool(result.errors), result.findings, conf.fail_on, exit_zero)


@click.command(cls=ZhCommand)
@click.argument("path")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="带批注副本的文件名（默认：原文件名加“-批注”的.docx，与原文件在同一文件夹）")
@click.option("--force", is_flag=True, help="目标文件已存在时覆盖它（默认拒绝；原文件永远不会被覆盖）")
@CHECKLIST
@CONFIG
@click.option("--select", multiple=True, help="只运行这些规则或类别（逗号分隔，可多次给出）")
@click.option("--ignore", multiple=True, help="不运行这些规则或类别")
def annotate(path, output, force, checklist, config_path, select, ignore):
    """写出带批注的Word副本：每条问题是一条批注，标在问题所在的文字上（原文件不动）。"""
    from ..annotate import annotate_file
    conf = make_config(config_path, checklist, select, ignore, None)
    dest, done = annotate_file(path, output, conf, force)
    missed = done.findings + 1 - done.comments
    click.echo(f"已写入{dest}：{done.findings}条问题，共{done.comments}条批注（每条问题一条，"
               "另加一条总体情况）" + (f"；{missed}条没有可标注的文字，未写入" if missed else ""),
               err=True)
