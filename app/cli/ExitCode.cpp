#include "ExitCode.h"

namespace Keyward::Cli {

ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::PermissionDenied:
    case ErrorCode::NotFound:
    case ErrorCode::StaleVersion:
    case ErrorCode::AuthenticationFailed:
        return ExitCode::Refused;
    case ErrorCode::VaultNotFound:
    case ErrorCode::NotAVault:
    case ErrorCode::VaultCorrupt:
    case ErrorCode::VaultLocked:
    case ErrorCode::VaultTooNew:
    case ErrorCode::VaultExists:
    case ErrorCode::StorageError:
    case ErrorCode::ConnectionLost:
    case ErrorCode::CryptoFailure:
        return ExitCode::VaultError;
    }
    return ExitCode::VaultError;
}

} // namespace Keyward::Cli
