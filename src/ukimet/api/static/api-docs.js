// Starts Swagger UI on /api/v1/docs from the app's own copy (no CDN; the page's policy forbids inline scripts).
window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
});
