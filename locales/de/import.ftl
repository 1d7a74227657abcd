# Strings of the import module.
