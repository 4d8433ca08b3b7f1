#pragma once

#include "core/ApiKey.h"
#include "core/ExpiryPolicy.h"
#include "core/GrantCatalogue.h"
#include "core/Member.h"
#include "store/KeyStore.h"

#include <QDialog>
#include <QVector>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QWidget;

namespace Keyward {

class Clock;
class RateLimitField;

// Collects a NewKeyRequest. Rules come from Permissions (never re-implemented here): the
// "Generate key" button stays disabled while the input breaks one, and the reason is shown.
class GenerateKeyDialog : public QDialog
{
    Q_OBJECT
public:
    GenerateKeyDialog(const GrantCatalogue &catalogue, const Member &member, const Clock &clock,
                      QWidget *parent = nullptr);

    // "Duplicate with other grants…": a new key shaped like an existing one.
    void prefillFrom(const ApiKey &key);

    NewKeyRequest request() const;
    // Why the input cannot be used yet; empty when it can.
    QString validationMessage() const;

    // What Generate does with a valid form: the command's store call. An error it returns is
    // shown where the form's own problems are, and the dialog stays open with the input kept;
    // success closes it. Without one, Generate only closes the dialog.
    using Submit = std::function<Result<void>(const NewKeyRequest &)>;
    void setSubmit(Submit submit) { m_submit = std::move(submit); }

    void accept() override;

private:
    void buildLayout();
    QWidget *buildGrantsBox();
    void populateRoles();
    void resetGrantsForRole();
    void updateExpiryWidgets();
    void updateUsageWidgets();
    // Shows the form's first problem (or none) and enables Generate; true when there is none.
    bool validate();

    Role selectedRole() const;
    QStringList selectedGrants() const;
    ExpiryPolicy::Choice selectedExpiryChoice() const;
    std::optional<qint64> expiresAtMs() const;
    RateLimit rateLimit() const;

    const GrantCatalogue m_catalogue; // a copy: small, and callers may pass a temporary
    const Member m_member;
    const Clock &m_clock;

    QLabel *m_basedOnLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_environmentCombo = nullptr;
    QComboBox *m_roleCombo = nullptr;
    QLabel *m_roleDescriptionLabel = nullptr;
    QVector<QCheckBox *> m_grantChecks;
    QComboBox *m_expiryCombo = nullptr;
    QDateEdit *m_expiryDateEdit = nullptr;
    QLabel *m_expirySummaryLabel = nullptr;
    QWidget *m_neverWarning = nullptr;
    RateLimitField *m_rateField = nullptr;
    QCheckBox *m_usageLimitCheck = nullptr;
    QSpinBox *m_usageLimitSpin = nullptr;
    QLineEdit *m_customerEdit = nullptr;
    QLineEdit *m_allowedIpsEdit = nullptr;
    QPlainTextEdit *m_notesEdit = nullptr;
    QWidget *m_validationRow = nullptr;
    QLabel *m_validationLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_generateButton = nullptr;
    Submit m_submit;
};

} // namespace Keyward
