#pragma once

#include <QObject>

namespace Keyward {

class Clock;

// Notes the time of the last keyboard or mouse input anywhere in the application, through an
// application-wide event filter, so auto-lock measures idleness and not just window focus.
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatcher(const Clock &clock, QObject *parent = nullptr);
    ~IdleWatcher() override;

    qint64 idleMs() const;
    void noteActivity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Clock &m_clock;
    qint64 m_lastActivityMs = 0;
};

} // namespace Keyward
