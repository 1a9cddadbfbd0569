"""Claims: what each source states (figures, dates) and how the sources' statements compare."""
