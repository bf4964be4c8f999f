"""Bazel targets for the Debian system libraries lockstep builds against.

lockstep builds offline, so its C++ dependencies are Debian's -dev packages rather
than downloaded sources. This repository rule asks pkg-config for each library's
link flags, so every target links on its own: a target that depends only on
@system_libs//:absl_synchronization gets exactly the libraries that module needs.
Headers under /usr/include are the compiler's built-in include path and need no
declaration; LLVM/Clang headers live under /usr/lib/llvm-14 and are declared here.
"""

# Bazel target name -> pkg-config module. Extend as components need more of Abseil.
# The repository these rules come from, as the generated BUILD file must name
# it: "" in lockstep's own workspace, "lockstep" (or whatever a consumer calls
# it) when another workspace pulls lockstep in.
_LOCKSTEP = Label("//tools/build_defs:tsan_enabled").workspace_name

_PKG_CONFIG_MODULES = {
    "absl_base": "absl_base",
    "absl_cleanup": "absl_cleanup",
    "absl_flat_hash_map": "absl_flat_hash_map",
    "absl_flat_hash_set": "absl_flat_hash_set",
    "absl_flags": "absl_flags",
    "absl_flags_parse": "absl_flags_parse",
    "absl_hash": "absl_hash",
    "absl_inlined_vector": "absl_inlined_vector",
    "absl_optional": "absl_optional",
    "absl_random": "absl_random_random",
    "absl_span": "absl_span",
    "absl_status": "absl_status",
    "absl_statusor": "absl_statusor",
    "absl_str_format": "absl_str_format",
    "absl_strings": "absl_strings",
    "absl_synchronization": "absl_synchronization",
    "absl_time": "absl_time",
    "gmock": "gmock",
    "gmock_main": "gmock_main",
    "grpcpp": "grpc++",
    "gtest": "gtest",
    "gtest_main": "gtest_main",
    "protobuf": "protobuf",
}

# Host tools the build runs, found on PATH.
_TOOLS = {
    "clang++-14": "clang++-14",
    "clang-tidy-14": "clang-tidy-14",
    "grpc_cpp_plugin": "grpc_cpp_plugin",
    "protoc": "protoc",
}

_LLVM_ROOT = "/usr/lib/llvm-14"

# Clang-tidy's own libraries ship only as static archives in libclang-14-dev;
# their Clang/LLVM dependencies resolve against libclang-cpp and libLLVM.
_CLANG_TIDY_ARCHIVES = [
    "clangTidy",
    "clangTidyUtils",
]

_SETUP_HINT = "Run tools/setup to install lockstep's Debian packages."

def _pkg_config(rctx, flag, module):
    result = rctx.execute(["pkg-config", flag, module])
    if result.return_code != 0:
        fail("lockstep: pkg-config %s %s failed: %s\n%s" % (
            flag,
            module,
            result.stderr.strip(),
            _SETUP_HINT,
        ))
    return [f for f in result.stdout.strip().split(" ") if f]

def _library_rule(name, linkopts, defines, deps = "[]"):
    return """cc_library(
    name = "{name}",
    defines = {defines},
    linkopts = {linkopts},
    deps = {deps},
)
""".format(name = name, defines = repr(defines), linkopts = repr(linkopts), deps = deps)

# Abseil's synchronization sources, compiled with ThreadSanitizer under
# --config=tsan (Debian's build is not instrumented, so TSan cannot see
# absl::Mutex). Linked whole into the executable, they take the place of the
# shared library's Mutex, CondVar and Notification.
_ABSL_TSAN_SOURCES = [
    "absl/synchronization/barrier.cc",
    "absl/synchronization/blocking_counter.cc",
    "absl/synchronization/mutex.cc",
    "absl/synchronization/notification.cc",
]

def _absl_tsan_library(rctx):
    source = rctx.os.environ.get("LOCKSTEP_ABSEIL_SOURCE", "/var/cache/lockstep/abseil-src")
    srcs = []
    if rctx.path(source + "/absl/synchronization/mutex.cc").exists:
        for path in _ABSL_TSAN_SOURCES:
            rctx.symlink(source + "/" + path, "absl_tsan/" + path)
            srcs.append("absl_tsan/" + path)
    else:
        rctx.file("absl_tsan/missing.cc", """#error "lockstep: --config=tsan needs Abseil's source \
in {source}; run tools/setup (tools/fetch_abseil_source)."
""".format(source = source))
        srcs.append("absl_tsan/missing.cc")
    return """cc_library(
    name = "absl_synchronization_tsan",
    srcs = {srcs},
    alwayslink = True,
)
""".format(srcs = repr(srcs))

def _system_libraries_impl(rctx):
    if not rctx.which("pkg-config"):
        fail("lockstep: pkg-config is not installed. " + _SETUP_HINT)
    rules = ['package(default_visibility = ["//visibility:public"])\n']

    for name, module in sorted(_PKG_CONFIG_MODULES.items()):
        linkopts = _pkg_config(rctx, "--libs", module)
        cflags = _pkg_config(rctx, "--cflags", module)
        defines = [f[2:] for f in cflags if f.startswith("-D")]
        deps = "[]"
        if name == "grpcpp":
            deps = """select({
        "@%s//tools/build_defs:tsan_enabled": ["@%s//tools/tsan:grpc_suppressions"],
        "//conditions:default": [],
    })""" % (_LOCKSTEP, _LOCKSTEP)
        if name == "absl_synchronization":
            deps = """select({
        "@%s//tools/build_defs:tsan_enabled": [":absl_synchronization_tsan"],
        "//conditions:default": [],
    })""" % _LOCKSTEP
        rules.append(_library_rule(name, linkopts, defines, deps))
    rules.append(_absl_tsan_library(rctx))

    for name, binary in sorted(_TOOLS.items()):
        path = rctx.which(binary)
        if not path:
            fail("lockstep: '%s' is not on PATH. %s" % (binary, _SETUP_HINT))
        rctx.symlink(path, "bin/" + name)
    rules.append("exports_files(%s)\n" % repr(["bin/" + n for n in sorted(_TOOLS)]))

    if not rctx.path(_LLVM_ROOT + "/include/clang/Tooling/Tooling.h").exists:
        fail("lockstep: Clang 14 libTooling headers are missing under %s. %s" % (
            _LLVM_ROOT,
            _SETUP_HINT,
        ))
    rctx.symlink(_LLVM_ROOT + "/include", "llvm/include")
    rules.append("""cc_library(
    name = "clang_tooling",
    hdrs = glob(["llvm/include/**/*.h", "llvm/include/**/*.def", "llvm/include/**/*.inc"]),
    includes = ["llvm/include"],
    linkopts = [
        "-L{root}/lib",
        "-Wl,-rpath,{root}/lib",
        "-lclang-cpp",
        "-lLLVM-14",
    ],
)
""".format(root = _LLVM_ROOT))

    resource_dir = rctx.execute([str(rctx.path("bin/clang++-14")), "-print-resource-dir"])
    if resource_dir.return_code != 0:
        fail("lockstep: 'clang++-14 -print-resource-dir' failed: " + resource_dir.stderr)
    rctx.file("clang_resource_dir/clang_resource_dir.h", """// Generated by system_libraries.bzl.
#ifndef LOCKSTEP_CLANG_RESOURCE_DIR
#define LOCKSTEP_CLANG_RESOURCE_DIR "{dir}"
#endif
""".format(dir = resource_dir.stdout.strip()))
    rules.append("""# Where clang-14 keeps its builtin headers (stddef.h, ...), which a libTooling
# binary outside the LLVM tree cannot find by itself.
cc_library(
    name = "clang_resource_dir",
    hdrs = ["clang_resource_dir/clang_resource_dir.h"],
    include_prefix = "lockstep",
    strip_include_prefix = "clang_resource_dir",
)
""")

    archives = []
    for archive in _CLANG_TIDY_ARCHIVES:
        path = "%s/lib/lib%s.a" % (_LLVM_ROOT, archive)
        if not rctx.path(path).exists:
            fail("lockstep: %s is missing. %s" % (path, _SETUP_HINT))
        rctx.symlink(path, "llvm/lib/lib%s.a" % archive)
        archives.append("llvm/lib/lib%s.a" % archive)
    rules.append("""cc_library(
    name = "clang_tidy",
    srcs = {archives},
    linkstatic = True,
    deps = [":clang_tooling"],
)
""".format(archives = repr(archives)))

    rctx.file("WORKSPACE", 'workspace(name = "%s")\n' % rctx.name)
    rctx.file("BUILD", "\n".join(rules))

system_libraries = repository_rule(
    implementation = _system_libraries_impl,
    local = True,
    environ = ["PATH", "PKG_CONFIG_PATH", "LOCKSTEP_ABSEIL_SOURCE"],
    doc = "Declares Debian's system C++ libraries and host tools as Bazel targets.",
)
