#!/usr/bin/python3
"""Hypothesis's side of the peer throughput benchmark.

The same properties as lockstep_throughput.cc; prints one key=value line.

  hypothesis_throughput.py trivial|heavy CASES MAX [DRAWS] [SEED]
"""
import sys
import time

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st


def main():
    prop, cases, top = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    draws = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    the_seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    calls = [0]
    config = settings(max_examples=cases, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck),
                      phases=[Phase.generate])

    if prop == "trivial":
        @seed(the_seed)
        @config
        @given(st.integers(0, top))
        def test(x):
            calls[0] += 1
            assert x >= 0
    else:
        ints = st.integers(0, top)

        @seed(the_seed)
        @config
        @given(st.data())
        def test(data):
            calls[0] += 1
            total = 0
            for _ in range(draws):
                total += data.draw(ints)
            assert total >= 0

    start = time.monotonic()
    test()
    seconds = time.monotonic() - start
    # Hypothesis does not report how many cases ran; the body count is it
    # (it stops early once a small search space is used up).
    print(f"{prop} cases_run={calls[0]} body_calls={calls[0]} "
          f"seconds={seconds:.6f} ok=1")


if __name__ == "__main__":
    main()
