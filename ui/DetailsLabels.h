#pragma once

#include <QString>

class QColor;
class QLabel;
class QVBoxLayout;
class QWidget;

// The labels of the key's details pane, made one way wherever the pane builds them.
namespace Keyward::DetailsLabels {

// A value beside its caption; plain text, selectable. Only long, free text wraps.
QLabel *valueLabel(const QString &text, QWidget *parent, bool wrap = false);
// A section's bold title.
QLabel *heading(const QString &text, QWidget *parent);
void setTextColor(QLabel *label, const QColor &color);
// A value in the placeholder colour: what is missing or what to do.
QLabel *hintText(const QString &text, QWidget *parent, bool wrap = true);
// A section of the pane: a widget named objectName (*box) with a column of its parts, without
// margins (the pane's own margins apply).
QVBoxLayout *column(const QString &objectName, int spacing, QWidget *parent, QWidget **box);
// "4 Dec 2026 10:00 (2 hours ago)".
QString timeWithRelative(qint64 atMs, qint64 nowMs);

} // namespace Keyward::DetailsLabels
