# Debian packages (CPack DEB, docs/packaging.md): `cpack -G DEB` in the build folder, or
# scripts/package-check.sh, which also installs, uses, removes and lintian-checks them.
#   keyward          the window, keywardctl, their man pages, shell completion, .desktop file,
#                    icon and AppStream metadata (install component "keyward")
#   keyward-verifyd  the verification server, its man page and its systemd unit (not enabled),
#                    with a system user (install component "verifyd")
set(KEYWARD_PACKAGE_CONTACT "Keyward maintainers <keyward@example.org>" CACHE STRING
    "The packages' Maintainer: field (a placeholder until a team owns them)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME keyward)
set(CPACK_PACKAGE_VENDOR Keyward)
set(CPACK_PACKAGE_CONTACT "${KEYWARD_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its own description below; CPack would put this
# summary (project()'s DESCRIPTION) in front of both.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # keyward_0.1.0-1_amd64.deb
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL keyward verifyd)
# Installed with DESTDIR and prefix /usr, so the unit can go to /lib/systemd/system and the
# configuration to /etc (cmake/InstallSystemdUnit.cmake), outside the prefix.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SOURCE keyward)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: from the binaries' shared libraries (dpkg-shlibdeps), plus what is loaded at run
# time and so invisible to it: the Qt SQL drivers (QSQLITE, QPSQL) and Qt's own translations.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KEYWARD_PACKAGE_NAME keyward)
set(CPACK_DEBIAN_KEYWARD_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_KEYWARD_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, qt6-translations-l10n")
set(CPACK_DEBIAN_KEYWARD_DESCRIPTION "API key manager for administrators
Keyward generates, rotates, revokes and audits the API keys of an
organisation: environments, roles and grants, expiry, rate and usage limits,
and a tamper-evident audit log. Keys live in a local vault file (only hashes
of secrets are stored) or in a PostgreSQL database shared by a team.

This package holds the desktop application (keyward) and the command line
(keywardctl), which answers for a presented key what an API would.")

set(CPACK_DEBIAN_VERIFYD_PACKAGE_NAME keyward-verifyd)
set(CPACK_DEBIAN_VERIFYD_PACKAGE_SECTION net)
set(CPACK_DEBIAN_VERIFYD_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, adduser")
set(CPACK_DEBIAN_VERIFYD_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_VERIFYD_DESCRIPTION "API key verification server for Keyward vaults
keyward-verifyd answers whether an API key may make a request, over HTTP: for
API gateways (nginx auth_request, Traefik forwardAuth, Envoy ext_authz) and
for services (a JSON API), with health checks and Prometheus metrics.

The systemd unit is installed but not enabled; the service runs as the system
user keyward.")
set(keyward_debian ${CMAKE_BINARY_DIR}/debian)
foreach(script postinst prerm postrm conffiles)
    configure_file(${CMAKE_SOURCE_DIR}/resources/debian/keyward-verifyd.${script}
                   ${keyward_debian}/verifyd/${script} COPYONLY)
    list(APPEND CPACK_DEBIAN_VERIFYD_PACKAGE_CONTROL_EXTRA ${keyward_debian}/verifyd/${script})
endforeach()

# /usr/share/doc/PACKAGE: copyright and changelog.Debian.gz, which Debian requires of every
# package. Only for the packages (EXCLUDE_FROM_ALL): `cmake --install` skips them.
set(KEYWARD_DEBIAN_VERSION ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})
configure_file(${CMAKE_SOURCE_DIR}/resources/debian/changelog.in ${keyward_debian}/changelog.Debian
               @ONLY)
add_custom_command(OUTPUT ${keyward_debian}/changelog.Debian.gz
    COMMAND gzip -9n -f -k ${keyward_debian}/changelog.Debian
    DEPENDS ${keyward_debian}/changelog.Debian VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS ${keyward_debian}/changelog.Debian.gz)
foreach(component keyward verifyd)
    string(TOUPPER ${component} upper)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/debian/copyright
                  ${keyward_debian}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${CPACK_DEBIAN_${upper}_PACKAGE_NAME}
            COMPONENT ${component} EXCLUDE_FROM_ALL)
endforeach()

include(CPack)
