package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentTracking;
import vn.dvcassistant.app.comments.InformationCheck;
import vn.dvcassistant.app.comments.ReplyAddress;
import vn.dvcassistant.app.comments.TrackingCodes;
import vn.dvcassistant.app.comments.TrackingPageLinks;
import vn.dvcassistant.app.i18n.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "bổ sung GY-7K3M9Q tôi nộp hồ sơ ở xã An Phú": the citizen answers an agency's question about their
 * comment. The code must be in the message: a reply without it cannot be told apart from a new question
 * ("bổ sung hồ sơ cần gì?" is itself a common one), so it is never taken as information. The agency's
 * question (reply outbox) tells the citizen to write it this way.
 *
 * <p>Every refusal is checked before the comment service is called, so none of them becomes an error.
 */
@Singleton
class CommentSupplements {

    /** @param commentCode the comment the reply is about, when the citizen may follow it */
    record Reply(String text, @Nullable String commentCode) {
    }

    /** @param typedCode the code as typed, or null when the message names none */
    record Request(@Nullable String typedCode, String information) {
    }

    /** Words people put between "bổ sung" and the code: "bổ sung thông tin cho góp ý mã GY-...". */
    private static final Set<String> FILLERS = Set.of("", "thong", "tin", "cho", "gop", "y", "phan", "anh", "ma",
            "so", "ve", "vao", "kien");
    private static final int MAX_FILLERS = 8;
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");
    private static final Pattern CODE = Pattern.compile("(?i)gy[-\u2010-\u2015]?[a-z0-9]{6}");
    private static final Pattern CODE_PREFIX = Pattern.compile("(?i)gy[-\u2010-\u2015]?");
    private static final Pattern CODE_BODY = Pattern.compile("(?i)[a-z0-9]{6}");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:;,.\\-\u2010-\u2015]+");

    private final CommentService comments;
    private final TrackingPageLinks links;
    private final Messages messages;

    CommentSupplements(CommentService comments, TrackingPageLinks links, Messages messages) {
        this.comments = comments;
        this.links = links;
        this.messages = messages;
    }

    /** The reply to a "bổ sung ..." message, or empty when the message is something else. */
    Optional<Reply> reply(IncomingMessage message) {
        Optional<Request> parsed = parse(message.text());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Request request = parsed.get();
        if (request.typedCode() == null) {
            return Optional.of(new Reply(messages.get("chat.supplement.howTo"), null));
        }
        String code = TrackingCodes.normalise(request.typedCode());
        if (code == null) {
            return Optional.of(unknown(request.typedCode()));
        }
        InformationCheck check = comments.checkInformation(code, from(message));
        return Optional.of(switch (check) {
            case UNKNOWN_COMMENT -> unknown(code);
            case NOT_WAITING -> new Reply(messages.get("chat.supplement.notWaiting", code,
                    comments.track(code).map(CommentTracking::statusLabel).orElse("")), code);
            case OTHER_CHAT -> new Reply(messages.get("chat.supplement.otherChat", code), null);
            case ACCEPTED -> request.information().isBlank()
                    ? new Reply(messages.get("chat.supplement.empty", code), code)
                    : supply(code, request.information(), from(message), message.channel());
        });
    }

    private Reply supply(String code, String information, @Nullable ReplyAddress from, Channel channel) {
        CitizenComment supplied = comments.supplyInformation(code, information, from);
        String agency = comments.track(code).map(CommentTracking::agencyName).orElse(supplied.agency());
        return new Reply(messages.get("chat.supplement.done", code, agency, format(supplied.answerDue()),
                links.of(code, channel)), code);
    }

    private Reply unknown(String typedCode) {
        return new Reply(messages.get("chat.supplement.unknown", typedCode.toUpperCase(Locale.ROOT)), null);
    }

    /** The chat the comment's answer would go to; the web chat has none to compare. */
    private static @Nullable ReplyAddress from(IncomingMessage message) {
        return message.channel() == Channel.WEB ? null
                : new ReplyAddress(message.channel().code(), message.chatId());
    }

    /**
     * "bổ sung" (any diacritics, case, or "bosung") first, optional filler words, then the code ("GY-7K3M9Q",
     * "gy7k3m9q", "GY 7K3M9Q") and the information. Only the prefix and fillers with no code gives a request
     * without one; any other text without a code is not a supplement.
     */
    static Optional<Request> parse(String raw) {
        if (!startsAsSupplement(raw)) {
            return Optional.empty();
        }
        List<int[]> spans = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(raw);
        while (tokens.find()) {
            spans.add(new int[] {tokens.start(), tokens.end()});
        }
        List<String> words = spans.stream().map(s -> raw.substring(s[0], s[1])).toList();
        int next = prefixLength(words);
        if (next == 0) {
            return Optional.empty();
        }
        int fillers = 0;
        while (next < words.size() && fillers < MAX_FILLERS && !looksLikeCode(words, next)
                && FILLERS.contains(FoldedText.of(words.get(next)).text())) {
            next++;
            fillers++;
        }
        if (next == words.size()) {
            return Optional.of(new Request(null, ""));
        }
        String first = stripped(words.get(next));
        int codeEnd;
        String typed;
        if (CODE.matcher(first).matches()) {
            typed = first;
            codeEnd = spans.get(next)[1];
        } else if (CODE_PREFIX.matcher(first).matches() && next + 1 < words.size()
                && CODE_BODY.matcher(stripped(words.get(next + 1))).matches()) {
            typed = first + stripped(words.get(next + 1));
            codeEnd = spans.get(next + 1)[1];
        } else {
            return Optional.empty();
        }
        typed = typed.replaceAll("[\u2010-\u2015]", "-");
        String information = LEADING_SEPARATORS.matcher(raw.substring(codeEnd)).replaceFirst("").strip();
        return Optional.of(new Request(typed, information));
    }

    /**
     * Whether the first words are "bổ sung": every message is asked, and almost none is a supplement, so only
     * its first two words are read before the whole message is taken apart.
     */
    private static boolean startsAsSupplement(String raw) {
        Matcher tokens = TOKEN.matcher(raw);
        List<String> firstTwo = new ArrayList<>(2);
        while (firstTwo.size() < 2 && tokens.find()) {
            firstTwo.add(tokens.group());
        }
        return prefixLength(firstTwo) > 0;
    }

    private static int prefixLength(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        String first = FoldedText.of(words.get(0)).text();
        if (first.equals("bosung") || first.equals("bo sung")) {
            return 1;
        }
        return first.equals("bo") && words.size() > 1 && FoldedText.of(words.get(1)).text().equals("sung") ? 2 : 0;
    }

    private static boolean looksLikeCode(List<String> words, int index) {
        String word = stripped(words.get(index));
        return CODE.matcher(word).matches() || CODE_PREFIX.matcher(word).matches();
    }

    private static String stripped(String word) {
        return EDGE_PUNCTUATION.matcher(word).replaceAll("");
    }

    private static String format(LocalDate day) {
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }
}
