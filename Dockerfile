# syntax=docker/dockerfile:1
# One image for every Convene process; docker-compose.yml picks the entry point per service:
#   node dist/apps/api/src/main.js | dist/apps/relay/src/main.js | dist/apps/projector/src/main.js

# --- build: all dependencies, compile, then drop the dev dependencies ------------------------
FROM node:20-slim AS build
WORKDIR /app
ENV CI=true \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Manifests first, so the dependency layer is reused while only sources change. Every npm
# workspace listed in package.json ("workspaces") needs its package.json here too.
COPY package.json package-lock.json ./
COPY apps/cli/package.json ./apps/cli/package.json
RUN npm ci

COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
# Reference and demo data (JSON imported by libs; tsc copies it into dist/seeds).
COPY seeds ./seeds
RUN npm run build \
 && npm prune --omit=dev

# --- runtime: compiled code and production dependencies only, as an unprivileged user ----------
FROM node:20-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Owned by root and not writable by the process: the app has no business changing its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The CLI workspace (node_modules/.bin/convene points here): `docker compose run --rm api
# node apps/cli/bin/convene.js migrate`, token, rebuild, report.
COPY --from=build /app/apps/cli/package.json ./apps/cli/package.json
COPY --from=build /app/apps/cli/bin ./apps/cli/bin
# Topic list and provisioning script for the one-shot kafka-topics service.
COPY infra/kafka ./infra/kafka

# The embedded default (PGlite, used when DATABASE_URL is unset) keeps its data under .convene/.
RUN mkdir -p /app/.convene && chown node:node /app/.convene

# "node" (uid 1000) comes with the official image.
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/api/src/main.js"]
