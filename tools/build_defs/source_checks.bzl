"""Per-file source checks as cached Bazel actions, reported by a test.

A check (clang's thread-safety analysis, lockstep's concurrency lint) runs once
per source file of the given cc_library/cc_binary targets, in its own action,
with the target's real include paths and defines. Each action records its result
in a log, so unchanged files are never re-checked and the work spreads over
remote execution like compiles do. The test reads the logs and fails with the
diagnostics when any file fails.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

CC_SOURCE_EXTENSIONS = ["c", "cc", "cpp", "cxx", "c++", "C"]
CC_HEADER_EXTENSIONS = ["h", "hh", "hpp", "hxx", "inc", "H"]
_CC_SOURCE_EXTENSIONS = CC_SOURCE_EXTENSIONS
_CC_HEADER_EXTENSIONS = CC_HEADER_EXTENSIONS

# Flags GCC understands and clang rejects or warns about. Bazel's auto-detected
# GCC toolchain adds some of them to every compile; a clang-based tool given the
# same command line must drop them (as bazel_clang_tidy does).
_GCC_ONLY_FLAGS = [
    "-fno-canonical-system-headers",
    "-fstack-usage",
    "-fno-tree-pre",
    "-fconserve-stack",
    "-fno-var-tracking-assignments",
    "-Wunused-but-set-parameter",
    "-Wno-free-nonheap-object",
    "-Wno-maybe-uninitialized",
    "-Wno-class-memaccess",
    "-Wno-stringop-overflow",
    "-Wno-stringop-truncation",
    "-Wno-psabi",
    "-pass-exit-codes",
]
_GCC_ONLY_FLAG_PREFIXES = [
    "-fmax-errors=",
    "-fcompare-debug",
    "-fdiagnostics-color=",
]

CheckedSourcesInfo = provider(
    doc = "The hand-written sources of a C++ target and how to compile them.",
    fields = {
        "sources": "list of File: the target's own non-generated .cc and .h files",
        "headers": "depset of File: every header the sources may include",
        "flags": "list of string: include paths and defines, as compiler flags",
    },
)

def _compilation_context(target, rule_attr):
    if CcInfo in target:
        return target[CcInfo].compilation_context

    # cc_binary and cc_test provide no CcInfo; their sources see their deps'.
    infos = [dep[CcInfo] for dep in getattr(rule_attr, "deps", []) if CcInfo in dep]
    return cc_common.merge_cc_infos(cc_infos = infos).compilation_context

def _compile_flags(context, rule_attr):
    flags = []
    for define in context.defines.to_list():
        flags.append("-D" + define)
    for define in getattr(rule_attr, "local_defines", []):
        flags.append("-D" + define)
    for path in context.includes.to_list():
        flags.append("-I" + path)
    for path in context.quote_includes.to_list():
        flags.append("-iquote" + path)
    for path in context.system_includes.to_list():
        flags.append("-isystem" + path)

    # Keep the copts that change what the code means; drop GCC-only tuning.
    for copt in getattr(rule_attr, "copts", []):
        if copt.startswith(("-D", "-U", "-I", "-std=")):
            flags.append(copt)
    return flags

def _checked_sources_aspect_impl(target, ctx):
    if not hasattr(ctx.rule.attr, "srcs") and not hasattr(ctx.rule.attr, "hdrs"):
        return [CheckedSourcesInfo(sources = [], headers = depset(), flags = [])]
    context = _compilation_context(target, ctx.rule.attr)
    sources = []
    for attr in ("srcs", "hdrs", "textual_hdrs"):
        for dep in getattr(ctx.rule.attr, attr, []):
            for f in dep.files.to_list():
                if not f.is_source or f.owner.workspace_name != "":
                    continue
                if f.extension in _CC_SOURCE_EXTENSIONS or f.extension in _CC_HEADER_EXTENSIONS:
                    sources.append(f)
    return [CheckedSourcesInfo(
        sources = sources,
        headers = context.headers,
        flags = _compile_flags(context, ctx.rule.attr),
    )]

checked_sources_aspect = aspect(
    implementation = _checked_sources_aspect_impl,
    doc = "Collects a C++ target's own sources and its compile flags.",
)

def _shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

def _expand_tool_args(template, src, flags, out = None, summaries = []):
    args = []
    for arg in template:
        if arg == "{flags}":
            args += flags
        elif arg == "{src}":
            args.append(src.path)
        elif arg == "{out}":
            args.append(out.path)
        elif arg == "{summaries}":
            if summaries:
                args.append(",".join([f.path for f in summaries]))
        else:
            args.append(arg)
    return args

def _summaries(ctx, tool, summary_args, mnemonic):
    """One summary action per source of every dep: the first half of a run
    whose files are judged together (see lint/analysis/access_summary.h)."""
    summaries = []
    for dep in ctx.attr.deps:
        info = dep[CheckedSourcesInfo]
        for src in info.sources:
            out = ctx.actions.declare_file("%s/%s.summary" % (ctx.label.name, src.short_path))
            ctx.actions.run(
                executable = tool,
                arguments = _expand_tool_args(summary_args, src, info.flags, out = out),
                inputs = depset([src], transitive = [info.headers]),
                outputs = [out],
                mnemonic = mnemonic + "Summary",
                progress_message = "%sSummary %s" % (mnemonic, src.short_path),
            )
            summaries.append(out)
    return summaries

def source_check_test_impl(ctx, tool, tool_args, tool_inputs, mnemonic, summary_args = None):
    """Shared implementation of the source check test rules.

    Args:
      ctx: the rule context; needs attrs deps, expect_check_failure,
        expected_diagnostics, _record and _report.
      tool: File, the checker executable.
      tool_args: list of string, the tool's arguments for one file; the element
        "{flags}" expands to the target's compile flags and "{src}" to the file.
      tool_inputs: list of File the tool needs besides the sources and headers.
      mnemonic: Bazel action mnemonic.
      summary_args: optional list of string, the tool's arguments to summarize
        one file into "{out}"; every check action then gets all the summaries
        where its tool_args say "{summaries}" (a comma-separated list).

    Returns:
      The test rule's providers.
    """
    summaries = _summaries(ctx, tool, summary_args, mnemonic) if summary_args else []
    return source_check_report(ctx, _check_actions(ctx, tool, tool_args, tool_inputs, mnemonic, summaries))

def _check_actions(ctx, tool, tool_args, tool_inputs, mnemonic, summaries):
    logs = []
    for dep in ctx.attr.deps:
        info = dep[CheckedSourcesInfo]
        for src in info.sources:
            log = ctx.actions.declare_file("%s/%s.log" % (ctx.label.name, src.short_path))
            ctx.actions.run(
                executable = ctx.executable._record,
                arguments = [log.path, src.short_path, "--", tool.path] +
                            _expand_tool_args(tool_args, src, info.flags, summaries = summaries),
                inputs = depset([src] + tool_inputs + summaries, transitive = [info.headers]),
                tools = [tool],
                outputs = [log],
                mnemonic = mnemonic,
                progress_message = "%s %s" % (mnemonic, src.short_path),
            )
            logs.append(log)
    return logs

def source_check_report(ctx, logs, expected_diagnostics = None):
    """The test that reads per-file check logs and passes or fails.

    Args:
      ctx: the rule context; needs attrs expect_check_failure,
        expected_diagnostics, expected_finding_count and _report.
      logs: list of File in //tools/build_defs:record_check.sh's format
        (exit_status=N, source=FILE, then the diagnostics).
      expected_diagnostics: optional list of string to use instead of
        ctx.attr.expected_diagnostics.

    Returns:
      The test rule's providers.
    """
    if expected_diagnostics == None:
        expected_diagnostics = ctx.attr.expected_diagnostics
    options = []
    if ctx.attr.expect_check_failure:
        options.append("--expect-failure")
    for text in expected_diagnostics:
        options += ["--expect-text", text]
    if ctx.attr.expected_finding_count >= 0:
        options += ["--expect-count", str(ctx.attr.expected_finding_count)]
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        output = script,
        is_executable = True,
        content = "#!/bin/bash\nexec %s %s %s -- %s\n" % (
            _shell_quote(ctx.executable._report.short_path),
            _shell_quote(str(ctx.label)),
            " ".join([_shell_quote(o) for o in options]),
            " ".join([_shell_quote(l.short_path) for l in logs]),
        ),
    )
    runfiles = ctx.runfiles(files = logs + [ctx.executable._report])
    return [DefaultInfo(executable = script, runfiles = runfiles)]

def source_check_test_attrs(extra = {}, aspects = []):
    """Attributes every source check test rule has.

    Args:
      extra: dict of more attributes.
      aspects: more aspects to apply to deps (besides checked_sources_aspect).

    Returns:
      A dict of attributes.
    """
    attrs = {
        "deps": attr.label_list(
            aspects = [checked_sources_aspect] + aspects,
            doc = "cc_library/cc_binary/cc_test targets whose own sources are checked.",
        ),
        "expect_check_failure": attr.bool(
            doc = "For the checker's own negative tests: pass only if the check fails.",
        ),
        "expected_diagnostics": attr.string_list(
            doc = "With expect_check_failure: texts that must appear in the diagnostics.",
        ),
        "expected_finding_count": attr.int(
            default = -1,
            doc = "With expect_check_failure: the exact number of warnings.",
        ),
        "_record": attr.label(
            default = "//tools/build_defs:record_check.sh",
            executable = True,
            cfg = "exec",
            allow_single_file = True,
        ),
        "_report": attr.label(
            default = "//tools/build_defs:report_checks.sh",
            executable = True,
            cfg = "target",
            allow_single_file = True,
        ),
    }
    attrs.update(extra)
    return attrs

def own_cc_files(rule_attr):
    """The hand-written C/C++ sources and headers of a rule, in their order.

    Generated files and files of other repositories (external/...) are left
    out: a check is about the code of the workspace being built.

    Args:
      rule_attr: ctx.rule.attr of an aspect.

    Returns:
      A pair (sources, headers), two lists of File.
    """
    sources = []
    headers = []
    for attr in ("srcs", "hdrs", "textual_hdrs"):
        for dep in getattr(rule_attr, attr, []):
            for f in dep.files.to_list():
                if not f.is_source or f.owner.workspace_name != "":
                    continue
                if f.extension in CC_SOURCE_EXTENSIONS:
                    sources.append(f)
                elif f.extension in CC_HEADER_EXTENSIONS:
                    headers.append(f)
    return sources, headers

def target_compilation_context(target, rule_attr):
    """The CcInfo compilation context a target's own sources compile with.

    Args:
      target: the Target an aspect runs on.
      rule_attr: its ctx.rule.attr.

    Returns:
      A CompilationContext.
    """
    return _compilation_context(target, rule_attr)

def is_clang_compatible_flag(flag):
    """False for the GCC-only flags a clang-based tool must not be given."""
    if flag in _GCC_ONLY_FLAGS:
        return False
    for prefix in _GCC_ONLY_FLAG_PREFIXES:
        if flag.startswith(prefix):
            return False
    return True

def toolchain_compile_flags(ctx, context, rule_attr, c_source = False):
    """The compiler flags the C++ toolchain really uses for a target's sources.

    Asks the configured C++ toolchain for its compile command line (features,
    --copt/--cxxopt/--conlyopt, the target's copts, its include paths and
    defines), as bazel_clang_tidy does, without -c/-o and the source file, and
    drops GCC-only flags a clang-based tool rejects. The rule's copts come
    last, so a target's own -std=c++20 wins over --cxxopt=-std=c++17, as in
    its real compile.

    Args:
      ctx: an aspect context with a _cc_toolchain attribute and the "cpp"
        fragment.
      context: the target's CompilationContext.
      rule_attr: ctx.rule.attr (copts, local_defines).
      c_source: True for the C compile command line (.c files).

    Returns:
      A list of string.
    """
    cc_toolchain = find_cpp_toolchain(ctx)
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    cpp = ctx.fragments.cpp
    user_flags = list(cpp.copts)
    user_flags += cpp.conlyopts if c_source else cpp.cxxopts
    user_flags += getattr(rule_attr, "copts", [])
    defines = context.defines.to_list() + getattr(rule_attr, "local_defines", [])

    # Bazel compiles every file of the main repository with -iquote . and the
    # output directories; a cc_binary without deps has no context that says so.
    quote_includes = depset(
        [".", ctx.genfiles_dir.path, ctx.bin_dir.path],
        transitive = [context.quote_includes],
    )
    variables = cc_common.create_compile_variables(
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        user_compile_flags = user_flags,
        include_directories = context.includes,
        quote_include_directories = quote_includes,
        system_include_directories = context.system_includes,
        framework_include_directories = context.framework_includes,
        preprocessor_defines = depset(defines),
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = feature_configuration,
        action_name = ACTION_NAMES.c_compile if c_source else ACTION_NAMES.cpp_compile,
        variables = variables,
    )
    return [f for f in flags if is_clang_compatible_flag(f)]
