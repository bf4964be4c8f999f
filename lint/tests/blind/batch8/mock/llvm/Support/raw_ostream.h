// Stand-in for llvm/Support/raw_ostream.h: a minimal raw_ostream.
#ifndef LLVM_SUPPORT_RAW_OSTREAM_H
#define LLVM_SUPPORT_RAW_OSTREAM_H

#include <cstdio>
#include <string>

namespace llvm {

class raw_ostream {
public:
  virtual ~raw_ostream() = default;
  raw_ostream &operator<<(const std::string &S) { write(S.data(), S.size()); return *this; }
  raw_ostream &operator<<(const char *S) { return *this << std::string(S); }
  raw_ostream &operator<<(unsigned long long N) { return *this << std::to_string(N); }
  raw_ostream &operator<<(int N) { return *this << std::to_string(N); }
  raw_ostream &operator<<(unsigned N) { return *this << std::to_string(N); }
  virtual void write(const char *Ptr, size_t Size) { fwrite(Ptr, 1, Size, stderr); }
  void flush() { fflush(stderr); }
};

inline raw_ostream &errs() {
  static raw_ostream S;
  return S;
}

} // namespace llvm

#endif
