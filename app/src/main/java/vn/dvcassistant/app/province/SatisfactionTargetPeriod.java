package vn.dvcassistant.app.province;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the {@code dvc.satisfaction-targets} list in application.yml: the targets in force from
 * {@code from} until the next entry's {@code from}.
 * <pre>
 * dvc:
 *   satisfaction-targets:
 *     - from: 2025-01-01
 *       overall: 0.90
 *       fields: [dat-dai, xay-dung, dau-tu]
 *       field-target: 0.85
 *       source: Quyết định 1588/QĐ-TTg ngày 17/12/2024
 * </pre>
 */
@EachProperty(value = "dvc.satisfaction-targets", list = true)
public final class SatisfactionTargetPeriod {

    private final int index;
    private LocalDate from;
    private double overall;
    private List<String> fields = new ArrayList<>();
    private Double fieldTarget;
    private String source;

    public SatisfactionTargetPeriod(@Parameter Integer index) {
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public double getOverall() {
        return overall;
    }

    public void setOverall(double overall) {
        this.overall = overall;
    }

    /** Fields whose procedures have their own target, {@link #getFieldTarget()}. */
    public List<String> getFields() {
        return fields;
    }

    public void setFields(List<String> fields) {
        this.fields = fields == null ? new ArrayList<>() : fields;
    }

    public Double getFieldTarget() {
        return fieldTarget;
    }

    public void setFieldTarget(Double fieldTarget) {
        this.fieldTarget = fieldTarget;
    }

    /** The decision the targets come from, printed in the exports and the year-end report. */
    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
