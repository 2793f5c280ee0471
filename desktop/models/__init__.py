"""ORM tables and domain services. No Qt here: everything runs from a plain script."""
