package vn.dvcassistant.app.satisfaction;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three official levels (Circular 01/2018/TT-VPCP); a citizen counts as satisfied at the first two.
 */
public enum SatisfactionLevel {
    RAT_HAI_LONG("rat_hai_long", true),
    HAI_LONG("hai_long", true),
    KHONG_HAI_LONG("khong_hai_long", false);

    private final String code;
    private final boolean satisfied;

    SatisfactionLevel(String code, boolean satisfied) {
        this.code = code;
        this.satisfied = satisfied;
    }

    public String code() {
        return code;
    }

    public boolean satisfied() {
        return satisfied;
    }

    public static Optional<SatisfactionLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
