"""A progress bar on stderr for commands that can take more than a second.

Silent for the first second (most runs end before that). On a terminal the bar is redrawn
in place on one line; elsewhere (a log, a pipe, CI) each stage is one line, so a log gets no
hundreds of redraws. The clock and the stream are parameters, so tests need no waiting.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 30


class Progress:
    """Stages of a command, each with an optional number of units (weeks, start points)."""

    def __init__(
        self,
        command: str,
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay: float = 1.0,
    ) -> None:
        self.command = command
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.label = ""
        self.total = 0
        self.done = 0
        self._steps = 0
        self._announced = ""  # the last stage written as a line (not a terminal)
        self._drawn = ""  # the last bar drawn on the terminal line
        self._width = 0

    @property
    def interactive(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def start(self, label: str, total: int = 0) -> None:
        """A new stage of ``total`` units (0: one step without a count)."""
        self.label, self.total, self.done, self._steps = label, max(total, 0), 0, 0
        self._show()

    def update(self, done: int) -> None:
        """``done`` units of the stage are finished."""
        self.done = min(max(done, 0), self.total) if self.total else 0
        self._show()

    def step(self, label: str) -> None:
        """The next of a series of steps begins (a callback for ``backtest_rows``): the bar
        counts the steps begun before it in a stage started with their total."""
        self.label, self.done = label, min(self._steps, self.total) if self.total else 0
        self._steps += 1
        self._show()

    def __call__(self, label: str) -> None:
        self.start(label)

    def close(self) -> None:
        """End the terminal line, if a bar was drawn on it."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = ""

    def text(self) -> str:
        """The bar as drawn: "regietafel prognose: 10.000 paden [#####-----]  50 %"."""
        if not self.total:
            return f"{self.command}: {self.label}…"
        filled = BAR_WIDTH * self.done // self.total
        percent = 100 * self.done // self.total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"{self.command}: {self.label} [{bar}] {percent:3d} %"

    def _show(self) -> None:
        if self.clock() - self.started < self.delay:
            return
        if not self.interactive:
            if self.label != self._announced:
                self.stream.write(f"{self.command}: {self.label}…\n")
                self.stream.flush()
                self._announced = self.label
            return
        line = self.text()
        if line == self._drawn:
            return
        padding = " " * max(self._width - len(line), 0)
        self.stream.write(f"\r{line}{padding}")
        self.stream.flush()
        self._drawn, self._width = line, max(self._width, len(line))
