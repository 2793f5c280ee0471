"""Event files and servers: opening, creating, copying, backups, locks, the demo event."""
