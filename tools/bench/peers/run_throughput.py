#!/usr/bin/env python3
"""Throughput of lockstep against RapidCheck and Hypothesis, side by side.

Builds lockstep's side with Bazel (-c opt), compiles RapidCheck's side with
g++ into a cache directory outside the repository, runs every property a few
times in each tool and prints the medians: cases actually run (counted in the
body and, for lockstep, Result::test_cases_run), cases per second inside the
tool's check call, and whole-process wall time (engine start-up included).

  tools/bench/peers/run_throughput.py [--reps=3] [--no-install]

The properties (same in all three tools):
  a   one integer draw in [0, 1000], always true
  a'  the same over [0, 2^31 - 1], because a finite space of 1001 values is
      used up long before 100,000 cases (lockstep's engine stops there)
  b   1,000 integer draws per case
  c   lockstep only: 16 concurrent Checks over the one shared engine
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
HERE = os.path.join(REPO, "tools", "bench", "peers")
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME",
                                    os.path.expanduser("~/.cache")),
                     "lockstep-bench")
# Debian's python3-hypothesis is installed for Debian's interpreter, which a
# pyenv or virtualenv python3 on PATH would not see.
PYTHON = "/usr/bin/python3"
WIDE = 2**31 - 1


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, **kwargs)


def build():
    run(["bazel", "build", "-c", "opt", "--symlink_prefix=/",
         "//tools/bench/peers:lockstep_throughput"], cwd=REPO)
    bin_dir = run(["bazel", "info", "-c", "opt", "bazel-bin"], cwd=REPO,
                  capture_output=True).stdout.strip()
    lockstep = os.path.join(bin_dir, "tools/bench/peers/lockstep_throughput")
    os.makedirs(CACHE, exist_ok=True)
    rapidcheck = os.path.join(CACHE, "rapidcheck_throughput")
    run(["g++", "-std=c++17", "-O2", "-o", rapidcheck,
         os.path.join(HERE, "rapidcheck_throughput.cc"), "-lrapidcheck"])
    return lockstep, rapidcheck


def measure(cmd):
    """Runs cmd once; returns {label: {key: value}} plus the wall time."""
    start = time.monotonic()
    out = run(cmd, capture_output=True, cwd=CACHE).stdout
    wall = time.monotonic() - start
    lines = {}
    for line in out.splitlines():
        fields = dict(re.findall(r"(\w+)=([-\d.]+)", line))
        if "seconds" in fields:
            lines[line.split()[0]] = {k: float(v) for k, v in fields.items()}
    return lines, wall


def medians(cmd, labels, reps):
    """Runs cmd reps times; per label, the medians of its figures."""
    rows = {label: [] for label in labels}
    walls = []
    for _ in range(reps):
        lines, wall = measure(cmd)
        for label in labels:
            rows[label].append(lines[label])
        walls.append(wall)
    result = {}
    for label in labels:
        seconds = statistics.median(r["seconds"] for r in rows[label])
        reported = statistics.median(r["cases_run"] for r in rows[label])
        result[label] = {
            "cases": reported,
            "body_calls": statistics.median(r["body_calls"]
                                            for r in rows[label]),
            "seconds": seconds,
            # The median of the per-run rates, not a rate of medians.
            "rate": statistics.median(r["cases_run"] / r["seconds"]
                                      for r in rows[label]),
            "wall": statistics.median(walls)}
    return result


def median_of(cmd, label, reps):
    return medians(cmd, [label], reps)[label]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--trivial-cases", type=int, default=100000)
    parser.add_argument("--wide-cases", type=int, default=100000)
    parser.add_argument("--hypothesis-cases", type=int, default=10000,
                        help="cap on Hypothesis's cases for a and a' "
                        "(~1 ms a case; its rate does not depend on it)")
    parser.add_argument("--heavy-cases", type=int, default=1000)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--concurrent-cases", type=int, default=10000,
                        help="cases of each concurrent Check in c")
    parser.add_argument("--no-install", action="store_true")
    args = parser.parse_args()

    if not args.no_install:
        run([os.path.join(HERE, "install_peers")])
    lockstep, rapidcheck = build()
    hypothesis = [PYTHON, os.path.join(HERE, "hypothesis_throughput.py")]
    reps = args.reps

    rows = []
    for name, prop, cases, top in (
            ("a  trivial [0,1000]", "trivial", args.trivial_cases, 1000),
            ("a' trivial [0,2^31)", "trivial", args.wide_cases, WIDE),
            ("b  1000 draws/case", "heavy", args.heavy_cases, 1000)):
        hyp_cases = (min(cases, args.hypothesis_cases)
                     if prop == "trivial" else cases)
        flags = [f"--property={prop}", f"--cases={cases}", f"--max={top}",
                 f"--draws={args.draws}"]
        results = {
            "lockstep": median_of([lockstep] + flags, prop, reps),
            "RapidCheck": median_of(
                [rapidcheck, prop, str(cases), str(top), str(args.draws)],
                prop, reps),
            "Hypothesis": median_of(
                hypothesis + [prop, str(hyp_cases), str(top),
                              str(args.draws)], prop, reps),
        }
        asked = {"lockstep": cases, "RapidCheck": cases,
                 "Hypothesis": hyp_cases}
        for tool, r in results.items():
            rows.append((name, tool, asked[tool], r))
        print(f"done: {name}", file=sys.stderr)

    concurrent = [lockstep, "--property=concurrent",
                  f"--cases={args.concurrent_cases}", f"--max={WIDE}",
                  f"--threads={args.threads}"]
    both = medians(concurrent, ["single", "aggregate"], reps)
    single, aggregate = both["single"], both["aggregate"]

    print(f"\nmedian of {reps} runs; cases = cases actually run "
          "(body invocations in brackets when they differ)\n")
    print("| property | tool | cases asked | cases run | cases/s | "
          "check s | process wall s |")
    # c runs both measurements in one process: its wall time covers both.
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, tool, asked, r in rows:
        run_cases = f"{r['cases']:.0f}"
        if r["body_calls"] != r["cases"]:
            run_cases += f" ({r['body_calls']:.0f})"
        print(f"| {name} | {tool} | {asked} | {run_cases} | "
              f"{r['rate']:,.0f} | {r['seconds']:.3f} | {r['wall']:.2f} |")
    for label, r, asked in (
            ("c  1 Check", single, args.concurrent_cases),
            (f"c  {args.threads} concurrent Checks", aggregate,
             args.threads * args.concurrent_cases)):
        run_cases = f"{r['cases']:.0f} ({r['body_calls']:.0f})"
        print(f"| {label} [0,2^31) | lockstep | {asked} | {run_cases} | "
              f"{r['rate']:,.0f} | {r['seconds']:.3f} | {r['wall']:.2f} |")


if __name__ == "__main__":
    main()
