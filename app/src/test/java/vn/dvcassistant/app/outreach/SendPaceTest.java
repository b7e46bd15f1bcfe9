package vn.dvcassistant.app.outreach;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The pace on a clock the test moves: what it guarantees does not depend on how busy the machine is. */
class SendPaceTest {

    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Long> sentAt = new ArrayList<>();

    @Test
    void sendsAreSpacedEvenly() {
        SendPace pace = new SendPace(10, now::get, now::addAndGet);
        for (int i = 0; i < 5; i++) {
            assertThat(pace.await()).isTrue();
            sentAt.add(now.get());
        }
        assertThat(sentAt).containsExactly(1_000 * MS, 1_100 * MS, 1_200 * MS, 1_300 * MS, 1_400 * MS);
    }

    @Test
    void aLateWakeUpPushesTheNextSendsBackInsteadOfBunchingThem() {
        // The second caller's sleep ends 60 ms late, as on a busy machine; the others wake on time.
        int[] sleeps = {0};
        SendPace pace = new SendPace(10, now::get, nanos -> now.addAndGet(nanos + (sleeps[0]++ == 0 ? 60 * MS : 0)));
        for (int i = 0; i < 12; i++) {
            assertThat(pace.await()).isTrue();
            sentAt.add(now.get());
        }
        assertThat(sentAt.get(1) - sentAt.get(0)).isEqualTo(160 * MS);
        assertThat(sentAt.get(2) - sentAt.get(1)).as("not bunched behind the late one").isEqualTo(100 * MS);
        for (int i = 10; i < sentAt.size(); i++) {
            assertThat(sentAt.get(i) - sentAt.get(i - 10)).as("never 11 within one second").isGreaterThanOrEqualTo(1_000 * MS);
        }
    }

    @Test
    void anInterruptedWaitGivesUp() {
        SendPace pace = new SendPace(10, now::get, nanos -> {
            throw new InterruptedException();
        });
        assertThat(pace.await()).isTrue();
        assertThat(pace.await()).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }
}
