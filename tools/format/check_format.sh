#!/bin/bash
# Checks (or with --fix, applies) Google C++ style per the root .clang-format
# on every C++ file the repository tracks.
#
# Usage: tools/format/check_format.sh [--fix]
set -euo pipefail
cd "$(dirname "$0")/../.."

clang_format=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "${clang_format}" ]]; then
  echo "check_format: clang-format-14 is not installed; run tools/setup." >&2
  exit 1
fi

mode=(--dry-run --Werror)
case "${1:-}" in
  "") ;;
  --fix) mode=(-i) ;;
  *)
    echo "check_format: unknown argument '$1' (usage: check_format.sh [--fix])" >&2
    exit 2
    ;;
esac

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files --cached --others --exclude-standard \
    -- '*.cc' '*.h' '*.cpp' '*.hpp' |
    grep -v -e '^third_party/' -e '^lint/tests/blind/' || true)
else
  mapfile -t files < <(find . \( -path ./third_party -o -path ./lint/tests/blind \) -prune -o \
    \( -name '*.cc' -o -name '*.h' -o -name '*.cpp' -o -name '*.hpp' \) -print)
fi
# Lint fixtures are inputs in exact shapes (line numbers are asserted on).
files=("${files[@]/#*testdata\/*/}")
existing=()
for f in "${files[@]}"; do
  [[ -n "${f}" && -f "${f}" ]] && existing+=("${f}")
done

if [[ ${#existing[@]} -eq 0 ]]; then
  echo "check_format: no C++ files found." >&2
  exit 1
fi
if ! "${clang_format}" "${mode[@]}" --style=file "${existing[@]}"; then
  echo "check_format: files above are not formatted; run tools/format/check_format.sh --fix" >&2
  exit 1
fi
echo "check_format: ${#existing[@]} C++ file(s) formatted per .clang-format."
