#pragma once

#include "core/ApiKey.h"
#include "store/KeyStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Keyward {

class Clock;
class RateLimitField;
class GrantCatalogue;

// Changes what an existing key may change: name, notes, rate limit and a shorter expiry.
// Role and grants are shown read-only; "Duplicate with other grants…" ends the dialog with
// DuplicateRequested so the caller opens the Generate dialog prefilled instead. For Admins and
// Owners (UsageLimit::Editable) it also raises, lowers or removes the usage limit and resets
// the usage counted against it.
class EditKeyDialog : public QDialog
{
    Q_OBJECT
public:
    enum ResultCode { DuplicateRequested = QDialog::Accepted + 1 };

    enum class UsageLimit { ReadOnly, Editable };

    EditKeyDialog(const ApiKey &key, const GrantCatalogue &catalogue, const Clock &clock,
                  QWidget *parent = nullptr, UsageLimit usageLimit = UsageLimit::ReadOnly);

    KeyEdit edit() const;
    // The usage limit chosen (nullopt: none), and whether to count usage from 0 again; always
    // the key's own limit and false when the usage limit is read-only.
    std::optional<qint64> usageLimit() const;
    bool resetUsage() const;
    bool hasChanges() const;
    // Why the input cannot be saved; empty when it can.
    QString validationMessage() const;

    void accept() override;

private:
    void buildLayout(const GrantCatalogue &catalogue);
    QWidget *buildUsageLimitField();
    QWidget *buildFixedBox(const GrantCatalogue &catalogue);
    void setUpExpiryRange();
    void validate();
    std::optional<qint64> chosenExpiry() const;

    const ApiKey m_key;
    const Clock &m_clock;
    const bool m_usageEditable;

    QLineEdit *m_nameEdit = nullptr;
    QPlainTextEdit *m_notesEdit = nullptr;
    QLineEdit *m_allowedIpsEdit = nullptr;
    RateLimitField *m_rateField = nullptr;
    QComboBox *m_expiryCombo = nullptr;
    QDateEdit *m_expiryDateEdit = nullptr;
    QLabel *m_expiryHintLabel = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QCheckBox *m_usageLimitCheck = nullptr;
    QSpinBox *m_usageLimitSpin = nullptr;
    QCheckBox *m_resetUsageCheck = nullptr;
    QWidget *m_validationRow = nullptr;
    QLabel *m_validationLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace Keyward
