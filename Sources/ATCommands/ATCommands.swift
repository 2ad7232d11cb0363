// ATCommands: see ../shared/DESIGN.md (Layout).
