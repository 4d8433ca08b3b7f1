#pragma once

// The vault fixture of the engine a suite is built for: store suites compiled twice, once
// plain (SQLite) and once with KEYWARD_TEST_POSTGRES defined, run the same tests on both.
#ifdef KEYWARD_TEST_POSTGRES
#include "PgFixture.h"
namespace Keyward::Testing {
using StoreFixture = PgVaultFixture;
inline constexpr bool kTestingPostgres = true;
} // namespace Keyward::Testing
#else
#include "VaultFixture.h"
namespace Keyward::Testing {
using StoreFixture = VaultFixture;
inline constexpr bool kTestingPostgres = false;
} // namespace Keyward::Testing
#endif
