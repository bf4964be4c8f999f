#ifndef Foundation_Runnable_INCLUDED
#define Foundation_Runnable_INCLUDED
namespace Poco {
class Runnable
	/// The Runnable interface with the run() method
	/// must be implemented by classes that provide
	/// an entry point for a thread.
{
public:
  Runnable() {}
  virtual ~Runnable() {}
  virtual void run() = 0;
};
} // namespace Poco
#endif
