# Read by cpack before it builds each package (CPACK_PROJECT_CONFIG_FILE).
# A Debian package of a build whose prefix is not /usr would install its
# files under /usr/local while its conffiles (packaging/deb/conffiles) and
# the daemon's built-in paths name /etc and /usr: refuse it, and say how
# to build one that works.
if(CPACK_GENERATOR STREQUAL "DEB")
  if(NOT CPACK_DECORUM_BUILD_PREFIX STREQUAL "/usr"
     OR NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
    message(FATAL_ERROR "decorumd: a Debian package needs a build configured "
      "with -DCMAKE_INSTALL_PREFIX=/usr; this build's prefix is "
      "'${CPACK_DECORUM_BUILD_PREFIX}', so the package's /etc conffiles "
      "would be missing from it. Run 'cmake --build BUILD_DIR --target deb', "
      "which builds the package with the prefix /usr in BUILD_DIR/package "
      "and copies it to BUILD_DIR.")
  endif()
endif()
