#include <boost/thread/lock_types.hpp>
