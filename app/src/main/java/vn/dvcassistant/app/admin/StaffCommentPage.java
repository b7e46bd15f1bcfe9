package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentEvent;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentStatus;
import vn.dvcassistant.app.comments.HandoffConversation;
import vn.dvcassistant.app.comments.PublicCommentView;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.privacy.PublicTextSuggestion;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.StaffMember;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the comment page shows: the comment, its history, its deadlines and only the actions its status
 * allows ({@link CommentStatus#next()}), so staff are not offered a button that can only be refused.
 */
@Singleton
class StaffCommentPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final CommentService comments;
    private final AgencyDirectory agencies;
    private final ProvinceClock settings;
    private final PageText text;
    private final HandoffConversation conversations;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;

    StaffCommentPage(CommentService comments, AgencyDirectory agencies, ProvinceClock settings, PageText text,
                     HandoffConversation conversations, KnowledgeBase knowledgeBase, Messages messages) {
        this.messages = messages;
        this.conversations = conversations;
        this.knowledgeBase = knowledgeBase;
        this.comments = comments;
        this.agencies = agencies;
        this.settings = settings;
        this.text = text;
    }

    Map<String, Object> model(StaffMember me, CitizenComment comment, @Nullable String error) {
        return model(me, comment, error, null);
    }

    /**
     * @param typedPublicText the public text staff typed (previewed, or refused), shown again instead of the
     *                        masker's suggestion
     */
    Map<String, Object> model(StaffMember me, CitizenComment comment, @Nullable String error,
                              @Nullable String typedPublicText) {
        Map<String, Object> model = StaffPages.model(me, text);
        CommentStatus status = comment.commentStatus();
        Set<String> next = status.next().stream().map(CommentStatus::code).collect(Collectors.toSet());
        model.put("comment", comment);
        model.put("agencyName", agencies.find(comment.agency()).map(Agency::name).orElse(comment.agency()));
        model.put("history", comments.history(comment.code()).stream().map(this::line).toList());
        // Answering from "received" starts the handling on the way, as before.
        model.put("canAnswer", status == CommentStatus.RECEIVED || next.contains(CommentStatus.ANSWERED.code()));
        model.put("canStart", next.contains(CommentStatus.IN_PROGRESS.code()) && status != CommentStatus.ANSWERED);
        model.put("canAskInformation", next.contains(CommentStatus.NEEDS_INFO.code()));
        model.put("canReject", next.contains(CommentStatus.REJECTED.code()));
        model.put("canTransfer", next.contains(CommentStatus.TRANSFERRED.code()));
        model.put("canPublish", next.contains(CommentStatus.PUBLISHED.code()) && !comment.question());
        model.put("kindLabel", text.get("admin.comment.kind." + comment.kind()));
        model.put("conversation", comment.question()
                ? conversations.before(comment.code()).stream().map(this::line).toList() : List.of());
        model.put("fields", java.util.Arrays.asList(vn.dvcassistant.kb.Field.values()));
        model.put("agencies", agencies.all());
        model.put("otherAgencies", agencies.all().stream().filter(a -> !a.code().equals(comment.agency())).toList());
        model.put("rejectDue", day(comment.rejectDue()));
        model.put("infoDue", day(comment.infoDue()));
        model.put("answerDue", day(comment.answerDue()));
        model.put("publishDue", comment.publishDue() == null ? null : day(comment.publishDue()));
        model.put("error", error);
        publishing(model, comment, (Boolean) model.get("canPublish"), typedPublicText);
        return model;
    }

    /**
     * Before publishing: the masker's suggestion with each replaced part to highlight, the public text to confirm
     * (the suggestion until staff type their own) and the preview of the transparency page with that text.
     */
    private void publishing(Map<String, Object> model, CitizenComment comment, boolean canPublish,
                            @Nullable String typedPublicText) {
        if (!canPublish) {
            return;
        }
        PublicTextSuggestion suggestion = PublicTextSuggestion.of(comment.text());
        String publicText = typedPublicText != null && !typedPublicText.isBlank() ? typedPublicText : suggestion.text();
        model.put("suggestion", suggestion.segments());
        model.put("hasSuggestions", suggestion.segments().stream().anyMatch(PublicTextSuggestion.Segment::suggested));
        model.put("publicText", publicText);
        model.put("preview", PublicCommentView.item(comments.preview(comment, publicText)));
        model.put("previewTexts", PublicCommentView.texts(messages));
    }

    private CommentHistoryLine line(CommentEvent event) {
        return new CommentHistoryLine(MOMENT.format(event.at().atZone(settings.zone())),
                CommentService.CITIZEN.equals(event.actor()) ? text.get("admin.comment.citizen") : event.actor(),
                event.fromStatus() == null ? null : text.get("comment.status." + event.fromStatus()),
                text.get("comment.status." + event.toStatus()), event.note());
    }

    private ConversationLine line(HandoffConversation.Turn turn) {
        String reply = switch (turn.kind()) {
            case "answer" -> text.format("admin.comment.conversation.answered", Optional.ofNullable(turn.topicId())
                    .flatMap(knowledgeBase::topic).map(Topic::title).orElse(String.valueOf(turn.topicId())));
            case "fallback" -> text.get("admin.comment.conversation.unanswered");
            default -> text.get("admin.comment.conversation.other");
        };
        return new ConversationLine(MOMENT.format(turn.at().atZone(settings.zone())), turn.question(), reply);
    }

    private static String day(LocalDate day) {
        return DAY.format(day);
    }
}
