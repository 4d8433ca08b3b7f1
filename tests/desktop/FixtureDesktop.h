#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtGlobal>

namespace Keyward::Testing {

// Before the application connects: points DISPLAY and XAUTHORITY at the X server the desktop
// fixture started (desktop_fixture.sh writes them to $KEYWARD_DESKTOP_DIR/env), never the
// developer's, and selects the xcb platform. False (and said why) without a fixture.
inline bool useFixtureDesktop()
{
    const QByteArray dir = qgetenv("KEYWARD_DESKTOP_DIR");
    QFile env(QString::fromLocal8Bit(dir) + QStringLiteral("/env"));
    if (dir.isEmpty() || !env.open(QIODevice::ReadOnly)) {
        qCritical("No desktop: KEYWARD_DESKTOP_DIR/env is missing. Run this test through ctest, "
                  "whose fixture starts Xvfb and openbox.");
        return false;
    }
    while (!env.atEnd()) {
        const QByteArray line = env.readLine().trimmed();
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            qputenv(line.left(eq).constData(), line.mid(eq + 1));
    }
    qputenv("QT_QPA_PLATFORM", "xcb");
    return true;
}

} // namespace Keyward::Testing
