#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Keyward {

// After a vault was created: its fingerprint (the Owner's root key), which identifies it. This
// install has pinned it; the dialog says where else to pin it, and offers it to copy.
class VaultCreatedDialog : public QDialog
{
    Q_OBJECT
public:
    VaultCreatedDialog(const QString &path, const QString &fingerprint, QWidget *parent = nullptr);

    QString fingerprint() const;

private:
    QLineEdit *m_fingerprint = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Keyward
