// ThreadSanitizer suppressions, compiled into every binary that links gRPC
// under --config=tsan (see @system_libs//:grpcpp).
//
// Debian's gRPC is not built with ThreadSanitizer. It hands the bytes a
// caller serialized to its own I/O threads through lock-free machinery TSan
// cannot see, so TSan reports the caller's writes racing with gRPC's
// sendmsg(). Races with gRPC's code on either stack are ignored; races
// between lockstep's own accesses are still reported. gRPC passes
// absl::Status and absl::Cord objects between its threads; their code lives
// in Debian's (equally uninstrumented) Abseil libraries, whose frames stop
// TSan's unwinder before it reaches gRPC's, so races topped by those
// libraries are ignored too. (Abseil's synchronization is instrumented and
// linked into the executable, so it is not affected.)
extern "C" const char* __tsan_default_suppressions() {
  return "called_from_lib:libgrpc.so.29\n"
         "race:libgrpc.so.29\n"
         "race:libgpr.so.29\n"
         // called_from_lib wants exactly one library per line.
         "called_from_lib:libabsl_status.so.20220623\n"
         "called_from_lib:libabsl_cord.so.20220623\n"
         "called_from_lib:libabsl_time.so.20220623\n"
         "race:libabsl_*\n"
         "called_from_lib:libprotobuf.so.32\n"
         "race:libprotobuf.so.32\n";
}
