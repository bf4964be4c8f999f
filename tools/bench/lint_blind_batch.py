#!/usr/bin/env python3
"""Scores the concurrency lint on a blind batch: files whose expected findings
are marked on their lines with `// EXPECT: <check-name>`.

A marker names the statement it ends: the lines from where that statement
starts (found by matching brackets backwards) to the marker's line, since a
formatter may wrap a statement and leave the marker on its last line. A
finding counts as a true positive when it lies in a marker's statement and
names the marker's check; every other finding (a distinct file, line and
check) is a false positive; every marker with no such finding is a miss. Prints a table per
check and overall, and with --verbose each miss and false positive.

Usage:
  tools/bench/lint_blind_batch.py [--lint=PATH] [--verbose] DIR [DIR...]

--lint defaults to bazel-bin/lint/tool/concurrency-lint (build it first:
bazel build //lint:concurrency-lint). Exits 1 when a file could not be
analysed (the lint's own exit status says so) or no marker was found.
"""

import argparse
import collections
import os
import re
import subprocess
import sys

MARKER = re.compile(r"//\s*EXPECT:\s*(concurrency-[a-z-]+)")
FINDING = re.compile(
    r"^(?P<file>[^:\s]+):(?P<line>\d+):\d+: (?:warning|error): .*"
    r"\[(?P<check>concurrency-[a-z-]+)(?:,[^\]]*)?\]$")


def code_of(line):
    """The line without its // comment (string literals with // are rare
    enough in these files to ignore)."""
    return line.split("//", 1)[0].rstrip()


def statement_start(lines, index):
    """The index of the line where the statement ending on lines[index]
    starts: walking back until the brackets balance and the line before ends
    a statement or a block."""
    depth = 0
    while True:
        for char in reversed(code_of(lines[index])):
            if char in ")]}":
                depth += 1
            elif char in "([{":
                depth -= 1
        previous = code_of(lines[index - 1]).strip() if index > 0 else ""
        if depth <= 0 and (previous == "" or previous.startswith("#") or
                           previous.endswith((";", "{", "}", ":"))):
            return index
        if index == 0:
            return 0
        index -= 1


def expected_findings(path):
    """(path, marker line, check) -> the lines of the marked statement."""
    with open(path, encoding="utf-8") as source:
        lines = source.read().split("\n")
    found = {}
    for index, text in enumerate(lines):
        for match in MARKER.finditer(text):
            start = statement_start(lines, index)
            found[(path, index + 1, match.group(1))] = range(start + 1, index + 2)
    return found


def compile_flags(directory):
    """The batch's compiler flags: -std=c++17 and /usr/include, then those of
    the directory's compile_flags.txt (clang's convention: one flag a line;
    relative -I paths are the directory's), later flags winning."""
    flags = ["-std=c++17", "-I/usr/include"]
    path = os.path.join(directory, "compile_flags.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as listed:
            for flag in (line.strip() for line in listed):
                if flag.startswith("-I") and not os.path.isabs(flag[2:]):
                    flag = "-I" + os.path.join(directory, flag[2:])
                if flag:
                    flags.append(flag)
    return flags


def run_lint(lint, path):
    """The lint's findings in `path`, as (path, line, check); None when the
    file could not be analysed."""
    result = subprocess.run(
        [lint, "--quiet", path, "--"] + compile_flags(os.path.dirname(path)),
        capture_output=True, text=True)
    findings = set()
    for text in (result.stdout + result.stderr).splitlines():
        match = FINDING.match(text)
        if match and os.path.samefile(match.group("file"), path):
            findings.add((path, int(match.group("line")), match.group("check")))
    if result.returncode != 0 and not findings:
        sys.stderr.write(f"{path}: the lint failed (exit {result.returncode}):\n"
                         f"{result.stderr[-2000:]}\n")
        return None
    return findings


def ratio(numerator, denominator):
    return f"{numerator / denominator:.2f}" if denominator else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lint", default="bazel-bin/lint/tool/concurrency-lint")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--min-recall", type=float, default=None,
                        help="exit 1 when the overall recall is below this")
    parser.add_argument("--min-precision", type=float, default=None,
                        help="exit 1 when the overall precision is below this")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    if not os.access(args.lint, os.X_OK):
        sys.exit(f"lint_blind_batch: {args.lint} is not an executable; "
                 "build it with: bazel build //lint:concurrency-lint")

    files = []
    for directory in args.dirs:
        if not os.path.isdir(directory):
            sys.exit(f"lint_blind_batch: {directory} is not a directory")
        files += sorted(os.path.join(directory, name)
                        for name in os.listdir(directory) if name.endswith(".cc"))
    spans, reported, failed = {}, set(), []
    for path in files:
        spans.update(expected_findings(path))
        findings = run_lint(args.lint, path)
        if findings is None:
            failed.append(path)
        else:
            reported |= findings
    if not spans:
        sys.exit("lint_blind_batch: no EXPECT markers found")
    # A finding inside a marked statement stands for its marker.
    expected = set(spans)
    matched = set()
    for path, line, check in set(reported):
        for marker, lines in spans.items():
            if marker[0] == path and marker[2] == check and line in lines:
                reported.discard((path, line, check))
                matched.add(marker)
    reported |= matched

    checks = sorted({check for _, _, check in expected | reported})
    counts = collections.defaultdict(collections.Counter)
    for item in expected | reported:
        kind = ("tp" if item in expected and item in reported else
                "fn" if item in expected else "fp")
        counts[item[2]][kind] += 1
        counts["all"][kind] += 1
    print(f"{len(files)} files, {len(expected)} expected findings, "
          f"{len(reported)} reported\n")
    print("| check | expected | found | missed | false positives | recall | precision |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for check in checks + ["all"]:
        c = counts[check]
        print(f"| {check} | {c['tp'] + c['fn']} | {c['tp']} | {c['fn']} | "
              f"{c['fp']} | {ratio(c['tp'], c['tp'] + c['fn'])} | "
              f"{ratio(c['tp'], c['tp'] + c['fp'])} |")
    if args.verbose:
        for path, line, check in sorted(expected - reported):
            print(f"missed: {path}:{line} {check}")
        for path, line, check in sorted(reported - expected):
            print(f"false positive: {path}:{line} {check}")
    if failed:
        print(f"\n{len(failed)} file(s) could not be analysed: {' '.join(failed)}")
        return 1
    total = counts["all"]
    recall = total["tp"] / max(1, total["tp"] + total["fn"])
    precision = total["tp"] / max(1, total["tp"] + total["fp"])
    below = []
    if args.min_recall is not None and recall < args.min_recall:
        below.append(f"recall {recall:.2f} < {args.min_recall:.2f}")
    if args.min_precision is not None and precision < args.min_precision:
        below.append(f"precision {precision:.2f} < {args.min_precision:.2f}")
    if below:
        print("lint_blind_batch: below the bar: " + ", ".join(below))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
