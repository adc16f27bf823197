# syntax=docker/dockerfile:1
# Image of `fluvie-render serve`. Build from the repository root:
#   docker build -t fluvie-render .
#   docker build --build-arg FLUTTER_VERSION=3.44.0 -t fluvie-render:flutter .
# Without FLUTTER_VERSION the image renders VideoSpec documents with the native engine only; with
# it, the Flutter SDK is added for renders of Flutter compositions (the flutter engine).

ARG NODE_VERSION=20

# --- Build: compile the TypeScript and keep only the runtime dependencies --------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would compile before the sources are copied, and the optional
# static ffmpeg package is not needed because the runtime installs Debian's ffmpeg.
RUN npm ci --ignore-scripts

COPY tsconfig.json tsconfig.build.json tsconfig.web.json ./
COPY src ./src
COPY web ./web
RUN npm run build && npm prune --omit=dev --ignore-scripts

# --- Runtime ---------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG FLUTTER_VERSION=""

# ffmpeg encodes; tini reaps the ffmpeg and flutter child processes so no zombies accumulate; the
# system fonts serve the flutter engine and fontconfig (the native engine draws with the fonts
# bundled in node_modules).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates ffmpeg tini fontconfig fonts-dejavu-core fonts-noto-core fonts-noto-color-emoji \
 && rm -rf /var/lib/apt/lists/*

# The Flutter SDK, only when FLUTTER_VERSION is set. It belongs to the non-root user because
# flutter writes its caches next to the SDK.
RUN if [ -n "$FLUTTER_VERSION" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends curl git unzip xz-utils \
      && curl -fsSL "https://storage.googleapis.com/flutter_infra_release/releases/stable/linux/flutter_linux_${FLUTTER_VERSION}-stable.tar.xz" \
         | tar -xJ -C /opt \
      && chown -R node:node /opt/flutter \
      && rm -rf /var/lib/apt/lists/*; \
    fi
ENV PATH="/opt/flutter/bin:${PATH}"

WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY templates ./templates
COPY docs ./docs
COPY examples ./examples

RUN mkdir -p /data/renders && chown node:node /data/renders
USER node

# Unpacks the Dart SDK and turns off analytics at build time instead of on the first render.
RUN if [ -n "$FLUTTER_VERSION" ]; then flutter config --no-analytics && flutter --version; fi

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    LOCAL_STORAGE_DIR=/data/renders \
    FFMPEG_PATH=/usr/bin/ffmpeg \
    FLUVIE_DOCS_DIR=/app/docs
VOLUME ["/data/renders"]
EXPOSE 8080

# The slim image has no curl; Node's fetch does the probe. It assumes HOST binds 0.0.0.0 or 127.0.0.1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || '8080') + '/v1/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/bin/fluvie-render.js"]
CMD ["serve"]
