#include "PreferencesDialog.h"

#include "AutostartEntry.h"
#include "Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace Keyward {

PreferencesDialog::PreferencesDialog(Settings &settings, QWidget *parent)
    : PreferencesDialog(settings, QString(), QString(), parent)
{ }

PreferencesDialog::PreferencesDialog(Settings &settings, const QString &vaultPath,
                                     const QString &fingerprint, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_vaultPath(vaultPath)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Configure Keyward"));

    m_autoLock = new QCheckBox(tr("&Lock after"), this);
    m_autoLock->setObjectName(QStringLiteral("autoLockCheck"));
    m_autoLockMinutes = new QSpinBox(this);
    m_autoLockMinutes->setObjectName(QStringLiteral("autoLockMinutesSpin"));
    m_autoLockMinutes->setRange(1, 240);
    m_autoLockMinutes->setSuffix(tr(" min"));
    auto *idleLabel = new QLabel(tr("without keyboard or mouse input"), this);
    const int minutes = settings.autoLockMinutes();
    m_autoLock->setChecked(minutes > 0);
    m_autoLockMinutes->setValue(minutes > 0 ? minutes : Settings::kDefaultAutoLockMinutes);
    m_autoLockMinutes->setEnabled(minutes > 0);
    connect(m_autoLock, &QCheckBox::toggled, m_autoLockMinutes, &QSpinBox::setEnabled);
    auto *lockRow = new QHBoxLayout;
    lockRow->addWidget(m_autoLock);
    lockRow->addWidget(m_autoLockMinutes);
    lockRow->addWidget(idleLabel, 1);

    m_clipboardSeconds = new QSpinBox(this);
    m_clipboardSeconds->setObjectName(QStringLiteral("clipboardSecondsSpin"));
    m_clipboardSeconds->setRange(5, 600);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setValue(settings.clipboardClearSeconds());
    m_clipboardSeconds->setToolTip(
        tr("A copied key is removed from the clipboard after this time, unless you copied "
           "something else since."));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const QStringList files =
        QDir(QStringLiteral(":/i18n"))
            .entryList({QStringLiteral("keyward_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(8, file.size() - 11); // keyward_<code>.qm
        if (code == QLatin1String("en"))
            continue;
        const QLocale locale(code);
        m_language->addItem(locale.nativeLanguageName(), code);
    }
    const int current = m_language->findData(settings.language());
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    auto *languageNote =
        new QLabel(tr("A new language is used the next time Keyward starts."), this);
    languageNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Auto-lock:"), lockRow);
    form->addRow(tr("&Clear copied keys after:"), m_clipboardSeconds);
    form->addRow(tr("Lan&guage:"), m_language);
    form->addRow(QString(), languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildTrayGroup());
    if (!m_vaultPath.isEmpty())
        layout->addWidget(buildVaultGroup(fingerprint));
    layout->addStretch(1);
    layout->addWidget(buttons);
}

QWidget *PreferencesDialog::buildTrayGroup()
{
    auto *group = new QGroupBox(tr("Expiry Alerts"), this);
    group->setObjectName(QStringLiteral("trayGroup"));
    m_tray = new QCheckBox(tr("Keep Keyward in the system &tray and warn of keys about to expire"),
                           group);
    m_tray->setObjectName(QStringLiteral("trayCheck"));
    m_tray->setToolTip(tr("Closing the window then leaves Keyward in the tray: it closes the "
                          "vault and keeps reading the expiry dates of the vaults you used, "
                          "without a passphrase, to warn 30, 14, 7 and 1 days ahead."));
    m_tray->setChecked(m_settings.trayEnabled());
    m_autostart = new QCheckBox(tr("Start in the tray when I &log in"), group);
    m_autostart->setObjectName(QStringLiteral("autostartCheck"));
    m_autostart->setChecked(AutostartEntry::isEnabled());
    m_autostart->setEnabled(m_tray->isChecked());
    connect(m_tray, &QCheckBox::toggled, m_autostart, &QCheckBox::setEnabled);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_tray);
    layout->addWidget(m_autostart);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *note = new QLabel(tr("This desktop shows no system tray: Keyward warns only while "
                                   "its window is open."),
                                group);
        note->setObjectName(QStringLiteral("noTrayLabel"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    return group;
}

QWidget *PreferencesDialog::buildVaultGroup(const QString &fingerprint)
{
    auto *group = new QGroupBox(tr("Vault"), this);
    group->setObjectName(QStringLiteral("vaultGroup"));
    auto *path = new QLabel(QDir::toNativeSeparators(m_vaultPath), group);
    path->setTextFormat(Qt::PlainText);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);

    auto *current = new QLineEdit(group);
    current->setObjectName(QStringLiteral("vaultFingerprintEdit"));
    current->setReadOnly(true);
    current->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    current->setText(fingerprint);
    current->setPlaceholderText(tr("Not known until the vault is open and signed"));
    current->setMinimumWidth(
        QFontMetrics(current->font()).horizontalAdvance(QStringLiteral("0000-")) * 8 + 24);

    m_pinned = new QLabel(group);
    m_pinned->setObjectName(QStringLiteral("pinnedFingerprintLabel"));
    m_pinned->setTextFormat(Qt::PlainText);
    m_pinned->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pinned->setWordWrap(true);
    m_forgetPin = new QPushButton(tr("&Forget Pinned Fingerprint"), group);
    m_forgetPin->setObjectName(QStringLiteral("forgetPinButton"));
    m_forgetPin->setToolTip(
        tr("Only after the vault's Owner re-created it on purpose, and you compared the new "
           "fingerprint with them: the next open pins whatever fingerprint the vault has then."));
    connect(m_forgetPin, &QPushButton::clicked, this, &PreferencesDialog::forgetPinnedFingerprint);

    auto *form = new QFormLayout(group);
    form->addRow(tr("File:"), path);
    form->addRow(tr("Owner fingerprint:"), current);
    form->addRow(tr("Pinned here:"), m_pinned);
    auto *forgetRow = new QHBoxLayout;
    forgetRow->addWidget(m_forgetPin);
    forgetRow->addStretch(1);
    form->addRow(QString(), forgetRow);
    updatePin();
    return group;
}

void PreferencesDialog::updatePin()
{
    const QString pinned = m_settings.pinnedFingerprint(m_vaultPath);
    m_pinned->setText(pinned.isEmpty() ? tr("Nothing is pinned: the fingerprint the vault has "
                                            "when it is next opened will be pinned.")
                                       : pinned);
    m_forgetPin->setEnabled(!pinned.isEmpty());
}

void PreferencesDialog::forgetPinnedFingerprint()
{
    if (m_vaultPath.isEmpty())
        return;
    m_settings.forgetVaultIdentity(m_vaultPath);
    m_settings.sync();
    updatePin();
}

void PreferencesDialog::accept()
{
    m_settings.setAutoLockMinutes(m_autoLock->isChecked() ? m_autoLockMinutes->value() : 0);
    m_settings.setClipboardClearSeconds(m_clipboardSeconds->value());
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setTrayEnabled(m_tray->isChecked());
    const bool autostart = m_tray->isChecked() && m_autostart->isChecked();
    if (autostart != AutostartEntry::isEnabled())
        AutostartEntry::setEnabled(autostart, QCoreApplication::applicationFilePath());
    m_settings.sync();
    QDialog::accept();
}

} // namespace Keyward
