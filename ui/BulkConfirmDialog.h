#pragma once

#include "core/ApiKey.h"
#include "core/BulkKeyChange.h"

#include <QDialog>
#include <QPair>
#include <QVector>

#include <optional>

class QDateEdit;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Keyward {

class Clock;

// One confirmation for a change to many keys (issue 16 §3): it names every key that will
// change, lists those left out and why, asks for the new date when shortening expiries, and,
// when Production keys would stop, has their number typed before the button enables.
class BulkConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    using LeftOut = QPair<ApiKey, QString>; // a key and why it is left out

    BulkConfirmDialog(BulkKeyAction action, const QVector<ApiKey> &changing,
                      const QVector<LeftOut> &leftOut, const Clock &clock,
                      QWidget *parent = nullptr);

    BulkKeyAction action() const { return m_action; }
    // Production keys this change stops: that many must be typed to confirm (0: none).
    int productionCount() const { return m_productionCount; }
    bool isConfirmed() const;
    // ShortenExpiry: the chosen expiry (end of the chosen day, local time).
    std::optional<qint64> expiresAtMs() const;
    // ShortenExpiry: starts the date at the day of atMs (the hygiene page's "90 days") instead
    // of a week from today; never before tomorrow.
    void suggestExpiry(qint64 atMs);

    QTreeWidget *keyList() const { return m_keyList; }
    QTreeWidget *leftOutList() const { return m_leftOutList; }
    QDateEdit *expiryEdit() const { return m_expiryEdit; }
    QLineEdit *countEdit() const { return m_countEdit; }
    QPushButton *confirmButton() const { return m_confirmButton; }

    void accept() override;

    // "Revoke 3 keys?"; the button's "&Revoke 3 Keys"; what happens to them.
    static QString heading(BulkKeyAction action, int count);
    static QString buttonText(BulkKeyAction action, int count);
    static QString consequence(BulkKeyAction action);

private:
    void updateConfirmButton();

    const BulkKeyAction m_action;
    const Clock &m_clock;
    int m_productionCount = 0;
    QTreeWidget *m_keyList = nullptr;
    QTreeWidget *m_leftOutList = nullptr;
    QDateEdit *m_expiryEdit = nullptr;
    QLineEdit *m_countEdit = nullptr;
    QPushButton *m_confirmButton = nullptr;
};

} // namespace Keyward
