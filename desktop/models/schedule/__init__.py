"""Meeting requests, the schedule and its hand edits, scheduler runs, the board, repair."""
