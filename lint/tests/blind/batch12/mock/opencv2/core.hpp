// Minimal stand-in for OpenCV's <opencv2/core.hpp>: a reduced cv::Mat.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/utility.hpp>

namespace cv {

enum { CV_8U = 0, CV_8UC1 = 0, CV_32F = 5, CV_32FC1 = 5, CV_8UC3 = 16 };

struct Size {
  Size() : width(0), height(0) {}
  Size(int w, int h) : width(w), height(h) {}
  int area() const { return width * height; }
  int width, height;
};

class Mat {
 public:
  Mat() = default;
  Mat(int rows, int cols, int type);
  Mat(Size size, int type);

  Mat clone() const;
  void create(int rows, int cols, int type);
  void release();
  bool empty() const { return data == nullptr; }
  Size size() const { return Size(cols, rows); }
  int type() const { return type_; }
  size_t total() const { return static_cast<size_t>(rows) * static_cast<size_t>(cols); }

  template <typename T>
  T* ptr(int row) {
    return reinterpret_cast<T*>(data + static_cast<size_t>(row) * step);
  }
  template <typename T>
  const T* ptr(int row) const {
    return reinterpret_cast<const T*>(data + static_cast<size_t>(row) * step);
  }

  int rows = 0;
  int cols = 0;
  size_t step = 0;
  uint8_t* data = nullptr;

 private:
  int type_ = 0;
  std::shared_ptr<std::vector<uint8_t>> storage_;
};

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

#define CV_Assert(expr) ((void)0)

}  // namespace cv
