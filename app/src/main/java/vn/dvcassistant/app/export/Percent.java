package vn.dvcassistant.app.export;

import io.micronaut.core.annotation.Nullable;

/**
 * A cell holding a share (0.925): XLSX writes the number with a percentage format (shown "92,5%" in a
 * Vietnamese Excel); CSV writes the plain number of percent, 92.5, under a header ending in "(%)", so a
 * spreadsheet in any locale reads it as a number.
 */
public record Percent(@Nullable Double share) {
}
