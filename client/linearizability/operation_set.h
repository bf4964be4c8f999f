// A set of operations of one history, by index: the part of Lowe's memo key
// that says which operations a partial linearization has placed.
#ifndef LOCKSTEP_CLIENT_LINEARIZABILITY_OPERATION_SET_H_
#define LOCKSTEP_CLIENT_LINEARIZABILITY_OPERATION_SET_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace lockstep::linearizability::internal {

// A plain value, owned by whoever holds it.
class OperationSet {
 public:
  explicit OperationSet(size_t operations) : words_((operations + 63) / 64) {}

  void Insert(size_t op) { words_[op / 64] |= Bit(op); }
  void Erase(size_t op) { words_[op / 64] &= ~Bit(op); }
  bool Contains(size_t op) const { return (words_[op / 64] & Bit(op)) != 0; }

  bool operator==(const OperationSet& other) const {
    return words_ == other.words_;
  }
  template <typename H>
  friend H AbslHashValue(H h, const OperationSet& set) {
    return H::combine(std::move(h), set.words_);
  }

 private:
  static uint64_t Bit(size_t op) { return uint64_t{1} << (op % 64); }
  std::vector<uint64_t> words_;
};

}  // namespace lockstep::linearizability::internal

#endif  // LOCKSTEP_CLIENT_LINEARIZABILITY_OPERATION_SET_H_
