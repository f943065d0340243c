package io.github.camelokki.benchmarks;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One company/info call three ways, on the same loopback stub, in the same fork: {@code okki} (the component through
 * a ProducerTemplate, token and all), {@code plain} (HttpClient 5 + Jackson with a hand-set bearer header) and
 * {@code camelHttp} (a direct: route to camel-http + unmarshal json). The subclasses choose the mode and the threads.
 */
@State(Scope.Benchmark)
public abstract class ProducerBenchmark {

    private LoopbackOkki stub;
    private CamelContext context;
    private ProducerTemplate template;
    private Endpoint okki;
    private Endpoint camelHttp;
    private Fixtures.PlainClient plain;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stub = LoopbackOkki.start();
        context = Fixtures.okkiContext(stub);
        context.addRoutes(Fixtures.camelHttpRoute(stub));
        context.start();
        template = context.createProducerTemplate();
        okki = context.getEndpoint(Fixtures.okkiInfoUri());
        camelHttp = context.getEndpoint("direct:camelHttp");
        plain = new Fixtures.PlainClient(stub);
        // the first okki call fetches the token; every variant is checked once before measuring
        check(template.requestBody(okki, (Object) null));
        check(template.requestBody(camelHttp, (Object) null));
        check(plain.companyInfo());
    }

    private static void check(Object data) {
        if (!(data instanceof java.util.Map<?, ?> map) || !Fixtures.COMPANY_ID.equals(String.valueOf(map.get("company_id")))) {
            throw new IllegalStateException("unexpected answer: " + data);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        plain.close();
        template.close();
        context.close();
        stub.close();
    }

    @Benchmark
    public Object okki() {
        return template.requestBody(okki, (Object) null);
    }

    @Benchmark
    public Object plain() throws Exception {
        return plain.companyInfo();
    }

    @Benchmark
    public Object camelHttp() {
        return template.requestBody(camelHttp, (Object) null);
    }
}
