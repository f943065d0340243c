package io.github.camelokki.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap while a task runs, read from the JVM's memory pools after resetting their peaks: the old generation's
 * peak (what survives young collections, so grows when records are kept) and the whole heap's (which also counts
 * young garbage). Comparing runs over 10x the records shows whether memory depends on the record count.
 */
public final class HeapPeak {

    /** Peaks in bytes. */
    public record Peak(long oldGen, long heap) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "old gen %.1f MB, heap %.1f MB", oldGen / 1e6, heap / 1e6);
        }
    }

    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private HeapPeak() {
    }

    public static Peak measure(Task task) throws Exception {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        task.run();
        long old = 0;
        long heap = 0;
        for (MemoryPoolMXBean p : pools) {
            long peak = p.getPeakUsage().getUsed();
            heap += peak;
            String name = p.getName();
            if (name.contains("Old") || name.contains("Tenured")) {
                old += peak;
            }
        }
        return new Peak(old, heap);
    }
}
