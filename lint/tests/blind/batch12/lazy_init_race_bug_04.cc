// Schema-registry client used by the Avro serializers. Subjects' schemas are
// cached under the mutex; the default schema (used when a record carries no
// subject) is fetched once on first use. Serializers run on many threads.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace avro_registry {

struct Schema {
  int32_t id = 0;
  std::string definition;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual std::string Get(const std::string& path) = 0;
};

Schema ParseSchemaResponse(const std::string& body);

class SchemaRegistryClient {
 public:
  SchemaRegistryClient(HttpClient& http, std::string default_subject)
      : http_(http), default_subject_(std::move(default_subject)) {}

  Schema ForSubject(const std::string& subject) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = by_subject_.find(subject);
      if (it != by_subject_.end()) return it->second;
    }
    Schema s = Fetch(subject);
    std::lock_guard<std::mutex> lock(mu_);
    by_subject_.emplace(subject, s);
    return s;
  }

  const Schema& DefaultSchema() {
    if (!default_schema_.has_value()) {  // EXPECT: concurrency-lazy-init-race
      default_schema_.emplace(Fetch(default_subject_));
    }
    return *default_schema_;
  }

  size_t CachedSubjects() {
    std::lock_guard<std::mutex> lock(mu_);
    return by_subject_.size();
  }

 private:
  Schema Fetch(const std::string& subject) {
    return ParseSchemaResponse(http_.Get("/subjects/" + subject + "/versions/latest"));
  }

  HttpClient& http_;
  const std::string default_subject_;
  std::mutex mu_;
  std::map<std::string, Schema> by_subject_;
  std::optional<Schema> default_schema_;
};

// Serializes records for one topic; one per producer thread.
class RecordSerializer {
 public:
  explicit RecordSerializer(SchemaRegistryClient& registry) : registry_(registry) {}

  std::string Serialize(const std::string& subject, const std::string& payload) {
    const int32_t id = subject.empty() ? registry_.DefaultSchema().id : registry_.ForSubject(subject).id;
    std::string out(5, '\0');
    out[1] = static_cast<char>((id >> 24) & 0xff);
    out[2] = static_cast<char>((id >> 16) & 0xff);
    out[3] = static_cast<char>((id >> 8) & 0xff);
    out[4] = static_cast<char>(id & 0xff);
    return out + payload;
  }

 private:
  SchemaRegistryClient& registry_;
};

}  // namespace avro_registry
