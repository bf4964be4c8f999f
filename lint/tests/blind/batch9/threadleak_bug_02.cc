// Runs schema migrations against a metadata database. Long migrations keep
// the migration lease alive with a heartbeat thread while the steps run.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace migrate {

class MigrationError : public std::runtime_error {
 public:
  MigrationError(int version, const std::string& what)
      : std::runtime_error("migration " + std::to_string(version) + ": " + what), version_(version) {}
  int version() const { return version_; }

 private:
  int version_;
};

struct Step {
  int version;
  std::string sql;
  bool reversible;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual bool Execute(const std::string& sql) = 0;
  virtual int SchemaVersion() = 0;
  virtual void SetSchemaVersion(int v) = 0;
  virtual bool RenewLease(const std::string& owner) = 0;
};

class Migrator {
 public:
  Migrator(Database* db, std::string owner) : db_(db), owner_(std::move(owner)) {}

  // Applies every step newer than the current schema version.
  int Run(const std::vector<Step>& steps) {
    std::atomic<bool> done{false};
    std::atomic<int> renew_failures{0};
    std::thread heartbeat([this, &done, &renew_failures] {  // EXPECT: concurrency-thread-leak
      while (!done.load()) {
        if (!db_->RenewLease(owner_)) renew_failures.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::seconds(5));
      }
    });

    const int start = db_->SchemaVersion();
    int applied = 0;
    for (const Step& step : steps) {
      if (step.version <= start) continue;
      if (renew_failures.load() > 3) {
        throw MigrationError(step.version, "lost the migration lease");
      }
      if (!db_->Execute(step.sql)) {
        throw MigrationError(step.version, step.reversible ? "failed; safe to retry" : "failed");
      }
      db_->SetSchemaVersion(step.version);
      ++applied;
    }

    done.store(true);
    heartbeat.join();
    return applied;
  }

 private:
  Database* const db_;
  const std::string owner_;
};

std::vector<Step> BuiltinSteps() {
  return {
      {1, "CREATE TABLE jobs (id INTEGER PRIMARY KEY, name TEXT)", true},
      {2, "ALTER TABLE jobs ADD COLUMN owner TEXT", true},
      {3, "CREATE INDEX jobs_owner ON jobs(owner)", true},
      {4, "DROP TABLE legacy_jobs", false},
  };
}

// Refuses to run irreversible steps unless the operator opted in.
std::vector<Step> FilterSteps(const std::vector<Step>& steps, bool allow_irreversible) {
  std::vector<Step> out;
  for (const Step& s : steps) {
    if (!s.reversible && !allow_irreversible) break;
    out.push_back(s);
  }
  return out;
}

int MigrateToLatest(Database* db) {
  Migrator m(db, "migrator@host");
  try {
    return m.Run(BuiltinSteps());
  } catch (const MigrationError& e) {
    return -e.version();
  }
}

}  // namespace migrate
