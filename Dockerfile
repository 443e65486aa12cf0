# syntax=docker/dockerfile:1
#
# Production image for the Antragsportal (Remix v2, classic compiler, own express server).
#
#   docker build -t antragsportal .
#   docker run -p 3000:3000 -v antrag-data:/app/data \
#     -e SESSION_SECRET=... -e ENCRYPTION_KEY=... antragsportal
#
# Required at run time (never baked into the image):
#   SESSION_SECRET  at least 32 characters (signs the session cookie)
#   ENCRYPTION_KEY  32 random bytes, base64-encoded (master key for drafts and submissions),
#                   e.g. `openssl rand -base64 32`
# The server refuses to start in production without both. Optional: DATABASE_URL (PostgreSQL;
# default is SQLite in DATA_DIR), JOBCENTERS_FILE, SENTRY_DSN, TRUST_PROXY, SECURE_COOKIES.
#
# Every stage starts from the same pinned base tag (no FROM <stage>), so each stage lists
# what it needs; identical RUN lines on the same base are shared by the build cache.

# ---------------------------------------------------------------------------------------------
# Stage "deps": all dependencies (dev included) for the build. better-sqlite3 is compiled from
# source (prebuilt binaries cannot be downloaded), so this stage needs python3, make and g++.
# node-gyp uses the headers shipped in the image (/usr/local/include/node) instead of fetching
# them. package.json and the lockfile are copied first so the layer is cached until they change.
# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    SENTRYCLI_SKIP_DOWNLOAD=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# Stage "build": `npm run build` = `remix build` (build/index.js, public/build/) plus
# scripts/build-server.ts (esbuild bundles server/index.ts to build/server.js).
# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json remix.config.js tsconfig.json remix.env.d.ts ./
COPY app ./app
COPY server ./server
COPY scripts ./scripts
COPY public ./public
COPY locales ./locales
COPY config ./config
RUN npm run build

# ---------------------------------------------------------------------------------------------
# Stage "prod-deps": runtime dependencies only (no Remix compiler, TypeScript, Playwright ...).
# A clean `npm ci --omit=dev` compiles better-sqlite3 again, so it needs the same build tools.
# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS prod-deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    SENTRYCLI_SKIP_DOWNLOAD=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

# ---------------------------------------------------------------------------------------------
# Final stage: slim runtime without compilers. Application files belong to root and are only
# readable by the `node` user the process runs as; the one writable place is DATA_DIR
# (SQLite database; mount a volume there). package.json is needed for "type": "module".
# The server handles SIGTERM itself (graceful close); `docker run --init` adds zombie reaping.
# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY locales ./locales
COPY config ./config
COPY assets ./assets
COPY package.json ./
RUN mkdir -p /app/data \
  && chown node:node /app/data
USER node
EXPOSE 3000
# Liveness/readiness via /healthz (runs `select 1` on the database). Slim images have no curl,
# so Node's own fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "build/server.js"]
