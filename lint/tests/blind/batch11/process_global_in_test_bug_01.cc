// Tests for the plugin loader's search-path handling.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace plugins {

std::vector<std::string> SplitSearchPath(const char* value) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  std::string current;
  for (const char* p = value; *p != '\0'; ++p) {
    if (*p == ':') {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += *p;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

std::vector<std::string> PluginSearchPath() { return SplitSearchPath(std::getenv("PLUGIN_PATH")); }

bool LoadManifest(const std::string& path, std::vector<std::string>* names) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) names->push_back(line);
  return !names->empty();
}

TEST(PluginLoaderTest, SearchPathComesFromEnvironment) {
  static char kEnv[] = "PLUGIN_PATH=/opt/plugins:/usr/lib/plugins";
  putenv(kEnv);  // EXPECT: concurrency-process-global-in-test
  std::vector<std::string> path = PluginSearchPath();
  ASSERT_EQ(path.size(), 2u);
  EXPECT_EQ(path[0], "/opt/plugins");
}

TEST(PluginLoaderTest, ReadsManifest) {
  const std::string manifest = "/tmp/plugin_manifest.txt";  // EXPECT: concurrency-process-global-in-test
  {
    std::ofstream out(manifest);
    out << "codec_zstd\ncodec_lz4\n";
  }
  std::vector<std::string> names;
  ASSERT_TRUE(LoadManifest(manifest, &names));
  EXPECT_EQ(names.size(), 2u);
}

TEST(PluginLoaderTest, EmptyPath) { EXPECT_TRUE(SplitSearchPath("").empty()); }

}  // namespace plugins
