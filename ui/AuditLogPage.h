#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Keyward {

class AuditLogModel;
class Clock;
class KeyStore;
class Settings;

// The vault's audit log, newest first, with a search box and "Verify Chain", which re-checks
// every row's hash link so edited history shows up.
class AuditLogPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRowLimit = 1000;

    explicit AuditLogPage(const Clock &clock, QWidget *parent = nullptr);

    void setStore(KeyStore *store);
    void reload();

    AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString verificationText() const;

    void saveState(Settings &settings) const;
    void restoreState(const Settings &settings);

public Q_SLOTS:
    void verifyChain();

Q_SIGNALS:
    void message(const QString &text);

private:
    KeyStore *m_store = nullptr;
    AuditLogModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_verify = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace Keyward
