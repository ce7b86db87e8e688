package org.peaceops.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with the Bolt connector, for the project's local default.
 *
 * <p>Arguments: {@code <storeDir> <boltHost> <boltPort> <pageCacheMiB> <txTimeoutSeconds> <importDir>}: LOAD CSV reads
 * {@code file:///} URLs relative to the import folder (the project's {@code cypher/data}). Prints {@code
 * NEO4J_STARTED <version>} on standard output once the default database is available; the Node launcher then
 * confirms that Bolt answers a query before it reports the database ready. SIGTERM and SIGINT shut the
 * database down cleanly through a shutdown hook, so the next start finds the store intact.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 6) {
      System.err.println("usage: LocalNeo4j <storeDir> <boltHost> <boltPort> <pageCacheMiB> <txTimeoutSeconds> <importDir>");
      System.exit(2);
    }
    Path store = Path.of(args[0]).toAbsolutePath();
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    long pageCacheMiB = Long.parseLong(args[3]);
    long txTimeoutSeconds = Long.parseLong(args[4]);
    Path importDir = Path.of(args[5]).toAbsolutePath();

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(store)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
            .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
            .build();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("NEO4J_STOPPING");
                  service.shutdown();
                  System.out.println("NEO4J_STOPPED");
                },
                "neo4j-shutdown"));

    GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    String version =
        db.executeTransactionally(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
            java.util.Map.of(),
            result -> (String) result.next().get("v"));
    System.out.println("NEO4J_STARTED " + version);
    System.out.flush();
    Thread.currentThread().join();
  }
}
