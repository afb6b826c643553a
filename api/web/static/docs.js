// Starts Swagger UI on this server's own OpenAPI document (no CDN, no inline script).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
document.body.setAttribute("data-docs-ready", "true");
