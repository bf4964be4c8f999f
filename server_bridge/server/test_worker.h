// Runs one property test on its own thread: the engine drives it, each test
// case is a directive on the test's channel, and the report ends it.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_WORKER_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_WORKER_H_

#include <memory>
#include <string>

#include "server_bridge/engine/engine.h"
#include "server_bridge/server/crash_record.h"
#include "server_bridge/server/packet_writer.h"
#include "server_bridge/server/test_channel.h"

namespace lockstep::server {

// Runs the test to its end and writes its TestReport (with `error` set when
// the channel closed or the client sent malformed results). Returns when
// done; safe to call on any thread. `batches_allowed`: random generation
// may ask the client for many cases at a time. `watch`: where the client
// marks the case it runs; when the channel closes with one running, the
// case is saved as a crash record (crash_record.h).
void RunTestWorker(const std::string& name, const engine::Settings& settings,
                   const std::shared_ptr<TestChannel>& channel,
                   PacketWriter* writer, bool batches_allowed,
                   CaseWatch watch = {});

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_WORKER_H_
