"""Spreadsheets in and out: reading .xlsx/.csv, previewing and importing rows, exporting the event.

No Qt here: the wizard (desktop/views/import_wizard.py) and the CLI (desktop/cli/spreadsheet.py)
both call these functions.
"""
