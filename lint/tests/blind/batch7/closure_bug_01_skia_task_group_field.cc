// Result sink of a GM/DM-style rendering test runner in the style of Skia's
// dm/DM.cpp: encoded images are written by the task group's threads while the
// main thread keeps rendering. The output directory can be switched between
// configs with setOutputDir().

#include <cstdio>
#include <string>
#include <vector>

#include "mock/sk_mutex.h"
#include "mock/sk_task_group.h"

struct SkBitmapLite {
    int fWidth = 0;
    int fHeight = 0;
    std::vector<uint32_t> fPixels;
};

bool SkEncodePNGToFile(const SkBitmapLite& bitmap, const std::string& path);

class GMResultSink {
public:
    explicit GMResultSink(SkExecutor& executor, std::string outputDir)
        : fOutputDir(std::move(outputDir)), fTasks(executor) {}

    void setOutputDir(std::string dir) { fOutputDir = std::move(dir); }

    void writeAsync(const std::string& name, SkBitmapLite bitmap) {
        fTasks.add([this, name, bitmap] { this->encodeAndRecord(fOutputDir + "/" + name + ".png", bitmap); });  // EXPECT: concurrency-closure-captures-mutable
    }

    void finish() { fTasks.wait(); }

    int failures() {
        SkAutoMutexExclusive lock(fFailuresMutex);
        return fFailures;
    }

private:
    void encodeAndRecord(const std::string& path, const SkBitmapLite& bitmap) {
        if (!SkEncodePNGToFile(bitmap, path)) {
            SkAutoMutexExclusive lock(fFailuresMutex);
            fFailures++;
        }
    }

    std::string fOutputDir;
    SkMutex fFailuresMutex;
    int fFailures SK_GUARDED_BY(fFailuresMutex) = 0;
    SkTaskGroup fTasks;
};
