#include "MembersPage.h"

#include "Formatting.h"
#include "Icons.h"
#include "MemberCommands.h"
#include "core/DisplayNames.h"
#include "core/Permissions.h"
#include "store/KeyStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Keyward {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

MembersPage::MembersPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("membersPage"));
    m_intro = new QLabel(tr("Members sign in to this vault with their own passphrase. Their role "
                            "decides what they may do with keys; a key can never have more power "
                            "than the member who created it."),
                         this);
    m_intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("memberList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Role"), tr("What they may do"), tr("Member since")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->setColumnWidth(0, 200);
    m_list->setColumnWidth(1, 110);
    m_list->setColumnWidth(3, 160);

    m_add = new QPushButton(Icons::icon(QStringLiteral("add-member")), tr("&Add Member…"), this);
    m_add->setObjectName(QStringLiteral("addMemberButton"));
    m_change =
        new QPushButton(Icons::icon(QStringLiteral("change-role")), tr("&Change Role…"), this);
    m_change->setObjectName(QStringLiteral("changeRoleButton"));
    m_remove = new QPushButton(Icons::icon(QStringLiteral("remove-member")), tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeMemberButton"));
    m_setPassphrase = new QPushButton(tr("Set &Passphrase…"), this);
    m_setPassphrase->setObjectName(QStringLiteral("setPassphraseButton"));
    connect(m_add, &QPushButton::clicked, this, &MembersPage::addMember);
    connect(m_change, &QPushButton::clicked, this, &MembersPage::changeRole);
    connect(m_remove, &QPushButton::clicked, this, &MembersPage::removeMember);
    connect(m_setPassphrase, &QPushButton::clicked, this, &MembersPage::setPassphrase);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &MembersPage::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &MembersPage::changeRole);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_change);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_setPassphrase);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    updateButtons();
}

void MembersPage::setStore(KeyStore *store, const std::optional<Member> &self)
{
    m_store = store;
    m_self = self;
    reload();
}

void MembersPage::setCommands(MemberCommands *commands)
{
    m_commands = commands;
}

void MembersPage::reload()
{
    const std::optional<Member> selected = selectedMember();
    m_list->clear();
    m_members.clear();
    if (!m_store) {
        updateButtons();
        return;
    }
    auto members = m_store->listMembers();
    if (!members) {
        Q_EMIT message(members.errorMessage());
        updateButtons();
        return;
    }
    m_members = *members;
    for (const Member &member : std::as_const(m_members)) {
        const bool isSelf = m_self && m_self->id == member.id;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, isSelf ? tr("%1 (you)").arg(member.name) : member.name);
        item->setText(1, DisplayNames::role(member.role));
        item->setText(2, Formatting::roleDescription(member.role));
        item->setText(3, Formatting::absoluteTime(member.createdAtMs));
        item->setData(0, kIdRole, member.id);
        item->setSizeHint(0, QSize(0, m_list->fontMetrics().height() + 12));
        if (selected && selected->id == member.id)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

std::optional<Member> MembersPage::selectedMember() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected())
        return std::nullopt;
    const qint64 id = item->data(0, kIdRole).toLongLong();
    for (const Member &member : m_members) {
        if (member.id == id)
            return member;
    }
    return std::nullopt;
}

void MembersPage::updateButtons()
{
    const Result<void> mayManage = m_self
        ? Permissions::mayManageMembers(*m_self)
        : Result<void>(makeError(ErrorCode::PermissionDenied, tr("Sign in first.")));
    const bool hasSelection = selectedMember().has_value();
    m_add->setEnabled(m_store && mayManage.isOk());
    m_add->setToolTip(mayManage.errorMessage());
    for (QPushButton *button : {m_change, m_remove}) {
        button->setEnabled(m_store && mayManage.isOk() && hasSelection);
        button->setToolTip(!mayManage ? mayManage.errorMessage()
                                      : (hasSelection ? QString() : tr("Select a member first.")));
    }
    // A server keeps no passphrases (it checks the logins' passwords), so nothing to set there.
    m_setPassphrase->setVisible(!m_store || m_store->keepsPassphrases());
    const std::optional<Member> selected = selectedMember();
    Result<void> mayChange = !m_self ? mayManage : Result<void>();
    if (m_self && !selected)
        mayChange = makeError(ErrorCode::InvalidInput, tr("Select a member first."));
    else if (m_self)
        mayChange = Permissions::mayChangePassphrase(*m_self, *selected);
    m_setPassphrase->setEnabled(m_store && m_store->keepsPassphrases() && mayChange.isOk());
    m_setPassphrase->setToolTip(mayChange.errorMessage());
}

void MembersPage::addMember()
{
    if (m_commands && m_add->isEnabled())
        m_commands->addMember();
}

void MembersPage::changeRole()
{
    const std::optional<Member> member = selectedMember();
    if (m_commands && member && m_change->isEnabled())
        m_commands->changeRole(*member);
}

void MembersPage::removeMember()
{
    const std::optional<Member> member = selectedMember();
    if (m_commands && member && m_remove->isEnabled())
        m_commands->removeMember(*member);
}

void MembersPage::setPassphrase()
{
    const std::optional<Member> member = selectedMember();
    if (m_commands && member && m_setPassphrase->isEnabled())
        m_commands->setPassphrase(*member);
}

} // namespace Keyward
