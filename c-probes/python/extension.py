"""Imports the C extension built beside it and asks it which C library it runs on."""
import sys

sys.path.insert(0, "/probe")
import spam

print("spam.version():", spam.version())
