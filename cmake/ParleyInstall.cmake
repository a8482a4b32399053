include(CMakePackageConfigHelpers)
install(TARGETS parley EXPORT parleyTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/parley DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# data/ is compiled into the library, so it is not installed; its licences and notices are, with
# parley's own, under the paths THIRD_PARTY.md names.
install(FILES LICENSE THIRD_PARTY.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/data
  FILES_MATCHING PATTERN "LICENSE*" PATTERN "NOTICE*")

# A static libparley.a needs its private dependencies when a host links it; a shared one does not
# (it records them itself), so the package asks for them only in the static case.
if(BUILD_SHARED_LIBS)
  set(PARLEY_STATIC_LIBRARY FALSE)
  set(PARLEY_PC_LIBS_PRIVATE "")
else()
  set(PARLEY_STATIC_LIBRARY TRUE)
  # Link flags only: Requires.private would also put the dependencies' Cflags
  # (-DUTF8PROC_EXPORTS, -I/usr/include/hs) into every host's compile line.
  pkg_check_modules(PARLEY_PC_DEPENDENCIES QUIET REQUIRED icu-uc icu-i18n sqlite3 fmt libutf8proc libhs)
  list(JOIN PARLEY_PC_DEPENDENCIES_LDFLAGS " " PARLEY_PC_LIBS_PRIVATE)
  set(PARLEY_PC_LIBS_PRIVATE "Libs.private: ${PARLEY_PC_LIBS_PRIVATE} -lstemmer")
endif()

set(PARLEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/parley)
install(EXPORT parleyTargets NAMESPACE parley:: DESTINATION ${PARLEY_CMAKE_DIR})
configure_package_config_file(cmake/parleyConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/parleyConfig.cmake
  INSTALL_DESTINATION ${PARLEY_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/parleyConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/parleyConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/parleyConfigVersion.cmake
  DESTINATION ${PARLEY_CMAKE_DIR})
if(PARLEY_STATIC_LIBRARY)
  install(FILES cmake/FindUtf8proc.cmake cmake/FindStemmer.cmake DESTINATION ${PARLEY_CMAKE_DIR})
endif()
# Relocatable: the .pc file finds the prefix from its own directory.
file(RELATIVE_PATH PARLEY_PC_RELATIVE_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
string(REGEX REPLACE "/$" "" PARLEY_PC_RELATIVE_PREFIX "${PARLEY_PC_RELATIVE_PREFIX}")
configure_file(cmake/parley.pc.in ${CMAKE_CURRENT_BINARY_DIR}/parley.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/parley.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
