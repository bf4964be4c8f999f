// Minimal stand-in for geometry_msgs/msg/Twist and PoseStamped.
#pragma once

#include <memory>

#include "sensor_msgs/msg/imu.hpp"
#include "std_msgs/msg/header.hpp"

namespace geometry_msgs {
namespace msg {
struct Twist {
  using SharedPtr = std::shared_ptr<Twist>;
  using ConstSharedPtr = std::shared_ptr<const Twist>;
  Vector3 linear;
  Vector3 angular;
};
struct Point {
  double x = 0, y = 0, z = 0;
};
struct Pose {
  Point position;
  Quaternion orientation;
};
struct PoseStamped {
  using SharedPtr = std::shared_ptr<PoseStamped>;
  using ConstSharedPtr = std::shared_ptr<const PoseStamped>;
  std_msgs::msg::Header header;
  Pose pose;
};
}  // namespace msg
}  // namespace geometry_msgs
