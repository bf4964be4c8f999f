#!/usr/bin/env python3
"""Etna's BST and RBT workloads: lockstep, RapidCheck and Hypothesis side by
side, mean tests- and time-to-failure per task.

  tools/bench/etna/run_etna.py [--trials=10] [--budget=10000]
      [--keys=20,1000] [--workloads=bst,rbt] [--tools=lockstep,rapidcheck,hypothesis]
      [--raw=DIR] [--reuse=hypothesis] [--per-task]

The tasks are the (mutant, property) pairs that a plain random search,
independent of the three tools, refutes (rapidcheck_etna --discover). Each
tool runs every task `trials` times with seeds 1..trials and a budget of
`budget` tests; a trial that finds no failure counts its budget. The raw
TRIAL lines of each (tool, workload, keys) go to DIR (default
~/.cache/lockstep-bench/etna); --reuse=TOOL reads a tool's earlier lines
instead of running it again (Hypothesis takes minutes and does not change
with lockstep).
"""
import argparse
import collections
import math
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
HERE = os.path.join(REPO, "tools", "bench", "etna")
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME",
                                    os.path.expanduser("~/.cache")),
                     "lockstep-bench")
PYTHON = "/usr/bin/python3"  # where Debian's python3-hypothesis lives
TRIAL = re.compile(r"^TRIAL (\w+) (\w+) (\w+) (\d+) found=(\d) tests=(\d+) "
                   r"seconds=([\d.]+)")


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, **kwargs)


def build():
    run(["bazel", "build", "-c", "opt", "--symlink_prefix=/",
         "//tools/bench/etna:lockstep_etna"], cwd=REPO)
    bin_dir = run(["bazel", "info", "-c", "opt", "bazel-bin"], cwd=REPO,
                  capture_output=True).stdout.strip()
    lockstep = os.path.join(bin_dir, "tools/bench/etna/lockstep_etna")
    os.makedirs(CACHE, exist_ok=True)
    rapidcheck = os.path.join(CACHE, "rapidcheck_etna")
    run(["g++", "-std=c++17", "-O2", "-I", REPO, "-o", rapidcheck,
         os.path.join(HERE, "rapidcheck_etna.cc"), "-lrapidcheck"])
    return {"lockstep": [lockstep], "rapidcheck": [rapidcheck],
            "hypothesis": [PYTHON, os.path.join(HERE, "hypothesis_etna.py")]}


def tasks_of(rapidcheck, workload):
    out = run([rapidcheck, "--discover", workload],
              capture_output=True).stdout
    return out.split()


def parse(text):
    trials = collections.defaultdict(list)
    for line in text.splitlines():
        m = TRIAL.match(line)
        if m:
            key = (m.group(2), m.group(3))
            trials[key].append((m.group(5) == "1", int(m.group(6)),
                                float(m.group(7))))
    return trials


def geomean(xs):
    return math.exp(sum(math.log(max(x, 1e-9)) for x in xs) / len(xs))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=10)
    p.add_argument("--budget", type=int, default=10000)
    p.add_argument("--keys", default="20,1000")
    p.add_argument("--workloads", default="bst,rbt")
    p.add_argument("--tools", default="lockstep,rapidcheck,hypothesis")
    p.add_argument("--raw", default=os.path.join(CACHE, "etna"))
    p.add_argument("--reuse", default="")
    p.add_argument("--per-task", action="store_true")
    args = p.parse_args()
    binaries = build()
    tools = args.tools.split(",")
    reuse = set(filter(None, args.reuse.split(",")))
    os.makedirs(args.raw, exist_ok=True)
    ok = True
    for workload in args.workloads.split(","):
        tasks = tasks_of(binaries["rapidcheck"][0], workload)
        for keys in args.keys.split(","):
            results = {}
            for tool in tools:
                raw = os.path.join(args.raw, f"{tool}-{workload}-{keys}.txt")
                if tool not in reuse or not os.path.exists(raw):
                    print(f"running {tool} {workload} keys 0..{keys} "
                          f"({len(tasks)} tasks)", file=sys.stderr, flush=True)
                    out = run(binaries[tool] + [
                        workload, keys, str(args.trials), str(args.budget)] +
                        tasks, capture_output=True, cwd=CACHE).stdout
                    with open(raw, "w") as f:
                        f.write(out)
                with open(raw) as f:
                    results[tool] = parse(f.read())
            ok &= report(workload, keys, tasks, tools, results, args)
    return 0 if ok else 1


def report(workload, keys, tasks, tools, results, args):
    print(f"\n## {workload.upper()}, keys 0..{keys}: {len(tasks)} tasks, "
          f"{args.trials} trials, budget {args.budget}\n")
    mean = {}  # (tool, task) -> (solved, mean tests, mean seconds)
    for tool in tools:
        for task in tasks:
            trials = results[tool].get(tuple(task.split(":")), [])
            if not trials:
                mean[tool, task] = (0, float("nan"), float("nan"))
                continue
            # A trial that found nothing counts the budget (RapidCheck's
            # discards can run it far past the budget).
            mean[tool, task] = (
                sum(1 for t in trials if t[0]),
                sum(t[1] if t[0] else args.budget for t in trials) /
                len(trials),
                sum(t[2] for t in trials) / len(trials))
    header = "| mutant | tasks |" + "".join(
        f" {t} tests | {t} ms |" for t in tools)
    print(header)
    print("|---|---:|" + "---:|---:|" * len(tools))
    by_mutant = collections.OrderedDict()
    for task in tasks:
        by_mutant.setdefault(task.split(":")[0], []).append(task)
    verdict = True
    for mutant, group in by_mutant.items():
        row = f"| {mutant} | {len(group)} |"
        m = {}
        for tool in tools:
            tests = sum(mean[tool, t][1] for t in group) / len(group)
            ms = 1000 * sum(mean[tool, t][2] for t in group) / len(group)
            m[tool] = tests
            row += f" {tests:.1f} | {ms:.2f} |"
        if "lockstep" in m and "rapidcheck" in m and m["lockstep"] > m["rapidcheck"]:
            row += " (lockstep > RapidCheck)"
            verdict = False
        print(row)
    row = "| all: mean / geomean | " + str(len(tasks)) + " |"
    for tool in tools:
        tests = [mean[tool, t][1] for t in tasks]
        ms = [1000 * mean[tool, t][2] for t in tasks]
        row += (f" {sum(tests) / len(tests):.1f} / {geomean(tests):.1f} |"
                f" {sum(ms) / len(ms):.2f} / {geomean(ms):.3f} |")
    print(row)
    for tool in tools:
        solved = sum(mean[tool, t][0] for t in tasks)
        print(f"\n{tool}: {solved}/{len(tasks) * args.trials} trials solved",
              end="")
    print()
    if "lockstep" in tools and "hypothesis" in tools:
        worse = [t for t in tasks
                 if mean["lockstep", t][1] > mean["hypothesis", t][1]]
        print(f"tasks where lockstep needs more tests than Hypothesis: "
              f"{len(worse)} {' '.join(worse)}")
    if args.per_task:
        print("\n| task |" + "".join(f" {t} tests | {t} ms |" for t in tools))
        print("|---|" + "---:|---:|" * len(tools))
        for task in tasks:
            print(f"| {task} |" + "".join(
                f" {mean[t, task][1]:.1f} | {1000 * mean[t, task][2]:.2f} |"
                for t in tools))
    return verdict


if __name__ == "__main__":
    sys.exit(main())
