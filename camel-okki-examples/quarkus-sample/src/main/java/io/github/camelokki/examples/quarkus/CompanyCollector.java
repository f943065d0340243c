package io.github.camelokki.examples.quarkus;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Counts the companies the route received and keeps their ids, in arrival order. */
@ApplicationScoped
public class CompanyCollector {

    private static final Logger LOG = Logger.getLogger(CompanyCollector.class);

    private final List<String> ids = new ArrayList<>();

    public synchronized void add(Object companyId) {
        ids.add(String.valueOf(companyId));
        LOG.infof("%d OKKI companies received so far", ids.size());
        notifyAll();
    }

    public synchronized List<String> ids() {
        return List.copyOf(ids);
    }

    public synchronized int count() {
        return ids.size();
    }

    /** Waits until at least {@code n} companies arrived or the timeout passed; returns the number received. */
    public synchronized int awaitAtLeast(int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left;
        while (ids.size() < n && (left = deadline - System.currentTimeMillis()) > 0) {
            wait(left);
        }
        return ids.size();
    }
}
