#!/usr/bin/env python3
"""Stateful testing: lockstep against RapidCheck's rc::state, side by side.

For each example system of examples/stateful/ (a bounded queue, a key-value
store, an allocator, a file-handle table, each with its planted bug) and
each seed 1..SEEDS: whether the minimal failing program is the known
minimal one, and the shrink calls it took (lockstep: Result::shrink_calls;
RapidCheck: property runs minus the tests before the failure). Then the
steps per second of a trivial two-command machine in both tools.

  tools/bench/stateful/run_stateful.py [--seeds=20] [--cases=20000]
      [--lockstep=PATH]   (a built lockstep_stateful; else bazel -c opt)

RapidCheck's side (rapidcheck_stateful.cc) is compiled with g++ into
~/.cache/lockstep-bench/, never into the repository.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
HERE = os.path.join(REPO, "tools", "bench", "stateful")
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME",
                                    os.path.expanduser("~/.cache")),
                     "lockstep-bench")

# The known minimal programs, as RapidCheck's commands show them (handles
# are symbolic ids there: RapidCheck has no pools).
RC_MINIMAL = {
    "queue": ["Push(0)", "Push(0)", "Push(0)", "Pop()", "Push(0)"],
    "kv": ["Put(0, 0)", "Delete(0)", "Get(0)"],
    "allocator": ["Alloc()", "Free(0)", "Alloc()", "Alloc()"],
    "files": ['Open("a")', "Close(0)", "Close(0)"],
}


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=False, text=True, capture_output=True,
                          **kwargs)


def build(lockstep):
    if lockstep is None:
        subprocess.run(["bazel", "build", "-c", "opt", "--symlink_prefix=/",
                        "//tools/bench/stateful:lockstep_stateful"],
                       cwd=REPO, check=True)
        bin_dir = run(["bazel", "info", "-c", "opt", "bazel-bin"],
                      cwd=REPO).stdout.strip()
        lockstep = os.path.join(bin_dir,
                                "tools/bench/stateful/lockstep_stateful")
    os.makedirs(CACHE, exist_ok=True)
    rapidcheck = os.path.join(CACHE, "rapidcheck_stateful")
    subprocess.run(["g++", "-std=c++17", "-O2", "-I", REPO, "-o", rapidcheck,
                    os.path.join(HERE, "rapidcheck_stateful.cc"),
                    "-lrapidcheck"], check=True)
    return lockstep, rapidcheck


def lockstep_quality(binary, seeds):
    out = run([binary, "quality", str(seeds)], cwd=CACHE).stdout
    results = {}
    for m in re.finditer(r"^quality (\w+) seed=\d+ exact=(\d) "
                         r"shrink_calls=(\d+)", out, re.M):
        results.setdefault(m.group(1), []).append(
            (m.group(2) == "1", int(m.group(3))))
    return results


def rapidcheck_quality(binary, seeds):
    results = {}
    for system, minimal in RC_MINIMAL.items():
        for seed in range(1, seeds + 1):
            done = run([binary, system], cwd=CACHE,
                       env=dict(os.environ, RC_PARAMS=f"seed={seed}"))
            out = done.stdout + done.stderr  # RapidCheck reports on stderr
            tests = re.search(r"Falsifiable after (\d+) tests", out)
            runs = re.search(r"^runs=(\d+)", out, re.M)
            program = []
            lines = out.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("std::vector<"):
                    for step in lines[i + 1:]:
                        if not step.strip():
                            break
                        program.append(step.strip())
                    break
            calls = int(runs.group(1)) - int(tests.group(1)) \
                if tests and runs else 0
            results.setdefault(system, []).append((program == minimal, calls))
    return results


def throughput(cmd, env=None):
    out = run(cmd, cwd=CACHE, env=env).stdout
    m = re.search(r"steps=(\d+) seconds=([\d.]+) steps_per_second=(\d+)", out)
    return (int(m.group(1)), float(m.group(2)), int(m.group(3))) if m else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--lockstep", default=None)
    args = parser.parse_args()
    lockstep, rapidcheck = build(args.lockstep)
    ours = lockstep_quality(lockstep, args.seeds)
    theirs = rapidcheck_quality(rapidcheck, args.seeds)
    print("| system | tool | known minimum | mean shrink calls |")
    print("|---|---|---:|---:|")
    for system in RC_MINIMAL:
        for tool, results in (("lockstep", ours), ("RapidCheck", theirs)):
            runs = results.get(system, [])
            exact = sum(1 for ok, _ in runs if ok)
            calls = statistics.mean(c for _, c in runs) if runs else 0
            print(f"| {system} | {tool} | {exact}/{len(runs)} | {calls:.1f} |")
    print()
    print("| trivial machine | tool | cases | steps | s | steps/s |")
    print("|---|---|---:|---:|---:|---:|")
    for tool, cmd, tool_env in (
            ("lockstep", [lockstep, "throughput", str(args.cases)], None),
            ("RapidCheck", [rapidcheck, "throughput"],
             dict(os.environ, RC_PARAMS=f"seed=1 max_success={args.cases}"))):
        t = throughput(cmd, tool_env)
        if t is None:
            print(f"| two commands | {tool} | failed to run | | | |")
            continue
        print(f"| two commands | {tool} | {args.cases} | {t[0]} | {t[1]:.3f} "
              f"| {t[2]:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
