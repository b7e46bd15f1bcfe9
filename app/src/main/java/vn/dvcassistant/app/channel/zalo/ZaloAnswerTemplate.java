package vn.dvcassistant.app.channel.zalo;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.TrackingPageLinks;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.zalo.ZaloTemplateMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template message telling a Zalo citizen that their comment has news: the comment's code, the
 * agency, the day and the tracking page, in the parameters the province's approved template takes.
 * Never the answer itself: a template's parameters are short, and the text is on the tracking page.
 */
@Singleton
final class ZaloAnswerTemplate {

    private final ZaloTemplateSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final AgencyDirectory agencies;
    private final TrackingPageLinks links;
    private final ProvinceClock feedback;

    ZaloAnswerTemplate(ZaloTemplateSettings settings, TransactionOperations<Connection> transactions,
                       AgencyDirectory agencies, TrackingPageLinks links, ProvinceClock feedback) {
        this.settings = settings;
        this.transactions = transactions;
        this.agencies = agencies;
        this.links = links;
        this.feedback = feedback;
    }

    boolean configured() {
        return settings.configured();
    }

    ZaloTemplateMessage message(ReplyOutboxEntry entry) {
        String[] comment = comment(entry.commentId());
        Map<String, String> data = new LinkedHashMap<>();
        settings.parameters().forEach((parameter, value) -> data.put(parameter, switch (value) {
            case "code" -> comment[0];
            case "agency" -> agencies.find(comment[1]).map(Agency::name).orElse(comment[1]);
            case "date" -> dayOf(entry);
            case "link" -> links.of(comment[0]);
            default -> throw new IllegalStateException("unknown template value " + value);
        }));
        // Our own id, so Zalo's delivery reports can be matched with the outbox entry.
        return new ZaloTemplateMessage(settings.id().strip(), data, "outbox-" + entry.id());
    }

    String code(ReplyOutboxEntry entry) {
        return comment(entry.commentId())[0];
    }

    private String dayOf(ReplyOutboxEntry entry) {
        LocalDate day = LocalDate.ofInstant(entry.createdAt(), feedback.zone());
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    /** The comment's code and agency code. */
    private String[] comment(long commentId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT code, agency FROM citizen_comment WHERE id = ?")) {
                select.setLong(1, commentId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("outbox entry of a comment that no longer exists: " + commentId);
                    }
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the comment of an outbox entry", e);
            }
        });
    }
}
