#!/bin/bash
# --suggest-annotations --fix turns inferred guards into annotations: the
# fixed fixtures gain GUARDED_BY in the spelling each file already uses,
# compile cleanly under clang++-14 -Wthread-safety -Werror, and clang then
# enforces the annotation (an unlocked access added afterwards is an error).
# A second run suggests nothing more.
#
# Usage: annotation_fix_test.sh LINT_BINARY CLANG++ FIXTURE_DIR
set -u
lint=$(realpath "$1")
clang=$(realpath "$2")
fixtures=$(realpath "$3")
work="${TEST_TMPDIR:-$(mktemp -d)}/annotate"
rm -rf "${work}" && mkdir -p "${work}" && cp "${fixtures}"/*.cc "${work}/"
chmod u+w "${work}"/*.cc
cd "${work}"
failures=0
check() {  # NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "PASS: ${name}"; else
    echo "FAIL: ${name}"
    failures=$((failures + 1))
  fi
}
compiles() {  # FILE: clang's thread-safety analysis accepts it
  "${clang}" -fsyntax-only -std=c++17 -Wthread-safety -Wthread-safety-beta \
    -Werror "$1" 2>"$1.clang.txt"
}

"${lint}" --suggest-annotations --fix absl_inventory.cc port_mutex_table.cc \
  -- -std=c++17 >fix.txt 2>&1
check "the fix run exits 0" test $? -eq 0
cat fix.txt
check "four absl fixes and two port fixes applied" \
  grep -q "applied 6 of 6 suggested fixes" fix.txt

check "items_ annotated" grep -qF 'std::vector<int> items_ ABSL_GUARDED_BY(mu_);' absl_inventory.cc
check "version_ annotated before its initializer" \
  grep -qF 'int version_ ABSL_GUARDED_BY(mu_) = 0;' absl_inventory.cc
check "array annotated after its bounds" \
  grep -qF 'int recent_[4] ABSL_GUARDED_BY(mu_) = {};' absl_inventory.cc
# Its one access is in a REQUIRES(mu_) helper, a section for it alone.
check "a field touched only by a locked helper annotated" \
  grep -qF 'int cleared_ ABSL_GUARDED_BY(mu_) = 0;' absl_inventory.cc
check "immutable field left alone" \
  grep -qF 'const std::string name_;  // immutable: no guard' absl_inventory.cc
check "the file's own GUARDED_BY spelling used" \
  grep -qF 'std::string last_ GUARDED_BY(mutex_);' port_mutex_table.cc
check "second port field annotated" \
  grep -qF 'int puts_ GUARDED_BY(mutex_) = 0;' port_mutex_table.cc

for file in absl_inventory.cc port_mutex_table.cc; do
  check "${file} compiles under -Wthread-safety -Werror" compiles "${file}"
done

"${lint}" --suggest-annotations absl_inventory.cc port_mutex_table.cc \
  -- -std=c++17 >again.txt 2>&1
check "a second run suggests nothing" \
  bash -c "! grep -q 'is always accessed holding' again.txt"

# The annotations are now enforced by the compiler.
sed 's|^ private:| public:\n  int Peek() const { return version_; }\n private:|' \
  absl_inventory.cc >enforced.cc
check "clang now rejects an unlocked read" bash -c "! \"${clang}\" -fsyntax-only \
  -std=c++17 -Wthread-safety -Werror enforced.cc 2>/dev/null"

echo "${failures} failure(s)"
[[ ${failures} -eq 0 ]]
