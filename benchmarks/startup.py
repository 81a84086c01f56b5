"""Start-up cost of eportguide commands, as ratios against baselines of the same run.

Each command runs as a whole process, repeatedly, interleaved with its baseline (the
machines are noisy: a baseline measured minutes earlier is not a baseline). A command
is compared with ``python -c "import typer, yaml"``; the time until the first prompt is
drawn with ``python -c "import typer, questionary, yaml"`` and, since drawing a menu is
work of its own, with a bare ``questionary.select`` of the same question drawn.

Every command is measured twice: with a warm pack cache (a command ran before, the
usual case) and a cold one (a fresh home directory each run: the first command after
installing or editing a pack, which also writes the cache).

    python benchmarks/startup.py [--runs 15] [--only list,search] [--lang en]
    python benchmarks/startup.py --instructions     # the same, counted by callgrind

With ``--instructions`` each command (warm cache) and its baseline run once under
valgrind's callgrind, and the ratio is of instructions executed: the same figures on a
busy machine as on an idle one, where wall-clock medians drift by 20 % or more.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

PYTHON = sys.executable
PACKAGE = Path(__file__).resolve().parents[1] / "eportguide"
EPORTGUIDE = [PYTHON, "-m", "eportguide"]

#: (name, arguments) of each command measured.
COMMANDS = [
    ("--help", ["--help"]),
    ("unlock-card --help", ["unlock-card", "--help"]),
    ("list", ["list"]),
    ("show unlock-card", ["show", "unlock-card"]),
    ("search 法人卡锁了", ["search", "法人卡锁了"]),
    ("validate", ["validate"]),
    ("unlock-card -a card=legal --no-input -f text", ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-f", "text"]),
    ("unlock-card -a card=legal --no-input -f json", ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-f", "json"]),
    # dates that run into a year without an official arrangement: the law's holidays
    (
        "unlock-card -a card=legal --no-input -f text --today 2026-12-31",
        ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-f", "text", "--today", "2026-12-31"],
    ),
    ("calendar 2027", ["calendar", "2027"]),
    ("cases", ["cases"]),  # the open procedures (none in a fresh home): no prompt, no pack
]
BASELINE = [PYTHON, "-c", "import typer, yaml"]
PROMPT_BASELINE = [PYTHON, "-c", "import typer, questionary, yaml"]


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


BARE_SELECT = "import typer, questionary, yaml\nquestionary.select('哪张卡被锁住了？', choices=['法人卡', '操作员卡']).ask()"


def until_prompt(env: dict[str, str], argv: tuple[str, ...] = ("-m", "eportguide", "unlock-card", "--no-save")) -> float:
    """From spawning a program on a pseudo-terminal to the first question drawn."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(PYTHON, list(argv), env=env, encoding="utf-8", timeout=30)
    child.expect("操作员卡")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def measure(command, baseline, runs: int, warm_env: dict[str, str]) -> tuple[float, float, float, float]:
    """Medians of the command (warm, cold) and of the baseline run beside each."""
    warm, cold, base_warm, base_cold = [], [], [], []
    command(warm_env)  # fills the cache
    for _ in range(runs):
        base_warm.append(once(baseline, warm_env))
        warm.append(command(warm_env))
        home = tempfile.mkdtemp(prefix="eportguide-cold-")
        cold_env = {**warm_env, "EPORTGUIDE_HOME": home}
        base_cold.append(once(baseline, cold_env))
        cold.append(command(cold_env))
        shutil.rmtree(home, ignore_errors=True)
    return (statistics.median(warm), statistics.median(base_warm), statistics.median(cold), statistics.median(base_cold))


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """Instructions one run executes, counted by callgrind (deterministic, unlike time)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + os.devnull, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
        check=False,
    )
    counted = [line for line in done.stderr.splitlines() if "Collected :" in line]
    if not counted:
        raise SystemExit("valgrind (callgrind) is needed for --instructions: apt-get install valgrind")
    return int(counted[-1].split("Collected :")[1])


def count_instructions(wanted: set[str] | None, env: dict[str, str]) -> None:
    base = instructions(BASELINE, env)
    print(f"instructions, warm pack cache, Python {sys.version.split()[0]}; ratio = the command's / the baseline's")
    rows = [('python -c "import typer, yaml"  (baseline)', base)]
    for name, argv in COMMANDS:
        if wanted is None or name in wanted:
            subprocess.run([*EPORTGUIDE, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            rows.append((f"eportguide {name}", instructions([*EPORTGUIDE, *argv], env)))
    width = max(display_width(name) for name, _ in rows)
    for name, count in rows:
        print(f"{pad(name, width)}  {count / 1e6:8.0f} M  {count / base:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", help="comma-separated command names (as in the table) to measure")
    parser.add_argument("--lang", choices=("zh", "en"), help="the language the commands speak (EPORTGUIDE_LANG)")
    parser.add_argument("--instructions", action="store_true", help="count instructions with callgrind instead of timing")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="eportguide-bench-")
    env = {**os.environ, "EPORTGUIDE_HOME": home, "TERM": "xterm"}
    if args.lang:
        env["EPORTGUIDE_LANG"] = args.lang
    env.pop("EPORTGUIDE_FLOWS", None)
    # As after ``pip install``, which compiles every module: the libraries in the
    # baseline have their bytecode, so eportguide must not be compiled at every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(PACKAGE)], check=True, env=env)
    wanted = set(args.only.split(",")) if args.only else None
    if args.instructions:
        count_instructions(wanted, env)
        shutil.rmtree(home, ignore_errors=True)
        return

    rows = []
    for name, argv in COMMANDS:
        if wanted is None or name in wanted:
            rows.append((f"eportguide {name}", measure(lambda e, a=argv: once([*EPORTGUIDE, *a], e), BASELINE, args.runs, env)))
    if wanted is None or "first prompt" in wanted:
        prompt_runs = max(5, args.runs // 2)
        rows.append(("eportguide unlock-card: first prompt drawn", measure(until_prompt, PROMPT_BASELINE, prompt_runs, env)))
        bare = (lambda e: until_prompt(e, ("-c", BARE_SELECT)), PROMPT_BASELINE)
        rows.append(("  (a bare questionary.select drawn)", measure(bare[0], bare[1], prompt_runs, env)))

    width = max(display_width(name) for name, _ in rows)
    print(f"{args.runs} runs each, Python {sys.version.split()[0]}; ratio = median / median of its baseline run beside it")
    print(f"{pad('command', width)}  {'warm ms':>8}  {'ratio':>5}  {'cold ms':>8}  {'ratio':>5}  baseline ms")
    for name, (warm, base_warm, cold, base_cold) in rows:
        warm_cells = f"{warm * 1000:8.1f}  {warm / base_warm:5.2f}"
        cold_cells = f"{cold * 1000:8.1f}  {cold / base_cold:5.2f}"
        print(f"{pad(name, width)}  {warm_cells}  {cold_cells}  {base_warm * 1000:.1f}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
