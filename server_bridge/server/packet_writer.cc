#include "server_bridge/server/packet_writer.h"

#include <utility>

namespace lockstep::server {

bool PacketWriter::Write(Packet packet) {
  if (packet.message_id() == 0) packet.set_message_id(ReserveId());
  absl::MutexLock lock(&mu_);
  if (broken_) return false;
  if (!stream_->Write(packet)) broken_ = true;
  return !broken_;
}

}  // namespace lockstep::server
