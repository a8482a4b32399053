# A function taken out of the header (and so out of the library).
/^PARLEY_API parley_status parley_call_set_times(/d
