// ROS 2-style launcher: each node's executor spins on its own thread. The
// threads are handed out: moved into the launcher's vector (joined by
// Shutdown(), which the owner calls), or returned to the caller.
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "mock/rclcpp_lite.h"

std::thread SpinInBackground(std::shared_ptr<rclcpp::executors::SingleThreadedExecutor> executor) {
  std::thread t([executor] { executor->spin(); });
  return t;
}

class NodeLauncher {
 public:
  void Launch(rclcpp::Node::SharedPtr node) {
    auto executor = std::make_shared<rclcpp::executors::SingleThreadedExecutor>();
    executor->add_node(std::move(node));
    std::thread spinner([executor] { executor->spin(); });
    executors_.push_back(executor);
    threads_.push_back(std::move(spinner));
  }

  // Owner's contract: call Shutdown() before destroying the launcher.
  void Shutdown() {
    for (auto& executor : executors_) executor->cancel();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
    threads_.clear();
    executors_.clear();
  }

  size_t size() const { return threads_.size(); }

 private:
  std::vector<std::shared_ptr<rclcpp::executors::SingleThreadedExecutor>> executors_;
  std::vector<std::thread> threads_;
};

int main(int argc, char** argv) {
  rclcpp::init(argc, argv);
  NodeLauncher launcher;
  launcher.Launch(std::make_shared<rclcpp::Node>("talker"));
  launcher.Launch(std::make_shared<rclcpp::Node>("listener"));

  auto monitor_executor = std::make_shared<rclcpp::executors::SingleThreadedExecutor>();
  monitor_executor->add_node(std::make_shared<rclcpp::Node>("monitor"));
  std::thread monitor = SpinInBackground(monitor_executor);

  while (rclcpp::ok()) std::this_thread::sleep_for(std::chrono::milliseconds(100));

  monitor_executor->cancel();
  monitor.join();
  launcher.Shutdown();
  rclcpp::shutdown();
  return 0;
}
