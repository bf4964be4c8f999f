// A UNO component in the style of LibreOffice's framework/ helpers: the
// component's mutex comes from cppu::BaseMutex (inherited, as
// WeakComponentImplHelper requires), VCL objects are touched under the solar
// mutex only.
#include <string>

#include "mock/osl_mutex.h"

typedef std::u16string OUString;
typedef int sal_Int32;

namespace vcl
{
class Window
{
public:
    void SetText(const OUString& rText) { m_aText = rText; }

private:
    OUString m_aText;
};
}

namespace framework
{
class TitleBarUpdater : public cppu::BaseMutex
{
public:
    explicit TitleBarUpdater(vcl::Window* pFrameWindow)
        : m_pFrameWindow(pFrameWindow)
        , m_nLeasedNumber(0)
    {
    }

    void setTitle(const OUString& rTitle)
    {
        {
            osl::MutexGuard aGuard(m_aMutex);
            m_sTitle = rTitle;
        }
        impl_updateFrameWindow();
    }

    void setLeasedNumber(sal_Int32 nNumber)
    {
        osl::MutexGuard aGuard(m_aMutex);
        m_nLeasedNumber = nNumber;
    }

    sal_Int32 getLeasedNumber() const
    {
        osl::MutexGuard aGuard(m_aMutex);
        return m_nLeasedNumber;
    }

    // XTitle
    OUString getTitle() const
    {
        return m_sTitle; // EXPECT: concurrency-unguarded-field
    }

private:
    void impl_updateFrameWindow()
    {
        OUString sTitle;
        {
            osl::MutexGuard aGuard(m_aMutex);
            sTitle = m_sTitle;
            if (m_nLeasedNumber > 0)
                sTitle += u" : " + OUString(1, static_cast<char16_t>(u'0' + m_nLeasedNumber % 10));
        }

        SolarMutexGuard aSolarGuard;
        if (m_pFrameWindow)
            m_pFrameWindow->SetText(sTitle);
    }

    vcl::Window* const m_pFrameWindow;
    OUString m_sTitle;
    sal_Int32 m_nLeasedNumber;
};
}
