package vn.dvcassistant.kb.catalogue;

/** A catalogue file refused whole (wrong headers, too many rows, not a table): nothing of it is imported. */
public final class CatalogueRefused extends RuntimeException {

    /** @param message why, in Vietnamese, for the editor who uploaded it */
    public CatalogueRefused(String message) {
        super(message);
    }
}
