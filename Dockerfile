# The assistant as a container image. Build: `docker build -t organizing-assistant .`
# scripts/check-image.sh runs the same commands outside a container (in CI).

# Stage 1: every dependency, the native SQLite driver compiled (better-sqlite3), both Prisma
# clients generated, the program compiled to dist/; then the development dependencies removed.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The lockfile alone first, so the slow install stays cached while only the sources change.
COPY package.json package-lock.json ./
# JOBS=max: node-gyp compiles the SQLite driver on every core.
RUN npm ci --ignore-scripts --no-audit --no-fund && JOBS=max npm rebuild better-sqlite3
COPY . .
RUN npm run db:generate && npm run build && npm prune --omit=dev --omit=optional

# Stage 2: Node, the production packages (no compiler, no prisma CLI), dist/ and the migrations.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
# As `npm start` sets them: two malloc arenas instead of up to eight per core, and freed memory
# handed back to the system past 128 KB (glibc would raise that threshold): see BENCHMARKS.md.
ENV MALLOC_ARENA_MAX=2
ENV MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/assets ./assets
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/prisma/postgres/migrations ./prisma/postgres/migrations
# The SQLite file (DATABASE_URL defaults to file:./data/organizer.db) and exported files.
RUN mkdir data && chown node:node data
VOLUME ["/app/data"]
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HTTP_PORT || 8080}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The options of `npm start`, which keep an idle process small: see BENCHMARKS.md.
CMD ["node", "--optimize-for-size", "--max-semi-space-size=2", "--liftoff-only", "dist/main.js"]
