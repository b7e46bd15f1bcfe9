package vn.dvcassistant.app.privacy;

import io.micronaut.serde.annotation.Serdeable;

/** How many records had their personal content removed. Counts only: the records themselves stay. */
@Serdeable
public record ErasureResult(int exchanges, int answerRatings, int comments) {

    public int total() {
        return exchanges + answerRatings + comments;
    }
}
