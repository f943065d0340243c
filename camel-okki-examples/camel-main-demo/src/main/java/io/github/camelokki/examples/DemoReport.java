package io.github.camelokki.examples;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the demo did, for its summary line and its test.
 */
public class DemoReport {

    private final List<Object> companyIds = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Map<?, ?> detail;
    private volatile Object leadId;
    private volatile Exception failure;

    void company(Map<?, ?> record) {
        companyIds.add(record.get("company_id"));
    }

    void detail(Map<?, ?> record) {
        this.detail = record;
    }

    void lead(Map<?, ?> result) {
        this.leadId = result.get("lead_id");
    }

    void failed(Exception e) {
        this.failure = e;
        finished.countDown();
    }

    void done() {
        finished.countDown();
    }

    boolean await(long seconds) throws InterruptedException {
        return finished.await(seconds, TimeUnit.SECONDS);
    }

    public List<Object> companyIds() {
        return companyIds;
    }

    public Map<?, ?> detail() {
        return detail;
    }

    public Object leadId() {
        return leadId;
    }

    public Exception failure() {
        return failure;
    }

    @Override
    public String toString() {
        return failure != null ? "failed: " + failure.getMessage()
                : companyIds.size() + " customers read, detail of " + (detail == null ? "none" : detail.get("name"))
                        + (leadId == null ? ", no lead created" : ", lead " + leadId + " created");
    }
}
