// Stand-in for an API gateway's quota policy. Declarations only.
#ifndef BATCH7_MOCK_TENANT_QUOTA_H_
#define BATCH7_MOCK_TENANT_QUOTA_H_

#include <cstdint>

namespace gateway {

struct QuotaPolicy {
  uint64_t default_limit = 1000;
  uint64_t burst = 100;
};

}  // namespace gateway

#endif  // BATCH7_MOCK_TENANT_QUOTA_H_
