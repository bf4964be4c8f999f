// battery_monitor: publishes the battery state at 1 Hz and raises an alarm
// when the charge drops below the threshold. The threshold can be changed
// through set_threshold() from the parameter callback thread; both sides
// hold the node's mutex. The alarm flag is an atomic.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "rclcpp/rclcpp.hpp"
#include "std_msgs/msg/string.hpp"

using namespace std::chrono_literals;

namespace battery {

double ReadChargeFraction();
void WarmUpSensors() noexcept;

class BatteryMonitor : public rclcpp::Node {
 public:
  BatteryMonitor() : rclcpp::Node("battery_monitor") {
    threshold_ = declare_parameter("alarm_threshold", 0.15);
    pub_ = create_publisher<std_msgs::msg::String>("battery_state", rclcpp::QoS(10));
    timer_ = create_wall_timer(1s, [this] {
      const double charge = ReadChargeFraction();
      double threshold;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        threshold = threshold_;
        ++samples_;
      }
      alarm_.store(charge < threshold);
      std_msgs::msg::String msg;
      msg.data = std::to_string(charge);
      pub_->publish(msg);
    });
  }

  void set_threshold(double t) {
    std::lock_guard<std::mutex> lock(mutex_);
    threshold_ = t;
  }

  bool alarm() const { return alarm_.load(); }

  uint64_t samples() {
    std::lock_guard<std::mutex> lock(mutex_);
    return samples_;
  }

 private:
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
  rclcpp::TimerBase::SharedPtr timer_;
  std::mutex mutex_;
  double threshold_ = 0.15;
  uint64_t samples_ = 0;
  std::atomic<bool> alarm_{false};
};

// Self-test run at start-up: samples the battery on a helper thread while
// the other sensors warm up, then uses the result after joining.
inline bool BatterySelfTest(const BatteryMonitor& node) {
  double first_reading = -1.0;
  std::thread sampler([&first_reading] { first_reading = ReadChargeFraction(); });
  WarmUpSensors();
  sampler.join();
  first_reading = first_reading < 0.0 ? 0.0 : first_reading;
  return first_reading > 0.05 && !node.alarm();
}

}  // namespace battery
