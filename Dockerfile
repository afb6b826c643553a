# The kg API service and web page; docker-compose.yml runs it against Neo4j.
# Stage 1 vendors the web page's npm assets (Leaflet, country outlines, Swagger UI) with the same
# script a developer runs, so the page and /docs work offline inside the container too.
FROM node:20-slim AS assets
WORKDIR /build
COPY scripts/vendor-assets ./scripts/vendor-assets
COPY scripts/assets/package.json scripts/assets/package-lock.json ./scripts/assets/
RUN mkdir -p api/web/static && scripts/vendor-assets

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY core ./core
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
COPY queries ./queries
COPY --from=assets /build/api/web/static/vendor ./api/web/static/vendor
# The dask extra lets the same image serve as a Dask scheduler or extraction worker (compose profile "dask").
RUN pip install --no-cache-dir ".[dask]"
ENV KG_BACKEND=neo4j
EXPOSE 8000
CMD ["kg", "serve", "--host", "0.0.0.0", "--port", "8000"]
