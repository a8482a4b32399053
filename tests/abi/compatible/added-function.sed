# A new function: an addition the ABI allows (the baseline is then regenerated on purpose).
/^PARLEY_API int32_t parley_version_number(void);/a PARLEY_API int32_t parley_abi_version(void);
