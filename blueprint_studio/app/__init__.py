"""The desktop shell: a main window hosting workspaces around a session.

`main_window.py` is the shell, `session.py` what its helpers share, `workspace.py` the
protocol every workspace follows, `inspector/` the inspector, and `workspaces/` one folder
per workspace (the map editor, the project overview). `run_gui()` in `main.py` is the entry
point the command line calls.
"""
