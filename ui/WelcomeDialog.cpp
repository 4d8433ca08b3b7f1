#include "WelcomeDialog.h"

#include "BusyCursor.h"
#include "DialogButtons.h"
#include "ErrorLabel.h"
#include "Icons.h"
#include "PassphraseFields.h"
#include "VaultSession.h"
#include "core/Permissions.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace Keyward {

namespace {

QString defaultOwnerName()
{
    const QString user = qEnvironmentVariable("USER");
    return Permissions::validateMemberName(user) ? user : QString();
}

} // namespace

WelcomeDialog::WelcomeDialog(VaultSession &session, Mode mode, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(mode == Mode::FirstRun ? tr("Welcome to Keyward") : tr("New Vault"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::app().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto *title =
        new QLabel(mode == Mode::FirstRun ? tr("Welcome to Keyward") : tr("New vault"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    auto *intro = new QLabel(
        mode == Mode::FirstRun
            ? tr("Keyward keeps your API keys in a vault: a single file protected by member "
                 "passphrases. Create your vault to start; you become its Owner and can invite "
                 "others later.")
            : tr("A new vault starts empty. You become its Owner and can invite others later."),
        this);
    intro->setWordWrap(true);
    auto *introBox = new QVBoxLayout;
    introBox->addWidget(title);
    introBox->addWidget(intro);
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addLayout(introBox, 1);

    m_path = new QLineEdit(path, this);
    m_path->setObjectName(QStringLiteral("vaultPathEdit"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &WelcomeDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_prefix = new QLineEdit(QStringLiteral("kw"), this);
    m_prefix->setObjectName(QStringLiteral("prefixEdit"));
    m_prefix->setMaxLength(12);
    m_prefix->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9]{0,12}")), m_prefix));
    m_prefix->setToolTip(tr("2 to 12 lowercase letters or digits. It starts every key, so secret "
                            "scanners and people can tell your keys apart."));
    m_example = new QLabel(this);
    m_example->setObjectName(QStringLiteral("prefixExampleLabel"));
    QPalette hintPalette = m_example->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_example->setPalette(hintPalette);

    m_owner = new QLineEdit(defaultOwnerName(), this);
    m_owner->setObjectName(QStringLiteral("ownerNameEdit"));
    m_owner->setMaxLength(Permissions::kMaxMemberNameLength);
    m_owner->setPlaceholderText(tr("The name you will sign in with"));

    m_passphrase = new PassphraseFields(this);

    // One form for every row, so the labels line up with the passphrase rows.
    QFormLayout *form = m_passphrase->formLayout();
    auto *pathLabel = new QLabel(tr("&Location:"), this);
    // A layout as the field gets no buddy from QFormLayout; without one "&" would show.
    pathLabel->setBuddy(m_path);
    form->insertRow(0, pathLabel, pathRow);
    form->insertRow(1, tr("&Key prefix:"), m_prefix);
    form->insertRow(2, QString(), m_example);
    auto *ownerLabel = new QLabel(tr("Your &name:"), this);
    ownerLabel->setBuddy(m_owner);
    ownerLabel->setToolTip(tr("You will be the vault's Owner."));
    form->insertRow(3, ownerLabel, m_owner);

    m_error = new ErrorLabel(this);

    const DialogButtons buttons =
        DialogButtons::acceptCancel(this, tr("&Create Vault"), QStringLiteral("createVaultButton"));
    m_buttons = buttons.box;
    m_create = buttons.accept;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addWidget(m_passphrase);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_path, m_prefix, m_owner})
        connect(edit, &QLineEdit::textChanged, this, &WelcomeDialog::updateState);
    connect(m_passphrase, &PassphraseFields::changed, this, &WelcomeDialog::updateState);
    updateState();
    setMinimumWidth(520);
    (m_owner->text().isEmpty() ? m_owner : m_passphrase->passphraseEdit())->setFocus();
}

QString WelcomeDialog::path() const
{
    return m_path->text().trimmed();
}

QString WelcomeDialog::errorText() const
{
    return m_error->shownText();
}

QString WelcomeDialog::inputProblem() const
{
    if (path().isEmpty())
        return tr("Choose where to save the vault.");
    if (QFileInfo::exists(path()))
        return tr("%1 already exists; choose another file name.").arg(path());
    if (auto prefix = Permissions::validatePrefix(m_prefix->text()); !prefix)
        return prefix.errorMessage();
    if (auto owner = Permissions::validateMemberName(m_owner->text()); !owner)
        return owner.errorMessage();
    return m_passphrase->problem();
}

void WelcomeDialog::updateState()
{
    const QString prefix = m_prefix->text().isEmpty() ? QStringLiteral("kw") : m_prefix->text();
    m_example->setText(tr("Keys will look like %1_live_3Zq…Cd").arg(prefix));
    const QString problem = inputProblem();
    m_create->setEnabled(problem.isEmpty());
    m_create->setToolTip(problem);
}

void WelcomeDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("New Vault"), path(), tr("Keyward vaults (*.keyward);;All files (*)"));
    if (chosen.isEmpty())
        return;
    m_path->setText(QFileInfo(chosen).suffix().isEmpty() ? chosen + QStringLiteral(".keyward")
                                                         : chosen);
}

void WelcomeDialog::accept()
{
    if (const QString problem = inputProblem(); !problem.isEmpty()) {
        m_error->showError(problem);
        return;
    }
    m_error->clearError();
    m_create->setEnabled(false);
    Result<Member> created = [&] {
        BusyCursor busy(this);
        return m_session.create(path(), m_prefix->text(), m_owner->text(),
                                m_passphrase->passphrase());
    }();
    if (!created) {
        m_error->showError(created.errorMessage());
        updateState();
        return;
    }
    m_passphrase->clear();
    QDialog::accept();
}

} // namespace Keyward
