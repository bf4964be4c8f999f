#include "server_bridge/engine/example_database.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server_bridge/proto/choices.pb.h"
#include "server_bridge/protocol/choice_proto.h"

namespace lockstep::engine {

using protocol::ChoiceSequence;
using protocol::FromProto;
using protocol::ToProto;

namespace {

namespace fs = std::filesystem;

// Distinguishes temporary files of threads in one process; the pid
// distinguishes processes.
std::atomic<uint64_t> temp_counter{0};

}  // namespace

uint64_t Fnv1a64(const std::string& data) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string StableHash(const std::string& data) {
  return absl::StrFormat("%016x", Fnv1a64(data));
}

std::string ExampleDatabase::TestDirectory(const std::string& test_name) const {
  return (fs::path(root_) / StableHash(test_name)).string();
}

std::vector<ExampleDatabase::Entry> ExampleDatabase::Load(
    const std::string& test_name, std::vector<std::string>* problems) const {
  std::vector<Entry> entries;
  std::error_code error;
  fs::path directory = TestDirectory(test_name);
  if (!fs::exists(directory, error)) return entries;
  for (fs::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    const fs::path& path = it->path();
    if (path.filename().string().rfind(".tmp", 0) == 0)
      continue;  // in-flight write
    std::ifstream in(path, std::ios::binary);
    std::stringstream contents;
    contents << in.rdbuf();
    v1::ChoiceSequence proto;
    if (!in.good() && !in.eof()) {
      problems->push_back(
          absl::StrCat("cannot read database entry ", path.string()));
      continue;
    }
    if (!proto.ParseFromString(contents.str())) {
      problems->push_back(
          absl::StrCat("skipping corrupt database entry ", path.string()));
      continue;
    }
    absl::StatusOr<ChoiceSequence> choices = FromProto(proto);
    if (!choices.ok()) {
      problems->push_back(absl::StrCat("skipping invalid database entry ",
                                       path.string(), ": ",
                                       choices.status().message()));
      continue;
    }
    Entry entry{path.string(), *std::move(choices), proto.origin()};
    entry.crash_record = proto.crash_record();
    entry.seed = proto.seed();
    entry.random_tail = proto.random_tail();
    entry.size_cycle = proto.size_cycle();
    entry.case_index = proto.case_index();
    entry.message = proto.message();
    entries.push_back(std::move(entry));
  }
  if (error) {
    problems->push_back(absl::StrCat("cannot list database directory ",
                                     directory.string(), ": ",
                                     error.message()));
  }
  return entries;
}

absl::Status ExampleDatabase::Save(const std::string& test_name,
                                   const ChoiceSequence& choices,
                                   const std::string& origin) const {
  v1::ChoiceSequence proto = ToProto(choices);
  proto.set_origin(origin);
  return Write(test_name, proto);
}

absl::Status ExampleDatabase::SaveCrashRecord(
    const std::string& test_name, const protocol::Directive& directive,
    const std::string& message) const {
  v1::ChoiceSequence proto = ToProto(directive.prefix);
  proto.set_crash_record(true);
  proto.set_seed(directive.seed);
  proto.set_random_tail(directive.random_tail);
  proto.set_size_cycle(directive.size_cycle);
  proto.set_case_index(directive.case_index);
  proto.set_message(message);
  return Write(test_name, proto);
}

absl::Status ExampleDatabase::Write(const std::string& test_name,
                                    const v1::ChoiceSequence& proto) const {
  std::string data;
  if (!proto.SerializeToString(&data)) {
    return absl::InternalError("cannot serialize a database entry");
  }
  fs::path directory = TestDirectory(test_name);
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot create database directory ", directory.string(),
                     ": ", error.message()));
  }
  fs::path final_path = directory / StableHash(data);
  fs::path temp_path = directory / absl::StrCat(".tmp-", getpid(), "-",
                                                temp_counter.fetch_add(1));
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
      fs::remove(temp_path, error);
      return absl::UnavailableError(
          absl::StrCat("cannot write database entry ", temp_path.string()));
    }
  }
  fs::rename(temp_path, final_path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temp_path, ignored);
    return absl::UnavailableError(
        absl::StrCat("cannot rename database entry into ", final_path.string(),
                     ": ", error.message()));
  }
  return absl::OkStatus();
}

absl::Status ExampleDatabase::Delete(const Entry& entry) const {
  std::error_code error;
  fs::remove(entry.path, error);
  if (error && error != std::errc::no_such_file_or_directory) {
    return absl::UnavailableError(absl::StrCat(
        "cannot delete database entry ", entry.path, ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace lockstep::engine
