// Field accesses summarized across translation units: a class declared in a
// header and defined in several .cc files is judged on all of its accesses.
//
// Each translation unit's run records the accesses to fields declared in
// headers (the field, where, in which function, read or write, the locks
// held); the summaries of all the files of a run are merged before a guard is
// inferred. The tool writes them with --export-summary and reads them with
// --import-summaries (the Bazel rule), or runs all files twice in one process
// (-p and multi-file runs).
#ifndef LOCKSTEP_LINT_ANALYSIS_ACCESS_SUMMARY_H_
#define LOCKSTEP_LINT_ANALYSIS_ACCESS_SUMMARY_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lint/analysis/lockset.h"

namespace lockstep::lint {

struct SummarizedAccess {
  std::string field;     // qualified name: "storage::Account::balance_"
  std::string location;  // absolute "path:line:column" of the access
  std::string function;  // qualified name of the accessing function
  bool is_write = false;
  Lockset held;
};

// The tool's one summary. Only the tool's main thread uses it: checks run
// one translation unit at a time on that thread.
class AccessSummary {
 public:
  static AccessSummary& Global();

  // While recording, checks add the accesses they see.
  void set_recording(bool recording) { recording_ = recording; }
  bool recording() const { return recording_; }
  void Record(SummarizedAccess access);

  // Makes everything recorded so far available to Imported().
  void ImportRecorded();
  // Reads a summary file written by Save(); on failure returns false and
  // says why in `error` (which file, which line).
  bool Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;

  // The imported accesses of `field` (by qualified name), or null.
  const std::vector<SummarizedAccess>* Imported(const std::string& field) const;

 private:
  void Import(SummarizedAccess access);

  bool recording_ = false;
  std::vector<SummarizedAccess> recorded_;
  std::map<std::string, std::vector<SummarizedAccess>> imported_;
  // field + location of every imported access: headers are seen by many
  // translation units, and each access must count once.
  std::set<std::string> imported_keys_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_ACCESS_SUMMARY_H_
