package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.privacy.PersonalDataMasker;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Comments from receipt to published answer. Every change goes through {@link CommentStatus}, so an
 * illegal move (answering a rejected comment, publishing an unanswered one) is refused with 400
 * {@code invalid_transition}, and
 * every change is recorded in the comment's history with who made it.
 *
 * <p>Staff-facing methods take the acting user's name as {@code actor}; authorisation is the caller's job.
 */
@Singleton
public class CommentService {

    /** The actor recorded for the citizen's own steps (submitting, adding information). */
    public static final String CITIZEN = "citizen";
    private static final int MAX_NOTE = 4000;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .\\-]{8,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,100}\\.[^@\\s]{1,50}");

    private final CommentRepository comments;
    private final CommentEventRepository events;
    private final ReplyOutboxRepository outbox;
    private final CommentRouting routing;
    private final CommentDeadlines deadlines;
    private final CommentSettings settings;
    private final AgencyDirectory agencies;
    private final KnowledgeBase knowledgeBase;
    private final ProvinceClock feedbackSettings;
    private final Messages messages;
    private final TrackingPageLinks links;
    private final CommentTextRouting textRouting;
    private final Clock clock = Clock.systemUTC();

    public CommentService(CommentRepository comments, CommentEventRepository events, ReplyOutboxRepository outbox,
                          CommentRouting routing, CommentDeadlines deadlines, CommentSettings settings,
                          AgencyDirectory agencies, KnowledgeBase knowledgeBase, ProvinceClock feedbackSettings,
                          Messages messages, TrackingPageLinks links, CommentTextRouting textRouting) {
        this.links = links;
        this.textRouting = textRouting;
        this.comments = comments;
        this.events = events;
        this.outbox = outbox;
        this.routing = routing;
        this.deadlines = deadlines;
        this.settings = settings;
        this.agencies = agencies;
        this.knowledgeBase = knowledgeBase;
        this.feedbackSettings = feedbackSettings;
        this.messages = messages;
    }

    /**
     * Validates, masks, routes and stores a new comment; 400 naming the first wrong value. Routed by its topic or
     * field when the citizen chose one, else by its own text ({@link CommentTextRouting}).
     */
    @Transactional
    public SubmittedComment submit(CommentSubmission submission) {
        String text = blankToNull(submission.text());
        if (text == null) {
            throw badRequest("missing_comment_text");
        }
        if (text.length() > settings.maxLength()) {
            throw badRequest("comment_too_long");
        }
        Channel channel = Channel.chatFromCode(submission.channel()).orElseThrow(() -> badRequest("unknown_channel"));
        Topic topic = null;
        if (blankToNull(submission.topicId()) != null) {
            topic = knowledgeBase.topic(submission.topicId().strip()).orElseThrow(() -> badRequest("unknown_topic"));
        }
        Field field = topic != null ? topic.field()
                : blankToNull(submission.field()) != null
                ? Field.fromCode(submission.field().strip()).orElseThrow(() -> badRequest("unknown_field"))
                : textRouting.fieldOf(text, blankToNull(submission.hintField()) == null ? null
                : Field.fromCode(submission.hintField().strip()).orElse(null));
        Contact contact = submission.consent() ? contact(submission) : Contact.NONE;
        boolean contactOffered = blankToNull(submission.name()) != null || blankToNull(submission.phone()) != null
                || blankToNull(submission.email()) != null || blankToNull(submission.replyTo()) != null;
        Instant now = clock.instant();
        CitizenComment saved = store(CommentKind.COMMENT, text, channel, topic == null ? null : topic.id(), field,
                submission.consent(), contact, deadlines.answerDue(today(now)), now, submission.commune());
        Agency agency = agencies.find(saved.agency()).orElseGet(() -> routing.agencyFor(field));
        return new SubmittedComment(saved.code(), saved.status(), agency.code(), agency.name(),
                saved.answerDue().toString(), submission.consent() && contactOffered,
                messages.get("comment.received", saved.code(), agency.name(), format(saved.answerDue())),
                links.of(saved.code(), channel));
    }

    /**
     * Stores a question the assistant could not answer as a tracked item of kind {@code question}: routed by its
     * text like a comment, answered within {@link CommentSettings#questionAnswerDays()} working days, the answer
     * sent back on the chat when the citizen consented (else shown on the tracking page).
     */
    @Transactional
    public SubmittedComment handOver(HandoffSubmission submission) {
        String text = blankToNull(submission.text());
        if (text == null) {
            throw badRequest("missing_comment_text");
        }
        if (text.length() > settings.maxLength()) {
            text = text.substring(0, settings.maxLength());
        }
        Field field = textRouting.fieldOf(text, submission.hint());
        String replyTo = submission.consent() && submission.replyTo() != null
                && submission.replyTo().length() <= 200 ? submission.replyTo() : null;
        Contact contact = submission.consent() ? new Contact(null, null, null, replyTo) : Contact.NONE;
        Instant now = clock.instant();
        CitizenComment saved = store(CommentKind.QUESTION, text, submission.channel(), null, field,
                submission.consent(), contact, deadlines.answerDue(today(now), settings.questionAnswerDays()), now,
                submission.commune());
        Agency agency = agencies.find(saved.agency()).orElseGet(() -> routing.agencyFor(field));
        return new SubmittedComment(saved.code(), saved.status(), agency.code(), agency.name(),
                saved.answerDue().toString(), replyTo != null,
                messages.get("handoff.received", saved.code(), agency.name(), format(saved.answerDue())),
                links.of(saved.code(), submission.channel()));
    }

    private CitizenComment store(CommentKind kind, String text, Channel channel, @Nullable String topicId, Field field,
                                 boolean consent, Contact contact, LocalDate answerDue, Instant now,
                                 @Nullable String commune) {
        Agency agency = routing.agencyFor(field, text, topicId, commune);
        LocalDate today = today(now);
        CitizenComment saved = comments.save(new CitizenComment(null, uniqueCode(), channel.code(), topicId,
                field.code(), agency.code(), PersonalDataMasker.mask(text), consent, contact.name(), contact.phone(),
                contact.email(), contact.replyTo(), CommentStatus.RECEIVED.code(), null, now, null,
                deadlines.rejectDue(today), deadlines.requestInformationDue(today), answerDue, null,
                null, null, null, null, 0, 0, now, kind.code(), null));
        events.save(new CommentEvent(null, saved.id(), null, CommentStatus.RECEIVED.code(), CITIZEN, null, now));
        return saved;
    }

    public Optional<CitizenComment> find(String code) {
        String normalised = TrackingCodes.normalise(code);
        return normalised == null ? Optional.empty() : comments.findByCode(normalised);
    }

    /** The public view of a comment, for anyone holding its code. */
    public Optional<CommentTracking> track(String code) {
        return find(code).map(this::tracking);
    }

    /**
     * The comment as the transparency page would show it if published now with {@code publicText} (masked as
     * {@link #publish} masks it): the staff's preview.
     */
    public CommentTracking preview(CitizenComment comment, String publicText) {
        CommentDraft d = CommentDraft.of(comment);
        d.status = CommentStatus.PUBLISHED.code();
        d.publishedAt = clock.instant();
        d.publicText = PersonalDataMasker.mask(publicText);
        return tracking(d.build());
    }

    public List<CommentEvent> history(String code) {
        return events.findByCommentIdOrderByAt(existing(code).id());
    }

    /** Published answers, newest first, for the transparency page. */
    public List<CommentTracking> published(int limit, int offset) {
        return comments.findPublished(limit, offset).stream().map(this::tracking).toList();
    }

    public long countPublished() {
        return comments.countPublished();
    }

    /** Also from "needs information" when the agency goes on without it: the question is no longer shown. */
    @Transactional
    public CitizenComment startHandling(String code, String actor) {
        return move(code, CommentStatus.IN_PROGRESS, actor, null, CommentService::withoutNote);
    }

    /**
     * Asks the citizen for what is missing: {@code whatIsNeeded} is shown on the tracking page and, when
     * the citizen consented to be contacted, queued to their channel like an answer.
     */
    @Transactional
    public CitizenComment requestInformation(String code, String actor, String whatIsNeeded) {
        String note = requiredNote(whatIsNeeded, "missing_information_request");
        Instant now = clock.instant();
        CitizenComment asked = move(code, CommentStatus.NEEDS_INFO, actor, note, c -> c);
        // How to answer: in the chat the question arrives in, or on the tracking page (e-mail).
        String howTo = asked.replyTo() != null
                ? messages.get("comment.informationRequest.inChat", asked.code())
                : messages.get("comment.informationRequest.onPage", links.of(asked.code()));
        queueMessage(asked, "comment.informationRequest", note, now, howTo);
        return asked;
    }

    /**
     * Whether information from {@code from} (null: the web, where nobody can be identified) would be added
     * to the comment; see {@link InformationCheck} for who may add to which comment.
     */
    public InformationCheck checkInformation(String code, @Nullable ReplyAddress from) {
        Optional<CitizenComment> found = find(code);
        if (found.isEmpty()) {
            return InformationCheck.UNKNOWN_COMMENT;
        }
        CitizenComment comment = found.get();
        if (comment.commentStatus() != CommentStatus.NEEDS_INFO) {
            return InformationCheck.NOT_WAITING;
        }
        if (comment.replyTo() != null && (from == null || !from.channel().equals(comment.channel())
                || !from.chatId().equals(comment.replyTo()))) {
            return InformationCheck.OTHER_CHAT;
        }
        return InformationCheck.ACCEPTED;
    }

    /** From the web (API or tracking page): not for a comment sent from a chat that keeps its address. */
    @Transactional
    public CitizenComment supplyInformation(String code, String information) {
        return supplyInformation(code, information, null);
    }

    /**
     * The citizen's additional information, accepted only while the agency waits for it ({@code needs_info})
     * and, for a comment sent from a chat, only from that chat: 404, 409 {@code not_waiting_for_information},
     * 403 {@code information_in_chat} otherwise. The 15 working days start again from today.
     */
    @Transactional
    public CitizenComment supplyInformation(String code, String information, @Nullable ReplyAddress from) {
        String added = requiredNote(information, "missing_note");
        switch (checkInformation(code, from)) {
            case UNKNOWN_COMMENT -> throw Refusal.notFound("unknown_comment");
            case NOT_WAITING -> throw Refusal.conflict("not_waiting_for_information");
            case OTHER_CHAT -> throw Refusal.forbidden("information_in_chat");
            case ACCEPTED -> {
            }
        }
        Instant now = clock.instant();
        LocalDate today = today(now);
        return move(code, CommentStatus.IN_PROGRESS, CITIZEN, null, c -> withText(c,
                c.text() + "\n\n" + messages.get("comment.supplement", format(today)) + " "
                        + PersonalDataMasker.mask(added), answerDue(c, today)));
    }

    /**
     * Records the agency's answer and, when the citizen consented to be contacted, queues it to be
     * sent back on their channel. The answer becomes public only when {@link #publish} is called with the public
     * version of the citizen's text.
     */
    @Transactional
    public CitizenComment answer(String code, String actor, String answerText) {
        String text = blankToNull(answerText);
        if (text == null) {
            throw badRequest("missing_answer");
        }
        if (text.length() > MAX_NOTE) {
            throw badRequest("answer_too_long");
        }
        Instant now = clock.instant();
        // A handed-over question is answered to its asker only: never published, so no publishing deadline.
        CitizenComment answered = move(code, CommentStatus.ANSWERED, actor, null, c -> withAnswer(c, text, now,
                c.question() ? null : deadlines.publishDue(today(now))));
        queueMessage(answered, answered.question() ? "handoff.reply" : "comment.reply", answered.answer(), now);
        return answered;
    }

    /**
     * Publishes the answer with {@code publicText}, the citizen's text as staff confirmed it for the public (the
     * original stays for staff); identity numbers, phones and e-mails are masked in it once more, whatever staff
     * typed. The public text is recorded in the history with its actor and time. 400 {@code question_not_published}
     * for a handed-over question: it stays between the citizen and the agency; {@code invalid_transition} unless
     * answered; {@code missing_public_text}, {@code public_text_too_long}, {@code control_characters} for the text.
     */
    @Transactional
    public CitizenComment publish(String code, String actor, @Nullable String publicText) {
        CitizenComment current = existing(code);
        if (current.question()) {
            throw badRequest("question_not_published");
        }
        if (!current.commentStatus().canMoveTo(CommentStatus.PUBLISHED)) {
            throw Refusal.invalid("invalid_transition");
        }
        String confirmed = PersonalDataMasker.mask(publicText(publicText, current));
        Instant now = clock.instant();
        // Not the status note (the tracking page shows that): the history step alone records what was confirmed.
        CitizenComment published = comments.update(withStatus(withPublished(current, confirmed, now),
                CommentStatus.PUBLISHED, null, now,
                current.acknowledgedAt() != null ? current.acknowledgedAt() : now));
        events.save(new CommentEvent(null, published.id(), current.status(), CommentStatus.PUBLISHED.code(),
                actorName(actor), messages.get("comment.publicText.confirmed", confirmed), now));
        return published;
    }

    /** The public text as typed, checked: never longer than the comment itself may be (or than its original). */
    private String publicText(@Nullable String typed, CitizenComment comment) {
        String text = blankToNull(typed);
        if (text == null) {
            throw badRequest("missing_public_text");
        }
        if (text.length() > Math.max(settings.maxLength(), comment.text().length())) {
            throw badRequest("public_text_too_long");
        }
        if (text.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw badRequest("control_characters");
        }
        return text;
    }

    /** The reason is shown on the tracking page and queued to the citizen's channel. */
    @Transactional
    public CitizenComment reject(String code, String actor, String reason) {
        Instant now = clock.instant();
        String note = requiredNote(reason, "missing_reject_reason");
        CitizenComment rejected = move(code, CommentStatus.REJECTED, actor, note, c -> withClosed(c, now));
        queueMessage(rejected, "comment.rejectedNotice", note, now);
        return rejected;
    }

    /**
     * Hands the comment to a body outside the province's list (named in {@code toWhom}), which closes it
     * here; the citizen is told where it went. For an agency on the list see {@link #reassign}.
     */
    @Transactional
    public CitizenComment transfer(String code, String actor, String toWhom) {
        Instant now = clock.instant();
        String note = requiredNote(toWhom, "missing_transfer_target");
        CitizenComment transferred = move(code, CommentStatus.TRANSFERRED, actor, note, c -> withClosed(c, now));
        queueMessage(transferred, "comment.transferredNotice", note, now);
        return transferred;
    }

    /**
     * Moves a misrouted comment to another agency of the province, which then handles it here: the status
     * and deadlines stay, the history records the move. Allowed where a transfer is.
     */
    @Transactional
    public CitizenComment reassign(String code, String actor, String agencyCode) {
        String target = blankToNull(agencyCode);
        if (target == null) {
            throw badRequest("missing_transfer_target");
        }
        Agency agency = agencies.findActive(target).orElseThrow(() -> badRequest("unknown_agency"));
        CitizenComment current = existing(code);
        if (agency.code().equals(current.agency())) {
            throw badRequest("same_agency");
        }
        CommentStatus status = current.commentStatus();
        if (!status.canMoveTo(CommentStatus.TRANSFERRED)) {
            throw Refusal.invalid("invalid_transition");
        }
        Instant now = clock.instant();
        CitizenComment moved = comments.update(withAgency(current, agency.code(), now));
        events.save(new CommentEvent(null, moved.id(), status.code(), status.code(), actorName(actor),
                messages.get("comment.reassigned", agencyName(current.agency()), agency.name()), now));
        return moved;
    }

    /**
     * Corrects the field and/or the agency of a comment or question routed wrongly; either may be null, not both.
     * Allowed in any status (a published comment's figures must be right too); the status and deadlines stay, the
     * history records the correction and its actor, and the statistics, exports and the agency's queue read the
     * corrected values from then on.
     */
    @Transactional
    public CitizenComment reclassify(String code, String actor, @Nullable String fieldCode, @Nullable String agencyCode) {
        String fieldValue = blankToNull(fieldCode);
        String agencyValue = blankToNull(agencyCode);
        if (fieldValue == null && agencyValue == null) {
            throw badRequest("missing_reclassification");
        }
        Field field = fieldValue == null ? null : Field.fromCode(fieldValue).orElseThrow(() -> badRequest("unknown_field"));
        Agency agency = agencyValue == null ? null : agencies.findActive(agencyValue).orElseThrow(() -> badRequest("unknown_agency"));
        CitizenComment current = existing(code);
        List<String> changes = new java.util.ArrayList<>();
        CommentDraft draft = CommentDraft.of(current);
        if (field != null && !field.code().equals(current.field())) {
            changes.add(messages.get("comment.reclassified.field", fieldLabel(current.field()), field.label()));
            draft.field = field.code();
        }
        if (agency != null && !agency.code().equals(current.agency())) {
            changes.add(messages.get("comment.reclassified.agency", agencyName(current.agency()), agency.name()));
            draft.agency = agency.code();
        }
        if (changes.isEmpty()) {
            throw badRequest("nothing_to_reclassify");
        }
        Instant now = clock.instant();
        draft.updatedAt = now;
        CitizenComment corrected = comments.update(draft.build());
        events.save(new CommentEvent(null, corrected.id(), current.status(), current.status(), actorName(actor),
                messages.get("comment.reclassified") + " " + String.join("; ", changes), now));
        return corrected;
    }

    private static String fieldLabel(String code) {
        return Field.fromCode(code).map(Field::label).orElse(code);
    }

    private CitizenComment move(String code, CommentStatus target, String actor, String note,
                                UnaryOperator<CitizenComment> change) {
        CitizenComment current = existing(code);
        CommentStatus from = current.commentStatus();
        if (!from.canMoveTo(target)) {
            throw Refusal.invalid("invalid_transition");
        }
        Instant now = clock.instant();
        CitizenComment changed = change.apply(current);
        CitizenComment moved = comments.update(withStatus(changed, target, note, now,
                changed.acknowledgedAt() != null ? changed.acknowledgedAt() : now));
        events.save(new CommentEvent(null, moved.id(), from.code(), target.code(), actorName(actor), note, now));
        return moved;
    }

    /** Queues {@code messageKey} (arguments: code, agency name, text) to the citizen's channel, with consent only. */
    private void queueMessage(CitizenComment comment, String messageKey, String text, Instant now) {
        queueMessage(comment, messageKey, text, now, null);
    }

    private void queueMessage(CitizenComment comment, String messageKey, String text, Instant now,
                              @Nullable String afterward) {
        if (!comment.consent()) {
            return;
        }
        String channel;
        String recipient;
        if (comment.replyTo() != null) {
            channel = comment.channel();
            recipient = comment.replyTo();
        } else if (comment.contactEmail() != null) {
            channel = Channel.EMAIL.code();
            recipient = comment.contactEmail();
        } else {
            return;
        }
        String message = messages.get(messageKey, comment.code(), agencyName(comment.agency()), text);
        outbox.save(new ReplyOutboxEntry(null, comment.id(), channel, recipient,
                afterward == null ? message : message + "\n" + afterward, now, null, 0, null));
    }

    private LocalDate answerDue(CitizenComment c, LocalDate start) {
        return c.question() ? deadlines.answerDue(start, settings.questionAnswerDays()) : deadlines.answerDue(start);
    }

    private String agencyName(String code) {
        return agencies.find(code).map(Agency::name).orElse(code);
    }

    private static String actorName(String actor) {
        return actor == null || actor.isBlank() ? "unknown" : actor;
    }

    private CommentTracking tracking(CitizenComment c) {
        CommentStatus status = c.commentStatus();
        // Only the asker holds a question's code: its text and answer are shown as soon as it is answered.
        boolean published = status == CommentStatus.PUBLISHED
                || (c.question() && status == CommentStatus.ANSWERED);
        Field field = Field.fromCode(c.field()).orElse(Field.DVC_CHUNG);
        String label = c.question() && status == CommentStatus.ANSWERED ? messages.get("handoff.status.answered")
                : messages.get("comment.status." + status.code());
        return new CommentTracking(c.code(), status.code(), label,
                c.statusNote(), field.code(), field.label(), c.agency(),
                agencies.find(c.agency()).map(Agency::name).orElse(c.agency()),
                today(c.receivedAt()).toString(), c.answerDue().toString(),
                published && c.answeredAt() != null ? today(c.answeredAt()).toString() : null,
                c.publishedAt() != null ? today(c.publishedAt()).toString() : null,
                // A comment's original text is for staff only: the public see the text staff confirmed.
                published ? (c.question() ? c.text() : c.publicText()) : null, published ? c.answer() : null,
                c.usefulCount(), c.notUsefulCount(), c.kind());
    }

    private CitizenComment existing(String code) {
        return find(code).orElseThrow(() -> Refusal.notFound("unknown_comment"));
    }

    private String uniqueCode() {
        // 31^6 codes: a clash is rare, and the unique index stops the one that slips through.
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = TrackingCodes.next();
            if (!comments.existsByCode(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free tracking code after 10 attempts");
    }

    private Contact contact(CommentSubmission s) {
        String name = blankToNull(s.name());
        String phone = blankToNull(s.phone());
        String email = blankToNull(s.email());
        if (name != null && name.length() > 200) {
            throw badRequest("invalid_contact_name");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw badRequest("invalid_phone");
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw badRequest("invalid_email");
        }
        String replyTo = blankToNull(s.replyTo());
        return new Contact(name, phone, email, replyTo != null && replyTo.length() <= 200 ? replyTo : null);
    }

    private String requiredNote(String note, String missingCode) {
        String text = blankToNull(note);
        if (text == null) {
            throw badRequest(missingCode);
        }
        if (text.length() > MAX_NOTE) {
            throw badRequest("note_too_long");
        }
        return text;
    }

    private LocalDate today(Instant instant) {
        return LocalDate.ofInstant(instant, feedbackSettings.zone());
    }

    private static String format(LocalDate day) {
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static Refusal badRequest(String code) {
        return Refusal.invalid(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CitizenComment withStatus(CitizenComment c, CommentStatus status, String note, Instant now,
                                             Instant acknowledgedAt) {
        CommentDraft d = CommentDraft.of(c);
        d.status = status.code();
        d.statusNote = note != null ? note : c.statusNote();
        d.acknowledgedAt = acknowledgedAt;
        d.updatedAt = now;
        return d.build();
    }

    private static CitizenComment withText(CitizenComment c, String text, LocalDate answerDue) {
        CommentDraft d = CommentDraft.of(c);
        d.text = text;
        d.statusNote = null;
        d.answerDue = answerDue;
        return d.build();
    }

    private static CitizenComment withAnswer(CitizenComment c, String answer, Instant at, LocalDate publishDue) {
        CommentDraft d = CommentDraft.of(c);
        d.statusNote = null;
        d.publishDue = publishDue;
        d.answeredAt = at;
        d.answer = answer;
        return d.build();
    }

    private static CitizenComment withPublished(CitizenComment c, String publicText, Instant at) {
        CommentDraft d = CommentDraft.of(c);
        d.publishedAt = at;
        d.publicText = publicText;
        return d.build();
    }

    private static CitizenComment withoutNote(CitizenComment c) {
        CommentDraft d = CommentDraft.of(c);
        d.statusNote = null;
        return d.build();
    }

    private static CitizenComment withAgency(CitizenComment c, String agency, Instant now) {
        CommentDraft d = CommentDraft.of(c);
        d.agency = agency;
        d.updatedAt = now;
        return d.build();
    }

    private static CitizenComment withClosed(CitizenComment c, Instant at) {
        CommentDraft d = CommentDraft.of(c);
        d.closedAt = at;
        return d.build();
    }

    private record Contact(String name, String phone, String email, String replyTo) {
        static final Contact NONE = new Contact(null, null, null, null);
    }
}
