# Strings of the export module.
