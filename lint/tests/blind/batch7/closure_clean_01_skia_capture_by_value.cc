// Result sink of a GM-style rendering test runner in the style of Skia's
// dm/DM.cpp. The output directory can change between configs, so each task
// captures the directory it was queued for instead of reading the field
// later.

#include <cstdint>
#include <string>
#include <vector>

#include "mock/sk_mutex.h"
#include "mock/sk_task_group.h"

struct SkPixmapLite {
    int fWidth = 0;
    int fHeight = 0;
    std::vector<uint32_t> fPixels;
};

bool SkEncodeWebPToFile(const SkPixmapLite& pixmap, const std::string& path);

class WebPResultSink {
public:
    WebPResultSink(SkExecutor& executor, std::string outputDir)
        : fOutputDir(std::move(outputDir)), fTasks(executor) {}

    void setOutputDir(std::string dir) { fOutputDir = std::move(dir); }

    void writeAsync(const std::string& name, SkPixmapLite pixmap) {
        fTasks.add([this, path = fOutputDir + "/" + name + ".webp", pixmap] {
            if (!SkEncodeWebPToFile(pixmap, path)) {
                SkAutoMutexExclusive lock(fFailuresMutex);
                fFailedPaths.push_back(path);
            }
        });
    }

    void finish() { fTasks.wait(); }

    std::vector<std::string> failedPaths() {
        SkAutoMutexExclusive lock(fFailuresMutex);
        return fFailedPaths;
    }

private:
    std::string fOutputDir;
    SkMutex fFailuresMutex;
    std::vector<std::string> fFailedPaths SK_GUARDED_BY(fFailuresMutex);
    SkTaskGroup fTasks;
};
