"""`lintreport check`: lint files and folders, print the findings, optionally fix."""
from __future__ import annotations

import os
import sys

import click

from ..cli import Exit, batch_options, fail, finish, make_config, save, ZhCommand
from ..clihelp import colour_wanted
from ..formatters import FORMATTERS
from ..read import kinds


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


@click.command(help=f"检查报告文件（{'、'.join(k.lstrip('.') for k in kinds())}）或文件夹。", cls=ZhCommand)
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
    from ..engine import lint
    from ..formatters import get, needs_lines, writer
    conf = make_config(config_path, checklist, select, ignore, fail_on, follow_links)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fixing = bool(fix or diff or fix_output)     # the records then carry every fix
    lines = fixing or needs_lines(fmt)     # else the records come without the source lines
    result = lint(paths, conf, against=against, previous=previous, jobs=jobs, fixes=fixing,
                  lines=lines)
    if fixing:
        from ..fix import fix_files
        fixed = fix_files(result, conf, output=fix_output, write=not diff, force=force)
        for note in fixed.notes:
            click.echo(f"lintreport: {note}", err=True)
        if diff:
            click.echo(fixed.diff, nl=False)
            sys.exit(Exit.FINDINGS if fixed.changed else Exit.CLEAN)
        result = lint(fixed.paths, conf, against=against, previous=previous,
                      jobs=jobs, lines=needs_lines(fmt))   # what is left
    if len(result.files) >= 500:     # a big batch's records live until the process ends:
        import gc                    # writing them needs no collections over them
        gc.freeze()
    for r in result.files:
        if r.error:
            click.echo(f"lintreport: {r.path}: {' '.join(r.error.splitlines())}", err=True)
    colour = False
    if fmt == "text":
        from ..formatters.text import format as text_format
        colour = colour_wanted(color if color is not None or output is None else False)
        emit(text_format(result, colour=colour), output, colour)
    elif writer(fmt) is not None:       # streamed report by report
        stream_to(output, lambda stream: writer(fmt)(result, stream))
    else:
        emit(get(fmt)(result), output, colour)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from ..formatters.github import summary
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(summary(result))
    finish(bool(result.errors), result.findings, conf.fail_on, exit_zero)


def emit(rendered: str, output: str | None, colour: bool) -> None:
    if output:
        save(output, rendered)
    else:
        click.echo(rendered, nl=False, color=colour or None)


class _Chunks:
    """A text stream onto stdout in chunks of about 64 KB (click.echo flushes every call)."""

    def __init__(self):
        self.parts, self.size = [], 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > 1 << 16:
            self.flush()

    def flush(self) -> None:
        click.echo("".join(self.parts), nl=False)
        self.parts, self.size = [], 0


def stream_to(output: str | None, fill) -> None:
    """fill(stream) writes the output to a text stream: the file (atomically) or stdout."""
    if not output:
        chunks = _Chunks()
        fill(chunks)
        chunks.flush()
        return
    import io
    from ..safewrite import reason, write_with

    def through_text(f):
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")
        fill(text)
        text.flush()
        text.detach()       # the binary file stays open for its fsync
    try:
        write_with(output, through_text)
    except OSError as exc:
        fail(f"{output}: 无法写入：{reason(exc)}")
