#include "VaultCreatedDialog.h"

#include "Icons.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

VaultCreatedDialog::VaultCreatedDialog(const QString &path, const QString &fingerprint,
                                       QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("vaultCreatedDialog"));
    setWindowTitle(tr("Vault Created"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::app().pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    auto *title = new QLabel(tr("%1 is ready").arg(QFileInfo(path).fileName()), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    auto *where = new QLabel(QDir::toNativeSeparators(path), this);
    where->setTextFormat(Qt::PlainText);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setWordWrap(true);
    auto *intro = new QLabel(
        tr("You are its Owner. Your signing key is the vault's root of trust: every key and "
           "every audit entry is signed, so someone who can only write the file cannot forge "
           "them. The Owner fingerprint below identifies the vault."),
        this);
    intro->setWordWrap(true);
    auto *headerText = new QVBoxLayout;
    headerText->addWidget(title);
    headerText->addWidget(where);
    headerText->addSpacing(4);
    headerText->addWidget(intro);
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addLayout(headerText, 1);

    auto *label = new QLabel(tr("Owner &fingerprint:"), this);
    m_fingerprint = new QLineEdit(fingerprint, this);
    m_fingerprint->setObjectName(QStringLiteral("fingerprintEdit"));
    m_fingerprint->setReadOnly(true);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setMinimumWidth(
        QFontMetrics(m_fingerprint->font()).horizontalAdvance(fingerprint) + 24);
    m_fingerprint->setCursorPosition(0);
    label->setBuddy(m_fingerprint);
    m_copy = new QPushButton(Icons::icon(QStringLiteral("copy")), tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyFingerprintButton"));
    m_copy->setToolTip(tr("Copy the fingerprint to the clipboard (it is not a secret)"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_fingerprint->text());
        m_copy->setText(tr("Copied"));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_fingerprint, 1);
    row->addWidget(m_copy);

    auto *pin = new QLabel(
        tr("Keyward on this computer has pinned it and will refuse a vault file with another "
           "fingerprint. Pin it wherever the vault is used: keywardctl --pin or "
           "KEYWARD_VAULT_PIN, keyward-verifyd's vault_pin, and Keyward on other computers "
           "(compare it there with the one shown in Configure Keyward). You can see it again "
           "in Configure Keyward."),
        this);
    pin->setObjectName(QStringLiteral("pinAdviceLabel"));
    pin->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addLayout(row);
    layout->addWidget(pin);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    buttons->button(QDialogButtonBox::Ok)->setFocus();
}

QString VaultCreatedDialog::fingerprint() const
{
    return m_fingerprint->text();
}

} // namespace Keyward
