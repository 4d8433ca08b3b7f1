#include "IdleWatcher.h"

#include "core/Clock.h"

#include <QCoreApplication>
#include <QEvent>

namespace Keyward {

IdleWatcher::IdleWatcher(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_lastActivityMs(clock.nowMs())
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

qint64 IdleWatcher::idleMs() const
{
    return qMax<qint64>(0, m_clock.nowMs() - m_lastActivityMs);
}

void IdleWatcher::noteActivity()
{
    m_lastActivityMs = m_clock.nowMs();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Keyward
