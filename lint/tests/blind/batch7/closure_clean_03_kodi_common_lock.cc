/*
 *  Copyright (C) 2012-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  Weather refresh in the style of Kodi's CWeatherManager: the fetch runs as
 *  a job; both the job and the settings callback touch the location under
 *  the same critical section, and the job works on a copy.
 */

#include "mock/kodi_threads.h"

#include <string>

struct WeatherInfo
{
  std::string summary;
  int temperatureC = 0;
};

bool FetchWeather(const std::string& location, WeatherInfo& info);

class CWeatherRefresher
{
public:
  void Refresh()
  {
    CServiceBroker::GetJobManager()->Submit([this]() {
      std::string location;
      {
        CSingleLock lock(m_critSection);
        location = m_location;
      }
      WeatherInfo info;
      if (!FetchWeather(location, info))
        return;
      CSingleLock lock(m_critSection);
      if (location == m_location)
        m_info = info;
    });
  }

  void OnLocationChanged(const std::string& location)
  {
    CSingleLock lock(m_critSection);
    m_location = location;
    m_info = WeatherInfo();
  }

  WeatherInfo GetInfo() const
  {
    CSingleLock lock(m_critSection);
    return m_info;
  }

private:
  mutable CCriticalSection m_critSection;
  std::string m_location;
  WeatherInfo m_info;
};
