"""The desktop shell: main window, document, docks, dialogs and actions.

`run_gui()` in `main.py` is the entry point the command line calls.
"""
