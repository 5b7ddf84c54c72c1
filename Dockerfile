# Chartside app server. Build: docker build -t chartside .
# Run: see compose.yaml and README "Deploy it" (PostgreSQL, TLS terminator, PUBLIC_URL).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits this platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# package.json overrides isomorphic-webcrypto with this local stand-in.
COPY tools ./tools
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/var/lib/chartside \
    WEB_DIR=/app/dist/web
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /var/lib/chartside && chown node:node /var/lib/chartside
# The image's code stays root-owned and read-only to the server, which runs as `node`.
USER node
EXPOSE 3000
VOLUME ["/var/lib/chartside"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "server/main.ts"]
