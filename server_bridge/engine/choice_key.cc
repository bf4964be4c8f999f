#include "server_bridge/engine/choice_key.h"

#include <cstdint>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;

std::string ChoiceKey(const Choice& choice) {
  std::string key;
  key.push_back(static_cast<char>('0' + static_cast<int>(choice.kind)));
  switch (choice.kind) {
    case ChoiceKind::kInteger:
      absl::StrAppend(&key, choice.integer);
      break;
    case ChoiceKind::kFloat: {
      uint64_t bits;
      std::memcpy(&bits, &choice.floating, sizeof bits);
      absl::StrAppend(&key, bits);
      break;
    }
    case ChoiceKind::kBoolean:
      key.push_back(choice.boolean ? 't' : 'f');
      break;
    case ChoiceKind::kBytes:
      absl::StrAppend(&key, choice.bytes.size(), ":", choice.bytes);
      break;
  }
  key.push_back(';');
  return key;
}

std::string Fingerprint(const ChoiceSequence& choices) {
  std::string key;
  for (const Choice& choice : choices) key += ChoiceKey(choice);
  return key;
}

}  // namespace lockstep::engine
