"""What `check` does for hooks and CI: cache, fixes, baseline, changed files, output file.

`lint/cli/check.py` keeps the command itself; it builds a `CheckExtras` from the options
and calls into it at a few points, so each feature stays in its own module.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from lint.errors import KommlintError


@dataclass
class CheckExtras:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    no_cache: bool = False
    cache_dir: str | None = None
    output_file: str | None = None
    baseline: str | None = None
    changed_since: str | None = None
    fixer: object | None = field(default=None, repr=False)
    loaded_baseline: object | None = field(default=None, repr=False)

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff

    def runner(self, linter):
        """The object `check` lints with: the linter, wrapped in the cache and the fixer."""
        if self.unsafe_fixes and not self.fixing:
            raise KommlintError("--unsafe-fixes används tillsammans med --fix eller --diff.")
        if self.baseline:  # a missing or broken baseline stops the run before any work
            from lint.engine.baseline import Baseline

            self.loaded_baseline = Baseline.load(self.baseline)
        runner = linter
        if not self.no_cache:
            from lint.engine.cache import ResultCache, cache_dir

            runner = ResultCache(linter, cache_dir(linter.settings_for(Path.cwd()), self.cache_dir))
        if self.fixing:
            from lint.engine.fix import Fixer

            runner = self.fixer = Fixer(runner, unsafe=self.unsafe_fixes, write=not self.diff)
        return runner

    def paths(self, linter, paths: tuple[str, ...]) -> list[str]:
        if "-" in paths and self.fixing:
            raise KommlintError("--fix och --diff ändrar filer och fungerar inte med standard in.")
        if not self.changed_since:
            return list(paths)
        from lint.engine.changed import select

        chosen = select(linter, self.changed_since, [p for p in paths if p != "-"])
        if not chosen:
            click.echo(f"kommlint: inga ändrade filer att granska sedan {self.changed_since}.", err=True)
        return chosen

    def after(self, results: list, linter) -> list:
        """Drop findings already in the baseline; report what --fix did."""
        if self.fixer is not None:
            click.echo(f"kommlint: {self.fixer.summary()}", err=True)
        baseline = self.loaded_baseline
        if baseline is None:
            return results
        results = [baseline.filter(result) for result in results]
        if baseline.notice():
            linter.notices.append(baseline.notice())
        return results

    def show_diff(self) -> int:
        """--diff: the unified diff of every file a fix would change; 1 when there is one."""
        from lint.engine.fix import unified_diff

        with self.output() as stream:
            for outcome in self.fixer.outcomes:
                stream.write(unified_diff(outcome))
        return 1 if self.fixer.outcomes else 0

    @contextmanager
    def output(self):
        if not self.output_file:
            yield sys.stdout
            return
        try:
            Path(self.output_file).parent.mkdir(parents=True, exist_ok=True)
            stream = open(self.output_file, "w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise KommlintError(f"Kan inte skriva till {self.output_file}: {error.strerror}.") from None
        with stream:
            yield stream
