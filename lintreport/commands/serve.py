"""`lintreport serve`: the drafter's self-check page on this computer."""
from __future__ import annotations

import click

from ..cli import CONFIG, make_config, ZhCommand


@click.command(cls=ZhCommand)
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
    from ..serve import run
    conf = make_config(config_path, None, (), (), None)
    run(host, port, conf, max_mb * 1024 * 1024, open_browser, echo=click.echo, deadline=timeout)
