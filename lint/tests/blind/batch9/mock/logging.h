// Bitcoin Core style logging (stand-in for src/logging.h).
#ifndef BITCOIN_LOGGING_H
#define BITCOIN_LOGGING_H

#include <cstdio>
#include <string>

enum class BCLog { NET, MEMPOOL, VALIDATION, RPC, ESTIMATEFEE, WALLETDB, PRUNE };

inline const char* LogCategoryName(BCLog c) {
  switch (c) {
    case BCLog::NET: return "net";
    case BCLog::MEMPOOL: return "mempool";
    case BCLog::VALIDATION: return "validation";
    case BCLog::RPC: return "rpc";
    case BCLog::ESTIMATEFEE: return "estimatefee";
    case BCLog::WALLETDB: return "walletdb";
    case BCLog::PRUNE: return "prune";
  }
  return "?";
}

template <typename... Args>
void LogPrintf(const char* fmt, const Args&... args) {
  std::fputs(fmt, stderr);
  (void)sizeof...(args);
}

template <typename... Args>
void LogPrint(BCLog category, const char* fmt, const Args&... args) {
  std::fputs(LogCategoryName(category), stderr);
  LogPrintf(fmt, args...);
}

#endif  // BITCOIN_LOGGING_H
