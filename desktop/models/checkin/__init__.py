"""The desk: check-in and undo, search, presence, late arrivals, walk-ins, scanner, kiosk."""
