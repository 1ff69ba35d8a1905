# syntax=docker/dockerfile:1
#
# Jobbro background worker (run beside the API, which then sets RUN_WORKER_IN_PROCESS=false).
# Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t jobbro-worker .
# See docker/README.md (this file has not been built on the development machines: no Docker engine).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: Node 20 with the npm version the lockfile and `allowScripts` policy are made for ----
FROM ${NODE_IMAGE} AS base
# npm 11 honours package.json "allowScripts" (only approved install scripts run); Node 20 ships npm 10.
ARG NPM_VERSION=11.19.1
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app

# ---- build: all dependencies, compile both apps ----
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ---- runtime: production dependencies + compiled output only ----
FROM base AS runtime
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# package.json (name "jobbro") marks the project root the code looks for at runtime;
# the reference CSVs live under <root>/libs/reference/data.
COPY --from=build /app/dist/apps/worker ./dist/apps/worker
COPY --from=build /app/libs/reference/data ./libs/reference/data
# Application files stay root-owned. .data is only written when no DATABASE_URL is set.
RUN mkdir -p /app/.data && chown node:node /app/.data

USER node
# The worker serves no HTTP, so there is no port and no HTTP health check.
CMD ["node", "dist/apps/worker/apps/worker/src/main.js"]
