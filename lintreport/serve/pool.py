"""Checks run in worker processes, each with a deadline, so one report cannot stall the page.

A check is CPU work in Python: run in the server's threads it would hold the interpreter
lock, and a report that takes minutes would hold a slot as long. Here each check goes to an
idle worker process; the handler waits for the answer until the deadline, and a worker that
overruns it is killed (its temporary folder removed) and replaced. There are more workers
than cores, so with two heavy reports in flight a normal one still gets a worker at once and
a fair share of the processor. Workers are started with "spawn" (forking a process that runs
threads is unsafe) and retired after a number of tasks, which bounds memory a leak could take.
"""
from __future__ import annotations

import glob
import multiprocessing
import os
import queue
import shutil
import signal
import tempfile
import threading
import time

from .work import TEMP_PREFIX, Checker, UploadError

TASKS_PER_WORKER = 200


def _check(checker: Checker, upload):
    from .page import result
    return result(checker.check(upload))


def _fix(checker: Checker, upload):
    return checker.fixed(upload)


# what a worker can be asked to do: name → function(checker, upload) → a picklable answer
def _annotate(checker: Checker, upload):
    return checker.annotated(upload)


TASKS = {"check": _check, "fix": _fix, "annotate": _annotate}


def _serve(conn, checker: Checker) -> None:
    """A worker's life: answer (task, upload) until told to stop or the server is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl+C is the server's to handle
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        task, upload = job
        try:
            answer = ("ok", TASKS[task](checker, upload))
        except UploadError as exc:
            answer = ("refused", exc.status, str(exc))
        except Exception as exc:  # noqa: BLE001 (the handler says so; the worker goes on)
            import traceback
            answer = ("failed", type(exc).__name__, "".join(traceback.format_exception(exc)))
        conn.send(answer)


class Worker:
    def __init__(self, context, checker: Checker):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, checker), daemon=True,
                                       name="lintreport-serve-worker")
        self.process.start()
        child.close()
        self.tasks = 0

    def stop(self, kill: bool, tmp_root: str | None) -> None:
        """End the process (at once when `kill`) and remove what it left in the temp folder."""
        try:
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()
        pattern = os.path.join(tmp_root or tempfile.gettempdir(), f"{TEMP_PREFIX}{self.process.pid}-*")
        for path in glob.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


class Pool:
    """`size` worker processes sharing one Checker (sent to each when it starts)."""

    def __init__(self, checker: Checker, size: int, deadline: float, wait: float, log=None):
        self.checker, self.deadline, self.wait, self.log = checker, deadline, wait, log
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.closed = False
        self.lock = threading.Lock()
        self.busy: set[Worker] = set()
        for _ in range(size):
            self.idle.put(Worker(self.context, checker))

    def run(self, task: str, upload):
        """The task's answer for this upload; UploadError when refused, busy or too slow."""
        try:
            worker = self.idle.get(timeout=self.wait)
        except queue.Empty:
            raise UploadError(503, "正在检查的报告太多，请稍后再试") from None
        with self.lock:
            self.busy.add(worker)
        replace = kill = False
        try:
            worker.tasks += 1
            worker.conn.send((task, upload))
            if not worker.conn.poll(self.deadline):
                replace = kill = True
                raise UploadError(503, f"检查超时：这份报告检查了 {self.deadline:g} 秒仍未完成，"
                                       "已停止检查。报告可能过长或格式异常，请删去附件、表格等"
                                       "非正文内容，或拆分后再试")
            answer = worker.conn.recv()
        except (EOFError, OSError):
            replace = kill = True
            raise UploadError(500, "检查进程意外退出（可能是文件过于复杂或内存不足），"
                                   "检查没有完成；服务仍在运行") from None
        finally:
            with self.lock:
                self.busy.discard(worker)
            replace = replace or worker.tasks >= TASKS_PER_WORKER
            self._give_back(worker, replace, kill)
        if answer[0] == "refused":
            raise UploadError(answer[1], answer[2])
        if answer[0] == "failed":
            if self.log:
                self.log(answer[2])
            raise UploadError(500, f"内部错误（{answer[1]}），检查没有完成；服务仍在运行")
        return answer[1]

    def _give_back(self, worker: Worker, replace: bool, kill: bool) -> None:
        if self.closed:
            worker.stop(True, self.checker.tmp_root)
        elif not replace:
            self.idle.put(worker)
        else:
            # the new worker takes over at once; the old one is ended off the request's path
            self.idle.put(Worker(self.context, self.checker))
            threading.Thread(target=worker.stop, args=(kill, self.checker.tmp_root),
                             daemon=True).start()

    def close(self) -> None:
        """Stop every worker: idle ones politely, busy ones (their requests fail) at once."""
        self.closed = True
        end = time.monotonic() + 10
        while time.monotonic() < end:
            try:
                self.idle.get_nowait().stop(False, self.checker.tmp_root)
            except queue.Empty:
                break
        with self.lock:
            busy = list(self.busy)
        for worker in busy:
            worker.stop(True, self.checker.tmp_root)
