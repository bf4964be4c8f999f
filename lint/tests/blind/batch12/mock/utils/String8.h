// Minimal stand-in for AOSP's <utils/String8.h>.
#pragma once

#include <cstddef>
#include <string>

namespace android {

class String8 {
 public:
  String8() = default;
  explicit String8(const char* s) : mString(s) {}
  explicit String8(const std::string& s) : mString(s) {}

  const char* c_str() const { return mString.c_str(); }
  const char* string() const { return mString.c_str(); }
  size_t size() const { return mString.size(); }
  size_t length() const { return mString.size(); }
  bool empty() const { return mString.empty(); }

  void append(const char* s) { mString += s; }
  void append(const String8& s) { mString += s.mString; }
  void appendFormat(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  void clear() { mString.clear(); }

  bool operator==(const String8& o) const { return mString == o.mString; }
  bool operator<(const String8& o) const { return mString < o.mString; }

 private:
  std::string mString;
};

String8 String8Format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace android
