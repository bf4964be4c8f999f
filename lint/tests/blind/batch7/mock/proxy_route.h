// Stand-in for an L7 proxy's route type. Declarations only.
#ifndef BATCH7_MOCK_PROXY_ROUTE_H_
#define BATCH7_MOCK_PROXY_ROUTE_H_

#include <cstdint>
#include <string>

namespace proxy {

struct Route {
  std::string cluster;
  uint32_t weight = 0;
};

}  // namespace proxy

#endif  // BATCH7_MOCK_PROXY_ROUTE_H_
