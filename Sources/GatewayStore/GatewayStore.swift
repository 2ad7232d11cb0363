// GatewayStore: see ../shared/DESIGN.md (Layout).
