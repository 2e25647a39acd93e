"""Commands, their default keys and the user's key file."""
