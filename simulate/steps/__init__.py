"""The monthly mechanisms, one file each, in the order the model calls them."""
