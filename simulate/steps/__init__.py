"""The monthly mechanisms, one file each, in the order the model calls them."""

# Relative margin by which an upper bound of a chance is widened before a step uses it to
# skip the mothers who cannot move: it covers rounding (some factors are float32), far
# below any chance that matters. A numerical tolerance, not a model parameter.
BOUND_MARGIN = 1e-6
