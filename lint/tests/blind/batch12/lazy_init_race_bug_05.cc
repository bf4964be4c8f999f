// scan_filter: median-filters the laser scan before the planner sees it.
// The filter is sized from the first scan (the driver's beam count is only
// known then). Scans are handled in a Reentrant callback group on a
// MultiThreadedExecutor, so two scans can be filtered at the same time.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "rclcpp/rclcpp.hpp"
#include "sensor_msgs/msg/laser_scan.hpp"

namespace scan_filter {

class MedianFilter {
 public:
  MedianFilter(size_t beams, size_t window) : beams_(beams), window_(window) {}

  std::vector<float> apply(const std::vector<float>& ranges);

 private:
  const size_t beams_;
  const size_t window_;
  std::deque<std::vector<float>> history_;
};

class ScanFilterNode : public rclcpp::Node {
 public:
  ScanFilterNode() : rclcpp::Node("scan_filter") {
    window_ = static_cast<size_t>(declare_parameter("window", int64_t{5}));
    group_ = create_callback_group(rclcpp::CallbackGroupType::Reentrant);
    pub_ = create_publisher<sensor_msgs::msg::LaserScan>("scan_filtered", rclcpp::SensorDataQoS());
    rclcpp::SubscriptionOptions options;
    options.callback_group = group_;
    sub_ = create_subscription<sensor_msgs::msg::LaserScan>(
        "scan", rclcpp::SensorDataQoS(),
        [this](sensor_msgs::msg::LaserScan::ConstSharedPtr msg) {
          if (!filter_) {  // EXPECT: concurrency-lazy-init-race
            filter_ = std::make_unique<MedianFilter>(msg->ranges.size(), window_);
          }
          sensor_msgs::msg::LaserScan out = *msg;
          {
            std::lock_guard<std::mutex> lock(filter_mutex_);
            out.ranges = filter_->apply(msg->ranges);
            ++filtered_;
          }
          pub_->publish(out);
        },
        options);
    diag_timer_ = create_wall_timer(std::chrono::seconds(1), [this] {
      std::lock_guard<std::mutex> lock(filter_mutex_);
      RCLCPP_INFO(get_logger(), "filtered %llu scans", static_cast<unsigned long long>(filtered_));
    });
  }

 private:
  size_t window_ = 5;
  rclcpp::CallbackGroup::SharedPtr group_;
  rclcpp::Publisher<sensor_msgs::msg::LaserScan>::SharedPtr pub_;
  rclcpp::Subscription<sensor_msgs::msg::LaserScan>::SharedPtr sub_;
  rclcpp::TimerBase::SharedPtr diag_timer_;
  std::mutex filter_mutex_;
  std::unique_ptr<MedianFilter> filter_;
  uint64_t filtered_ = 0;
};

std::vector<float> MedianFilter::apply(const std::vector<float>& ranges) {
  history_.push_back(ranges);
  if (history_.size() > window_) history_.pop_front();
  std::vector<float> out(beams_, 0.0f);
  std::vector<float> column;
  for (size_t b = 0; b < beams_ && b < ranges.size(); ++b) {
    column.clear();
    for (const auto& scan : history_) {
      if (b < scan.size()) column.push_back(scan[b]);
    }
    std::nth_element(column.begin(), column.begin() + static_cast<std::ptrdiff_t>(column.size() / 2), column.end());
    out[b] = column[column.size() / 2];
  }
  return out;
}

}  // namespace scan_filter
