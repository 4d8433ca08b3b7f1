#pragma once

#include "core/HygieneReport.h"
#include "core/Member.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Keyward {

class BackgroundJob;
class Clock;
class HygieneActions;
class HygieneFilterProxyModel;
class HygieneModel;
class KeyCommands;
class KeyStore;
class KeyTableModel;
class RotationPolicyRow;

// The hygiene report in the window (issue 16 §2): every finding with its reason, fixed one at a
// time through KeyCommands (the same confirmations as the key table) or many at once through
// BulkKeyCommands (the key table's bulk confirmation, Production keys included with their
// number typed); dismissed with a reason or restored; and, for Owners, the
// vault's rotation policy.
//
// The policy row is a RotationPolicyRow; the fixes, dismissals and restores are
// HygieneActions'. The keys come from the key table's model (already read; a 100,000-key vault is
// not read twice), the checks run on a worker thread so the window keeps painting, and only the
// newest refresh's answer is shown.
class HygienePage : public QWidget
{
    Q_OBJECT
public:
    explicit HygienePage(const Clock &clock, QWidget *parent = nullptr);
    ~HygienePage() override; // waits for a check that runs

    // null store: locked, the page empties. keys: the key table's model, read at refresh().
    void setStore(KeyStore *store, const std::optional<Member> &member, KeyCommands *commands,
                  const KeyTableModel *keys);
    // Reads the policy, members and dismissals, then checks the keys on a worker thread;
    // refreshed() once the table shows the answer.
    void refresh();
    bool isRefreshing() const { return m_thread != nullptr; }

    HygieneModel *model() const { return m_model; }
    HygieneFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QPushButton *fixButton() const { return m_fix; }
    QPushButton *dismissButton() const { return m_dismiss; }
    QPushButton *restoreButton() const { return m_restore; }
    QCheckBox *showDismissedBox() const { return m_showDismissed; }
    QCheckBox *policyBox() const;
    QSpinBox *policyDaysBox() const;
    QPushButton *applyPolicyButton() const;
    QLabel *countLabel() const { return m_count; }
    // The findings selected in the table (in the table's order).
    QVector<HygieneFinding> selectedFindings() const;
    // Selects the finding's row (for tests and for the keys page's "why" link); false if hidden.
    bool selectFinding(qint64 keyId, HygieneFinding::Kind kind, bool add = false);

public Q_SLOTS:
    void fixSelected();
    void dismissSelected();
    void restoreSelected();
    void applyPolicy();

Q_SIGNALS:
    void message(const QString &text);
    void refreshed();

private:
    struct Check;
    void showResult(const std::shared_ptr<Check> &check);
    void updateButtons();
    void updateCount();

    const Clock &m_clock;
    KeyStore *m_store = nullptr;
    std::optional<Member> m_member;
    const KeyTableModel *m_keys = nullptr;
    HygieneModel *m_model = nullptr;
    HygieneFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_showDismissed = nullptr;
    QLabel *m_count = nullptr;
    RotationPolicyRow *m_policy = nullptr;
    HygieneActions *m_actions = nullptr;
    QPushButton *m_fix = nullptr;
    QPushButton *m_dismiss = nullptr;
    QPushButton *m_restore = nullptr;
    BackgroundJob *m_thread = nullptr;
    bool m_refreshAgain = false;
};

} // namespace Keyward
