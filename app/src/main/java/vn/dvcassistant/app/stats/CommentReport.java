package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Comment handling over a period: all agencies together, then one entry per agency. */
@Serdeable
public record CommentReport(@Nullable String from, @Nullable String to, CommentFigures total, List<CommentFigures> byAgency) {
}
