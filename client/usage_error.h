// A mistake in how a test uses lockstep (an impossible generator, an
// explicit example that does not fit the draws): it fails the test at once
// with its message instead of being shrunk like a failure of the property.
#ifndef LOCKSTEP_CLIENT_USAGE_ERROR_H_
#define LOCKSTEP_CLIENT_USAGE_ERROR_H_

#include <stdexcept>
#include <string>

namespace lockstep {

class UsageError : public std::logic_error {
 public:
  explicit UsageError(const std::string& message) : std::logic_error(message) {}
};

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_USAGE_ERROR_H_
