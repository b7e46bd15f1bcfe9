package vn.dvcassistant.app.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which composer answered, and why the model's answer was not sent: in metrics
 * ({@code dvc_llm_answers_total{composer,reason}}, {@code dvc_llm_model_seconds}), in the log (codes only, never
 * text) and, per entry and day, in {@code composer_count} for the staff's content page. Counted in memory and
 * added to the table every half minute, so a composed answer costs no write of its own.
 */
@Singleton
public class ComposerOutcomes {

    public static final String LLM = "llm";
    public static final String TEMPLATE = "template";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComposerOutcomes.class);
    private static final String ADD = """
            INSERT INTO composer_count (day, topic_id, composer, reason, answers) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (day, topic_id, composer, reason) DO UPDATE SET answers = composer_count.answers + EXCLUDED.answers""";

    private record Key(LocalDate day, String topicId, String composer, String reason) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final TransactionOperations<Connection> transactions;
    private final ProvinceClock clock;
    private final Timer modelTime;

    ComposerOutcomes(MeterRegistry registry, TransactionOperations<Connection> transactions, ProvinceClock clock,
                     ModelCalls calls) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
        this.modelTime = Timer.builder("dvc.llm.model").description("Time the language model took to answer")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("dvc.llm.circuit.open", calls, c -> c.circuit() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while the model is not asked after repeated failures").register(registry);
    }

    /**
     * @param reason null when the model's answer was sent
     */
    public void record(String topicId, @Nullable GuardReason reason, Duration modelTook) {
        String composer = reason == null ? LLM : TEMPLATE;
        String code = reason == null ? "" : reason.code();
        pending.computeIfAbsent(new Key(clock.today(), topicId, composer, code), k -> new LongAdder()).increment();
        Counter.builder("dvc.llm.answers").description("Answers while a language model is configured, by composer")
                .tag("composer", composer).tag("reason", reason == null ? "none" : code)
                .register(registry).increment();
        if (!modelTook.isZero()) {
            modelTime.record(modelTook);
        }
        LOG.info("composer={} reason={} topic={} model_ms={}", composer, reason == null ? "none" : code, topicId,
                modelTook.toMillis());
    }

    /** Adds what was counted since the last time to the table. */
    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    public void flush() {
        Map<Key, Long> taken = new HashMap<>();
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            if (adder != null && adder.sum() > 0) {
                taken.merge(key, adder.sum(), Long::sum);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement add = status.getConnection().prepareStatement(ADD)) {
                    // In one order on every instance, so two flushes never wait for each other's rows in a cycle.
                    for (Map.Entry<Key, Long> e : taken.entrySet().stream()
                            .sorted(Comparator.comparing(x -> x.getKey().toString())).toList()) {
                        add.setDate(1, Date.valueOf(e.getKey().day()));
                        add.setString(2, e.getKey().topicId());
                        add.setString(3, e.getKey().composer());
                        add.setString(4, e.getKey().reason());
                        add.setLong(5, e.getValue());
                        add.addBatch();
                    }
                    add.executeBatch();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // Put back, so a database hiccup loses no count; the next flush tries again.
            taken.forEach((key, n) -> pending.computeIfAbsent(key, k -> new LongAdder()).add(n));
            LOG.warn("composer counts not stored yet: {}", e.getClass().getSimpleName());
        }
    }

    /** Per entry since {@code since} (inclusive), this instance's latest counts included. */
    public Map<String, ComposerCounts> since(LocalDate since) {
        flush();
        return transactions.executeRead(status -> {
            Map<String, long[]> totals = new LinkedHashMap<>();
            Map<String, Map<String, Long>> reasons = new HashMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT topic_id, composer, reason, sum(answers) FROM composer_count WHERE day >= ?
                     GROUP BY topic_id, composer, reason ORDER BY topic_id, sum(answers) DESC""")) {
                select.setDate(1, Date.valueOf(since));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String topic = rows.getString(1);
                        long n = rows.getLong(4);
                        long[] t = totals.computeIfAbsent(topic, k -> new long[2]);
                        if (LLM.equals(rows.getString(2))) {
                            t[0] += n;
                        } else {
                            t[1] += n;
                            reasons.computeIfAbsent(topic, k -> new LinkedHashMap<>()).merge(rows.getString(3), n, Long::sum);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Map<String, ComposerCounts> out = new LinkedHashMap<>();
            totals.forEach((topic, t) -> out.put(topic, new ComposerCounts(t[0], t[1], reasons.getOrDefault(topic, Map.of()))));
            return out;
        });
    }

    @PreDestroy
    void stop() {
        flush();
    }
}
