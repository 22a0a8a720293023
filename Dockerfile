# Two stages: build the SPA with Node, then a slim Python image that serves it.
FROM node:20-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY frontend/ ./
COPY openapi.json /src/openapi.json
RUN npm run build

FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 SPA_DIST=/app/frontend/dist
COPY pyproject.toml alembic.ini ./
COPY patentrack/ patentrack/
COPY api/ api/
COPY worker/ worker/
COPY domain/ domain/
COPY db/ db/
COPY migrations/ migrations/
RUN pip install --no-cache-dir .
COPY --from=spa /src/frontend/dist frontend/dist
RUN useradd --system --uid 10001 patentrack
USER patentrack
EXPOSE 8000
CMD ["patentrack", "api"]
