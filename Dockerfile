# One image for every process of docker-compose.yml (web, worker, beat, migrate).
# Build: docker build -t omni-stock .   (docker compose builds it once as `omni-stock`)

# --- 1. The SPA: Vite writes frontend/dist with .gz and .br beside every script ----------
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
# The SPA's API types are generated from the committed schema.
COPY api_schema.json /src/api_schema.json
RUN npm run build

# --- 2. The Python app ------------------------------------------------------------------
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_PROJECT_ENVIRONMENT=/venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/venv/bin:$PATH
RUN pip install --no-cache-dir uv==0.13.9 \
    && groupadd --system --gid 10001 omni \
    && useradd --system --uid 10001 --gid omni --home-dir /app --shell /usr/sbin/nologin omni
WORKDIR /app
# Dependencies first: a code change does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev
COPY --from=spa /src/frontend/dist /app/frontend/dist
# Static files collected as production serves them (DEBUG off: hashed names, a manifest,
# gzip and brotli copies). Production settings refuse to load without a strong SECRET_KEY
# and an encryption key; these build-time values are thrown away with this layer and
# never reach a running container (compose's env_file sets the real ones). No database or
# Redis is contacted: the URLs only have to parse.
RUN DEBUG=false \
    SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0123456789abcdef \
    FIELD_ENCRYPTION_KEYS=YnVpbGQtb25seS1jb2xsZWN0c3RhdGljLWtleS0wMDA= \
    DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://localhost:6379/0 \
    python backend/manage.py collectstatic --noinput \
    && mkdir -p /data/media && chown -R omni:omni /data
USER omni
EXPOSE 8000
CMD ["gunicorn", "omni_stock.wsgi:application", "--chdir", "backend", "--config", "backend/omni_stock/gunicorn_conf.py", "--bind", "0.0.0.0:8000"]
