#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Keyward {

// The addresses a key may be presented from: IPv4 and IPv6 addresses and CIDR ranges. Empty
// means "from anywhere". Entries are kept normalised ("10.0.0.0/8", "2001:db8::/32", a single
// address without a prefix), without repeats, in the order given. An IPv4-mapped IPv6 address
// ("::ffff:10.0.0.1") is its IPv4 address, both in a rule and in a request, so a dual-stack
// socket's peer matches the IPv4 rules.
class IpAllowlist
{
    Q_DECLARE_TR_FUNCTIONS(IpAllowlist)
public:
    // Bounds on what a person types: an allowlist is a handful of networks, not a block list.
    static constexpr int kMaxEntries = 64;
    static constexpr int kMaxEntryLength = 64;

    IpAllowlist() = default;

    // Entries as typed: each one address or range; surrounding space is forgiven, an empty
    // entry, a host part past the prefix ("10.1.2.3/8"), a zone ("fe80::1%eth0"), a prefix too
    // long for its family ("10.0.0.0/33"), an IPv4 address short of four parts ("10.1") or with a
    // leading zero ("010.0.0.1", octal to some) is an error naming the entry.
    static Result<IpAllowlist> parse(const QStringList &entries);
    // One text of entries separated by commas, spaces or line breaks (a dialog's field, a
    // --allow-ip value). Blank text: the empty list.
    static Result<IpAllowlist> parseText(const QString &text);
    // The stored form (entries separated by spaces). Never fails: an entry that does not parse
    // (a hand-edited database) stays in the list and matches nothing, so the key fails closed.
    static IpAllowlist fromStored(const QString &stored);

    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    const QStringList &entries() const { return m_entries; }
    // Entries separated by a space: the stored form.
    QString toStored() const { return m_entries.join(QLatin1Char(' ')); }
    // Entries separated by ", ": for people.
    QString toDisplay() const { return m_entries.join(QStringLiteral(", ")); }
    // The parsed ranges (network, prefix length), IPv4-mapped ones as IPv4.
    const QVector<QPair<QHostAddress, int>> &ranges() const { return m_subnets; }

    // True when the list is empty or one entry contains the address. A null address (unknown)
    // is allowed only by an empty list.
    bool allows(const QHostAddress &address) const;

    bool operator==(const IpAllowlist &other) const { return m_entries == other.m_entries; }
    bool operator!=(const IpAllowlist &other) const { return !(*this == other); }

    // The address as rules see it: an IPv4-mapped IPv6 address becomes its IPv4 address.
    static QHostAddress normalisedAddress(const QHostAddress &address);

private:
    struct Entry
    {
        QString text;
        QHostAddress network;
        int prefixLength = -1;
    };
    static Result<Entry> parseEntry(const QString &entry, int position);

    QStringList m_entries;
    QVector<QPair<QHostAddress, int>> m_subnets; // parsed entries; unparsable ones are left out
};

} // namespace Keyward
