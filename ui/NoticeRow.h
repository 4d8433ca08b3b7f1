#pragma once

#include <QStyle>

class QLabel;
class QWidget;

namespace Keyward {

// An icon beside a word-wrapped plain-text sentence: the inline notices of the key dialogs
// (validation reasons, the "Never expires" warning). *text receives the sentence's label.
QWidget *noticeRow(QWidget *parent, const QString &objectName, const QString &themeIcon,
                   QStyle::StandardPixmap fallback, QLabel **text);

} // namespace Keyward
