#pragma once

#include "crypto/SecretString.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace Keyward {

// A new passphrase typed twice, with a strength hint. Length is the rule (Permissions); the
// strength is advice, so a weak passphrase is allowed but said to be weak.
class PassphraseFields : public QWidget
{
    Q_OBJECT
public:
    enum class Strength { Empty, Weak, Fair, Good, Strong };

    explicit PassphraseFields(QWidget *parent = nullptr);

    // Long enough and both entries equal.
    bool isAcceptable() const;
    // Why it is not acceptable, or empty.
    QString problem() const;
    SecretString passphrase() const;
    void clear();

    // Dialogs put their own rows (name, role, …) into this form so all labels line up.
    QFormLayout *formLayout() const { return m_form; }
    QLineEdit *passphraseEdit() const { return m_first; }
    QLineEdit *repeatEdit() const { return m_second; }

    // A rough estimate from length and character variety; long word lists score well.
    static Strength estimate(const QString &passphrase);
    static QString strengthText(Strength strength);

Q_SIGNALS:
    void changed();

private:
    void update();

    QFormLayout *m_form = nullptr;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    QProgressBar *m_meter = nullptr;
    QLabel *m_strength = nullptr;
    QLabel *m_mismatch = nullptr;
};

} // namespace Keyward
