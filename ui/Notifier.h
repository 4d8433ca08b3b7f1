#pragma once

#include <QObject>
#include <QString>

namespace Keyward {

// One desktop notice: what it says and the id that comes back when it is clicked.
struct Notice
{
    QString id;
    QString title;
    QString body;
};

// Where notices go. DesktopNotifier speaks to the desktop's notification service; tests inject
// one that keeps what it was given (issue 16: "notifications through an injected notifier").
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void notify(const Notice &notice) = 0;

Q_SIGNALS:
    // The user clicked the notice (or its "Open" action).
    void activated(const QString &noticeId);
};

} // namespace Keyward
