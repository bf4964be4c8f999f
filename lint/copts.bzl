"""Compiler options for everything built against LLVM/Clang."""

# LLVM is built without RTTI; classes deriving from its types must be too.
# The lint runs on every build of its users, so it is optimized even in
# fastbuild.
# The sources are C++17; saying so here builds the lint in a workspace that
# pulls lockstep in without that workspace changing its own -std.
LINT_COPTS = [
    "-std=c++17",
    "-fno-rtti",
    "-O2",
]
