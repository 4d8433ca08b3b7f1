# Runs at install time (install(CODE) in app/server): keyward-verifyd's unit names the installed
# binary and configuration, so it is configured for the prefix actually installed to, whether
# `cmake --install build [--prefix P]` or the Debian package (cpack, prefix /usr).
# In: KEYWARD_UNIT_TEMPLATE, KEYWARD_CONF_EXAMPLE, KEYWARD_UNIT_STAGING, and
# KEYWARD_SBINDIR, KEYWARD_DATADIR, KEYWARD_SYSCONFDIR (as GNUInstallDirs gives them).
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    # Debian 12 keeps units below /lib (lintian: systemd-service-file-outside-lib).
    set(unit_dir /lib/systemd/system)
else()
    set(unit_dir ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)
endif()
# As GNUInstallDirs: an absolute SYSCONFDIR stays, /usr's is /etc, others are below the prefix.
if(IS_ABSOLUTE "${KEYWARD_SYSCONFDIR}")
    set(CMAKE_INSTALL_FULL_SYSCONFDIR ${KEYWARD_SYSCONFDIR})
elseif(CMAKE_INSTALL_PREFIX STREQUAL "/usr" AND KEYWARD_SYSCONFDIR STREQUAL "etc")
    set(CMAKE_INSTALL_FULL_SYSCONFDIR /etc)
else()
    set(CMAKE_INSTALL_FULL_SYSCONFDIR ${CMAKE_INSTALL_PREFIX}/${KEYWARD_SYSCONFDIR})
endif()
set(CMAKE_INSTALL_FULL_SBINDIR ${CMAKE_INSTALL_PREFIX}/${KEYWARD_SBINDIR})
set(CMAKE_INSTALL_FULL_DATADIR ${CMAKE_INSTALL_PREFIX}/${KEYWARD_DATADIR})
configure_file(${KEYWARD_UNIT_TEMPLATE} ${KEYWARD_UNIT_STAGING}/keyward-verifyd.service @ONLY)
file(INSTALL ${KEYWARD_UNIT_STAGING}/keyward-verifyd.service DESTINATION ${unit_dir})
file(INSTALL ${KEYWARD_CONF_EXAMPLE} DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/keyward
     RENAME verifyd.conf.example)
