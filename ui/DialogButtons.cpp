#include "DialogButtons.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>

namespace Keyward {

namespace {

void nameForScreenReaders(QPushButton *button)
{
    button->setAccessibleName(button->text().remove(QLatin1Char('&')));
}

} // namespace

DialogButtons DialogButtons::acceptCancel(QDialog *dialog, const QString &acceptText,
                                          const QString &acceptObjectName, EnterKey enter)
{
    DialogButtons buttons;
    buttons.box = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    buttons.box->setObjectName(QStringLiteral("buttonBox"));
    buttons.accept = buttons.box->addButton(acceptText, QDialogButtonBox::AcceptRole);
    buttons.accept->setObjectName(acceptObjectName);
    nameForScreenReaders(buttons.accept);
    buttons.cancel = buttons.box->button(QDialogButtonBox::Cancel);
    buttons.cancel->setObjectName(QStringLiteral("cancelButton"));
    nameForScreenReaders(buttons.cancel);
    if (enter == EnterKey::Cancels) {
        buttons.accept->setAutoDefault(false);
        buttons.cancel->setDefault(true);
    } else {
        buttons.accept->setDefault(true);
    }
    QObject::connect(buttons.box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons.box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace Keyward
