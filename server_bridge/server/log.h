// The engine's log: one line per event on stderr, which the client captures
// into a per-process log file.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_LOG_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_LOG_H_

#include <string>

namespace lockstep::server {

// Thread-safe: stdio locks the stream for each call.
void Log(const std::string& line);

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_LOG_H_
