"""Re-exports Bazel's native Java rules under the names @bazel_tools loads.

lockstep has no Java code; these names exist only so that @bazel_tools resolves
without a download.
"""

java_binary = native.java_binary
java_import = native.java_import
java_library = native.java_library
java_plugin = native.java_plugin
java_runtime = native.java_runtime
java_test = native.java_test
java_toolchain = native.java_toolchain
