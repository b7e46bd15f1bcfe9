package vn.dvcassistant.app.stats;

/**
 * The 95% Wilson score interval of a proportion. Unlike the textbook p ± 1.96·√(p(1-p)/n) it stays
 * inside [0, 1] and behaves for small samples and rates near 100%, which is where agencies are.
 */
public record WilsonInterval(double low, double high) {

    private static final double Z = 1.959963984540054;

    /** The interval for {@code successes} out of {@code total}; null when there is no observation. */
    public static WilsonInterval of(long successes, long total) {
        if (total <= 0) {
            return null;
        }
        if (successes < 0 || successes > total) {
            throw new IllegalArgumentException("successes must be within 0.." + total + ": " + successes);
        }
        double n = total;
        double p = successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new WilsonInterval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
    }

    /** Met when the whole interval is at or above the target, not met when it is all below. */
    public TargetStatus against(double target) {
        if (low >= target) {
            return TargetStatus.MET;
        }
        if (high < target) {
            return TargetStatus.NOT_MET;
        }
        return TargetStatus.UNDECIDED;
    }
}
