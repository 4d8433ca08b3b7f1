#include "IpAllowlist.h"

#include <QRegularExpression>

namespace Keyward {

namespace {

Error invalid(const QString &message)
{
    return Error {ErrorCode::InvalidInput, message};
}

bool isAddressCharacter(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('F')) || c == QLatin1Char('.')
        || c == QLatin1Char(':') || c == QLatin1Char('/');
}

// A character as an error message may show it: control and invisible characters by code.
QString visible(QChar c)
{
    if (c.isPrint() && !c.isSpace())
        return QStringLiteral("\u201C%1\u201D").arg(c);
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

int fullLength(QAbstractSocket::NetworkLayerProtocol protocol)
{
    return protocol == QAbstractSocket::IPv4Protocol ? 32 : 128;
}

} // namespace

QHostAddress IpAllowlist::normalisedAddress(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    // ::ffff:a.b.c.d: ten zero bytes, two 0xff bytes, then the IPv4 address.
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    bool mapped = bytes[10] == 0xff && bytes[11] == 0xff;
    for (int i = 0; mapped && i < 10; ++i)
        mapped = bytes[i] == 0;
    if (mapped)
        return QHostAddress(quint32(bytes[12]) << 24 | quint32(bytes[13]) << 16
                            | quint32(bytes[14]) << 8 | quint32(bytes[15]));
    QHostAddress withoutScope = address;
    withoutScope.setScopeId(QString());
    return withoutScope;
}

Result<IpAllowlist::Entry> IpAllowlist::parseEntry(const QString &raw, int position)
{
    const QString entry = raw.trimmed();
    if (entry.isEmpty())
        return invalid(tr("Allowed address %1 is empty. Separate addresses with a single comma.")
                           .arg(position));
    if (entry.size() > kMaxEntryLength)
        return invalid(tr("Allowed address %1 is too long to be an address or range (at most %2 "
                          "characters).")
                           .arg(position)
                           .arg(kMaxEntryLength));
    for (QChar c : entry) {
        if (c == QLatin1Char('%'))
            return invalid(tr("Allowed address %1 (%2) has a zone (%); zones are not supported, "
                              "give the address alone.")
                               .arg(position)
                               .arg(entry));
        if (!isAddressCharacter(c))
            return invalid(tr("Allowed address %1 is not an IP address or range: %2 cannot "
                              "appear in one. Examples: 192.0.2.10, 10.0.0.0/8, 2001:db8::/32.")
                               .arg(position)
                               .arg(visible(c)));
    }
    const QStringList parts = entry.split(QLatin1Char('/'));
    if (parts.size() > 2)
        return invalid(tr("Allowed address %1 (%2) has more than one \u201C/\u201D.")
                           .arg(position)
                           .arg(entry));
    const QString addressText = parts.constFirst();
    // "010.0.0.1": Qt (like inet_aton) reads a leading zero as octal, 8.0.0.1, where most people
    // and some tools mean 10.0.0.1. Neither reading is safe to pick for an allowlist.
    const QString dotted = addressText.mid(addressText.lastIndexOf(QLatin1Char(':')) + 1);
    if (dotted.contains(QLatin1Char('.'))) {
        for (const QString &part : dotted.split(QLatin1Char('.'))) {
            if (part.size() > 1 && part.startsWith(QLatin1Char('0')))
                return invalid(tr("Allowed address %1 (%2) has a part with a leading zero, which "
                                  "some programs read as octal: write 10.0.0.1, not "
                                  "010.0.0.1.")
                                   .arg(position)
                                   .arg(entry));
        }
    }
    QHostAddress address;
    // IPv4 needs all four parts: Qt would read "10.1" as 10.0.0.1, which nobody means.
    const bool looksV4 = !addressText.contains(QLatin1Char(':'));
    if ((looksV4 && addressText.count(QLatin1Char('.')) != 3) || !address.setAddress(addressText))
        return invalid(tr("Allowed address %1 (%2) is not an IP address. Examples: 192.0.2.10, "
                          "10.0.0.0/8, 2001:db8::/32.")
                           .arg(position)
                           .arg(entry));
    int prefix = fullLength(address.protocol());
    if (parts.size() == 2) {
        const QString prefixText = parts.at(1);
        bool ok = false;
        const int value = prefixText.toInt(&ok, 10);
        if (prefixText.isEmpty() || prefixText.size() > 3 || !ok || value < 0 || value > prefix)
            return invalid(tr("Allowed address %1 (%2) has an invalid prefix length: it must be "
                              "a number from 0 to %3 for this address.")
                               .arg(position)
                               .arg(entry)
                               .arg(prefix));
        prefix = value;
    }
    // A mapped address is its IPv4 address; a range over mapped addresses is the IPv4 range.
    const QHostAddress mapped = normalisedAddress(address);
    if (mapped.protocol() == QAbstractSocket::IPv4Protocol
        && address.protocol() == QAbstractSocket::IPv6Protocol) {
        if (prefix < 96)
            return invalid(tr("Allowed address %1 (%2) mixes IPv4-mapped and other IPv6 "
                              "addresses; give IPv4 and IPv6 ranges separately.")
                               .arg(position)
                               .arg(entry));
        prefix -= 96;
    }
    address = mapped;
    const int full = fullLength(address.protocol());
    const QHostAddress network =
        QHostAddress::parseSubnet(address.toString() + QLatin1Char('/') + QString::number(prefix))
            .first;
    if (network.isNull())
        return invalid(
            tr("Allowed address %1 (%2) is not an IP address or range.").arg(position).arg(entry));
    if (network != address)
        return invalid(tr("Allowed address %1 (%2) has bits set after its prefix: did you mean "
                          "%3/%4?")
                           .arg(position)
                           .arg(entry, network.toString())
                           .arg(prefix));
    Entry parsed;
    parsed.network = network;
    parsed.prefixLength = prefix;
    parsed.text = prefix == full ? network.toString()
                                 : network.toString() + QLatin1Char('/') + QString::number(prefix);
    return parsed;
}

Result<IpAllowlist> IpAllowlist::parse(const QStringList &entries)
{
    if (entries.size() > kMaxEntries)
        return invalid(tr("Too many allowed addresses (%1); at most %2 are allowed. Use ranges "
                          "such as 10.0.0.0/8 to cover many addresses.")
                           .arg(entries.size())
                           .arg(kMaxEntries));
    IpAllowlist list;
    int position = 0;
    for (const QString &entry : entries) {
        auto parsed = parseEntry(entry, ++position);
        if (!parsed)
            return parsed.error();
        if (list.m_entries.contains(parsed->text))
            continue;
        list.m_entries.append(parsed->text);
        list.m_subnets.append({parsed->network, parsed->prefixLength});
    }
    return list;
}

Result<IpAllowlist> IpAllowlist::parseText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return IpAllowlist();
    // Commas separate entries, and so does white space between two of them; "a, b" is two.
    static const QRegularExpression separators(QStringLiteral("\\s*,\\s*|\\s+"));
    return parse(text.trimmed().split(separators));
}

IpAllowlist IpAllowlist::fromStored(const QString &stored)
{
    IpAllowlist list;
    const QStringList entries = stored.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int position = 0;
    for (const QString &entry : entries) {
        list.m_entries.append(entry);
        if (auto parsed = parseEntry(entry, ++position))
            list.m_subnets.append({parsed->network, parsed->prefixLength});
    }
    return list;
}

bool IpAllowlist::allows(const QHostAddress &address) const
{
    if (m_entries.isEmpty())
        return true;
    if (address.isNull())
        return false;
    const QHostAddress normalised = normalisedAddress(address);
    for (const auto &subnet : m_subnets) {
        if (normalised.isInSubnet(subnet))
            return true;
    }
    return false;
}

} // namespace Keyward
