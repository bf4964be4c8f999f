"""Compiler options for everything built against LLVM/Clang."""

# LLVM is built without RTTI; classes deriving from its types must be too.
# The lint runs on every build of its users, so it is optimized even in
# fastbuild.
LINT_COPTS = [
    "-fno-rtti",
    "-O2",
]
