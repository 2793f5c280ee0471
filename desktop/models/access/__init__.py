"""Who acts and may act: operators and PINs, permissions, the audit trail and its words."""
