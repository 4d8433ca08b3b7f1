#pragma once

#include "FilterBar.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Keyward {

class KeyFilterProxyModel;

// The key table's search, environment and status filters, "Show revoked" and the count of keys
// shown, applied to the table's proxy as they change.
class KeyFilterBar : public FilterBar
{
    Q_OBJECT
public:
    KeyFilterBar(KeyFilterProxyModel *proxy, QWidget *parent);

    QLineEdit *searchEdit() const { return m_search; }
    QCheckBox *showRevokedBox() const { return m_showRevoked; }
    // Clears the search and the environment and status filters ("Show revoked" stays).
    void clearFilters();
    void showCount(int total, int shown);

Q_SIGNALS:
    // Esc in an empty search: the keyboard goes back to the table.
    void searchLeft();

private:
    void escapeFromSearch();

    KeyFilterProxyModel *m_proxy;
    QLineEdit *m_search = nullptr;
    QComboBox *m_environment = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_showRevoked = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace Keyward
