#include "ConnectionBanner.h"

#include "Icons.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Keyward {

namespace {

constexpr int kIconSize = 22;

} // namespace

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("connectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("connectionBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("connectionBannerDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->hide();
    m_retry = new QPushButton(tr("&Retry Now"), this);
    m_retry->setObjectName(QStringLiteral("retryNowButton"));
    connect(m_retry, &QPushButton::clicked, this, &ConnectionBanner::retryRequested);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_text);
    texts->addWidget(m_detail);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_icon);
    layout->addLayout(texts, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);

    m_countdown.setInterval(250); // smooth enough for whole seconds, cheap
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionBanner::updateCountdown);
    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(4000);
    connect(&m_hideTimer, &QTimer::timeout, this, &ConnectionBanner::dismiss);
    hide();
}

void ConnectionBanner::setTone(bool problem)
{
    // Warning amber or positive green, light enough for black text in any light palette.
    QPalette p = palette();
    const QColor background = problem ? QColor(0xfd, 0xe8, 0xc8) : QColor(0xd4, 0xf0, 0xdc);
    const QColor border = problem ? QColor(0xf6, 0x74, 0x00) : QColor(0x27, 0xae, 0x60);
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Light, border);
    p.setColor(QPalette::Dark, border);
    p.setColor(QPalette::Mid, border);
    setPalette(p);
    m_icon->setPixmap(
        Icons::icon(problem ? QStringLiteral("connection-lost") : QStringLiteral("connection-ok"))
            .pixmap(kIconSize, kIconSize));
}

void ConnectionBanner::showLost(const QString &where, int retryInMs, const QString &detail)
{
    m_state = State::Lost;
    m_where = where;
    m_retryAtMs = QDateTime::currentMSecsSinceEpoch() + retryInMs;
    m_hideTimer.stop();
    setTone(true);
    if (!detail.isEmpty()) {
        m_detail->setText(detail);
        m_detail->show();
    }
    setToolTip(m_detail->text());
    m_retry->show();
    m_retry->setEnabled(true);
    updateCountdown();
    m_countdown.start();
    show();
}

void ConnectionBanner::showReconnecting(const QString &where)
{
    m_state = State::Reconnecting;
    m_where = where;
    m_countdown.stop();
    m_hideTimer.stop();
    setTone(true);
    m_text->setText(tr("Connection to %1 lost — reconnecting…").arg(where));
    // One attempt at a time: it runs in the background until the session reports its outcome.
    m_retry->setEnabled(false);
    show();
}

void ConnectionBanner::showReconnected(const QString &where)
{
    m_state = State::Reconnected;
    m_where = where;
    m_countdown.stop();
    setTone(false);
    m_text->setText(tr("Reconnected to %1.").arg(where));
    m_detail->clear();
    m_detail->hide();
    setToolTip(QString());
    m_retry->hide();
    show();
    m_hideTimer.start();
}

void ConnectionBanner::dismiss()
{
    m_state = State::Hidden;
    m_countdown.stop();
    m_hideTimer.stop();
    m_detail->clear();
    m_detail->hide();
    hide();
}

QString ConnectionBanner::text() const
{
    return m_text->text();
}

QString ConnectionBanner::detail() const
{
    return m_detail->text();
}

void ConnectionBanner::updateCountdown()
{
    if (m_state != State::Lost)
        return;
    const qint64 leftMs = m_retryAtMs - QDateTime::currentMSecsSinceEpoch();
    const int seconds = int(qMax<qint64>(1, (leftMs + 999) / 1000));
    m_text->setText(tr("Connection to %1 lost — retrying in %n s…", nullptr, seconds).arg(m_where));
}

} // namespace Keyward
