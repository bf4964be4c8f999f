// Minimal stand-in for sensor_msgs/msg/LaserScan.
#pragma once

#include <memory>
#include <vector>

#include "std_msgs/msg/header.hpp"

namespace sensor_msgs {
namespace msg {
struct LaserScan {
  using SharedPtr = std::shared_ptr<LaserScan>;
  using ConstSharedPtr = std::shared_ptr<const LaserScan>;
  std_msgs::msg::Header header;
  float angle_min = 0, angle_max = 0, angle_increment = 0;
  float range_min = 0, range_max = 0;
  std::vector<float> ranges;
};
}  // namespace msg
}  // namespace sensor_msgs
