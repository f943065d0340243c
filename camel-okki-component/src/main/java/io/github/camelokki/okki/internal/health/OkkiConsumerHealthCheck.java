package io.github.camelokki.okki.internal.health;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelokki.okki.internal.sync.ServerTime;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The readiness check of an okki polling consumer ({@code consumer:<routeId>}). Camel's own scheduled-poll check
 * decides the state: DOWN with the error while the last poll failed, UP once a poll succeeded. This adds what it does
 * not know: when the last poll succeeded and failed, the last error's message, the watermark and the counters.
 */
public class OkkiConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    public static final String LAST_SUCCESS = "okki.poll.last.success.time";
    public static final String LAST_FAILURE = "okki.poll.last.failure.time";
    public static final String LAST_ERROR = "okki.poll.last.error";
    public static final String LAST_RESULT = "okki.poll.last.result";
    public static final String POLLS = "okki.polls";
    public static final String FAILED_POLLS = "okki.polls.failed";
    public static final String RECORDS_DELIVERED = "okki.records.delivered";
    public static final String FAILED_DELIVERIES = "okki.records.failed";
    public static final String WATERMARK = "okki.watermark";

    private final ConsumerStats stats;
    private final Supplier<LocalDateTime> watermark;

    /**
     * @param consumer  the consumer
     * @param id        the check's id, {@code consumer:<routeId>} like Camel's
     * @param stats     the consumer's statistics
     * @param watermark the consumer's stored watermark (null before the first complete sync)
     */
    public OkkiConsumerHealthCheck(ScheduledPollConsumer consumer, String id, ConsumerStats stats,
                                   Supplier<LocalDateTime> watermark) {
        super(consumer, id);
        this.stats = stats;
        this.watermark = watermark;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        if (!isEnabled()) {
            return result;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(result.getState());
        result.getMessage().ifPresent(builder::message);
        result.getError().ifPresent(builder::error);
        builder.details(result.getDetails());
        builder.detail(LAST_RESULT, stats.lastPollResult());
        putTime(builder, LAST_SUCCESS, stats.lastSuccess());
        putTime(builder, LAST_FAILURE, stats.lastFailure());
        if (stats.lastError() != null) {
            builder.detail(LAST_ERROR, stats.lastError());
        }
        builder.detail(POLLS, stats.polls());
        builder.detail(FAILED_POLLS, stats.failedPolls());
        builder.detail(RECORDS_DELIVERED, stats.recordsDelivered());
        builder.detail(FAILED_DELIVERIES, stats.failedDeliveries());
        LocalDateTime mark = watermark.get();
        if (mark != null) {
            builder.detail(WATERMARK, ServerTime.format(mark));
        }
        return builder.build();
    }

    private static void putTime(HealthCheckResultBuilder builder, String key, Instant time) {
        if (time != null) {
            builder.detail(key, time.toString());
        }
    }
}
