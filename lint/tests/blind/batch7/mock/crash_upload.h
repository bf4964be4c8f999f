// Stand-in for a desktop client's crash report upload. Declarations only.
#ifndef BATCH7_MOCK_CRASH_UPLOAD_H_
#define BATCH7_MOCK_CRASH_UPLOAD_H_

#include <string>

namespace crashpad_lite {

// Uploads one minidump to the crash server; blocking.
bool UploadReport(const std::string& path);

}  // namespace crashpad_lite

#endif  // BATCH7_MOCK_CRASH_UPLOAD_H_
