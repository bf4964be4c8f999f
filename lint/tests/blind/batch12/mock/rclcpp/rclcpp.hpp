// Minimal stand-in for the parts of rclcpp used by the batch. Subscription,
// timer and service callbacks are invoked by an executor, on whichever
// thread spins it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rclcpp {

class Logger {
 public:
  const char* get_name() const;
};

void log_info(const Logger& logger, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void log_warn(const Logger& logger, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void log_error(const Logger& logger, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

#define RCLCPP_INFO(logger, ...) ::rclcpp::log_info((logger), __VA_ARGS__)
#define RCLCPP_WARN(logger, ...) ::rclcpp::log_warn((logger), __VA_ARGS__)
#define RCLCPP_ERROR(logger, ...) ::rclcpp::log_error((logger), __VA_ARGS__)

class Time {
 public:
  Time() = default;
  explicit Time(int64_t nanoseconds) : ns_(nanoseconds) {}
  int64_t nanoseconds() const { return ns_; }
  double seconds() const { return static_cast<double>(ns_) * 1e-9; }

 private:
  int64_t ns_ = 0;
};

class Clock {
 public:
  using SharedPtr = std::shared_ptr<Clock>;
  Time now();
};

class QoS {
 public:
  explicit QoS(size_t depth) : depth_(depth) {}
  QoS& reliable() { return *this; }
  QoS& best_effort() { return *this; }
  QoS& transient_local() { return *this; }

 private:
  size_t depth_;
};

class SensorDataQoS : public QoS {
 public:
  SensorDataQoS() : QoS(5) {}
};

enum class CallbackGroupType { MutuallyExclusive, Reentrant };

// Callbacks of a MutuallyExclusive group never run concurrently with each
// other, even on a multi-threaded executor.
class CallbackGroup {
 public:
  using SharedPtr = std::shared_ptr<CallbackGroup>;
  CallbackGroupType type() const;
};

struct SubscriptionOptions {
  CallbackGroup::SharedPtr callback_group;
};

template <typename MessageT>
class Subscription {
 public:
  using SharedPtr = std::shared_ptr<Subscription<MessageT>>;
  const char* get_topic_name() const;
};

template <typename MessageT>
class Publisher {
 public:
  using SharedPtr = std::shared_ptr<Publisher<MessageT>>;
  void publish(const MessageT& msg);
  size_t get_subscription_count() const;
};

class TimerBase {
 public:
  using SharedPtr = std::shared_ptr<TimerBase>;
  void cancel();
  void reset();
  bool is_canceled();
};

template <typename ServiceT>
class Service {
 public:
  using SharedPtr = std::shared_ptr<Service<ServiceT>>;
};

class Parameter {
 public:
  const std::string& get_name() const;
  double as_double() const;
  int64_t as_int() const;
  bool as_bool() const;
  const std::string& as_string() const;
};

class Node : public std::enable_shared_from_this<Node> {
 public:
  using SharedPtr = std::shared_ptr<Node>;

  explicit Node(const std::string& node_name);
  virtual ~Node();

  const char* get_name() const;
  Logger get_logger() const;
  Clock::SharedPtr get_clock();
  Time now() const;

  template <typename MessageT>
  typename Publisher<MessageT>::SharedPtr create_publisher(const std::string& topic_name,
                                                          const QoS& qos);

  // The callback is stored and invoked by the executor for each message.
  template <typename MessageT>
  typename Subscription<MessageT>::SharedPtr create_subscription(
      const std::string& topic_name, const QoS& qos,
      std::function<void(std::shared_ptr<const MessageT>)> callback,
      const SubscriptionOptions& options = SubscriptionOptions());

  // The callback is stored and invoked by the executor each period.
  TimerBase::SharedPtr create_wall_timer(std::chrono::nanoseconds period,
                                         std::function<void()> callback,
                                         CallbackGroup::SharedPtr group = nullptr);

  CallbackGroup::SharedPtr create_callback_group(CallbackGroupType type,
                                                 bool automatically_add_to_executor = true);

  double declare_parameter(const std::string& name, double default_value);
  int64_t declare_parameter(const std::string& name, int64_t default_value);
  std::string declare_parameter(const std::string& name, const std::string& default_value);
  bool declare_parameter(const std::string& name, bool default_value);
};

namespace executors {

class SingleThreadedExecutor {
 public:
  SingleThreadedExecutor();
  void add_node(Node::SharedPtr node);
  void remove_node(Node::SharedPtr node);
  void spin();
  void spin_some();
  void cancel();
};

class MultiThreadedExecutor {
 public:
  explicit MultiThreadedExecutor(size_t number_of_threads = 0);
  void add_node(Node::SharedPtr node);
  void remove_node(Node::SharedPtr node);
  void spin();
  void cancel();
};

}  // namespace executors

void init(int argc, char const* const argv[]);
bool ok();
void shutdown();
void spin(Node::SharedPtr node);

}  // namespace rclcpp
