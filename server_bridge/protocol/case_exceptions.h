// How a case ends early: the exceptions a body (or a draw) throws, which
// RunBody (case_runner.h) turns into the run's status.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CASE_EXCEPTIONS_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CASE_EXCEPTIONS_H_

#include <stdexcept>
#include <string>
#include <utility>

namespace lockstep::protocol {

// Thrown by a body to fail its case. `origin` names the failure (file:line):
// distinct origins are distinct bugs.
class CaseFailure : public std::runtime_error {
 public:
  CaseFailure(const std::string& message, std::string origin)
      : std::runtime_error(message), origin_(std::move(origin)) {}
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
};

// Thrown by a body to reject its case (an assumption did not hold).
struct CaseRejected {};

// Thrown by a draw past the directive's max_choices; the run ends as an
// overrun.
struct Overrun {};

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CASE_EXCEPTIONS_H_
