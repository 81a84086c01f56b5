"""Mutation testing of the core modules: would the tests notice a broken program?

mutmut changes one thing at a time in a module (``<`` into ``<=``, ``True`` into
``False``, a string into another, a call dropped) and runs the tests that reach it; a
mutant that no test fails on "survived". The score of a module is the share of its
mutants that were killed (a time-out counts as killed: the tests noticed).

Each module runs in its own copy of the checkout under a temporary directory, so the
checkout stays clean and modules can run one at a time, or in the background:

    python benchmarks/mutation.py                    # every module of MODULES
    python benchmarks/mutation.py engine/dates render/eml
    python benchmarks/mutation.py --keep DIR sessions   # keep the copy (``mutmut browse`` there)

It prints one line per module, ``MODULE killed/total score%`` and the score once the
survivors judged equivalent are set aside (the target, 90%, applies to that one), then
each survivor: the ones judged equivalent (no test could tell them from the original: see
``mutation_equivalent.json`` beside this script, with why, keyed by the mutant's function
and change: mutmut numbers a function's mutants in order, so a number moves whenever the
function gains or loses one) and the others, which are gaps the tests should close.
Only the fast tests run: the real-terminal (pexpect) tests and the nightly-size walks
are left out.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "eportguide"
#: The core modules, as paths under the package without ``.py``; one list, since
#: modules may move (keep it in step with the package).
MODULES = (
    "workdays/dates",
    "render/eml",
    "engine/validators",
    "search/matching",
    "engine/walker",
    "store/sessions",
    "model/references",
)
#: Surviving mutants judged equivalent: name -> why no test can tell it from the original.
EQUIVALENT_FILE = Path(__file__).with_name("mutation_equivalent.json")
#: Tests left out (pytest markers): those that drive a real terminal and the nightly-size
#: runs are slow, and a terminal test runs the program in another process, where
#: mutmut's mutants are not switched on anyway.
LEFT_OUT = "not pty and not slow"
#: Statuses where the tests noticed the change: they failed, hung or crashed the process.
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
NOT_COUNTED = {"skipped"}
TARGET = 90.0


@dataclass
class Score:
    module: str
    statuses: dict[str, str] = field(default_factory=dict)  # mutant name -> status
    changes: dict[str, str] = field(default_factory=dict)  # survivor name -> its change
    seconds: float = 0.0

    @property
    def killed(self) -> int:
        return sum(1 for s in self.statuses.values() if s in KILLED)

    @property
    def total(self) -> int:
        return sum(1 for s in self.statuses.values() if s not in NOT_COUNTED)

    @property
    def survivors(self) -> list[str]:
        return sorted(n for n, s in self.statuses.items() if s not in KILLED and s not in NOT_COUNTED)

    def judged(self, name: str) -> str | None:
        """Why a survivor is equivalent, if it was judged so (None: a gap in the tests)."""
        return equivalents().get(change_key(name, self.changes.get(name, "")))

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 100.0


def copy_tree(target: Path) -> None:
    """The checkout as it is on disk (tracked and new files, not ignored ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    shared = ROOT.parent / "shared"  # tests read the triage set beside the checkout
    if shared.is_dir():
        # mutmut runs the tests in tree/mutants, so "beside the checkout" is tree/shared
        (target / "shared").symlink_to(shared, target_is_directory=True)


def configure(tree: Path, module: str) -> None:
    """A [mutmut] section in the copy's setup.cfg: mutate one module, run the fast tests."""
    selection = sorted(str(p.relative_to(tree)) for p in (tree / "tests").rglob("test_*.py"))
    others = [p.name for p in tree.iterdir() if p.name not in (PACKAGE, "tests", "mutants", "shared")]
    lines = [
        "[mutmut]",
        f"source_paths = {PACKAGE}",
        f"only_mutate = {PACKAGE}/{module}.py",
        "pytest_add_cli_args =",  # one argument a line
        "    -p",
        "    no:cacheprovider",
        "    -m",
        f"    {LEFT_OUT}",
        "pytest_add_cli_args_test_selection =",
        *(f"    {t}" for t in selection),
        "also_copy =",
        *(f"    {name}" for name in others),
        "timeout_constant = 10",
        "use_git_change_detection = false",
        "",
    ]
    with (tree / "setup.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write("\n".join(lines))


def run_mutmut(tree: Path, children: int, log: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EPORTGUIDE_FLOWS")}
    env["EPORTGUIDE_HOME"] = str(tree.parent / "home")
    with log.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(children)],
            cwd=tree,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )


def statuses(tree: Path) -> dict[str, str]:
    """Each mutant's status, as ``mutmut results --all true`` lists them ("    name: status")."""
    command = [sys.executable, "-m", "mutmut", "results", "--all", "true"]
    listed = subprocess.run(command, cwd=tree, capture_output=True, text=True, check=False)
    found = {}
    for line in listed.stdout.splitlines():
        name, sep, status = line.strip().partition(": ")
        if sep and "__mutmut_" in name:
            found[name] = status
    return found


def diff(tree: Path, name: str) -> str:
    shown = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=tree, capture_output=True, text=True, check=False)
    changed = [line for line in shown.stdout.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return " | ".join(line.strip() for line in changed)


def change_key(name: str, change: str) -> str:
    """A mutant as the equivalents file names it: its function and its change, not its
    number (mutmut numbers the mutants of a function in order, so a number moves whenever
    the function gains or loses a mutant; the change itself does not)."""
    return f"{name.rpartition('__mutmut_')[0]}: {change}"


def score(module: str, children: int, keep: Path | None) -> Score:
    base = Path(tempfile.mkdtemp(prefix=f"mutation-{module.replace('/', '-')}-", dir=keep))
    tree = base / "tree"
    tree.mkdir()
    started = time.monotonic()
    try:
        copy_tree(tree)
        configure(tree, module)
        run_mutmut(tree, children, base / "mutmut.log")
        result = Score(module, statuses(tree))
        result.changes = {name: diff(tree, name) for name in result.survivors}
        result.seconds = time.monotonic() - started
        if not result.statuses or "not checked" in result.statuses.values():
            print(f"{module}: mutmut did not check every mutant; see {base / 'mutmut.log'}", file=sys.stderr)
            keep = keep or base
        report(result)
        return result
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)


@functools.cache
def equivalents() -> dict[str, str]:
    """``function: change`` -> why no test can tell that mutant from the original."""
    return json.loads(EQUIVALENT_FILE.read_text(encoding="utf-8")) if EQUIVALENT_FILE.exists() else {}


def summary(result: Score) -> str:
    """``MODULE killed/total score%``, then the score once the judged-equivalent survivors are
    set aside (they cannot be killed: no program behaves differently)."""
    judged = sum(1 for name in result.survivors if result.judged(name) is not None)
    countable = result.total - judged
    adjusted = 100.0 * result.killed / countable if countable else 100.0
    mark = "" if adjusted >= TARGET else f", below {TARGET:.0f}%"
    raw = f"{result.module} {result.killed}/{result.total} {result.percent:.1f}%"
    return f"{raw}  ({judged} equivalent: {result.killed}/{countable} {adjusted:.1f}%{mark})"


def report(result: Score) -> None:
    print(f"{summary(result)}  [{result.seconds:.0f} s]", flush=True)
    for name in result.survivors:
        why = result.judged(name)
        if why is not None:
            print(f"    equivalent  {change_key(name, result.changes[name])}\n        because {why}")
        else:
            print(f"    SURVIVED    {change_key(name, result.changes[name])} ({result.statuses[name]})")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", default=list(MODULES), metavar="MODULE", help="e.g. engine/dates (default: the core modules)")
    parser.add_argument("--children", type=int, default=max(1, min(2, os.cpu_count() or 1)), help="mutants run at once")
    parser.add_argument("--keep", type=Path, help="keep each module's copy in this directory")
    args = parser.parse_args()
    unknown = [m for m in args.modules if not (ROOT / PACKAGE / f"{m}.py").is_file()]
    if unknown:
        parser.error(f"no such module under {PACKAGE}/: {', '.join(unknown)}")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    results = [score(module, args.children, args.keep) for module in args.modules]
    if len(results) > 1:
        print("\nmodule killed/total score  (equivalent survivors set aside)")
        for result in results:
            print(summary(result))


if __name__ == "__main__":
    main()
