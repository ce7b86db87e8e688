/** Stops the test run's Neo4j, if global setup launched one. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__TEST_NEO4J__?.stop();
}
