// Minimal stand-in for std_msgs/msg/String.
#pragma once

#include <memory>
#include <string>

namespace std_msgs {
namespace msg {
struct String {
  using SharedPtr = std::shared_ptr<String>;
  using ConstSharedPtr = std::shared_ptr<const String>;
  std::string data;
};
}  // namespace msg
}  // namespace std_msgs
