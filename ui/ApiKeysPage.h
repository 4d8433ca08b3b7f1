#pragma once

#include "KeyStatePages.h"
#include "KeyTableView.h"
#include "core/ApiKey.h"
#include "core/Result.h"

#include <QList>
#include <QWidget>

#include <optional>

class QAction;
class QLineEdit;
class QSplitter;
class QStackedWidget;

namespace Keyward {

class Clock;
class KeyDetailsPane;
class KeyFilterBar;
class KeyFilterProxyModel;
class KeyStore;
class KeyTableModel;
class Settings;
class TamperedKeysCheck;
class UsageSource;

// "Permissions and API": the key table (KeyTableView) with search and filters (KeyFilterBar),
// a friendly empty state (KeyStatePages), and the details of the selected key below it. Keeps
// the selection on the same keys while rows come and go.
class ApiKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit ApiKeysPage(const Clock &clock, QWidget *parent = nullptr);

    // nullptr (locked or closed) clears everything shown. usage: the details pane's (nullptr:
    // none shown).
    void setStore(KeyStore *store, UsageSource *usage = nullptr);
    // Reads the keys again, keeping the selection and scroll position.
    Result<void> reload();
    // Some process recorded usage: updates just the keys used since the last look (their last
    // use, refusals and usage count in the table, and the details pane if it shows one of them).
    Result<void> refreshUsage();
    void refreshTimes();

    // The selected key when exactly one is selected (actions on one key); nullopt for none or
    // several.
    std::optional<ApiKey> selectedKey() const;
    // Every selected key, in the table's order (bulk actions).
    QVector<ApiKey> selectedKeys() const;
    // Why the key's signature does not hold (empty: it holds, or the vault is not signed). Set
    // by a check on a worker thread after every reload; tamperedKeysChanged() when it answered.
    QString tamperedProblem(qint64 keyId) const;
    bool isCheckingSignatures() const;
    void selectKey(qint64 id);
    // Selects these keys (those visible), the first one current; the others are deselected.
    void selectKeys(const QVector<qint64> &ids);

    // The Generate action, shown as the empty state's button.
    void setGenerateAction(QAction *action);
    // Actions for the table's context menu; nullptr marks a separator.
    void setContextActions(const QList<QAction *> &actions);

    // Ctrl+F: the search box takes the keys typed next, with its text selected to replace.
    void focusSearch();
    // View menu: the "Show revoked" filter and the details pane, as checkable actions that stay
    // in step with the page's own check box.
    QAction *showRevokedAction() const { return m_showRevokedAction; }
    QAction *detailsPaneAction() const { return m_detailsPaneAction; }

    void saveState(Settings &settings) const;
    void restoreState(const Settings &settings);

    KeyTableModel *model() const { return m_model; }
    KeyFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    KeyDetailsPane *details() const { return m_details; }
    QLineEdit *searchEdit() const;
    // Which of the table, "no keys yet" and "nothing matches" pages is showing.
    QWidget *currentStatePage() const;
    QWidget *emptyStatePage() const { return m_emptyPage; }
    QWidget *noMatchPage() const { return m_noMatchPage; }
    QWidget *tablePage() const { return m_tablePage; }

Q_SIGNALS:
    // Every key was read again (reload()).
    void reloaded();
    // Usage of these keys changed (refreshUsage()).
    void usageUpdated(const QVector<qint64> &keyIds);
    void selectionChanged();
    // Double-click or Return on a row.
    void keyActivated();
    void errorOccurred(const QString &message);
    // The background check of the keys' signatures answered (the set may be unchanged).
    void tamperedKeysChanged();

private:
    void buildViewActions();
    void onRowsAboutToMove();
    void onRowsMoved();
    // Selects those of keyIds that are visible, else nothing (never a neighbour).
    void settleSelection(const QVector<qint64> &keyIds);
    QVector<qint64> selectedIds() const;
    void updateStatePage();
    void updateDetails();
    void updateCount();
    void showContextMenu(const QPoint &pos);

    const Clock &m_clock;
    KeyStore *m_store = nullptr;
    TamperedKeysCheck *m_tamperCheck = nullptr;
    // The store's usage counter as of the last read of usage (KeyStore::usageSince).
    qint64 m_usageSeen = 0;
    // While the proxy moves rows: the keys selected before, to settle on afterwards.
    bool m_rowsMoving = false;
    QVector<qint64> m_keepSelectedIds;
    KeyTableModel *m_model = nullptr;
    KeyFilterProxyModel *m_proxy = nullptr;
    KeyFilterBar *m_filterBar = nullptr;
    QStackedWidget *m_stateStack = nullptr;
    QWidget *m_tablePage = nullptr;
    EmptyKeysPage *m_emptyPage = nullptr;
    NoMatchingKeysPage *m_noMatchPage = nullptr;
    KeyTableView *m_table = nullptr;
    KeyDetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QList<QAction *> m_contextActions;
    QAction *m_showRevokedAction = nullptr;
    QAction *m_detailsPaneAction = nullptr;
};

} // namespace Keyward
