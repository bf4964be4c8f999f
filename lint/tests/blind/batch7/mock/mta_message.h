// Stand-in for a mail transfer agent's queued message type. Declarations only.
#ifndef BATCH7_MOCK_MTA_MESSAGE_H_
#define BATCH7_MOCK_MTA_MESSAGE_H_

#include <string>

namespace mta {

struct QueuedMessage {
  std::string queue_id;
  std::string envelope_from;
  std::string body;
};

// Serializes the message in spool format (headers, blank line, body).
std::string SpoolRecord(const QueuedMessage& message);

}  // namespace mta

#endif  // BATCH7_MOCK_MTA_MESSAGE_H_
