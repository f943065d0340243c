package io.github.camelokki.benchmarks;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading every record of company/list ({@code pages} x {@code pageSize}, 100,000 by default) one page in memory at a
 * time: the producer with {@code allPages=true} (a lazy page iterator) against the hand-written {@link PagingLoop}.
 * One operation is the whole read.
 * <p>
 * The polling consumer is compared with the same loop in {@link ConsumerRun}, outside JMH: each of its runs needs a
 * fresh context (a fresh watermark), which does not fit JMH's repeated operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PagingBenchmark {

    @Param("1000")
    public int pages;
    @Param("100")
    public int pageSize;

    private LoopbackOkki stub;
    private CamelContext context;
    private ProducerTemplate template;
    private Endpoint allPages;
    private PagingLoop loop;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stub = LoopbackOkki.builder().pages(pages, pageSize).start();
        context = Fixtures.okkiContext(stub);
        context.start();
        template = context.createProducerTemplate();
        allPages = context.getEndpoint("okki:company/list?allPages=true&pageSize=" + pageSize);
        loop = new PagingLoop(stub);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        loop.close();
        template.close();
        context.close();
        stub.close();
    }

    @Benchmark
    public long handLoop(Blackhole bh) throws Exception {
        return expect(loop.readAll(pageSize, bh::consume));
    }

    @Benchmark
    public long okkiAllPages(Blackhole bh) {
        return expect(okkiAllPages(template, allPages, bh::consume));
    }

    /** Reads every record through okki:company/list?allPages=true. */
    static long okkiAllPages(ProducerTemplate template, Endpoint endpoint, java.util.function.Consumer<Object> sink) {
        Iterator<?> records = template.requestBody(endpoint, (Object) null, Iterator.class);
        long n = 0;
        while (records.hasNext()) {
            sink.accept(records.next());
            n++;
        }
        return n;
    }

    private long expect(long records) {
        if (records != (long) pages * pageSize) {
            throw new IllegalStateException("read " + records + " records, not " + (long) pages * pageSize);
        }
        return records;
    }
}
