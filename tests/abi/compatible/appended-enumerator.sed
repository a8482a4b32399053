# A new status code after the last one: the old values keep their meaning.
s/^  PARLEY_E_OUT_OF_MEMORY = 10 /  PARLEY_E_OUT_OF_MEMORY = 10, PARLEY_E_CANCELLED = 11/
