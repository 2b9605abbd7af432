"""The apps: what civil servants open ukimet for, every read of citizen data through the gateway."""
