#pragma once

#include "core/ApiKey.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QPushButton;

namespace Keyward {

class Clock;

// Asks how long the current secret keeps working after a regeneration (none, 1 h, 24 h, 3 d,
// 7 d) and says what each choice means for the integrations that still use it.
class RegenerateKeyDialog : public QDialog
{
    Q_OBJECT
public:
    RegenerateKeyDialog(const ApiKey &key, const Clock &clock, QWidget *parent = nullptr);

    qint64 graceMs() const;
    // Selects the choice with exactly this grace period; false when there is none.
    bool setGraceMs(qint64 graceMs);

private:
    void buildLayout();
    void updateExplanation();

    const ApiKey m_key;
    const Clock &m_clock;
    QButtonGroup *m_graceGroup = nullptr;
    QLabel *m_explanationLabel = nullptr;
    QPushButton *m_regenerateButton = nullptr;
};

} // namespace Keyward
