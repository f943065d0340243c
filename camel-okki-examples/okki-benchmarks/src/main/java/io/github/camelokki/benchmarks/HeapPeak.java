package io.github.camelokki.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * How far the heap grows while a task runs, read from the JVM's memory pools: after a full collection each pool's
 * use is taken as the baseline (what is live before the task: the context, and the loopback stub's records, which
 * share the JVM), the peaks are reset, the task runs, and each pool's peak is given above its baseline. The old
 * generation's growth is the telling one: it grows when records are kept; the whole heap's also counts young
 * garbage. Comparing runs over 10x the records shows whether memory depends on the record count.
 */
public final class HeapPeak {

    /** Growth above the baseline in bytes. */
    public record Peak(long oldGen, long heap) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "old gen +%.1f MB, heap +%.1f MB", oldGen / 1e6, heap / 1e6);
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
        long[] baseline = new long[pools.size()];
        for (int i = 0; i < pools.size(); i++) {
            baseline[i] = pools.get(i).getUsage().getUsed();
            pools.get(i).resetPeakUsage();
        }
        task.run();
        long old = 0;
        long heap = 0;
        for (int i = 0; i < pools.size(); i++) {
            long growth = Math.max(0, pools.get(i).getPeakUsage().getUsed() - baseline[i]);
            heap += growth;
            String name = pools.get(i).getName();
            if (name.contains("Old") || name.contains("Tenured")) {
                old += growth;
            }
        }
        return new Peak(old, heap);
    }
}
