#!/usr/bin/env python3
"""The shrinking challenge: lockstep, RapidCheck and Hypothesis side by side.

Builds lockstep's runner with Bazel (-c opt), compiles the RapidCheck runner
with g++ into a cache directory outside the repository, runs every challenge
with seeds 1..N in all three tools and prints one table:

  challenge | per tool: runs reaching the ideal minimum / runs, mean shrink calls

"Shrink calls" are property-body invocations after the first failing one,
counted in the body the same way for every tool (lockstep and Hypothesis
replay the minimal example once at the end; that replay is included).
Runs that found no failure count as not ideal; mean calls are over the runs
that found one.

  tools/bench/shrinking/run_challenges.py [--seeds=20] [--only=a,b] [--no-install]
"""
import argparse
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
HERE = os.path.join(REPO, "tools", "bench", "shrinking")
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME",
                                    os.path.expanduser("~/.cache")),
                     "lockstep-bench")
PYTHON = "/usr/bin/python3"  # where Debian's python3-hypothesis lives
CHALLENGES = ["reverse", "large_union_list", "bound5", "calculator",
              "lengthlist", "difference_1", "difference_2", "difference_3",
              "coupling", "deletion", "distinct", "nestedlists", "binheap"]
ROW = re.compile(r"^(\w+)\s+(\d+)/(\d+)\s+(\d+)/(\d+)\s+([\d.]+)"
                 r"(?:\s+([\d.]+))?")


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, **kwargs)


def build():
    run(["bazel", "build", "-c", "opt", "--symlink_prefix=/",
         "//tools/bench/shrinking:challenges"], cwd=REPO)
    bin_dir = run(["bazel", "info", "-c", "opt", "bazel-bin"], cwd=REPO,
                  capture_output=True).stdout.strip()
    lockstep = os.path.join(bin_dir, "tools/bench/shrinking/challenges")
    os.makedirs(CACHE, exist_ok=True)
    rapidcheck = os.path.join(CACHE, "rapidcheck_challenges")
    run(["g++", "-std=c++17", "-O2", "-I", REPO, "-o", rapidcheck,
         os.path.join(HERE, "rapidcheck_challenges.cc"), "-lrapidcheck"])
    return lockstep, rapidcheck


def parse_table(text):
    """{challenge: (found, ideal, runs, mean calls)} from a runner's table,
    and {challenge: mean Result::shrink_calls} when it has that column."""
    rows, engine = {}, {}
    for line in text.splitlines():
        m = ROW.match(line)
        if m:
            rows[m.group(1)] = (int(m.group(2)), int(m.group(4)),
                                int(m.group(3)), float(m.group(6)))
            if m.group(7):
                engine[m.group(1)] = float(m.group(7))
    return rows, engine


def rapidcheck_rows(binary, names, seeds, test_cases, verbose):
    rows = {}
    for name in names:
        found = ideal = calls = 0
        for seed in range(1, seeds + 1):
            out = run([binary, name, str(seed), str(test_cases)],
                      capture_output=True, cwd=CACHE).stdout
            line = [l for l in out.splitlines() if l.startswith("RESULT")][-1]
            fields = dict(re.findall(r"(\w+)=(\S*)", line))
            if verbose:
                print(f"  rapidcheck {name} seed={seed} {line}")
            if fields["found"] == "1":
                found += 1
                ideal += int(fields["ideal"])
                calls += int(fields["calls"])
        rows[name] = (found, ideal, seeds, calls / found if found else 0.0)
        print(f"rapidcheck done: {name}", file=sys.stderr)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--only", default="")
    parser.add_argument("--test-cases", type=int, default=1000,
                        help="cases each tool may search for a failure")
    parser.add_argument("--no-install", action="store_true")
    parser.add_argument("--verbose", action="store_true",
                        help="print every run's minimal example")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or CHALLENGES

    if not args.no_install:
        run([os.path.join(REPO, "tools", "bench", "peers", "install_peers")])
    lockstep, rapidcheck = build()
    common = [f"--seeds={args.seeds}", f"--only={','.join(names)}",
              f"--test_cases={args.test_cases}"]
    if args.verbose:
        common.append("--verbose")
    out = run([lockstep] + common, capture_output=True, cwd=CACHE).stdout
    if args.verbose:
        print(out)
    tables = {}
    tables["lockstep"], engine_calls = parse_table(out)
    print("lockstep done", file=sys.stderr)
    tables["RapidCheck"] = rapidcheck_rows(rapidcheck, names, args.seeds,
                                           args.test_cases, args.verbose)
    out = run([PYTHON, os.path.join(HERE, "hypothesis_challenges.py"),
               f"--seeds={args.seeds}", f"--only={','.join(names)}",
               f"--test-cases={args.test_cases}"]
              + (["--verbose"] if args.verbose else []),
              capture_output=True, cwd=CACHE).stdout
    if args.verbose:
        print(out)
    tables["Hypothesis"] = parse_table(out)[0]

    tools = ["lockstep", "RapidCheck", "Hypothesis"]
    print(f"\nseeds 1..{args.seeds}; ideal = runs whose minimal example is "
          "the challenge's ideal; calls = mean shrink calls "
          "(runs that found no failure in brackets); lockstep's "
          "Result::shrink_calls in the last column\n")
    print("| challenge | " + " | ".join(
        f"{t} ideal | {t} calls" for t in tools) +
        " | lockstep Result::shrink_calls |")
    print("|---|" + "---:|---:|" * len(tools) + "---:|")
    for name in names:
        cells = []
        for tool in tools:
            found, ideal, runs, calls = tables[tool].get(name, (0, 0, 0, 0))
            missed = f" ({runs - found} not found)" if found < runs else ""
            cells.append(f"{ideal}/{runs}{missed} | {calls:.1f}")
        print(f"| {name} | " + " | ".join(cells) +
              f" | {engine_calls.get(name, 0):.1f} |")


if __name__ == "__main__":
    main()
