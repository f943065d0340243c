package io.github.camelokki.examples.sync;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which cluster service the okki.cluster.* settings give, and the messages of wrong ones. */
class ClusteringTest {

    @Test
    void notClusteredByDefault() throws Exception {
        assertNull(Clustering.service(settings(), "node-a"));
    }

    @Test
    void aFileLockWithoutZooKeeper() throws Exception {
        CamelClusterService service = Clustering.service(settings("okki.cluster.enabled", "true",
                "okki.cluster.root", "/shared/lock"), "node-a");
        FileLockClusterService fileLock = assertInstanceOf(FileLockClusterService.class, service);
        assertEquals("/shared/lock", fileLock.getRoot());
        assertEquals("node-a", fileLock.getId());
    }

    @Test
    void zooKeeperWhenItsConnectStringIsGiven() throws Exception {
        CamelClusterService service = Clustering.service(settings("okki.cluster.enabled", "true",
                "okki.cluster.zookeeper", "zk1:2181,zk2:2181/okki", "okki.cluster.zookeeper.session-timeout", "4000"),
                "node-a");
        ZooKeeperClusterService zookeeper = assertInstanceOf(ZooKeeperClusterService.class, service);
        assertEquals("zk1:2181,zk2:2181/okki", zookeeper.getNodes());
        assertEquals(4000, zookeeper.getSessionTimeout());
        assertEquals("/camel-okki/cluster", zookeeper.getBasePath());
        assertEquals("node-a", zookeeper.getId());
    }

    @Test
    void zooKeeperWithoutClusteringIsRefused() throws Exception {
        Settings settings = settings("okki.cluster.zookeeper", "zk1:2181");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clustering.service(settings, "node-a"));
        assertEquals("okki.cluster.zookeeper is set (zk1:2181) but okki.cluster.enabled is not true: set"
                + " okki.cluster.enabled=true to elect the polling node in that ZooKeeper, or remove"
                + " okki.cluster.zookeeper to run unclustered.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://zk1:2181", "zk1:2181;zk2:2181", "zk1:99999", "zk1:2181,", "zk1:2181/okki/" })
    void aWrongConnectStringIsRefused(String connect) throws Exception {
        Settings settings = settings("okki.cluster.enabled", "true", "okki.cluster.zookeeper", connect);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clustering.service(settings, "node-a"));
        assertEquals("okki.cluster.zookeeper must be ZooKeeper's connect string, host:port[,host:port...][/chroot]"
                + " (e.g. zk1:2181,zk2:2181,zk3:2181/okki), not '" + connect + "'", e.getMessage());
    }

    @Test
    void aWrongSessionTimeoutIsRefused() throws Exception {
        Settings settings = settings("okki.cluster.enabled", "true", "okki.cluster.zookeeper", "zk1:2181",
                "okki.cluster.zookeeper.session-timeout", "10s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clustering.service(settings, "node-a"));
        assertEquals("okki.cluster.zookeeper.session-timeout must be a whole number of milliseconds above 0, not"
                + " '10s'", e.getMessage());
    }

    private static Settings settings(String... keysAndValues) throws Exception {
        Properties overrides = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.load(Map.of(), overrides);
    }
}
