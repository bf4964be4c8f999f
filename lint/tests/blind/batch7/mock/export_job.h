// Stand-in for a reporting service's export job interfaces. Declarations
// only.
#ifndef BATCH7_MOCK_EXPORT_JOB_H_
#define BATCH7_MOCK_EXPORT_JOB_H_

#include <string>
#include <vector>

namespace exports {

struct ExportRequest {
  std::string dataset;
  std::string destination_dir;
};

// Writes the dataset as files under request.destination_dir.
bool RunExport(const ExportRequest& request);

}  // namespace exports

#endif  // BATCH7_MOCK_EXPORT_JOB_H_
