package io.github.camelokki.okki;

import io.github.camelokki.okki.api.BodyType;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the OKKI component and of its operation endpoints ({@link OkkiEndpoint}): how to reach OKKI (from
 * {@link OkkiConnectionConfiguration}) plus how calls and list consumers behave. Set at component level
 * ({@code camel.component.okki.*}) they apply to every endpoint; an endpoint URI can override each of them.
 */
@UriParams
public class OkkiConfiguration extends OkkiConnectionConfiguration {

    @UriParam(label = "producer", defaultValue = "false",
              description = "List operations: return a lazy Iterator over every record of every page instead of"
                      + " one page; use it with split(body()).streaming().")
    private boolean allPages;

    @UriParam(label = "common", defaultValue = "100",
              description = "List operations: the page size asked for (count or page_size).")
    private int pageSize = 100;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Return the answer's JSON text as it came instead of the envelope's data.")
    private boolean rawPayload;

    @UriParam(label = "producer", description = "A class to turn the data (each record, for list operations) into,"
            + " e.g. a POJO or JsonNode; by default data stays untyped (Map and List).")
    private Class<?> outputClass;

    @UriParam(label = "producer", description = "For the okki:api/get, api/post, api/put and api/delete endpoints only: the path to call, e.g."
            + " /v1/company/info.")
    private String path;

    @UriParam(label = "producer", defaultValue = "JSON", enums = "NONE,JSON,FORM,MULTIPART",
              description = "For the okki:api/post and api/put endpoints only: how the body is sent.")
    private BodyType bodyType = BodyType.JSON;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "One exchange per record (true) or one per page with the page's new records as a List"
                      + " (false).")
    private boolean splitResult = true;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Fetch the next page on a second thread while the records of the current page are routed,"
                      + " so that a poll takes about the longer of reading and routing rather than their sum. It"
                      + " sends the same requests; at most readAheadPages pages are held ahead.")
    private boolean readAhead = true;

    @UriParam(label = "consumer", defaultValue = "1",
              description = "With readAhead, how many pages of a walk are fetched ahead at once, each on its own"
                      + " thread; records still reach the route in order and the watermark moves as before. OKKI"
                      + " answers in 100 ms or more from outside China, so a large first sync is bound by round"
                      + " trips: 4 to 8 overlaps them. The default sends one request ahead, as OKKI documents no rate"
                      + " limit to plan for; a 429 slows every request through the client until OKKI's wait is over.")
    private int readAheadPages = 1;

    @UriParam(label = "consumer", defaultValue = "all",
              description = "Where the first sync of a list starts: all (every record), now (only changes from now"
                      + " on), or an OKKI time yyyy-MM-dd HH:mm:ss (on a list read in full, the records whose"
                      + " update_time is at or after it). Later polls continue from the stored watermark.")
    private String initialSync = "all";

    @UriParam(label = "consumer", defaultValue = "60s", javaType = "java.time.Duration",
              description = "How far before the watermark each poll starts reading again. OKKI's time filters have"
                      + " second precision and its servers' clocks drift; records met again are skipped by their"
                      + " id and update_time.")
    private long overlap = 60_000;

    @UriParam(label = "consumer", defaultValue = "5000",
              description = "The most records one walk of a time-filtered list reads before the watermark moves. A"
                      + " larger window (a first sync, a long outage) is read as time slices of at most this many"
                      + " records, oldest first, and the watermark moves after each: a failure or restart resumes"
                      + " from the last slice read. The default in-memory key store must hold this many keys plus"
                      + " the records changed within one overlap.")
    private int maxSliceRecords = 5_000;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Also poll deleted records (removed=1, or is_delete=1 for suppliers) and deliver them with"
                      + " the CamelOkkiDeleted header set to true.")
    private boolean includeDeleted;

    @UriParam(label = "consumer", description = "Where the watermark of an incremental sync is kept (a"
            + " StateRepository, e.g. FileStateRepository or a JDBC one); in memory by default, so a restart"
            + " begins again with initialSync. With the default key store, the keys delivered since the watermark"
            + " are kept there too (a value of about 40 characters per record), so that a restart delivers nothing"
            + " twice.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer", description = "Where the keys of delivered record versions are kept (list"
            + " consumers): an IdempotentRepository, e.g. FileIdempotentRepository or JdbcMessageIdRepository; in"
            + " memory by default, holding idempotentCacheSize keys. Set on the component, it is also the default"
            + " of every okki-events endpoint, for the keys of processed events.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "List consumers: claim each record version's key in the idempotentRepository before"
                      + " routing it (a key another consumer holds is skipped), confirm it when the exchange"
                      + " completes and remove it when the exchange fails: Camel's eager idempotent consumer, so that"
                      + " consumers sharing state (two nodes polling at once while master: hands over leadership)"
                      + " never both deliver a record. By default a key is stored only after its exchange completed:"
                      + " such consumers may both deliver the records they have in flight, and a crash delivers the"
                      + " record in hand again. With claims a crash between claim and completion leaves a claim on"
                      + " a record never delivered, which every consumer then skips: pair it with a shared repository"
                      + " that expires a dead node's claims, camel-sql's JdbcOrphanLockAwareIdempotentRepository,"
                      + " with a lockMaxAgeMillis shorter than the time another node takes to take over.")
    private boolean claimBeforeRouting;

    @UriParam(label = "consumer", defaultValue = "10000",
              description = "How many record keys the default in-memory repository keeps. Lists without time filters"
                      + " are read in full every poll, so for them it must exceed the number of records.")
    private int idempotentCacheSize = 10_000;

    @UriParam(label = "consumer", description = "The record member holding its id; by default the id parameter of"
            + " the resource's info operation (company_id, order_id, ...).")
    private String idField;

    @Override
    public OkkiConfiguration copy() {
        return (OkkiConfiguration) super.copy();
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isRawPayload() {
        return rawPayload;
    }

    public void setRawPayload(boolean rawPayload) {
        this.rawPayload = rawPayload;
    }

    public Class<?> getOutputClass() {
        return outputClass;
    }

    public void setOutputClass(Class<?> outputClass) {
        this.outputClass = outputClass;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public BodyType getBodyType() {
        return bodyType;
    }

    public void setBodyType(BodyType bodyType) {
        this.bodyType = bodyType;
    }

    public boolean isSplitResult() {
        return splitResult;
    }

    public void setSplitResult(boolean splitResult) {
        this.splitResult = splitResult;
    }

    public int getReadAheadPages() {
        return readAheadPages;
    }

    public void setReadAheadPages(int readAheadPages) {
        this.readAheadPages = readAheadPages;
    }

    public boolean isReadAhead() {
        return readAhead;
    }

    public void setReadAhead(boolean readAhead) {
        this.readAhead = readAhead;
    }

    public String getInitialSync() {
        return initialSync;
    }

    public void setInitialSync(String initialSync) {
        this.initialSync = initialSync;
    }

    public int getMaxSliceRecords() {
        return maxSliceRecords;
    }

    public void setMaxSliceRecords(int maxSliceRecords) {
        this.maxSliceRecords = maxSliceRecords;
    }

    public long getOverlap() {
        return overlap;
    }

    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public boolean isIncludeDeleted() {
        return includeDeleted;
    }

    public void setIncludeDeleted(boolean includeDeleted) {
        this.includeDeleted = includeDeleted;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isClaimBeforeRouting() {
        return claimBeforeRouting;
    }

    public void setClaimBeforeRouting(boolean claimBeforeRouting) {
        this.claimBeforeRouting = claimBeforeRouting;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public String getIdField() {
        return idField;
    }

    public void setIdField(String idField) {
        this.idField = idField;
    }
}
