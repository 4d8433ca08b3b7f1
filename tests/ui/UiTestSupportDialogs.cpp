#include "UiTestSupportDialogs.h"

#include "ui/AddMemberDialog.h"
#include "ui/MessageBox.h"
#include "ui/ServerBackupDialog.h"
#include "ui/SetPassphraseDialog.h"
#include "ui/VaultSession.h"
#include "ui/WelcomeDialog.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>

#include <algorithm>
#include <memory>
#include <vector>

namespace Keyward::DialogTest {

bool addDeveloper(Testing::VaultFixture &vault)
{
    auto added = vault.store->addMember(kDeveloperName, Role::Developer,
                                        Testing::secret(kDeveloperPassphrase));
    if (!added)
        qWarning("addMember failed: %s", qPrintable(added.errorMessage()));
    return added.isOk();
}

ApiKey createKey(Testing::VaultFixture &vault, const QString &name, Environment environment,
                 Role role)
{
    auto issued = vault.store->createKey(vault.request(name, environment, role));
    if (!issued) {
        qWarning("createKey failed: %s", qPrintable(issued.errorMessage()));
        return {};
    }
    return issued->key;
}

QStringList unnamedInteractiveWidgets(const QWidget *root)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        const bool interactive = qobject_cast<const QAbstractButton *>(widget)
            || qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget)
            || qobject_cast<const QAbstractSpinBox *>(widget)
            || qobject_cast<const QPlainTextEdit *>(widget);
        if (!interactive)
            continue;
        const QWidget *parent = widget->parentWidget();
        if (qobject_cast<const QAbstractSpinBox *>(parent)
            || qobject_cast<const QComboBox *>(parent) || qobject_cast<const QLineEdit *>(parent))
            continue; // Qt's own insides: the spin box's editor, a line edit's clear button
        if (widget->objectName().isEmpty() || widget->accessibleName().isEmpty()) {
            unnamed.append(QStringLiteral("%1 \"%2\" (%3)")
                               .arg(QString::fromLatin1(widget->metaObject()->className()),
                                    widget->objectName(), widget->accessibleName()));
        }
    }
    return unnamed;
}

QString buttonText(const QAbstractButton *button)
{
    QString text = button->text();
    text.remove(QLatin1Char('&'));
    return text;
}

QStringList clashingAccelerators(const QWidget *root)
{
    QMap<QString, QStringList> texts; // "Alt+R" -> the texts that use it
    const auto collect = [&texts](const QString &text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            texts[key.toString(QKeySequence::PortableText)].append(text);
    };
    for (const QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root))
            continue;
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            collect(button->text());
        else if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->buddy())
            collect(label->text());
    }
    QStringList clashes;
    for (auto it = texts.constBegin(); it != texts.constEnd(); ++it) {
        if (it.value().size() > 1)
            clashes.append(it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", ")));
    }
    return clashes;
}

QStringList passphraseDialogAcceleratorClashes()
{
    Testing::VaultFixture vault;
    if (!addDeveloper(vault))
        return {QStringLiteral("could not add a member")};
    KeyStore &store = *vault.store;
    const auto members = store.listMembers();
    const auto developer = std::find_if(members->cbegin(), members->cend(),
                                        [](const Member &m) { return m.name == kDeveloperName; });
    if (developer == members->cend())
        return {QStringLiteral("the added member is not listed")};
    VaultSession session(vault.clock);
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<AddMemberDialog>(store));
    for (const WelcomeDialog::Mode mode :
         {WelcomeDialog::Mode::FirstRun, WelcomeDialog::Mode::NewVault})
        dialogs.push_back(std::make_unique<WelcomeDialog>(session, mode, vault.path));
    dialogs.push_back(std::make_unique<SetPassphraseDialog>(store, *store.currentMember()));
    dialogs.push_back(std::make_unique<SetPassphraseDialog>(store, *developer));
    dialogs.push_back(std::make_unique<ServerBackupDialog>(QStringLiteral("alice"),
                                                           vault.path + QStringLiteral(".backup")));
    QStringList clashes;
    for (const auto &dialog : dialogs) {
        for (const QString &clash : clashingAccelerators(dialog.get()))
            clashes.append(dialog->objectName() + QStringLiteral(" ") + clash);
    }
    return clashes;
}

FlowScript::~FlowScript()
{
    // Answering "Yes" to any "are you sure", so closing cannot ask a question of its own.
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(window) && window->isVisible()) {
            MessageBox::setNextAnswer(QMessageBox::Yes);
            window->close();
        }
    }
    MessageBox::clearNextAnswer();
}

void FlowScript::run(const std::function<void()> &start)
{
    start();
    while (!m_steps.isEmpty()) {
        QWidget *target = nullptr;
        for (QWidget *window : QApplication::topLevelWidgets()) {
            const bool handled = std::any_of(m_handled.cbegin(), m_handled.cend(),
                                             [window](const auto &seen) { return seen == window; });
            if (!handled && window->isVisible() && m_steps.constFirst().matches(window)) {
                target = window;
                break;
            }
        }
        if (!target)
            return;
        const Step step = m_steps.takeFirst();
        m_handled.append(target);
        ++m_stepsRun;
        step.run(target);
    }
}

} // namespace Keyward::DialogTest
