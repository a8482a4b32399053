include(CMakePackageConfigHelpers)
# Two export sets, so a C host's find_package(parley COMPONENTS capi) loads only the shared
# library's target and needs none of the static library's dependencies.
install(TARGETS parley EXPORT parleyTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS parley_shared EXPORT parleyCapiTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/parley DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES capi/parley.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# data/ is compiled into the library, so it is not installed; its licences and notices are, with
# parley's own, under the paths THIRD_PARTY.md names.
install(FILES LICENSE THIRD_PARTY.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
set(PARLEY_INSTALL_DATA_EXCLUDE "")
if(NOT PARLEY_SHARE_ALIKE_DATA)
  set(PARLEY_INSTALL_DATA_EXCLUDE PATTERN share-alike EXCLUDE)
endif()
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/data
  FILES_MATCHING PATTERN "LICENSE*" PATTERN "NOTICE*" ${PARLEY_INSTALL_DATA_EXCLUDE})

set(PARLEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/parley)
install(EXPORT parleyTargets NAMESPACE parley:: DESTINATION ${PARLEY_CMAKE_DIR})
install(EXPORT parleyCapiTargets NAMESPACE parley:: DESTINATION ${PARLEY_CMAKE_DIR})
configure_package_config_file(cmake/parleyConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/parleyConfig.cmake
  INSTALL_DESTINATION ${PARLEY_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/parleyConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/parleyConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/parleyConfigVersion.cmake
  cmake/FindUtf8proc.cmake cmake/FindStemmer.cmake cmake/FindCsv.cmake DESTINATION ${PARLEY_CMAKE_DIR})

# pkg-config: parley.pc is the C ABI (the shared library, asking the host for nothing else);
# parley-cpp.pc is the C++ API: the static library, named by its path (-lparley would find the
# shared one), and its dependencies' link flags in Libs, since the library is only ever static.
# Link flags only: Requires would also put the dependencies' Cflags (-DUTF8PROC_EXPORTS,
# -I/usr/include/hs) into every host's compile line.
pkg_check_modules(PARLEY_PC_DEPENDENCIES QUIET REQUIRED icu-uc icu-i18n sqlite3 fmt libutf8proc libhs gmime-3.0 libical hunspell)
list(JOIN PARLEY_PC_DEPENDENCIES_LDFLAGS " " PARLEY_PC_DEPENDENCY_LIBS)
set(PARLEY_PC_DEPENDENCY_LIBS "${PARLEY_PC_DEPENDENCY_LIBS} -lstemmer -lcsv")
# Relocatable: the .pc files find the prefix from their own directory.
file(RELATIVE_PATH PARLEY_PC_RELATIVE_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
string(REGEX REPLACE "/$" "" PARLEY_PC_RELATIVE_PREFIX "${PARLEY_PC_RELATIVE_PREFIX}")
foreach(pc parley parley-cpp)
  configure_file(cmake/${pc}.pc.in ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
