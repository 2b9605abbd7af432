"""The surfaces: the REST API (OpenAPI, versioned under /api/v1) and the server-rendered web application in
Kazakh, Russian and English. Both serve through the gateway only."""
