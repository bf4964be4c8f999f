#include "server_bridge/engine/simplicity.h"

#include <cmath>

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::DistanceFromTarget;
using protocol::Simplest;

namespace {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::DistanceFromTarget;
using protocol::Simplest;

int Sign(bool less, bool greater) { return less ? -1 : (greater ? 1 : 0); }

int CompareFloats(const Choice& like, double a, double b) {
  auto rank = [](double x) {
    return std::isnan(x) ? 2 : (std::isinf(x) ? 1 : 0);
  };
  if (rank(a) != rank(b)) return Sign(rank(a) < rank(b), rank(a) > rank(b));
  if (std::isnan(a)) return 0;
  bool a_integral = std::isfinite(a) && std::trunc(a) == a;
  bool b_integral = std::isfinite(b) && std::trunc(b) == b;
  if (a_integral != b_integral) return a_integral ? -1 : 1;
  double target = Simplest(like).floating;
  double da = std::fabs(a - target);
  double db = std::fabs(b - target);
  if (da != db) return Sign(da<db, da> db);
  bool a_negative = std::signbit(a);
  bool b_negative = std::signbit(b);
  return Sign(!a_negative && b_negative, a_negative && !b_negative);
}

}  // namespace

int CompareSimplicity(const Choice& a, const Choice& b) {
  if (a.kind != b.kind) return Sign(a.kind<b.kind, a.kind> b.kind);
  switch (a.kind) {
    case ChoiceKind::kInteger: {
      uint64_t da = DistanceFromTarget(a, a.integer);
      uint64_t db = DistanceFromTarget(b, b.integer);
      if (da != db) return Sign(da<db, da> db);
      return Sign(a.integer > b.integer,
                  a.integer < b.integer);  // positive first
    }
    case ChoiceKind::kFloat:
      return CompareFloats(a, a.floating, b.floating);
    case ChoiceKind::kBoolean:
      return Sign(!a.boolean && b.boolean, a.boolean && !b.boolean);
    case ChoiceKind::kBytes:
      if (a.bytes.size() != b.bytes.size()) {
        return Sign(a.bytes.size() < b.bytes.size(),
                    a.bytes.size() > b.bytes.size());
      }
      return Sign(a.bytes<b.bytes, a.bytes> b.bytes);
  }
  return 0;
}

bool ShortlexLess(const ChoiceSequence& a, const ChoiceSequence& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  for (size_t i = 0; i < a.size(); ++i) {
    int order = CompareSimplicity(a[i], b[i]);
    if (order != 0) return order < 0;
  }
  return false;
}

}  // namespace lockstep::engine
