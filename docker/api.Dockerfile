# syntax=docker/dockerfile:1
#
# Jobbro GraphQL API and the portal it serves at /. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t jobbro-api .
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

# ---- build: all dependencies; the portal (dist/portal) and both apps ----
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ---- runtime: production dependencies + compiled output only ----
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# package.json (name "jobbro") marks the project root the code looks for at runtime;
# the reference CSVs are read from <root>/libs/reference/data by the migrations.
COPY --from=build /app/dist/apps/api ./dist/apps/api
# The portal's build, served by the API at / (PORTAL_DIR defaults to <root>/dist/portal).
COPY --from=build /app/dist/portal ./dist/portal
COPY --from=build /app/libs/reference/data ./libs/reference/data
# Application files stay root-owned (read-only for the app). .data is only written when no
# DATABASE_URL is set (embedded PostgreSQL); make it writable for the node user just in case.
RUN mkdir -p /app/.data && chown node:node /app/.data

USER node
EXPOSE 3000
# No curl in slim images: use Node's built-in fetch. /health also pings the database.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
