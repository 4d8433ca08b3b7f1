#pragma once

#include "core/ApiKey.h"
#include "core/AuditEvent.h"
#include "verify/VerifyResult.h"

#include <QDialog>

#include <optional>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;

namespace Keyward {

class Clock;
class FittingScrollArea;
class KeyStore;

// "Why is this key rejected?": paste a token, pick the environment and the grants the service
// asks for, and read the verdict an API would give (outcome and HTTP status) with the reason in
// words: who revoked or deactivated the key and when, which grant is missing, that a key was not
// copied in full.
//
// Checking goes through Verifier::explain(): nothing is recorded, no rate-limit token or usage
// credit is taken, and no last use is written, so looking into a problem does not change the
// evidence. The token is kept only in the password field (never in settings, logs or this
// object), and the field and its undo history are cleared when the dialog closes.
class WhyRejectedDialog : public QDialog
{
    Q_OBJECT
public:
    WhyRejectedDialog(KeyStore &store, const Clock &clock, QWidget *parent = nullptr);
    ~WhyRejectedDialog() override;

    // What the Check button does.
    void check();
    // The latest verdict; empty before a check and after any input changed.
    const std::optional<VerifyResult> &result() const { return m_result; }
    QString verdictText() const;
    QString reasonText() const;
    QString keyText() const;
    QString adviceText() const;

    void done(int result) override;

private:
    void buildLayout();
    void updateCheckButton();
    void resetVerdict();
    // A verdict appeared: make the dialog tall enough to show it, where the screen allows.
    void growToFitVerdict();
    void showError(const QString &message);
    void showVerdict(const VerifyResult &result);
    QStringList requiredGrants() const;
    std::optional<Environment> chosenEnvironment() const;
    QString reason(const VerifyResult &result, const ApiKey *key) const;
    QString advice(const VerifyResult &result, const ApiKey *key) const;
    // The newest audit row of that action for the key: who revoked, deactivated, regenerated.
    std::optional<AuditEvent> lastEvent(qint64 keyId, const QString &action) const;
    void wipeToken();

    KeyStore &m_store;
    const Clock &m_clock;
    std::optional<VerifyResult> m_result;

    QLineEdit *m_tokenEdit = nullptr;
    QAction *m_showToken = nullptr;
    FittingScrollArea *m_body = nullptr;
    QComboBox *m_environment = nullptr;
    QListWidget *m_grants = nullptr;
    QPushButton *m_checkButton = nullptr;
    QLabel *m_placeholder = nullptr;
    QFrame *m_verdictBox = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_key = nullptr;
    QLabel *m_advice = nullptr;
};

} // namespace Keyward
