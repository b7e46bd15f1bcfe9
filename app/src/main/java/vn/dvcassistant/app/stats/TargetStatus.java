package vn.dvcassistant.app.stats;

/** Whether a satisfaction rate reaches its Decision 1588 target, with 95% confidence. */
public enum TargetStatus {
    MET("met"),
    NOT_MET("not_met"),
    /** The interval straddles the target, or there are no ratings: more ratings are needed to tell. */
    UNDECIDED("undecided");

    private final String code;

    TargetStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
