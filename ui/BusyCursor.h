#pragma once

#include <QApplication>
#include <QWidget>

namespace Keyward {

// Shows a wait cursor for a short synchronous step (Argon2 takes ~0.3 s) and repaints the given
// widget first, so the "Checking…" state is visible while the hash runs.
class BusyCursor
{
public:
    explicit BusyCursor(QWidget *repaintFirst = nullptr)
    {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        if (repaintFirst)
            repaintFirst->repaint();
    }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};

} // namespace Keyward
