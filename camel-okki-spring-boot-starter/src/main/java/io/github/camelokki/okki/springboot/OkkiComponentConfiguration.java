package io.github.camelokki.okki.springboot;

import java.time.Duration;

import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.auth.GrantType;
import io.github.camelokki.okki.catalog.BodyType;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.okki.*} properties: every option of the okki component, under the names Camel Main and
 * Camel Quarkus use, with the component's descriptions and defaults (ConfigurationMetadataTest keeps them in step with
 * the component's catalog). Durations take Spring Boot's forms ({@code 90s}, {@code 500ms}, {@code PT1M}, or plain
 * milliseconds); the options that take an object take the name of a bean ({@code #bean:okkiState}). A key the
 * component does not have stops the application, as a misspelt option would otherwise be ignored.
 */
@ConfigurationProperties(prefix = OkkiComponentConfiguration.PREFIX, ignoreUnknownFields = false)
public class OkkiComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    static final String PREFIX = "camel.component.okki";

    // Not read: like Camel's starters, it gives the inherited enabled flag its description in the metadata.
    /**
     * Whether to enable auto configuration of the okki component. This is enabled by default.
     */
    @SuppressWarnings("unused")
    private Boolean enabled;

    /**
     * The OKKI Open API host. OKKI publishes one host, and despite its name it is production.
     */
    // not OkkiConfiguration.DEFAULT_BASE_URL: the metadata processor reads the default only from a literal
    private String baseUrl = "https://api-sandbox.xiaoman.cn";

    /**
     * Options shared by every endpoint, each overridable in an endpoint URI.
     */
    private OkkiConfiguration configuration;

    /**
     * List operations: the page size asked for (count or page_size).
     */
    private Integer pageSize = 100;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * List consumers: claim each record version's key in the idempotentRepository before routing it (a key another
     * consumer holds is skipped), confirm it when the exchange completes and remove it when the exchange fails: Camel's
     * eager idempotent consumer, so that consumers sharing state (two nodes polling at once while master: hands over
     * leadership) never both deliver a record. By default a key is stored only after its exchange completed: such
     * consumers may both deliver the records they have in flight, and a crash delivers the record in hand again. With
     * claims a crash between claim and completion leaves a claim on a record never delivered, which every consumer then
     * skips: pair it with a shared repository that expires a dead node's claims, camel-sql's
     * JdbcOrphanLockAwareIdempotentRepository, with a lockMaxAgeMillis shorter than the time another node takes to take
     * over.
     */
    private Boolean claimBeforeRouting = false;

    /**
     * How many record keys the default in-memory repository keeps. Lists without time filters are read in full every
     * poll, so for them it must exceed the number of records.
     */
    private Integer idempotentCacheSize = 10000;

    /**
     * The most records one walk of a time-filtered list reads before the watermark moves. A larger window (a first
     * sync, a long outage) is read as time slices of at most this many records, oldest first, and the watermark moves
     * after each: a failure or restart resumes from the last slice read. The default in-memory key store must hold
     * this many keys plus the records changed within one overlap.
     */
    private Integer maxSliceRecords = 5000;

    /**
     * Where the keys of delivered record versions (list consumers) or of processed events (okki:events,
     * message_id#index) are kept: an IdempotentRepository, e.g. FileIdempotentRepository or JdbcMessageIdRepository; in
     * memory by default, holding idempotentCacheSize keys.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * The record member holding its id; by default the id parameter of the resource's info operation (company_id,
     * order_id, ...).
     */
    private String idField;

    /**
     * Also poll deleted records (removed=1, or is_delete=1 for suppliers) and deliver them with the CamelOkkiDeleted
     * header set to true.
     */
    private Boolean includeDeleted = false;

    /**
     * Where the first sync of a list starts: all (every record), now (only changes from now on), or an OKKI time
     * yyyy-MM-dd HH:mm:ss (on a list read in full, the records whose update_time is at or after it). Later polls
     * continue from the stored watermark.
     */
    private String initialSync = "all";

    /**
     * How far before the watermark each poll starts reading again. OKKI's time filters have second precision and its
     * servers' clocks drift; records met again are skipped by their id and update_time.
     */
    private Duration overlap = Duration.ofSeconds(60);

    /**
     * One exchange per record (true) or one per page with the page's new records as a List (false).
     */
    private Boolean splitResult = true;

    /**
     * Fetch the next page on a second thread while the records of the current page are routed, so that a poll takes
     * about the longer of reading and routing rather than their sum. It sends the same requests; at most
     * readAheadPages pages are held ahead.
     */
    private Boolean readAhead = true;

    /**
     * With readAhead, how many pages of a walk are fetched ahead at once, each on its own thread; records still reach
     * the route in order and the watermark moves as before. OKKI answers in 100 ms or more from outside China, so a
     * large first sync is bound by round trips: 4 to 8 overlaps them. The default sends one request ahead, as OKKI
     * documents no rate limit to plan for; a 429 slows every request through the client until OKKI's wait is over.
     */
    private Integer readAheadPages = 1;

    /**
     * Where the watermark of an incremental sync is kept (a StateRepository, e.g. FileStateRepository or a JDBC one);
     * in memory by default, so a restart begins again with initialSync.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * List operations: return a lazy Iterator over every record of every page instead of one page; use it with
     * split(body()).streaming().
     */
    private Boolean allPages = false;

    /**
     * For the okki:api/post and api/put endpoints only: how the body is sent.
     */
    private BodyType bodyType = BodyType.JSON;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * A class to turn the data (each record, for list operations) into, e.g. a POJO or JsonNode; by default data stays
     * untyped (Map and List).
     */
    private Class<?> outputClass;

    /**
     * For the okki:api/get, api/post, api/put and api/delete endpoints only: the path to call, e.g. /v1/company/info.
     */
    private String path;

    /**
     * Return the answer's JSON text as it came instead of the envelope's data.
     */
    private Boolean rawPayload = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * How long to wait for a connection to OKKI.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * An Apache HttpClient 5 classic client to use instead of the component's own pool; the user configures and closes
     * it. Timeouts, proxy and pool options are then the client's business.
     */
    private CloseableHttpClient httpClient;

    /**
     * The size of the shared connection pool.
     */
    private Integer maxConnections = 20;

    /**
     * How many times a failed read (connection failure, HTTP 5xx or 429, or an answer whose code reports a server
     * failure, such as 500 or -1) is sent again; 0 turns retries off.
     */
    private Integer maxRetries = 3;

    /**
     * How long to wait for OKKI's answer; OKKI documents up to 60 seconds for heavy calls.
     */
    private Duration responseTimeout = Duration.ofSeconds(60);

    /**
     * The wait before the first retry, doubled for each further one.
     */
    private Duration retryDelay = Duration.ofMillis(500);

    /**
     * The longest wait between retries, also the cap on the server's Retry-After.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(30);

    /**
     * Also retry POST, PUT and DELETE. Off by default: OKKI has no idempotency keys, so a write whose answer was lost
     * may be applied twice.
     */
    private Boolean retryWrites = false;

    /**
     * An HTTP proxy host to reach OKKI through.
     */
    private String proxyHost;

    /**
     * The proxy password.
     */
    private String proxyPassword;

    /**
     * The HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * The proxy user, when the proxy asks for a login.
     */
    private String proxyUsername;

    /**
     * The app's client id (OKKI: enterprise management, external integration, API).
     */
    private String clientId;

    /**
     * The app's client secret.
     */
    private String clientSecret;

    /**
     * The OAuth2 grant: client_credentials (the app alone) or password (the app acting as the user given by username
     * and password).
     */
    private GrantType grantType = GrantType.client_credentials;

    /**
     * The OKKI password, for the password grant. Give it in plain text: the component sends its SHA-256 as OKKI
     * requires.
     */
    private String password;

    /**
     * The module scopes to request, separated by spaces (e.g. company invoices). Leave it unset and the component
     * requests the scopes its endpoints need, widening the token when a new endpoint needs more.
     */
    private String scope;

    /**
     * The securityConfig of every okki:events endpoint that does not set its own. Given here
     * (camel.component.okki.security-config), the webhook secret appears in no endpoint URI, and so in none of the
     * route definitions and endpoint lookups Camel logs at DEBUG and TRACE.
     */
    private String securityConfig;

    /**
     * How long a token is taken to live when OKKI's answer says nothing about it (the client_credentials grant usually
     * does not).
     */
    private Duration tokenLifetime = Duration.ofHours(8);

    /**
     * The OKKI login e-mail, for the password grant.
     */
    private String username;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public OkkiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OkkiConfiguration configuration) {
        this.configuration = configuration;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getReadAheadPages() {
        return readAheadPages;
    }

    public void setReadAheadPages(Integer readAheadPages) {
        this.readAheadPages = readAheadPages;
    }

    public Boolean getClaimBeforeRouting() {
        return claimBeforeRouting;
    }

    public void setClaimBeforeRouting(Boolean claimBeforeRouting) {
        this.claimBeforeRouting = claimBeforeRouting;
    }

    public Integer getMaxSliceRecords() {
        return maxSliceRecords;
    }

    public void setMaxSliceRecords(Integer maxSliceRecords) {
        this.maxSliceRecords = maxSliceRecords;
    }

    public Integer getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    public void setIdempotentCacheSize(Integer idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getIdField() {
        return idField;
    }

    public void setIdField(String idField) {
        this.idField = idField;
    }

    public Boolean getIncludeDeleted() {
        return includeDeleted;
    }

    public void setIncludeDeleted(Boolean includeDeleted) {
        this.includeDeleted = includeDeleted;
    }

    public String getInitialSync() {
        return initialSync;
    }

    public void setInitialSync(String initialSync) {
        this.initialSync = initialSync;
    }

    public Duration getOverlap() {
        return overlap;
    }

    public void setOverlap(Duration overlap) {
        this.overlap = overlap;
    }

    public Boolean getSplitResult() {
        return splitResult;
    }

    public void setSplitResult(Boolean splitResult) {
        this.splitResult = splitResult;
    }

    public Boolean getReadAhead() {
        return readAhead;
    }

    public void setReadAhead(Boolean readAhead) {
        this.readAhead = readAhead;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public BodyType getBodyType() {
        return bodyType;
    }

    public void setBodyType(BodyType bodyType) {
        this.bodyType = bodyType;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
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

    public Boolean getRawPayload() {
        return rawPayload;
    }

    public void setRawPayload(Boolean rawPayload) {
        this.rawPayload = rawPayload;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Boolean getRetryWrites() {
        return retryWrites;
    }

    public void setRetryWrites(Boolean retryWrites) {
        this.retryWrites = retryWrites;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
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

    public String getSecurityConfig() {
        return securityConfig;
    }

    public void setSecurityConfig(String securityConfig) {
        this.securityConfig = securityConfig;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
