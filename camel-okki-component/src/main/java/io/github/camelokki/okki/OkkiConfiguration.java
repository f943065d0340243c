package io.github.camelokki.okki;

import io.github.camelokki.okki.auth.GrantType;
import io.github.camelokki.okki.catalog.BodyType;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The options of the OKKI component and its endpoints. Set at component level ({@code camel.component.okki.*}) they
 * apply to every endpoint; an endpoint URI can override each of them.
 */
@UriParams
public class OkkiConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api-sandbox.xiaoman.cn";

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "The OKKI Open API host. OKKI publishes one host, and despite its name it is production.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security", description = "The app's client id (OKKI: enterprise management, external"
            + " integration, API).")
    private String clientId;

    @UriParam(label = "security", secret = true, description = "The app's client secret.")
    private String clientSecret;

    @UriParam(label = "security", defaultValue = "client_credentials", enums = "client_credentials,password",
              description = "The OAuth2 grant: client_credentials (the app alone) or password (the app acting as the"
                      + " user given by username and password).")
    private GrantType grantType = GrantType.client_credentials;

    @UriParam(label = "security", description = "The OKKI login e-mail, for the password grant.")
    private String username;

    @UriParam(label = "security", secret = true, description = "The OKKI password, for the password grant. Give it in"
            + " plain text: the component sends its SHA-256 as OKKI requires.")
    private String password;

    @UriParam(label = "security", description = "The module scopes to request, separated by spaces (e.g. company"
            + " invoices). Leave it unset and the component requests the scopes its endpoints need, widening the"
            + " token when a new endpoint needs more.")
    private String scope;

    @UriParam(label = "security", defaultValue = "8h", javaType = "java.time.Duration",
              description = "How long a token is taken to live when OKKI's answer says nothing about it (the"
                      + " client_credentials grant usually does not).")
    private long tokenLifetime = 8 * 60 * 60 * 1000L;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "How long to wait for a connection to OKKI.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "How long to wait for OKKI's answer; OKKI documents up to 60 seconds for heavy calls.")
    private long responseTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "20",
              description = "The size of the shared connection pool.")
    private int maxConnections = 20;

    @UriParam(label = "proxy", description = "An HTTP proxy host to reach OKKI through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", description = "The proxy user, when the proxy asks for a login.")
    private String proxyUsername;

    @UriParam(label = "proxy", secret = true, description = "The proxy password.")
    private String proxyPassword;

    @UriParam(label = "advanced", description = "An Apache HttpClient 5 classic client to use instead of the"
            + " component's own pool; the user configures and closes it. Timeouts, proxy and pool options are then"
            + " the client's business.")
    @Metadata(autowired = false)
    private CloseableHttpClient httpClient;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How many times a failed read (connection failure, HTTP 5xx or 429, or an answer whose"
                      + " code reports a server failure, such as 500 or -1) is sent again; 0 turns retries off.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "500ms", javaType = "java.time.Duration",
              description = "The wait before the first retry, doubled for each further one.")
    private long retryDelay = 500;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "The longest wait between retries, also the cap on the server's Retry-After.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "Also retry POST, PUT and DELETE. Off by default: OKKI has no idempotency keys, so a"
                      + " write whose answer was lost may be applied twice.")
    private boolean retryWrites;

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
            + " begins again with initialSync.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer", description = "Where the keys of delivered record versions (list consumers) or"
            + " of processed events (okki:events, message_id#index) are kept: an IdempotentRepository, e.g."
            + " FileIdempotentRepository or JdbcMessageIdRepository; in memory by default, holding"
            + " idempotentCacheSize keys.")
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

    public OkkiConfiguration copy() {
        try {
            return (OkkiConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    public void setGrantType(GrantType grantType) {
        this.grantType = grantType;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public long getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(long tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isRetryWrites() {
        return retryWrites;
    }

    public void setRetryWrites(boolean retryWrites) {
        this.retryWrites = retryWrites;
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
