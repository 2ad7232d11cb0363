// SMSCodec: see ../shared/DESIGN.md (Layout).
