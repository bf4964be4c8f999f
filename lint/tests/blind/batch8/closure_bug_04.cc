/*
 * manifest_loader.cc - loads a package manifest and, in parallel, verifies
 * the signature of the archive it came in.
 */

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pkg {

struct Manifest {
  std::string name;
  std::string version;
  std::vector<std::string> files;
};

bool VerifySignature(const std::string& archive, std::string* signer);
Manifest ParseManifest(const std::string& archive);

class Installer {
 public:
  bool Install(const std::string& archive, std::string* error) {
    std::string signer;
    bool signature_ok = false;
    std::thread verifier([&] {
      signature_ok = VerifySignature(archive, &signer);  // EXPECT: concurrency-closure-captures-mutable
    });

    Manifest manifest = ParseManifest(archive);
    if (manifest.files.empty()) {
      *error = "empty manifest in " + archive;
      verifier.join();
      return false;
    }
    if (!signature_ok) {
      // Fail fast: no point unpacking an archive we will reject anyway.
      *error = "bad signature on " + manifest.name;
      verifier.join();
      return false;
    }
    verifier.join();

    std::lock_guard<std::mutex> lock(mu_);
    installed_.push_back(manifest.name + "@" + manifest.version + " (" + signer + ")");
    return true;
  }

  std::vector<std::string> Installed() {
    std::lock_guard<std::mutex> lock(mu_);
    return installed_;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> installed_;
};

}  // namespace pkg
