#pragma once

#include "crypto/KeyToken.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

Q_DECLARE_METATYPE(Keyward::KeyToken::ParseStatus)

namespace TokenTestSupport {

// Fixed tokens computed by an independent implementation (Python: zlib.crc32 and a base62
// big-endian encoder) from the 32 bytes 0x00..0x1f, so a change in the format is caught.
inline const QByteArray kGoldenLive =
    QByteArrayLiteral("kw_live_003aUlTJC7tjlCTQj2uNU3MFagCXG9LRKRcwGkBIDlf0fcTwN");
inline const QByteArray kGoldenStaging =
    QByteArrayLiteral("kw_stg_003aUlTJC7tjlCTQj2uNU3MFagCXG9LRKRcwGkBIDlf26Cr8D");
inline const QByteArray kGoldenDevelopment =
    QByteArrayLiteral("kw_dev_003aUlTJC7tjlCTQj2uNU3MFagCXG9LRKRcwGkBIDlf48zjtz");

// Builds "<prefix>_<env>_<body><check>" with a correct checksum for any body, so tests can make
// well-formed tokens of other vaults or environments.
inline QByteArray withChecksum(const QByteArray &withoutCheck)
{
    const quint32 crc =
        Keyward::KeyToken::crc32(withoutCheck.constData(), std::size_t(withoutCheck.size()));
    QByteArray bigEndian;
    for (int shift = 24; shift >= 0; shift -= 8)
        bigEndian.append(char((crc >> shift) & 0xFF));
    return withoutCheck
        + Keyward::KeyToken::base62Encode(bigEndian, Keyward::KeyToken::kCheckLength).toLatin1();
}

inline Keyward::KeyToken::Parsed parse(const QByteArray &bytes, const QString &expectedPrefix = {})
{
    return Keyward::KeyToken::parse(bytes.constData(), std::size_t(bytes.size()), expectedPrefix);
}

// Readable names so a failing QCOMPARE says "Truncated" instead of a number.
inline QString statusName(Keyward::KeyToken::ParseStatus status)
{
    using S = Keyward::KeyToken::ParseStatus;
    switch (status) {
    case S::Ok:
        return QStringLiteral("Ok");
    case S::Empty:
        return QStringLiteral("Empty");
    case S::Malformed:
        return QStringLiteral("Malformed");
    case S::WrongPrefix:
        return QStringLiteral("WrongPrefix");
    case S::UnknownEnvironment:
        return QStringLiteral("UnknownEnvironment");
    case S::ChecksumMismatch:
        return QStringLiteral("ChecksumMismatch");
    case S::Truncated:
        return QStringLiteral("Truncated");
    }
    return QStringLiteral("?");
}

} // namespace TokenTestSupport
