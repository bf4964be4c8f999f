// ThreadSanitizer suppressions, compiled into every binary that links gRPC
// under --config=tsan (see @system_libs//:grpcpp).
//
// Debian's gRPC is not built with ThreadSanitizer. It hands the bytes a
// caller serialized to its own I/O threads through lock-free machinery TSan
// cannot see, so TSan reports the caller's writes racing with gRPC's
// sendmsg(). Races with gRPC's code on either stack are ignored; races
// between lockstep's own accesses are still reported.
extern "C" const char* __tsan_default_suppressions() {
  return "called_from_lib:libgrpc.so.29\n"
         "race:libgrpc.so.29\n"
         "race:libgpr.so.29\n";
}
