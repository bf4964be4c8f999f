"""Re-exports Bazel's native proto rules under the names @bazel_tools loads.

lockstep generates its protobuf and gRPC code with the system protoc instead
(see //tools/build_defs:cc_grpc_library.bzl), because the native proto_library
needs a downloaded @com_google_protobuf.
"""

proto_lang_toolchain = native.proto_lang_toolchain
proto_library = native.proto_library
