"""The command line: a thin click layer over lintreport.lint(); it prints and picks the exit
code (0: nothing at or above --fail-on, 1: findings, 2: a usage, config or input error)."""
from __future__ import annotations

import enum
import os
import sys

import click

from .clihelp import colour_wanted, command_classes, install
from .errors import LintreportError
from .formatters import FORMATTERS
from .read import kinds

install()       # click's own words (Usage:, Error: …) in Chinese
ZhGroup, _ = command_classes()


class Exit(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class RegistryChoice(click.Choice):
    """A choice among a registry's names (and some fixed ones), read when the command runs,
    so that the registry stays the one list."""

    def __init__(self, registry: dict, *fixed: str):
        self.registry, self.fixed = registry, fixed
        super().__init__([])

    @property
    def choices(self):
        return (*self.fixed, *self.registry)

    @choices.setter
    def choices(self, value):
        pass        # click.Choice sets it in __init__: the registry is the source


def _split(values) -> tuple[str, ...]:
    return tuple(x.strip() for v in values for x in v.split(",") if x.strip())


def _fail(message: str) -> None:
    message = " ".join(message.split("\n"))      # one line, whatever the message
    click.echo(f"lintreport: {message}", err=True)
    sys.exit(Exit.ERROR)


def _save(path: str, text: str) -> None:
    """Write one of our outputs, atomically; a bad path is one clear line and exit 2."""
    from .safewrite import reason, write_text
    try:
        write_text(path, text)
    except OSError as exc:
        _fail(f"{path}: 无法写入：{reason(exc)}")


def _check_outputs(outputs, paths, conf) -> None:
    """Refuse, before any work, an output that is one of the reports or a link (which could
    point at one): writing it would destroy a report."""
    from .engine import collect_paths
    inputs = {os.path.realpath(p) for p in collect_paths(paths, conf)}
    for out in filter(None, outputs):
        if os.path.islink(out):
            _fail(f"{out}: 输出文件是一个链接，不写入（请另选输出位置）")
        if os.path.realpath(out) in inputs:
            _fail(f"{out}: 输出文件就是要检查的报告之一，不能覆盖（请另选输出位置）")


def _config(config_path, checklist, select, ignore, fail_on, follow_links=False):
    from . import config as cfg
    conf = cfg.load(config_path)
    conf.follow_links = follow_links
    if checklist:
        conf.checklist = checklist
    if select:
        conf.select = _split(select)
    if ignore:
        conf.ignore = conf.ignore + _split(ignore)
    if fail_on:
        conf.fail_on = fail_on
    return conf


def _closed_pipe() -> None:
    """Exit quietly when stdout was closed: point it at /dev/null so that Python's final
    flush does not complain either."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(Exit.ERROR)


class Group(ZhGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except LintreportError as exc:
            _fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _fail("已中断")
        except BrokenPipeError:     # `| head`: the reader is gone, so is the need to write
            _closed_pipe()
        except Exception as exc:  # never a traceback for users; LINTREPORT_DEBUG shows it
            if os.environ.get("LINTREPORT_DEBUG"):
                raise
            _fail(f"内部错误：{type(exc).__name__}: {exc}（设置 LINTREPORT_DEBUG=1 可查看详情）")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lintreport", prog_name="lintreport")
def main():
    """lintreport：法治政府建设年度报告检查工具。"""


CONFIG = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                      help="配置文件（默认向上查找 .lintreport.yaml 或 pyproject.toml）")
CHECKLIST = click.option("--checklist", help="检查清单：township（乡镇/街道，默认）、county（县级政府/部门）或文件路径")


def batch_options(command):
    """The options check and review share: what to run, on what, and when to fail."""
    for option in reversed([
        CHECKLIST,
        CONFIG,
        click.option("--select", multiple=True, help="只运行这些规则或类别（逗号分隔，可多次给出）"),
        click.option("--ignore", multiple=True, help="不运行这些规则或类别"),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
                     help="达到此级别的问题使退出码为1（默认 info：有任何问题即为1）"),
        click.option("--against", multiple=True, type=click.Path(exists=True),
                     help="参照报告（文件或文件夹）：只用于查找跨报告重复，本身不检查"),
        click.option("--previous", multiple=True, type=click.Path(exists=True),
                     help="本单位上一年度的报告（文件或文件夹，按单位名称和年度配对）：查去年安排的工作今年是否写了落实情况"),
        click.option("--jobs", type=int, help="并行进程数（默认：CPU核数）"),
        click.option("--exit-zero", is_flag=True, help="有问题也以0退出（读取或配置错误仍为2）"),
        click.option("--follow-links", is_flag=True,
                     help="跟随文件夹中指向其外的链接（默认不读取，以免把别处的文件当作报告）"),
    ]):
        command = option(command)
    return command


def _exit(unreadable: bool, findings, fail_on: str, exit_zero: bool) -> None:
    """2 when a file could not be read, 1 for findings at or above fail_on, else 0."""
    from .finding import Severity
    sys.stdout.flush()      # a closed pipe shows here, while Group.invoke can still catch it
    if unreadable:
        sys.exit(Exit.ERROR)
    threshold = Severity.parse(fail_on)
    if not exit_zero and any(f.severity >= threshold for f in findings):
        sys.exit(Exit.FINDINGS)
    sys.exit(Exit.CLEAN)


@main.command(help=f"检查报告文件（{'、'.join(k.lstrip('.') for k in kinds())}）或文件夹。")
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹...")
@click.option("--format", "fmt",
              type=RegistryChoice(FORMATTERS, "auto"),
              default="auto", show_default=True, help="输出格式")
@batch_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="把结果写入文件")
@click.option("--color/--no-color", "color", default=None,
              help="文本输出是否使用颜色（默认：输出到终端且未设置 NO_COLOR 环境变量时使用）")
@click.option("--fix", is_flag=True, help="自动修正可安全修正的问题（txt、md就地修改；docx须配合--fix-output）")
@click.option("--diff", is_flag=True, help="只显示--fix将作的修改（统一差异格式），不改动任何文件")
@click.option("--fix-output", type=click.Path(), help="把修正后的副本写到此文件或文件夹（原文件不动；docx只能这样修正）")
@click.option("--force", is_flag=True, help="--fix-output 的目标已存在时覆盖它（默认拒绝）")
def check(paths, fmt, checklist, config_path, select, ignore, fail_on, against, previous, output,
          jobs, exit_zero, follow_links, color, fix, diff, fix_output, force):
    from .engine import lint
    from .formatters import get
    conf = _config(config_path, checklist, select, ignore, fail_on, follow_links)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    result = lint(paths, conf, against=against, previous=previous, jobs=jobs)
    if fix or diff or fix_output:
        from .fix import fix_files
        fixed = fix_files(result, conf, output=fix_output, write=not diff, force=force)
        for note in fixed.notes:
            click.echo(f"lintreport: {note}", err=True)
        if diff:
            click.echo(fixed.diff, nl=False)
            sys.exit(Exit.FINDINGS if fixed.changed else Exit.CLEAN)
        result = lint(fixed.paths, conf, against=against, previous=previous,
                      jobs=jobs)   # what is left
    for r in result.files:
        if r.error:
            click.echo(f"lintreport: {r.path}: {' '.join(r.error.splitlines())}", err=True)
    colour = False
    if fmt == "text":
        from .formatters.text import format as text_format
        colour = colour_wanted(color if color is not None or output is None else False)
        rendered = text_format(result, colour=colour)
    else:
        rendered = get(fmt)(result)
    if output:
        _save(output, rendered)
    else:
        click.echo(rendered, nl=False, color=colour or None)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from .formatters.github import summary
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(summary(result))
    _exit(bool(result.errors), result.findings, conf.fail_on, exit_zero)


@main.command("rules")
@CHECKLIST
@CONFIG
def list_rules(checklist, config_path):
    """列出检查清单中的全部规则。"""
    from . import checklist as cl
    from .config import apply
    conf = _config(config_path, checklist, (), (), None)
    chk = cl.load(conf.checklist)
    active = {r.id for r in apply(chk, conf)}
    click.echo(f"检查清单：{chk.name}（{chk.title}），共 {len(chk.rules)} 条规则")
    from .ruleinfo import rules_table
    click.echo("\n".join(rules_table(chk, active)))


@main.command()
@click.argument("rule", metavar="规则")
@CHECKLIST
def explain(rule, checklist):
    """说明一条规则：检查什么、为什么、依据和示例。"""
    from . import checklist as cl
    from .ruleinfo import explain as render
    chk = cl.load(checklist or "township")
    r = chk.rule(rule) or next((x for x in chk.rules if x.name == rule.casefold()), None)
    if r is None:
        _fail(f"没有规则“{rule}”（用 lintreport rules 查看全部规则）")
    click.echo(render(r, checklist or "township"), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@CHECKLIST
@CONFIG
def show(paths, checklist, config_path):
    """显示报告是怎样读出来的：标题、主送机关、各部分及其标题、报告年度及依据、落款、日期、网页信息栏和网页栏目（附行号）。"""
    from . import checklist as cl
    from .document import parse
    from .errors import InputError
    from .read import read
    from .show import describe
    conf = _config(config_path, checklist, (), (), None)
    chk = cl.load(conf.checklist)
    failed = False
    for n, path in enumerate(paths):
        try:
            doc = parse(read(path))
        except InputError as exc:
            click.echo(f"lintreport: {path}: {exc}", err=True)
            failed = True
            continue
        click.echo(("\n" if n else "") + describe(doc, chk), nl=False)
    sys.exit(Exit.ERROR if failed else Exit.CLEAN)


@main.command()
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
    from .finding import Severity
    from .review import review as run_review
    from .review.page import render
    from .review.table import write_csv, write_xlsx
    conf = _config(config_path, checklist, select, ignore, fail_on, follow_links)
    _check_outputs([output, csv_path, xlsx_path], paths, conf)
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
    _save(output, render(result, title))
    try:
        if csv_path:
            write_csv(result, csv_path)
        if xlsx_path:
            write_xlsx(result, xlsx_path)
    except OSError as exc:
        from .safewrite import reason
        _fail(f"{exc.filename or csv_path or xlsx_path}: 无法写入：{reason(exc)}")
    if annotate_dir:
        from .annotate.batch import annotate_review
        for note in annotate_review(result, annotate_dir, force):
            click.echo(f"lintreport: {note}", err=True)
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in Severity}
    unread = sum(1 for r in result.errors if not r.result.findings)
    click.echo(f"已写入 {output}：{len(result.reports)} 份报告，错误 {counts[Severity.ERROR]} 处，"
               f"警告 {counts[Severity.WARNING]} 处，提示 {counts[Severity.INFO]} 处"
               + (f"；{unread} 个文件无法读取" if unread else ""), err=True)
    _exit(bool(result.errors), result.findings, conf.fail_on, exit_zero)


@main.command()
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
    from .annotate import annotate_file
    conf = _config(config_path, checklist, select, ignore, None)
    dest, done = annotate_file(path, output, conf, force)
    missed = done.findings + 1 - done.comments
    click.echo(f"已写入 {dest}：{done.findings}条问题，共{done.comments}条批注（每条问题一条，"
               "另加一条总体情况）" + (f"；{missed}条没有可标注的文字，未写入" if missed else ""),
               err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址（默认只允许本机访问；0.0.0.0 表示局域网内其他电脑也能访问）")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="端口（0 表示任选一个空闲端口）")
@click.option("--max-mb", default=20, show_default=True, type=click.IntRange(1, 64),
              help="上传文件的大小上限（MB）")
@click.option("--open", "open_browser", is_flag=True, help="启动后用默认浏览器打开页面")
@click.option("--timeout", default=60, show_default=True, type=click.IntRange(5, 3600),
              help="每份报告最长检查时间（秒），超时即停止检查并告知上传者")
@CONFIG
def serve(host, port, max_mb, open_browser, timeout, config_path):
    """启动本机自查页面：在浏览器中拖入报告即可看到检查结果（文件不保存、不外传）。"""
    from .serve import run
    conf = _config(config_path, None, (), (), None)
    run(host, port, conf, max_mb * 1024 * 1024, open_browser, echo=click.echo, deadline=timeout)
