package vn.dvcassistant.app.knowledge;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.kb.ContentValidationException;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.ReloadResult;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;
import vn.dvcassistant.kb.content.ContentFile;
import vn.dvcassistant.kb.content.ContentLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps this instance's search on the content published in the database. On start it seeds an empty
 * database from the bundled YAML (or DVC_KB_DIR) and serves what the database holds; then it polls the
 * revision every {@code dvc.content.poll-interval} and reloads when another instance (or this one)
 * published. A set that does not load is never served: the previous one keeps answering.
 */
@Context
public class ContentSync implements CatalogueLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ContentSync.class);

    private final KnowledgeBase knowledgeBase;
    private final ContentStore store;
    private final CatalogueStore catalogue;
    private final ProvinceClock clock;
    private final AtomicReference<Map<String, CatalogueStore.StoredRow>> rowsByCode = new AtomicReference<>(Map.of());
    private volatile long served = -1;
    private volatile boolean failing;
    private volatile long lastBuildMillis;

    ContentSync(KnowledgeBase knowledgeBase, ContentStore store, CatalogueStore catalogue, ProvinceClock clock) {
        this.knowledgeBase = knowledgeBase;
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    private volatile boolean started;

    @PostConstruct
    void startOrRetry() {
        try {
            start();
        } catch (RuntimeException e) {
            // The database may be down at start: the bundled content answers and the poll tries again.
            LOG.warn("content=start_deferred error={}", e.toString());
        }
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        List<ContentFile> bundled;
        try {
            bundled = knowledgeBase.sourceFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (store.seedIfEmpty(bundled)) {
            LOG.info("content=seeded files={} source={}", bundled.size(), knowledgeBase.contentLocation());
        }
        long revision = store.revision();
        List<ContentFile> published = store.publishedFiles();
        List<CatalogueStore.StoredRow> rows = catalogue.activeRows(clock.zone());
        if (published.equals(bundled) && rows.isEmpty()) {
            // The database holds what was loaded at start: no second index build.
            served = revision;
        } else {
            serve(revision, published, rows);
        }
        started = true;
    }

    @Scheduled(fixedDelay = "${dvc.content.poll-interval:1s}", initialDelay = "${dvc.content.poll-interval:1s}")
    void poll() {
        try {
            refresh();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("content=poll_failed error={}", e.toString());
            }
            failing = true;
        }
    }

    /** Serves the published content now if the revision moved since this instance last loaded it. */
    public synchronized void refresh() {
        if (!started) {
            start();
            return;
        }
        long revision = store.revision();
        if (revision == served) {
            return;
        }
        serve(revision, store.publishedFiles(), catalogue.activeRows(clock.zone()));
    }

    /** How long the last reload took (validation and index build), for logs and tests. */
    public long lastBuildMillis() {
        return lastBuildMillis;
    }

    @Override
    public java.util.Optional<String> checkedLink(String code) {
        return java.util.Optional.ofNullable(rowsByCode.get().get(code)).map(r -> r.row().officialUrl())
                .filter(url -> !url.isEmpty());
    }

    private synchronized void serve(long revision, List<ContentFile> files, List<CatalogueStore.StoredRow> rows) {
        long start = System.nanoTime();
        Set<String> covered = coveredCodes(files);
        List<Topic> extra = new ArrayList<>();
        for (CatalogueStore.StoredRow row : rows) {
            if (!covered.contains(row.row().code())) {
                extra.add(CatalogueTopics.toTopic(row.row(), row.updatedOn()));
            }
        }
        ReloadResult result = knowledgeBase.replace(files, extra);
        served = revision;
        lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        if (result.success()) {
            rowsByCode.set(rows.stream().filter(r -> !r.row().code().isEmpty())
                    .collect(Collectors.toUnmodifiableMap(r -> r.row().code(), Function.identity(), (a, b) -> a)));
            LOG.info("content=served revision={} topics={} catalogue={} ms={}", revision, result.topicCount(),
                    extra.size(), (System.nanoTime() - start) / 1_000_000);
        } else {
            LOG.error("content=refused revision={} problems={}", revision, result.problems());
        }
    }

    /** Codes that curated entries cover: the curated entry answers them, the catalogue row is not indexed. */
    private static Set<String> coveredCodes(List<ContentFile> files) {
        try {
            return new ContentLoader().load(files).topics().stream()
                    .flatMap(t -> t.procedureCodes().stream()).collect(Collectors.toSet());
        } catch (ContentValidationException e) {
            return Set.of();
        }
    }
}
