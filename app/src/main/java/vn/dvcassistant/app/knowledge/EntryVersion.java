package vn.dvcassistant.app.knowledge;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One stored version of a content file.
 *
 * @param entryId the topic id, or {@link ContentStore#SYNONYMS} / {@link ContentStore#OUT_OF_SCOPE}
 * @param path    where the file sits in the YAML layout, e.g. {@code ho-tich/dang-ky-khai-sinh.yml}
 * @param state   draft, published, superseded or retired
 * @param origin  seed, editor, upload or restore
 */
public record EntryVersion(String entryId, int version, String path, String state, String yaml, String author,
                           @Nullable String reviewer, String origin, Instant createdAt, @Nullable Instant publishedAt) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String SUPERSEDED = "superseded";
}
