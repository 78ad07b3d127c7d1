"""How long diglot takes to start, beside the references it is measured against, in one run.

Four commands, each run as a fresh process, best of ``--repeat`` (the least disturbed run).
The four take turns, round after round, so that a busy machine slows them alike. They run with
Python's bytecode cache on, as an installed diglot does (pip compiles it); where the environment
sets ``PYTHONDONTWRITEBYTECODE``, every run compiles diglot's modules again, which adds about a
tenth of a second to each diglot command and is not start-up that a user sees:

* ``python -c pass``: a bare interpreter, the floor;
* ``diglot --version``: the command line's own start-up (target: within 6× the floor);
* ``Kiwi()`` and one ``split_into_sents``: a bare kiwipiepy, as a tool that splits Korean
  sentences would start;
* ``diglot check`` on the seed article and its Korean edition: a whole command that reads
  Korean (target: faster than 0.7× the bare Kiwi).

    python benchmarks/startup.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_KO = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.ko.txt"
SEED_EN = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.txt"
BARE_KIWI = "import kiwipiepy; kiwipiepy.Kiwi().split_into_sents('정부는 중국에 강제북송 중단을 촉구했다. 그는 말했다.')"
DIGLOT = [sys.executable, "-m", "diglot"]
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def seconds(command: list[str]) -> float:
    """How long one run of ``command`` takes, in seconds (its output thrown away)."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT, env=ENVIRONMENT)
    return time.perf_counter() - start


def best_times(commands: list[list[str]], repeat: int) -> list[float]:
    """The fastest of ``repeat`` runs of each command, the commands taking turns."""
    best = [float("inf")] * len(commands)
    for _ in range(repeat):
        for i, command in enumerate(commands):
            best[i] = min(best[i], seconds(command))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command; the fastest counts")
    args = parser.parse_args()
    commands = [
        [sys.executable, "-c", "pass"],
        [*DIGLOT, "--version"],
        [sys.executable, "-c", BARE_KIWI],
        [*DIGLOT, "check", str(SEED_KO), str(SEED_EN)],
    ]
    for command in commands:  # one unmeasured run each: bytecode compiled, files in the page cache
        seconds(command)
    bare, version, kiwi, check = best_times(commands, args.repeat)
    rows = [
        ("python -c pass", bare, "", ""),
        ("diglot --version", version, f"{version / bare:.1f}× bare python", "target < 6×"),
        ("bare Kiwi() + one split", kiwi, "", ""),
        ("diglot check (seed pair)", check, f"{check / kiwi:.2f}× bare Kiwi", "target < 0.70×"),
    ]
    print(f"best of {args.repeat} runs each")
    for name, took, ratio, target in rows:
        print(f"{name:<26} {took:7.3f} s   {ratio:<20} {target}")


if __name__ == "__main__":
    main()
