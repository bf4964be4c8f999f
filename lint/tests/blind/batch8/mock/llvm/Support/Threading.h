//===-- llvm/Support/Threading.h - Control multithreading mode --*- C++ -*-===//
// Stand-in for the LLVM header.
#ifndef LLVM_SUPPORT_THREADING_H
#define LLVM_SUPPORT_THREADING_H

#include <mutex>

namespace llvm {

typedef std::once_flag once_flag;

template <typename Function, typename... Args>
void call_once(once_flag &flag, Function &&F, Args &&... ArgList) {
  std::call_once(flag, std::forward<Function>(F),
                 std::forward<Args>(ArgList)...);
}

} // end namespace llvm

#endif
