// Minimal stand-in for sensor_msgs/msg/Imu.
#pragma once

#include <array>
#include <memory>

#include "std_msgs/msg/header.hpp"

namespace geometry_msgs {
namespace msg {
struct Quaternion {
  double x = 0, y = 0, z = 0, w = 1;
};
struct Vector3 {
  double x = 0, y = 0, z = 0;
};
}  // namespace msg
}  // namespace geometry_msgs

namespace sensor_msgs {
namespace msg {
struct Imu {
  using SharedPtr = std::shared_ptr<Imu>;
  using ConstSharedPtr = std::shared_ptr<const Imu>;
  std_msgs::msg::Header header;
  geometry_msgs::msg::Quaternion orientation;
  geometry_msgs::msg::Vector3 angular_velocity;
  geometry_msgs::msg::Vector3 linear_acceleration;
};
}  // namespace msg
}  // namespace sensor_msgs
