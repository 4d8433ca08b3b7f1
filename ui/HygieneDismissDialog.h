#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Keyward {

// Asks why one or more findings may stay. The reason is required (OK stays disabled until it
// is valid: HygieneReport::validateDismissReason) and goes into the audit log.
class HygieneDismissDialog : public QDialog
{
    Q_OBJECT
public:
    // findings: "“CI deploy”: Never used", one per finding dismissed.
    explicit HygieneDismissDialog(const QStringList &findings, QWidget *parent = nullptr);

    QString reason() const; // trimmed
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *dismissButton() const { return m_dismiss; }

    void accept() override;

private:
    void validate();

    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace Keyward
