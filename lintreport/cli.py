"""The command line: a thin click layer over lintreport.lint(); it prints and picks the exit
code (0: nothing at or above --fail-on, 1: findings, 2: a usage, config or input error)."""
from __future__ import annotations

import enum
import gc
import importlib
import os
import sys

from . import codecache, regexcache

# Importing click and what it brings makes tens of thousands of objects that live as long as
# the process; the collector would scan them again and again (every 700 allocations) while
# they are made. It is off for these imports, and what they made is then set aside (freeze)
# from later collections: about 3% of a one-report run.
COLLECTING = gc.isenabled()
gc.disable()
regexcache.install()    # first: every module below compiles its patterns when imported
codecache.install()     # and defines its dataclasses

import click  # noqa: E402

from .clihelp import command_classes, install  # noqa: E402
from .errors import LintreportError  # noqa: E402

install()       # click's own words (Usage:, Error: …) in Chinese
ZhGroup, ZhCommand = command_classes()


class Exit(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


def split_list(values) -> tuple[str, ...]:
    return tuple(x.strip() for v in values for x in v.split(",") if x.strip())


def fail(message: str) -> None:
    message = " ".join(message.split("\n"))      # one line, whatever the message
    click.echo(f"lintreport: {message}", err=True)
    sys.exit(Exit.ERROR)


def save(path: str, text: str) -> None:
    """Write one of our outputs, atomically; a bad path is one clear line and exit 2."""
    from .safewrite import reason, write_text
    try:
        write_text(path, text)
    except OSError as exc:
        fail(f"{path}: 无法写入：{reason(exc)}")


def check_outputs(outputs, paths, conf) -> None:
    """Refuse, before any work, an output that is one of the reports or a link (which could
    point at one): writing it would destroy a report."""
    from .engine import collect_paths
    inputs = {os.path.realpath(p) for p in collect_paths(paths, conf)}
    for out in filter(None, outputs):
        if os.path.islink(out):
            fail(f"{out}: 输出文件是一个链接，不写入（请另选输出位置）")
        if os.path.realpath(out) in inputs:
            fail(f"{out}: 输出文件就是要检查的报告之一，不能覆盖（请另选输出位置）")


def make_config(config_path, checklist, select, ignore, fail_on, follow_links=False):
    from . import config as cfg
    conf = cfg.load(config_path)
    conf.follow_links = follow_links
    if checklist:
        conf.checklist = checklist
    if select:
        conf.select = split_list(select)
    if ignore:
        conf.ignore = conf.ignore + split_list(ignore)
    if fail_on:
        conf.fail_on = fail_on
    return conf


def closed_pipe() -> None:
    """Exit quietly when stdout was closed: point it at /dev/null so that Python's final
    flush does not complain either."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(Exit.ERROR)


# command → the module of lintreport.commands that defines it: only the one that runs is
# imported (`check one.txt` never loads the review page, the server or openpyxl)
COMMANDS = {"check": "check", "rules": "info", "explain": "info", "show": "info",
            "review": "review", "annotate": "review", "serve": "serve"}


class Group(ZhGroup):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f".commands.{COMMANDS[name]}", __package__)
        return getattr(module, name.replace("rules", "list_rules"))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except LintreportError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            fail("已中断")
        except BrokenPipeError:     # `| head`: the reader is gone, so is the need to write
            closed_pipe()
        except Exception as exc:  # never a traceback for users; LINTREPORT_DEBUG shows it
            if os.environ.get("LINTREPORT_DEBUG"):
                raise
            fail(f"内部错误：{type(exc).__name__}: {exc}（设置 LINTREPORT_DEBUG=1 可查看详情）")


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


def finish(unreadable: bool, findings, fail_on: str, exit_zero: bool) -> None:
    """2 when a file could not be read, 1 for findings at or above fail_on, else 0."""
    from .finding import Severity
    sys.stdout.flush()      # a closed pipe shows here, while Group.invoke can still catch it
    if unreadable:
        sys.exit(Exit.ERROR)
    threshold = Severity.parse(fail_on)
    if not exit_zero and any(f.severity >= threshold for f in findings):
        sys.exit(Exit.FINDINGS)
    sys.exit(Exit.CLEAN)


gc.freeze()     # see gc.disable() above
if COLLECTING:
    gc.enable()
