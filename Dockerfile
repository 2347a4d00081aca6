# syntax=docker/dockerfile:1
# modelwise: build with the dev dependencies, run with the production ones only, as a non-root user.
# test/production-docker.test.ts replays these steps without a container daemon: keep RUN commands relative to WORKDIR.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --prefer-offline --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    HEALTH_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --prefer-offline --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY assets ./assets
# the default knowledge; mount your own over /app/knowledge (compose.yaml does)
COPY knowledge ./knowledge
USER node
# Slack HTTP, Discord HTTP interactions, health and metrics
EXPOSE 3000 3001 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node, not npm, receives SIGTERM and drains the answers in flight (SHUTDOWN_TIMEOUT_SECONDS) before exiting
STOPSIGNAL SIGTERM
# one malloc arena: the chart renderer's native buffers, freed on libuv's threads, otherwise stay in per-thread arenas
ENV MALLOC_ARENA_MAX=1
# a fixed mmap threshold: glibc otherwise raises it to the size of the largest block freed (a chart's ~16 MB of
# pixels), after which every chart's pixels come from the heap and its fragments stay resident
ENV MALLOC_MMAP_THRESHOLD_=131072
# one libuv pool thread: under a flood it checks Discord signatures, and more threads than that competed with the
# event loop for the cores (README, Memory settings)
ENV UV_THREADPOOL_SIZE=1
CMD ["node", "--max-semi-space-size=8", "dist/src/main.js"]
