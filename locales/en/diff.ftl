# Strings of the diff module.
