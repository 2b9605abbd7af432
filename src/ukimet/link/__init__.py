"""Linkage: one identity per person, family and company across all agency data. This first layer standardises
the evidence: names in any script, surname endings and patronymics, IINs and dates."""
