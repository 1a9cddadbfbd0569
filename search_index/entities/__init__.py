"""Named-entity extraction: people, organisations, places, dates and quantities."""
