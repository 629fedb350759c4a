"""One module per page kind. Each has a data function (the JSON twin, computed once) and
a router with the page (`/kind/...`, `/kind/....json`) and its API route (`/api/kind/...`)."""
