package vn.dvcassistant.app.channel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of updates from one chat is handled one at a time and in order, while other chats go on. */
class ChannelWorkersTest {

    @Test
    void aBurstFromOneChatIsHandledInOrderOneAtATime() throws InterruptedException {
        int perChat = 60;
        List<String> chats = List.of("chat-burst", "chat-2", "chat-3", "chat-4", "chat-5");
        Map<String, List<Integer>> handled = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(perChat * chats.size());
        try (ChannelWorkers workers = new ChannelWorkers("burst", 4, 1000)) {
            for (int i = 0; i < perChat; i++) {
                for (String chat : chats) {
                    int sequence = i;
                    assertThat(workers.submit(chat, () -> {
                        if (running.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet() > 1) {
                            overlaps.add(chat + "#" + sequence);
                        }
                        // A message's work (search, database) takes a little while; others of the chat must wait.
                        busy(200_000);
                        handled.computeIfAbsent(chat, c -> Collections.synchronizedList(new ArrayList<>())).add(sequence);
                        running.get(chat).decrementAndGet();
                        done.countDown();
                    })).isTrue();
                }
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overlaps).as("two updates of one chat handled at the same time").isEmpty();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perChat; i++) {
            expected.add(i);
        }
        for (String chat : chats) {
            assertThat(handled.get(chat)).as(chat).containsExactlyElementsOf(expected);
        }
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
