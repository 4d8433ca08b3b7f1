#include "ErrorLabel.h"

namespace Keyward {

ErrorLabel::ErrorLabel(QWidget *parent, const QString &objectName)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    QPalette errorPalette = palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    setPalette(errorPalette);
    hide();
}

void ErrorLabel::showError(const QString &message)
{
    setText(message);
    show();
}

void ErrorLabel::clearError()
{
    hide();
    clear();
}

QString ErrorLabel::shownText() const
{
    return isHidden() ? QString() : text();
}

} // namespace Keyward
