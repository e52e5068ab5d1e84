"""Date formats where Django's own for a language are not the ones the record uses (FORMAT_MODULE_PATH)."""
