#!/bin/sh
echo "lockstep: 'bazel coverage' is unavailable offline: Bazel's coverage tools are a download." >&2
exit 1
