// Stand-in for the parts of rclcpp a ROS 2 node uses: Node with
// create_subscription / create_publisher / create_wall_timer /
// create_callback_group, callback groups, and the single- and multi-threaded
// executors. The callbacks are std::function values: the executor runs them
// later, on one of its threads (a Reentrant group's callbacks in parallel,
// a MutuallyExclusive group's one at a time). Unannotated, as rclcpp is.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rclcpp {

enum class CallbackGroupType { MutuallyExclusive, Reentrant };

class CallbackGroup {
 public:
  using SharedPtr = std::shared_ptr<CallbackGroup>;
  explicit CallbackGroup(CallbackGroupType type) : type_(type) {}
  CallbackGroupType type() const { return type_; }

 private:
  CallbackGroupType type_;
};

class Logger {};
#define RCLCPP_INFO(logger, ...) ((void)(logger), std::printf(__VA_ARGS__))
#define RCLCPP_WARN(logger, ...) ((void)(logger), std::printf(__VA_ARGS__))
#define RCLCPP_ERROR(logger, ...) ((void)(logger), std::printf(__VA_ARGS__))

struct QoS {
  explicit QoS(size_t depth) : depth(depth) {}
  size_t depth;
};

struct SubscriptionOptions {
  CallbackGroup::SharedPtr callback_group;
};

class SubscriptionBase {
 public:
  using SharedPtr = std::shared_ptr<SubscriptionBase>;
  virtual ~SubscriptionBase() = default;
};

template <typename MsgT>
class Subscription : public SubscriptionBase {
 public:
  using SharedPtr = std::shared_ptr<Subscription<MsgT>>;
};

template <typename MsgT>
class Publisher {
 public:
  using SharedPtr = std::shared_ptr<Publisher<MsgT>>;
  void publish(const MsgT& msg);
};

class TimerBase {
 public:
  using SharedPtr = std::shared_ptr<TimerBase>;
  void cancel();
  void reset();
};

class Node : public std::enable_shared_from_this<Node> {
 public:
  using SharedPtr = std::shared_ptr<Node>;
  explicit Node(const std::string& name) : name_(name) {}
  virtual ~Node() = default;

  template <typename MsgT>
  typename Subscription<MsgT>::SharedPtr create_subscription(
      const std::string& topic, const QoS& qos,
      std::function<void(std::shared_ptr<const MsgT>)> callback,
      const SubscriptionOptions& options = SubscriptionOptions());

  template <typename MsgT>
  typename Publisher<MsgT>::SharedPtr create_publisher(const std::string& topic, const QoS& qos);

  TimerBase::SharedPtr create_wall_timer(std::chrono::nanoseconds period,
                                         std::function<void()> callback,
                                         CallbackGroup::SharedPtr group = nullptr);

  CallbackGroup::SharedPtr create_callback_group(CallbackGroupType type) {
    return std::make_shared<CallbackGroup>(type);
  }

  Logger get_logger() const { return Logger(); }
  const std::string& get_name() const { return name_; }

 private:
  std::string name_;
};

namespace executors {
class SingleThreadedExecutor {
 public:
  void add_node(Node::SharedPtr node);
  void spin();
  void cancel();
};
class MultiThreadedExecutor {
 public:
  explicit MultiThreadedExecutor(size_t number_of_threads = 0);
  void add_node(Node::SharedPtr node);
  void spin();
  void cancel();
};
}  // namespace executors

void init(int argc, char** argv);
void shutdown();
bool ok();

}  // namespace rclcpp

namespace geometry_msgs {
namespace msg {
struct Pose {
  double x = 0, y = 0, z = 0;
  double qx = 0, qy = 0, qz = 0, qw = 1;
};
struct PoseStamped {
  using SharedPtr = std::shared_ptr<PoseStamped>;
  using ConstSharedPtr = std::shared_ptr<const PoseStamped>;
  int64_t stamp_ns = 0;
  Pose pose;
};
struct Twist {
  double linear_x = 0, angular_z = 0;
};
}  // namespace msg
}  // namespace geometry_msgs

namespace sensor_msgs {
namespace msg {
struct Imu {
  using ConstSharedPtr = std::shared_ptr<const Imu>;
  int64_t stamp_ns = 0;
  double angular_velocity_z = 0;
  double linear_acceleration_x = 0;
};
struct LaserScan {
  using ConstSharedPtr = std::shared_ptr<const LaserScan>;
  int64_t stamp_ns = 0;
  std::vector<float> ranges;
};
}  // namespace msg
}  // namespace sensor_msgs
