package vn.dvcassistant.app.llm;

import java.util.Locale;

/**
 * Why a model's answer was not sent, or why no model was asked; the template answer went instead. Shown to
 * staff, in metrics and in logs (never the citizen's or the model's text).
 */
public enum GuardReason {
    /** The model's text had nothing in it. */
    EMPTY,
    /** Longer than an answer in chat should be. */
    TOO_LONG,
    /** A number, amount, date or duration the entry does not have. */
    NUMBER_NOT_IN_ENTRY,
    PHONE_NOT_IN_ENTRY,
    URL_NOT_IN_ENTRY,
    EMAIL_NOT_IN_ENTRY,
    /** A law, decree, circular or decision number the entry does not cite. */
    LEGAL_REFERENCE_NOT_IN_ENTRY,
    /** The text speaks as a person or an officer ("tôi là cán bộ..."). */
    CLAIMS_PERSON,
    /** The model server took longer than the timeout. */
    TIMEOUT,
    /** The model server answered with an error, or with something that is not a chat completion. */
    MODEL_ERROR,
    /** Too many failures in a row: the model is not asked for a while. */
    CIRCUIT_OPEN,
    /** As many answers are being composed as the setting allows. */
    BUSY,
    /** Today's token budget is spent. */
    BUDGET_SPENT;

    /** The lower-case code used in metrics, logs and the staff page: number_not_in_entry. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
