"""What every pipeline stage shares: identifiers, scripts, regions, errors."""
