#pragma once

#include <QLabel>

namespace Keyward {

// The inline refusal of a dialog ("Wrong member name or passphrase."): red, word-wrapped plain
// text (messages may quote names, which are data, not markup), hidden until there is something
// to say. Every dialog shows errors the same way, and tests find it by its object name.
class ErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ErrorLabel(QWidget *parent, const QString &objectName = QStringLiteral("errorLabel"));

    void showError(const QString &message);
    void clearError();
    // What the person sees: empty while hidden.
    QString shownText() const;
};

} // namespace Keyward
