"""`lintreport serve`: a drafter's check page on their own computer (or the county's
intranet). Drop a report on the page and see what a reviewer would send back: findings
grouped by the four required parts, each marked in the text, with its rule, source and safe
fix, and a download of the fixed text.

The server is the standard library's, checks run in worker processes (pool.py); uploads are held in memory and, while a reader needs
a file, in a temporary folder removed before the answer goes out. Nothing is stored, logged
or sent anywhere. By default it listens on 127.0.0.1 only, and says so.
"""
from __future__ import annotations

from ..config import Config
from ..errors import LintreportError
from .server import Server, make_server
from .work import Checker

__all__ = ["Server", "make_server", "run"]


def run(host: str, port: int, config: Config | None = None, max_bytes: int = 20 * 1024 * 1024,
        open_browser: bool = False, echo=print, deadline: float = 60) -> None:
    """Serve until Ctrl+C; `echo` tells the user where the page is and who can reach it.
    `deadline`: seconds one report may be checked before its check is stopped."""
    checker = Checker(config)
    try:
        server = make_server(host, port, checker, max_bytes, deadline=deadline)
    except OSError as exc:
        taken = exc.errno in (48, 98, 10048)     # EADDRINUSE on macOS, Linux, Windows
        reason = f"端口 {port} 已被占用，请用 --port 换一个" if taken else str(exc)
        raise LintreportError(f"无法在 {host}:{port} 启动：{reason}") from None
    with server:
        echo(f"lintreport 自查页面已启动：{server.url}")
        if server.local:
            echo(f"只在本机监听（{server.server_address[0]}），其他电脑无法访问。")
        else:
            echo(f"注意：正在监听 {server.server_address[0]}，同一网络中的其他电脑也能打开此页面并上传报告。")
        echo(f"上传的报告只在内存和临时文件夹中处理，检查完即删除，不保存、不外传；"
             f"单个文件上限 {max_bytes // (1024 * 1024)} MB。按 Ctrl+C 停止。")
        if open_browser:
            import webbrowser
            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            echo("已停止。")
