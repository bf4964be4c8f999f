// Stand-in for a build tool's project discovery API (the code under test).
// Declarations only.
#ifndef BATCH7_MOCK_PROJECT_CONFIG_H_
#define BATCH7_MOCK_PROJECT_CONFIG_H_

#include <string>

namespace buildtool {

// Walks up from the current working directory to the first directory with
// a BUILD.root marker.
bool FindProjectRoot(std::string* root);
bool FindProjectRootFrom(const std::string& start, std::string* root);

void WriteMarkerFile(const std::string& path);
void RemoveTree(const std::string& path);

}  // namespace buildtool

#endif  // BATCH7_MOCK_PROJECT_CONFIG_H_
