package vn.dvcassistant.app.llm;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Tokens spent on the model today (the province's day), against the daily budget; per instance, so with
 * several instances each has the budget (the README says so). A limit of 0 is no limit.
 */
final class TokenBudget {

    private final long limit;
    private final Supplier<LocalDate> today;
    private LocalDate day;
    private long spent;

    TokenBudget(long limit, Supplier<LocalDate> today) {
        this.limit = limit;
        this.today = today;
    }

    synchronized boolean hasRoom() {
        roll();
        return limit <= 0 || spent < limit;
    }

    synchronized void spend(long tokens) {
        roll();
        spent += Math.max(0, tokens);
    }

    synchronized long spentToday() {
        roll();
        return spent;
    }

    private void roll() {
        LocalDate now = today.get();
        if (!now.equals(day)) {
            day = now;
            spent = 0;
        }
    }
}
