"""Times concurrency-lint against `clang++-14 -fsyntax-only` on the same files.

Both get the same compiler flags and the same translation units: lockstep's
own C++ (lint/, tests/, tools/) and examples/. Each pass runs every file once
through each tool, alternating, so drift in the machine's speed hits both
alike. Prints per-pass totals, the median ratio, and each tool's peak memory
(largest single process, from the kernel's accounting of each child).

Usage (from the repository root, after `bazel build //lint:concurrency-lint`):
  python3 tools/bench/lint_vs_syntax_only.py [--passes N] [FILE...]
Another code base (run from its root, files relative to it):
  python3 .../lint_vs_syntax_only.py --lint .../concurrency-lint \
      --flags "-std=c++17 -I. -Iinclude" FILE...

A benchmark, not a test: the target (lint <= 1.3x syntax-only) is checked by
reading its output, never asserted in CI.
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys
import time

LINT = "bazel-bin/lint/tool/concurrency-lint"
CLANG = "clang++-14"
FLAGS = [
    "-std=c++17",
    "-I.",
    "-Ibazel-bin/external/system_libs/_virtual_includes/clang_resource_dir",
    "-isystem", "/usr/lib/llvm-14/include",
    "-Itools/build_defs/tests/thread_safety/include",
    "-DLOCKSTEP_FIXTURE_CAPACITY=3",
]
DEFAULT_GLOBS = [
    "lint/**/*.cc",
    "tests/**/*.cc",
    "tools/build_defs/tests/thread_safety/*.cc",
    "examples/**/*.cc",
]


def run(command):
    """Runs command; returns (wall seconds, peak RSS in KiB, exit status)."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--flags", default=None,
                        help="compiler flags for another code base, replacing "
                             "lockstep's own (one string, split on spaces)")
    parser.add_argument("--lint", default=LINT, help="the lint binary")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    flags = args.flags.split() if args.flags is not None else FLAGS
    lint = os.path.abspath(args.lint)
    if not os.path.exists(lint):
        sys.exit(f"{lint} is missing: run `bazel build //lint:concurrency-lint` first")
    files = args.files or sorted(
        f for pattern in DEFAULT_GLOBS for f in glob.glob(pattern, recursive=True)
        if "/testdata/" not in f)
    # Generated headers (e.g. .pb.h) are not in the source tree.
    files = [f for f in files if "echo_over_socketpair" not in f]
    print(f"{len(files)} translation units, {args.passes} passes")

    lint_totals, clang_totals = [], []
    lint_peak = clang_peak = 0
    for number in range(args.passes + 1):  # the first pass warms caches
        lint_total = clang_total = 0.0
        for f in files:
            seconds, rss, status = run([lint, "--quiet", f, "--"] + flags)
            if status not in (0, 1):
                sys.exit(f"concurrency-lint failed on {f} (exit {status})")
            lint_total += seconds
            lint_peak = max(lint_peak, rss)
            seconds, rss, status = run([CLANG, "-fsyntax-only"] + flags + [f])
            if status != 0:
                sys.exit(f"clang++-14 -fsyntax-only failed on {f} (exit {status})")
            clang_total += seconds
            clang_peak = max(clang_peak, rss)
        if number == 0:
            continue
        lint_totals.append(lint_total)
        clang_totals.append(clang_total)
        print(f"pass {number}: lint {lint_total:.2f} s, syntax-only {clang_total:.2f} s, "
              f"ratio {lint_total / clang_total:.3f}")

    ratios = [l / c for l, c in zip(lint_totals, clang_totals)]
    print(f"median: lint {statistics.median(lint_totals):.2f} s, "
          f"syntax-only {statistics.median(clang_totals):.2f} s, "
          f"ratio {statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f})")
    print(f"peak memory: lint {lint_peak / 1024:.0f} MiB, "
          f"syntax-only {clang_peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
