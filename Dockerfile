# The API and the network view, for docker-compose.yml. Neo4j runs in its own container (official image).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:client

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
COPY --from=build /app/client/dist ./client/dist
USER node
EXPOSE 4000
CMD ["node", "dist/server/src/cli/start.js"]
