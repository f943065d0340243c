package io.github.camelokki.examples.sync;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the nodes of the application elect the one that runs the routes with the {@code leaderOnly} policy (polling
 * OKKI, reading the leads folder), from the {@code okki.cluster.*} settings:
 * <ul>
 * <li>{@code okki.cluster.enabled=false} (the default): not clustered, every route runs;</li>
 * <li>with {@code okki.cluster.zookeeper} (ZooKeeper's connect string): elected in ZooKeeper, across hosts. A leader
 * that dies is replaced once its ZooKeeper session expires ({@code okki.cluster.zookeeper.session-timeout});</li>
 * <li>otherwise: a file lock in {@code okki.cluster.root}, a folder every node reaches, which suits one host.</li>
 * </ul>
 * Either way the watermarks and delivered keys are in the shared database, so a new leader goes on where the old one
 * stopped.
 */
final class Clustering {

    private static final Logger LOG = LoggerFactory.getLogger(Clustering.class);

    /** The namespace the leaderOnly routes are elected in (a file name, or a ZooKeeper node). */
    static final String NAMESPACE = "okki-sync";
    /** Where the ZooKeeper election happens, under the connect string's chroot: the candidates are its children. */
    static final String ZOOKEEPER_BASE_PATH = "/camel-okki/cluster";
    /**
     * A ZooKeeper session lasts this long (milliseconds) after its node stops answering: the longest a crashed
     * leader leaves nobody polling. ZooKeeper's stock server (tick 2 s) accepts 4 to 40 s; much shorter and a leader
     * that stalls (a long GC pause, a starved machine) for about two thirds of it loses leadership.
     */
    static final long DEFAULT_SESSION_TIMEOUT = 10_000;

    /** host[:port] pairs separated by commas, then an optional chroot path, as ZooKeeper's client takes them. */
    private static final String HOST_PORT = "(?:[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?";
    private static final Pattern CONNECT_STRING = Pattern.compile(
            HOST_PORT + "(?:," + HOST_PORT + ")*(?:/[^\\s/]+)*");
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})(?=,|/|$)");

    private Clustering() {
    }

    /**
     * The cluster service the settings ask for, or null when the application is not clustered.
     *
     * @param nodeId this node's name among the candidates
     * @throws IllegalArgumentException when a cluster setting is wrong or set without {@code okki.cluster.enabled}
     */
    static CamelClusterService service(Settings settings, String nodeId) {
        String zookeeper = settings.get("okki.cluster.zookeeper");
        if (!Boolean.parseBoolean(settings.get("okki.cluster.enabled", "false"))) {
            if (zookeeper != null) {
                throw new IllegalArgumentException("okki.cluster.zookeeper is set (" + zookeeper + ") but"
                        + " okki.cluster.enabled is not true: set okki.cluster.enabled=true to elect the polling node in"
                        + " that ZooKeeper, or remove okki.cluster.zookeeper to run unclustered.");
            }
            return null;
        }
        return zookeeper != null ? zookeeper(settings, zookeeper.strip(), nodeId) : fileLock(settings, nodeId);
    }

    /** Runs a route on the leader only when clustered; a policy that does nothing otherwise. */
    static RoutePolicy leaderOnly(CamelClusterService cluster) throws Exception {
        return cluster != null ? ClusteredRoutePolicy.forNamespace(cluster, NAMESPACE) : new RoutePolicySupport() {
        };
    }

    private static ZooKeeperClusterService zookeeper(Settings settings, String connect, String nodeId) {
        requireConnectString(connect);
        long sessionTimeout = settings.millis("okki.cluster.zookeeper.session-timeout", DEFAULT_SESSION_TIMEOUT);
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(nodeId);
        cluster.setNodes(connect);
        cluster.setBasePath(ZOOKEEPER_BASE_PATH);
        // milliseconds: the unit of the configuration Camel creates
        cluster.setSessionTimeout(sessionTimeout);
        // Curator's connection timeout (15 s by default) no longer than the session: a connection that takes longer to
        // come up could not keep the session anyway (Curator warns about it)
        cluster.setConnectTimeout(Math.min(sessionTimeout, 15_000));
        LOG.info("Clustered as node {}: the polling routes run only while this node leads, elected in ZooKeeper {} at"
                + " {}/{} (session timeout {} ms)", nodeId, connect, ZOOKEEPER_BASE_PATH, NAMESPACE, sessionTimeout);
        return cluster;
    }

    private static FileLockClusterService fileLock(Settings settings, String nodeId) {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(settings.get("okki.cluster.root", "target/okki-cluster"));
        cluster.setId(nodeId);
        long interval = settings.millis("okki.cluster.lock-interval", 10_000);
        cluster.setAcquireLockDelay(Math.min(interval, 1000), TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
        LOG.info("Clustered as node {}: the polling routes run only while this node holds the lock in {}"
                + " (one host only; set okki.cluster.zookeeper to elect across hosts)", nodeId, cluster.getRoot());
        return cluster;
    }

    /** Refuses what ZooKeeper's client would misread: a URL, other separators, a port out of range. */
    private static void requireConnectString(String connect) {
        boolean valid = CONNECT_STRING.matcher(connect).matches();
        Matcher ports = PORT.matcher(connect);
        while (valid && ports.find()) {
            int port = Integer.parseInt(ports.group(1));
            valid = port > 0 && port <= 65_535;
        }
        if (!valid) {
            throw new IllegalArgumentException("okki.cluster.zookeeper must be ZooKeeper's connect string,"
                    + " host:port[,host:port...][/chroot] (e.g. zk1:2181,zk2:2181,zk3:2181/okki), not '" + connect
                    + "'");
        }
    }
}
