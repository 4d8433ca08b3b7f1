#include "TamperedKeysCheck.h"

#include "BackgroundJob.h"
#include "store/KeyStore.h"
#include "store/VaultIntegrity.h"
#include "store/VerifiedSignatures.h"

namespace Keyward {

TamperedKeysCheck::TamperedKeysCheck(QObject *parent)
    : QObject(parent)
{ }

TamperedKeysCheck::~TamperedKeysCheck()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void TamperedKeysCheck::start(const QString &path, const QByteArray &acceptedRoot)
{
    m_next = Request {path, acceptedRoot};
    if (!m_thread)
        run();
}

void TamperedKeysCheck::cancel()
{
    m_next.reset();
    m_cancelled = m_thread != nullptr;
}

void TamperedKeysCheck::run()
{
    const Request request = *m_next;
    m_next.reset();
    m_cancelled = false;
    m_result.reset();
    m_thread = new BackgroundJob(
        [this, request] {
            auto found = VaultIntegrity::tamperedKeys(request.path, request.root,
                                                      &VerifiedSignatures::ofProcess());
            if (!found)
                return;
            QHash<qint64, QString> tampered;
            for (const TamperedKey &key : std::as_const(*found))
                tampered.insert(key.id, key.problem);
            m_result = tampered;
        },
        "keyward-signs");
    connect(m_thread, &BackgroundJob::finished, this, &TamperedKeysCheck::onThreadFinished);
}

void TamperedKeysCheck::onThreadFinished()
{
    m_thread->wait(); // orders the thread's writes before the reads below
    delete m_thread;
    m_thread = nullptr;
    const bool report = !m_cancelled && !m_next && m_result;
    const QHash<qint64, QString> tampered = report ? *m_result : QHash<qint64, QString>();
    m_result.reset();
    if (m_next)
        run();
    if (report)
        Q_EMIT finished(tampered);
}

} // namespace Keyward
