"""sitroom: conflict news to structured, geocoded, source-attributed event data."""
