// Stand-in for a document indexer's indexing entry point. Declarations only.
#ifndef BATCH7_MOCK_DOC_INDEX_H_
#define BATCH7_MOCK_DOC_INDEX_H_

#include <string>

namespace indexer {

// Parses the document and adds its terms to the on-disk index; blocking.
void IndexDocument(const std::string& path);

}  // namespace indexer

#endif  // BATCH7_MOCK_DOC_INDEX_H_
