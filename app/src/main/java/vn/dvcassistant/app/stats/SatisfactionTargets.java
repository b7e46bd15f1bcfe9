package vn.dvcassistant.app.stats;

import vn.dvcassistant.kb.Field;

/**
 * Decision 1588/QĐ-TTg targets for 2025: at least 90% of citizens satisfied, at least 85% for land,
 * construction and investment procedures.
 */
public final class SatisfactionTargets {

    public static final double OVERALL = 0.90;
    public static final double LAND_CONSTRUCTION_INVESTMENT = 0.85;

    private SatisfactionTargets() {
    }

    /** The target for figures restricted to {@code field}, or the overall one when {@code field} is null. */
    public static double forField(Field field) {
        return field != null && field.hasLandConstructionInvestmentTarget() ? LAND_CONSTRUCTION_INVESTMENT : OVERALL;
    }
}
