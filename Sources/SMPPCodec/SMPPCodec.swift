// SMPPCodec: see ../shared/DESIGN.md (Layout).
