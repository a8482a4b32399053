# Two enumerators swap their values: a host compiled against the old header passes the wrong role.
s/PARLEY_ROLE_CUSTOMER = 1, PARLEY_ROLE_OTHER = 2/PARLEY_ROLE_CUSTOMER = 2, PARLEY_ROLE_OTHER = 1/
