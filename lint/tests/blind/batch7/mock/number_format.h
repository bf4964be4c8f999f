// Stand-in for a reporting library's number formatting (the code under
// test). Declarations only.
#ifndef BATCH7_MOCK_NUMBER_FORMAT_H_
#define BATCH7_MOCK_NUMBER_FORMAT_H_

#include <string>

namespace report {

// Formats with the grouping and decimal separator of the global C++ locale.
std::string FormatAmount(double value, int decimals);
// Parses with the C library's LC_NUMERIC.
bool ParseAmount(const std::string& text, double* value);

}  // namespace report

#endif  // BATCH7_MOCK_NUMBER_FORMAT_H_
