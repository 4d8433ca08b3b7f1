#include "Icons.h"

#include <QHash>

namespace Keyward {

namespace {

// Freedesktop names for the generic actions; Keyward-specific ones use our drawings only.
QString themeName(const QString &name)
{
    static const QHash<QString, QString> names {
        {QStringLiteral("edit"), QStringLiteral("document-edit")},
        {QStringLiteral("delete"), QStringLiteral("edit-delete")},
        {QStringLiteral("copy"), QStringLiteral("edit-copy")},
        {QStringLiteral("lock"), QStringLiteral("system-lock-screen")},
        {QStringLiteral("open"), QStringLiteral("document-open")},
        {QStringLiteral("new-vault"), QStringLiteral("document-new")},
        {QStringLiteral("settings"), QStringLiteral("configure")},
    };
    return names.value(name);
}

} // namespace

QIcon Icons::app()
{
    return QIcon::fromTheme(QStringLiteral("org.keyward.Keyward"),
                            QIcon(resourcePath(QStringLiteral("keyward"))));
}

QIcon Icons::icon(const QString &name)
{
    const QIcon own(resourcePath(name));
    const QString theme = themeName(name);
    return theme.isEmpty() ? own : QIcon::fromTheme(theme, own);
}

QString Icons::resourcePath(const QString &name)
{
    return QStringLiteral(":/keyward/icons/") + name + QStringLiteral(".svg");
}

} // namespace Keyward
