# The kg API service; docker-compose.yml runs it against Neo4j.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
COPY queries ./queries
# The dask extra lets the same image serve as a Dask scheduler or extraction worker (compose profile "dask").
RUN pip install --no-cache-dir ".[dask]"
ENV KG_BACKEND=neo4j
EXPOSE 8000
CMD ["kg", "serve", "--host", "0.0.0.0", "--port", "8000"]
