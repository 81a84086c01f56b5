"""Start-up cost of eportguide commands, as ratios against a baseline of the same run.

Each command is run as a whole process, repeatedly; the median wall time is compared
with ``python -c "import typer, yaml"`` (and ``…, questionary`` for the time until the
first prompt is drawn), measured in the same run because the machines are noisy.

    python benchmarks/startup.py [--runs 15]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON = sys.executable


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_until_prompt(runs: int, env: dict[str, str]) -> float | None:
    """Time from spawning ``eportguide unlock-card`` on a pseudo-terminal to its first question."""
    try:
        import pexpect
    except ImportError:
        return None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(PYTHON, ["-m", "eportguide", "unlock-card", "--no-save"], env=env, encoding="utf-8", timeout=30)
        child.expect("哪张卡被锁住了")
        times.append(time.perf_counter() - start)
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="eportguide-bench-")
    env = {**os.environ, "EPORTGUIDE_HOME": home, "TERM": "xterm"}
    eportguide = [PYTHON, "-m", "eportguide"]

    baseline = median_seconds([PYTHON, "-c", "import typer, yaml"], args.runs, env)
    prompt_baseline = median_seconds([PYTHON, "-c", "import typer, yaml, questionary"], args.runs, env)
    interpreter = median_seconds([PYTHON, "-c", "pass"], args.runs, env)
    rows = [
        ("python -c pass", interpreter, baseline),
        ('python -c "import typer, yaml"  (baseline)', baseline, baseline),
        ("eportguide --help", median_seconds([*eportguide, "--help"], args.runs, env), baseline),
        ("eportguide list", median_seconds([*eportguide, "list"], args.runs, env), baseline),
        ("eportguide show unlock-card", median_seconds([*eportguide, "show", "unlock-card"], args.runs, env), baseline),
        ("eportguide handbook", median_seconds([*eportguide, "handbook"], args.runs, env), baseline),
        ("eportguide search 卡锁了", median_seconds([*eportguide, "search", "卡锁了"], args.runs, env), baseline),
        (
            "eportguide unlock-card -a card=legal --no-input",
            median_seconds([*eportguide, "unlock-card", "-a", "card=legal", "--no-input", "--no-save"], args.runs, env),
            baseline,
        ),
        ('python -c "import typer, yaml, questionary"  (prompt baseline)', prompt_baseline, prompt_baseline),
    ]
    first_prompt = median_until_prompt(max(3, args.runs // 3), env)
    if first_prompt is not None:
        rows.append(("eportguide unlock-card: until the first prompt", first_prompt, prompt_baseline))
    width = max(len(name) for name, _, _ in rows)
    print(f"{'command':<{width}}  median ms  ratio to its baseline   ({args.runs} runs, {sys.version.split()[0]})")
    for name, seconds, base in rows:
        print(f"{name:<{width}}  {seconds * 1000:9.1f}  {seconds / base:5.2f}")


if __name__ == "__main__":
    main()
