// Stand-in for a document store's oplog application. Declarations only.
#ifndef BATCH7_MOCK_OPLOG_H_
#define BATCH7_MOCK_OPLOG_H_

#include <string>

namespace docstore {

// Applies one replicated operation to the local store; blocking.
bool ApplyOplogEntry(const std::string& entry);

}  // namespace docstore

#endif  // BATCH7_MOCK_OPLOG_H_
