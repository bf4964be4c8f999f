"""Counts test results in Bazel build-event JSON files.

Usage: python3 tools/test_summary.py EVENTS.json...

Prints one line per failed test and a closing 'N passed, N failed' line; exits 1
when a test failed or a build did not complete (which leaves tests unrun).
"""

import json
import sys


def main(paths):
    passed, failed, broken_builds = 0, [], 0
    for path in paths:
        config = path.rsplit("/", 1)[-1].removesuffix(".json")
        try:
            with open(path, encoding="utf-8") as f:
                events = [json.loads(line) for line in f if line.strip()]
        except (OSError, json.JSONDecodeError) as error:
            print(f"test_summary: cannot read {path}: {error}")
            broken_builds += 1
            continue
        for event in events:
            summary_id = event.get("id", {}).get("testSummary")
            if summary_id is not None:
                status = event.get("testSummary", {}).get("overallStatus", "NO_STATUS")
                if status == "PASSED":
                    passed += 1
                else:
                    failed.append(f"{summary_id['label']} [{config}]: {status}")
            finished = event.get("finished")
            if finished is not None and finished.get("exitCode", {}).get("code", 0) not in (0, 3):
                # 3 is "tests failed", counted above; anything else broke the build.
                broken_builds += 1
                failed.append(f"bazel [{config}]: {finished['exitCode'].get('name', 'FAILED')}")
    for line in failed:
        print(f"FAILED: {line}")
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed or broken_builds else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: test_summary.py EVENTS.json...", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
