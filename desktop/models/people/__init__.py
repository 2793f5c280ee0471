"""Participants, their product categories and phone numbers."""
