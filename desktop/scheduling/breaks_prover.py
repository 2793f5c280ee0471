"""The SAT search for the fewest breaks (breaks_search.py) beside the search from above.

It runs in a process of its own where it can (multiprocessing, "spawn"): the search then has a
core to itself, with no competition for Python's lock from the annealing and CP-SAT here (in a
thread, measured before, the annealing kept about half its speed). In a thread it runs where a
process cannot be started, or the problem is too small to be worth one. Glucose 4 in both:
measured on the real forums it proves as fast as CaDiCaL 1.9.5 or faster (forumt-14crafc 0.8 s
CPU against 3.8 s, tic-13crafc 3.3 s against 3.7 s).

``lower`` only rises; once it meets the best schedule's breaks, that schedule is proved.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from desktop.scheduling.breaks_search import BreaksSearch
from desktop.scheduling.indexed import Indexed, index_problem
from desktop.scheduling.model import Goal, Problem

SAT_SOLVER = "glucose4"
CHILD_NICENESS = 5  # of 19: a third of a normal share of the CPU when it is contended
PROCESS_MIN_CHOICES = 500  # (meeting, slot) choices: below this a process costs more than it saves


class SatWorker:
    """A child process started early (its imports overlap with the fast engine), given one search."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_child_main, args=(child,), name="breaks-sat", daemon=True)
        self._process.start()
        child.close()

    def send(self, job: tuple[Any, ...]) -> None:
        self._conn.send(job)

    def receive(self, timeout: float) -> tuple[Any, ...] | None:
        if self._conn.poll(timeout):
            try:
                return self._conn.recv()
            except (EOFError, OSError):
                return ("gone",)
        return None

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()  # our own child: its answer is no longer needed
        self._process.join(2)
        self._conn.close()


def start_worker(ix: Indexed) -> SatWorker | None:
    """A worker for ``ix`` when it is large enough to be worth a process (None: a thread will do)."""
    if sum(len(allowed) for allowed in ix.allowed) < PROCESS_MIN_CHOICES:
        return None
    try:
        return SatWorker()
    except (OSError, RuntimeError, ValueError):  # no processes here (a sandbox, a frozen build's limits)
        return None


def _child_main(conn) -> None:  # noqa: ANN001 - a multiprocessing connection
    try:
        job = conn.recv()
    except (EOFError, OSError):
        return
    problem, reached, floors, lower, spread, seconds = job
    deadline = time.monotonic() + seconds
    if hasattr(os, "nice"):
        # Below the parent's searches: on a machine busy with other work the schedules from
        # above come first; on an idle one the child still has its core.
        os.nice(CHILD_NICENESS)
    try:
        ix = index_problem(problem)  # deterministic: the same unit numbers as the parent's
        search = BreaksSearch(ix, reached, floors, lower, spread, SAT_SOLVER,
                              stopping=lambda: time.monotonic() >= deadline,
                              on_lower=lambda k: conn.send(("lower", k)),
                              on_found=lambda slots: conn.send(("found", slots)))
        search.run()
        conn.send(("done",))
    except Exception:  # noqa: BLE001 - handed to the parent, which raises it
        conn.send(("error", traceback.format_exc()))


class BreaksProver:
    """The search from the floor up, beside the search from above; ``worker`` runs it in a process."""

    def __init__(self, ix: Indexed, reached: list[tuple[Goal, int]], floors: list[list[int]], floor_bound: int,
                 spread: int | None, upper: int, deadline: float, should_stop: Callable[[], bool] | None,
                 worker: SatWorker | None = None) -> None:
        self.ix, self.reached, self.floors, self.spread = ix, reached, floors, spread
        self.lower = max(0, floor_bound)
        self.upper = upper  # breaks of the best schedule keeping the spread rule (from either side)
        self.deadline, self.should_stop = deadline, should_stop
        self.found: dict[int, int] | None = None  # an optimal schedule, when the SAT side found it
        self.finished = threading.Event()
        self._quit = threading.Event()
        self._lock = threading.Lock()
        self._error: Exception | None = None
        self._worker = worker
        self._search: BreaksSearch | None = None
        target = self._listen if worker is not None else self._run_here
        self._thread = threading.Thread(target=target, name="breaks-sat", daemon=True)

    def start(self) -> None:
        if self._worker is not None:
            problem: Problem = self.ix.problem
            seconds = max(0.0, self.deadline - time.monotonic())
            self._worker.send((problem, self.reached, self.floors, self.lower, self.spread, seconds))
        self._thread.start()

    def offer(self, breaks: int) -> None:
        """A schedule keeping the spread rule with ``breaks`` breaks exists."""
        with self._lock:
            self.upper = min(self.upper, breaks)

    @property
    def settled(self) -> bool:
        """The fewest breaks are known: found here, or the floor met the best schedule."""
        with self._lock:
            return self.found is not None or self.lower >= self.upper

    @property
    def running(self) -> bool:
        return not self.finished.is_set()

    def stop(self) -> None:
        self._quit.set()
        search = self._search
        if search is not None and search.solver is not None:
            try:
                search.solver.interrupt()  # ends the current call at once (Glucose supports it)
            except AttributeError:
                pass  # the solver was deleted just now: the search is ending anyway
        if self._worker is not None:
            self._worker.close()
        if self._thread.ident is not None:  # started
            self._thread.join()
        if self._error is not None:
            raise self._error  # a bug here must not pass for "no better schedule"

    def _stopping(self) -> bool:
        return (self._quit.is_set() or time.monotonic() >= self.deadline
                or (self.should_stop is not None and self.should_stop()))

    def _raise_lower(self, k: int) -> None:
        with self._lock:
            self.lower = max(self.lower, k)

    def _take_found(self, slots: dict[int, int]) -> None:
        with self._lock:
            self.found = slots

    def _run_here(self) -> None:
        try:
            self._search = BreaksSearch(self.ix, self.reached, self.floors, self.lower, self.spread, SAT_SOLVER,
                                        self._stopping, self._raise_lower, self._take_found, lambda: self.settled)
            self._search.run()
        except Exception as error:  # noqa: BLE001 - handed to the caller's thread in stop()
            self._error = error
        finally:
            self.finished.set()

    def _listen(self) -> None:
        assert self._worker is not None
        try:
            while not self._stopping() and not self.settled:
                message = self._worker.receive(0.05)
                if message is None:
                    continue
                kind = message[0]
                if kind == "lower":
                    self._raise_lower(message[1])
                elif kind == "found":
                    self._take_found(message[1])
                elif kind == "error":
                    self._error = RuntimeError("breaks SAT search failed:\n" + message[1])
                    return
                else:  # "done" or the child is gone
                    return
        finally:
            self.finished.set()
