# Strings of the app module.
