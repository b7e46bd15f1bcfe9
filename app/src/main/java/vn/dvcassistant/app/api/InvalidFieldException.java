package vn.dvcassistant.app.api;

/** A 400 about one named field of the request, so a client (or a developer) knows which one to fix. */
public final class InvalidFieldException extends Refusal {

    private final String field;

    public InvalidFieldException(String code, String field) {
        super(Reason.INVALID, code);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
