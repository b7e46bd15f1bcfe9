package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;

/** One step of a comment's history as the staff page shows it: local time, who, from and to which status. */
public record CommentHistoryLine(String at, String actor, @Nullable String from, String to, @Nullable String note) {
}
