// Stand-in for a database front end's completed-query record. Declarations only.
#ifndef BATCH7_MOCK_QUERY_LOG_H_
#define BATCH7_MOCK_QUERY_LOG_H_

#include <cstdint>
#include <string>

namespace dbfront {

struct CompletedQuery {
  std::string sql;
  int64_t micros;
  int64_t rows;
};

}  // namespace dbfront

#endif  // BATCH7_MOCK_QUERY_LOG_H_
