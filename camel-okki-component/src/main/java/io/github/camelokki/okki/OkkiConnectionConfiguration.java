package io.github.camelokki.okki;

import io.github.camelokki.okki.api.GrantType;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * How to reach OKKI: host, credentials, connection pool, proxy and retries. Both endpoint kinds take these options
 * ({@link OkkiEndpoint} through {@link OkkiConfiguration}, which adds the list and call options, and
 * {@link OkkiEventsEndpoint} for enrichment and registration); set on the okki component they apply to both.
 */
@UriParams
public class OkkiConnectionConfiguration implements Cloneable {

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

    public OkkiConnectionConfiguration copy() {
        try {
            return (OkkiConnectionConfiguration) clone();
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
}
