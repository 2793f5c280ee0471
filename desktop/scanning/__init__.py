"""Reading codes from camera frames (no Qt)."""
