#pragma once

#include "core/ApiKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QVector>

#include <optional>

namespace Keyward {

// Keys' metadata for other programs: `keywardctl key list --json`, `key export` and the
// window's Export Selected (issue 16 §3). Never a secret: only hints, as the table shows them.
// In verify/ because a secret's last refusal is named by its verification outcome code.
class KeyExport
{
public:
    enum class Format { Csv, Json };

    static QJsonObject keyJson(const ApiKey &key, qint64 nowMs);
    static QJsonObject secretJson(const KeySecret &secret);

    // RFC 4180 (CRLF, quoted where needed), one row per key. A cell that a spreadsheet would
    // run as a formula (=, +, -, @ first) is prefixed with ' : key names are anyone's text.
    static QByteArray csv(const QVector<ApiKey> &keys, qint64 nowMs);
    // {"exported_at": ..., "keys": [keyJson, ...]}, indented.
    static QByteArray json(const QVector<ApiKey> &keys, qint64 nowMs);
    static QByteArray write(Format format, const QVector<ApiKey> &keys, qint64 nowMs);

    static QString isoTime(qint64 atMs);
    static QJsonValue isoTimeOrNull(const std::optional<qint64> &atMs);
};

} // namespace Keyward
