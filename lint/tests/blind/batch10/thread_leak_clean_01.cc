// Parallel segment builder for the search index: a helper thread builds the
// first segment while the caller builds the rest. Every exit joins it,
// including the exception path.
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace searchidx {

enum class BuildStatus { kOk, kEmptyInput, kFailed };

struct SegmentSpec {
  int first_doc = 0;
  int last_doc = 0;
  std::string field;
};

class BuildError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SegmentBuilder {
 public:
  explicit SegmentBuilder(std::function<bool(const SegmentSpec&)> build) : build_(std::move(build)) {}

  BuildStatus BuildAll(const std::vector<SegmentSpec>& specs) {
    if (specs.empty()) return BuildStatus::kEmptyInput;
    bool first_ok = false;
    std::thread helper([this, &specs, &first_ok] { first_ok = build_(specs[0]); });
    try {
      for (size_t i = 1; i < specs.size(); ++i) {
        if (specs[i].field.empty()) throw BuildError("segment " + std::to_string(i) + " has no field");
        if (!build_(specs[i])) {
          helper.join();
          return BuildStatus::kFailed;
        }
      }
    } catch (...) {
      helper.join();
      throw;
    }
    helper.join();
    return first_ok ? BuildStatus::kOk : BuildStatus::kFailed;
  }

  // Builds two halves in parallel; the thread is joined before anything can
  // leave the scope.
  BuildStatus BuildHalves(const SegmentSpec& whole) {
    SegmentSpec lo = whole, hi = whole;
    lo.last_doc = (whole.first_doc + whole.last_doc) / 2;
    hi.first_doc = lo.last_doc + 1;
    bool lo_ok = false;
    std::thread t([this, &lo, &lo_ok] { lo_ok = build_(lo); });
    bool hi_ok = build_(hi);
    t.join();
    return lo_ok && hi_ok ? BuildStatus::kOk : BuildStatus::kFailed;
  }

 private:
  std::function<bool(const SegmentSpec&)> build_;
};

const char* BuildStatusName(BuildStatus s) {
  switch (s) {
    case BuildStatus::kOk: return "ok";
    case BuildStatus::kEmptyInput: return "empty input";
    case BuildStatus::kFailed: return "failed";
  }
  return "?";
}

BuildStatus BuildOrLog(SegmentBuilder& builder, const std::vector<SegmentSpec>& specs, std::string* error) {
  try {
    return builder.BuildAll(specs);
  } catch (const BuildError& e) {
    *error = e.what();
    return BuildStatus::kFailed;
  }
}

}  // namespace searchidx
