# Strings of the checks module.
