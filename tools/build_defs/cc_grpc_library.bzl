"""cc_grpc_library: C++ protobuf messages and gRPC stubs from .proto files.

Bazel 4's native proto_library needs a downloaded @com_google_protobuf, so this
macro runs Debian's protoc and grpc_cpp_plugin in a genrule and wraps the output
in a cc_library. Import paths are relative to the workspace root, e.g.
`import "server_bridge/proto/common.proto";`.
"""

_PROTOC = "@system_libs//:bin/protoc"
_GRPC_PLUGIN = "@system_libs//:bin/grpc_cpp_plugin"

def cc_grpc_library(
        name,
        srcs,
        proto_deps = [],
        deps = [],
        grpc = True,
        visibility = None,
        testonly = False):
    """Generates a cc_library from .proto files.

    Args:
      name: name of the cc_library.
      srcs: .proto files in this package.
      proto_deps: other cc_grpc_library targets whose .proto files srcs import.
      deps: extra C++ dependencies of the generated code.
      grpc: whether to generate gRPC service stubs (*.grpc.pb.{h,cc}).
      visibility: visibility of the cc_library and the .proto filegroup.
      testonly: as for any rule.
    """
    headers = []
    sources = []
    for src in srcs:
        if not src.endswith(".proto"):
            fail("cc_grpc_library %s: '%s' is not a .proto file" % (name, src))
        base = src[:-len(".proto")]
        headers.append(base + ".pb.h")
        sources.append(base + ".pb.cc")
        if grpc:
            headers.append(base + ".grpc.pb.h")
            sources.append(base + ".grpc.pb.cc")

    grpc_flags = ""
    if grpc:
        grpc_flags = ("--grpc_out=$(GENDIR) " +
                      "--plugin=protoc-gen-grpc=$(execpath %s) " % _GRPC_PLUGIN)

    # Every cc_grpc_library exports its .proto files so that importers can
    # hand them to protoc.
    native.filegroup(
        name = name + "_protos",
        srcs = srcs + [d + "_protos" for d in proto_deps],
        visibility = visibility,
        testonly = testonly,
    )
    native.genrule(
        name = name + "_codegen",
        srcs = srcs + [d + "_protos" for d in proto_deps],
        outs = headers + sources,
        tools = [_PROTOC] + ([_GRPC_PLUGIN] if grpc else []),
        cmd = ("$(execpath %s) --proto_path=. --cpp_out=$(GENDIR) " % _PROTOC +
               grpc_flags +
               " ".join(["$(execpath %s)" % s for s in srcs])),
        testonly = testonly,
    )
    native.cc_library(
        name = name,
        srcs = sources,
        hdrs = headers,
        deps = deps + proto_deps + [
            "@system_libs//:protobuf",
        ] + (["@system_libs//:grpcpp"] if grpc else []),
        visibility = visibility,
        testonly = testonly,
    )
