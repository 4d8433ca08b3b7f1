// MainWindow's workspace: the navigation list and the pages it switches between. The actions
// and menus are in MainWindowActions.cpp; the vault's state and the commands' wiring in
// MainWindow.cpp.
#include "MainWindow.h"

#include "ApiKeysPage.h"
#include "AuditLogPage.h"
#include "HygienePage.h"
#include "Icons.h"
#include "KeyActions.h"
#include "MembersPage.h"
#include "core/Permissions.h"
#include "store/SqlKeyStore.h"

#include <QAction>
#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

namespace Keyward {

namespace {

constexpr int kPageRole = Qt::UserRole + 1;

} // namespace

QWidget *MainWindow::buildWorkspace()
{
    auto *workspace = new QWidget(this);
    workspace->setObjectName(QStringLiteral("workspace"));

    m_navigation = new QListWidget(workspace);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->setAutoFillBackground(true);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);
    m_navigation->setSpacing(1);
    m_navigation->setFixedWidth(
        qMax(190, fontMetrics().horizontalAdvance(tr("Permissions and API")) + 70));

    m_keysPage = new ApiKeysPage(m_clock, workspace);
    m_membersPage = new MembersPage(workspace);
    m_auditPage = new AuditLogPage(m_clock, workspace);
    m_hygienePage = new HygienePage(m_clock, workspace);
    m_pages = new QStackedWidget(workspace);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_keysPage);
    m_pages->addWidget(m_membersPage);
    m_pages->addWidget(m_auditPage);
    m_pages->addWidget(m_hygienePage);

    addNavigationHeading(tr("Profile"));
    QListWidgetItem *keysItem =
        addNavigationItem(QStringLiteral("keys"), tr("Permissions and API"), Page::Keys);
    addNavigationHeading(tr("Vault"));
    m_membersItem = addNavigationItem(QStringLiteral("members"), tr("Members"), Page::Members);
    addNavigationItem(QStringLiteral("audit"), tr("Audit log"), Page::AuditLog);
    addNavigationItem(QStringLiteral("hygiene"), tr("Hygiene report"), Page::Hygiene);
    m_navigation->setCurrentItem(keysItem);
    connect(m_navigation, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        if (!current)
            return;
        const auto page = static_cast<Page>(current->data(kPageRole).toInt());
        m_pages->setCurrentIndex(int(page));
        if (page == Page::Members)
            m_membersPage->reload();
        else if (page == Page::AuditLog)
            m_auditPage->reload();
        else if (page == Page::Hygiene)
            m_hygienePage->refresh();
        updateActions();
    });

    m_keysPage->setGenerateAction(m_keyActions->generate());
    QList<QAction *> contextActions = m_keyActions->keyActions();
    m_keysPage->setContextActions(contextActions);
    connect(m_keysPage, &ApiKeysPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_keysPage, &ApiKeysPage::tamperedKeysChanged, this, &MainWindow::updateActions);
    connect(m_keysPage, &ApiKeysPage::keyActivated, this, [this] {
        if (m_keyActions->edit()->isEnabled())
            m_keyActions->edit()->trigger();
    });
    connect(m_keysPage, &ApiKeysPage::errorOccurred, this, &MainWindow::showMessage);
    connect(m_membersPage, &MembersPage::message, this, &MainWindow::showMessage);
    connect(m_auditPage, &AuditLogPage::message, this, &MainWindow::showMessage);
    connect(m_hygienePage, &HygienePage::message, this, &MainWindow::showMessage);
    // Every reload of the keys (own changes, other windows, keywardctl) renews the report.
    connect(m_keysPage, &ApiKeysPage::reloaded, this, [this] {
        if (currentPage() == Page::Hygiene)
            m_hygienePage->refresh();
    });

    auto *separator = new QFrame(workspace);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Plain);
    separator->setForegroundRole(QPalette::Mid);

    auto *layout = new QHBoxLayout(workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);
    return workspace;
}

QListWidgetItem *MainWindow::addNavigationHeading(const QString &text)
{
    auto *item = new QListWidgetItem(text.toUpper(), m_navigation);
    item->setFlags(Qt::NoItemFlags);
    QFont font = m_navigation->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    item->setFont(font);
    item->setForeground(m_navigation->palette().color(QPalette::PlaceholderText));
    item->setSizeHint(
        QSize(0, QFontMetrics(font).height() + (m_navigation->count() > 1 ? 22 : 12)));
    item->setTextAlignment(Qt::AlignLeft | Qt::AlignBottom);
    return item;
}

QListWidgetItem *MainWindow::addNavigationItem(const QString &icon, const QString &text, Page page)
{
    auto *item = new QListWidgetItem(Icons::icon(icon), text, m_navigation);
    item->setData(kPageRole, int(page));
    item->setSizeHint(QSize(0, fontMetrics().height() + 16));
    return item;
}

void MainWindow::showPage(Page page)
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        if (item->flags() != Qt::NoItemFlags && item->data(kPageRole).toInt() == int(page)
            && !item->isHidden()) {
            m_navigation->setCurrentItem(item);
            return;
        }
    }
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::updateNavigation()
{
    const std::optional<Member> member = m_session.member();
    const bool owner = member && Permissions::mayManageMembers(*member).isOk();
    m_membersItem->setHidden(!owner);
    if (QAction *members = pageAction(Page::Members))
        members->setVisible(owner);
    if (!owner && currentPage() == Page::Members)
        showPage(Page::Keys);
    if (m_session.isUnlocked())
        m_membersPage->setStore(m_session.store(), member);
}

} // namespace Keyward
