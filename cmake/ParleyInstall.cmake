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
set(PARLEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/parley)
install(EXPORT parleyTargets NAMESPACE parley:: DESTINATION ${PARLEY_CMAKE_DIR})
configure_package_config_file(cmake/parleyConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/parleyConfig.cmake
  INSTALL_DESTINATION ${PARLEY_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/parleyConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/parleyConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/parleyConfigVersion.cmake
  cmake/FindUtf8proc.cmake cmake/FindStemmer.cmake DESTINATION ${PARLEY_CMAKE_DIR})
# Relocatable: the .pc file finds the prefix from its own directory.
file(RELATIVE_PATH PARLEY_PC_RELATIVE_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
configure_file(cmake/parley.pc.in ${CMAKE_CURRENT_BINARY_DIR}/parley.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/parley.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
