"""Reception: the location register and the national weekly series, per imported week."""
