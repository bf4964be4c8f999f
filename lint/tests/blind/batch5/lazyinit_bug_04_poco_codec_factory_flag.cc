//
// CodecFactory.cpp
//
// Library: Foundation
// Package: Streams
// Module:  CodecFactory
//

#include "mock/poco_thread.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Poco {

class Codec
{
public:
	explicit Codec(const std::string& name): _name(name) {}
	virtual ~Codec() {}
	const std::string& name() const { return _name; }

private:
	std::string _name;
};

class CodecFactory
	/// Creates codecs by name. The built-in codecs are registered the
	/// first time a codec is requested.
{
public:
	CodecFactory(): _initialized(false)
	{
	}

	std::shared_ptr<Codec> create(const std::string& name)
	{
		if (!_initialized) // EXPECT: concurrency-lazy-init-race
		{
			registerBuiltins();
			_initialized = true;
		}
		FastMutex::ScopedLock lock(_mutex);
		std::map<std::string, std::shared_ptr<Codec> >::const_iterator it = _codecs.find(name);
		if (it == _codecs.end()) return std::shared_ptr<Codec>();
		return it->second;
	}

	void registerCodec(const std::shared_ptr<Codec>& pCodec)
	{
		FastMutex::ScopedLock lock(_mutex);
		_codecs[pCodec->name()] = pCodec;
	}

	std::vector<std::string> names() const
	{
		std::vector<std::string> result;
		FastMutex::ScopedLock lock(_mutex);
		for (std::map<std::string, std::shared_ptr<Codec> >::const_iterator it = _codecs.begin(); it != _codecs.end(); ++it)
		{
			result.push_back(it->first);
		}
		return result;
	}

private:
	void registerBuiltins()
	{
		static const char* builtins[] = {"base64", "hex", "quoted-printable", "uuencode"};
		for (const char* name: builtins)
		{
			registerCodec(std::make_shared<Codec>(name));
		}
	}

	bool _initialized;
	std::map<std::string, std::shared_ptr<Codec> > _codecs;
	mutable FastMutex _mutex;
};

} // namespace Poco
